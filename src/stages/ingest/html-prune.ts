// A cheap pass over the page's source before any DOM is built: it empties what the DOM would only build to
// throw away. Script and style bodies are most of a real news page's bytes (bundles, JSON state, CSS), and
// building DOM nodes is the dearest part of ingest, so they are cut out as text.
//
// The pass never decides what the page is; it only has to agree with the parser about where things start
// and end. It follows htmlparser2's tokenizer (what linkedom parses with) state for state where that
// matters: comments, declarations, attribute quoting, and raw-text elements (script, style, title, textarea,
// xmp), whose content is text up to the first `</name` followed by whitespace or `>`. Element tags are kept,
// with their attributes, and only their content goes: the tree keeps the same elements, so the sanitiser
// still finds (and counts) every script, and no implied end tag changes. JSON-LD scripts keep their content
// for the metadata reader. Removing text never runs anything, and what survives is sanitised as before.

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQ = 0x3d;
const DQ = 0x22;
const SQ = 0x27;

// htmlparser2's whitespace: space, \t, \n, \f, \r.
const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;
const isAlpha = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const endsName = (c: number): boolean => c === SLASH || c === GT || isSpace(c);

/** Elements whose content the tokenizer reads as plain text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
/** Of those, the ones whose content is never article text nor metadata. */
const EMPTIED = new Set(['script', 'style']);
const JSON_LD = 'application/ld+json';

interface OpenTag {
  name: string;
  /** Index just past the tag's `>`, or -1 when the page ends inside the tag. */
  end: number;
  selfClosing: boolean;
  /** The raw value of a `type` attribute; null when absent, undefined when it cannot be read simply. */
  type: string | null | undefined;
}

/** Reads an open tag starting at `<` (index lt), attribute by attribute as htmlparser2 does. */
function readOpenTag(html: string, lt: number): OpenTag {
  const n = html.length;
  let i = lt + 1;
  while (i < n && !endsName(html.charCodeAt(i))) i++;
  const name = html.slice(lt + 1, i).toLowerCase();
  let type: string | null | undefined = null;
  let selfClosing = false;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === GT) return { name, end: i + 1, selfClosing, type };
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH) {
      // `/` then optional whitespace then `>` closes the tag as self-closing; anything else starts an attribute.
      let j = i + 1;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (j < n && html.charCodeAt(j) === GT) {
        selfClosing = true;
        return { name, end: j + 1, selfClosing, type };
      }
      i = j;
      continue;
    }
    selfClosing = false;
    // An attribute name runs to `=`, whitespace, `/` or `>`.
    const nameStart = i;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (d === EQ || endsName(d)) break;
      i++;
    }
    const attribute = html.slice(nameStart, i);
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n || html.charCodeAt(i) !== EQ) continue; // an attribute without a value
    i++;
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    if (i >= n) break;
    const q = html.charCodeAt(i);
    let value: string;
    if (q === DQ || q === SQ) {
      const close = html.indexOf(q === DQ ? '"' : "'", i + 1);
      if (close < 0) break;
      value = html.slice(i + 1, close);
      i = close + 1;
    } else {
      const start = i;
      while (i < n && !isSpace(html.charCodeAt(i)) && html.charCodeAt(i) !== GT) i++;
      value = html.slice(start, i);
    }
    if (attribute.toLowerCase() === 'type') {
      // A second type attribute, or an entity in the value, is left to the DOM to read.
      type = type === null && !value.includes('&') ? value : undefined;
    }
  }
  return { name, end: -1, selfClosing, type };
}

/** Index of the `<` of the end tag that closes raw text opened by `name`, or -1 if the text runs to the end. */
function rawTextEnd(html: string, from: number, name: string): number {
  const n = html.length;
  let i = from;
  for (;;) {
    const at = html.indexOf('</', i);
    if (at < 0) return -1;
    const after = at + 2 + name.length;
    if (after < n && html.slice(at + 2, after).toLowerCase() === name) {
      const c = html.charCodeAt(after);
      if (c === GT || isSpace(c)) return at;
    }
    i = at + 2;
  }
}

/** Whether a script's content is kept: JSON-LD, or a type the pass cannot read for sure. */
function keepsContent(tag: OpenTag): boolean {
  if (tag.name !== 'script') return false;
  if (tag.type === undefined) return true;
  return tag.type !== null && tag.type.trim().toLowerCase() === JSON_LD;
}

/** Returns the page with script (except JSON-LD) and style contents and comment texts removed. */
export function pruneHtml(html: string): string {
  const n = html.length;
  const parts: string[] = [];
  let copied = 0;
  const cut = (from: number, to: number): void => {
    if (to <= from) return;
    parts.push(html.slice(copied, from));
    copied = to;
  };
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    const c = html.charCodeAt(lt + 1);
    if (c === BANG) {
      if (html.startsWith('--', lt + 2)) {
        // A comment ends at the first `-->`, which may share the dashes of its `<!--` (`<!-->` is a comment).
        const end = html.indexOf('-->', lt + 2);
        if (end < 0) break;
        // Keep an empty comment: a comment node still splits Readability's runs of inline content.
        cut(lt + 4, end);
        i = end + 3;
      } else if (html.startsWith('[CDATA[', lt + 2)) {
        const end = html.indexOf(']]>', lt + 9);
        if (end < 0) break;
        i = end + 3;
      } else {
        // A declaration (<!DOCTYPE …>). The tokenizer never looks at the character right after `<!` (or
        // after `<!-`) as a possible end, so `<!>` and `<!->` run on to the next `>`.
        const end = html.indexOf('>', lt + (html.charCodeAt(lt + 2) === 0x2d ? 4 : 3));
        if (end < 0) break;
        i = end + 1;
      }
    } else if (c === QUESTION || c === SLASH) {
      // A processing instruction or any end tag (quotes mean nothing in an end tag) ends at the next `>`.
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (isAlpha(c)) {
      const tag = readOpenTag(html, lt);
      if (tag.end < 0) break;
      i = tag.end;
      // A self-closing `<script/>` does not start raw text in htmlparser2.
      if (!RAW_TEXT.has(tag.name) || tag.selfClosing) continue;
      const close = rawTextEnd(html, tag.end, tag.name);
      if (EMPTIED.has(tag.name) && !keepsContent(tag)) cut(tag.end, close < 0 ? n : close);
      if (close < 0) break;
      i = close;
    } else {
      // `<` followed by anything else is text.
      i = lt + 1;
    }
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}
