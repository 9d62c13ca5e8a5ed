// A cheap pass over the page's source before any DOM is built: it empties what the DOM would only build to
// throw away. Building DOM nodes is the dearest part of ingest, and most of a real news page is script and
// style bodies, menus, icons and share bars, which the sanitiser and the furniture remover delete unread.
//
// The pass never decides anything the later steps would not: it empties an element only where they are
// certain to delete it before anything looks inside, and it keeps the element's own tags, so the tree keeps
// the same elements and the same implied end tags. It empties:
// - script (except JSON-LD and script types it cannot read for sure) and style bodies, and comment texts;
// - elements the sanitiser deletes without looking inside (svg, noscript, iframe, template, video …);
// - navigation, hidden elements, credits and short furniture (share bars, ad slots) that removeChrome deletes.
// An element is left whole when its content holds anything read before those deletions (meta, link, title,
// h1, time, JSON-LD), when it sits inside an <h1> (whose whole text may become the title), when it holds
// anything the pass cannot read as the DOM would (an entity in a URL or class), or when an enclosing
// element's furniture test counts its text.
//
// To know where elements end it follows htmlparser2 (what linkedom parses with) state for state: the
// tokenizer's comments, declarations, attribute quoting and raw-text elements, and the parser's stack with
// its implied end tags, void elements and self-closing tags in SVG/MathML. It counts the event handlers,
// script URLs and active elements inside what it empties, exactly as the sanitiser would have, so the
// `ingest/html-unsafe-removed` count stays the same. Removing text never runs anything, and what survives is
// sanitised as before.
import { CREDIT, FURNITURE, MAX_FURNITURE_CHARS, NEVER_FURNITURE } from './html-furniture.ts';
import { ACTIVE, DATA_SCRIPT_TYPES, NON_TEXT, SCRIPT_URL, URL_ATTRIBUTES } from './html-sanitize.ts';

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

// ------------------------------------------------------------------------------------------ htmlparser2's rules

/** Elements whose content the tokenizer reads as plain text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const P = ['p'];
const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
/** Parser.openImpliesClose: an open tag closes these while they are the innermost open element. */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>(
  [
    ['tr', ['tr', 'th', 'td']],
    ['th', ['th']],
    ['td', ['thead', 'th', 'td']],
    ['body', ['head', 'link', 'script']],
    ['li', ['li']],
    ['p', P],
    ['h1', P],
    ['h2', P],
    ['h3', P],
    ['h4', P],
    ['h5', P],
    ['h6', P],
    ['select', FORM],
    ['input', FORM],
    ['output', FORM],
    ['button', FORM],
    ['datalist', FORM],
    ['textarea', FORM],
    ['option', ['option']],
    ['optgroup', ['optgroup', 'option']],
    ['dd', ['dd', 'dt']],
    ['dt', ['dd', 'dt']],
    ['address', P],
    ['article', P],
    ['aside', P],
    ['blockquote', P],
    ['details', P],
    ['div', P],
    ['dl', P],
    ['fieldset', P],
    ['figcaption', P],
    ['figure', P],
    ['footer', P],
    ['form', P],
    ['header', P],
    ['hr', P],
    ['main', P],
    ['nav', P],
    ['ol', P],
    ['pre', P],
    ['section', P],
    ['table', P],
    ['ul', P],
    ['rt', ['rt', 'rp']],
    ['rp', ['rt', 'rp']],
    ['tbody', ['thead', 'tbody']],
    ['tfoot', ['thead', 'tbody']],
  ].map(([k, v]) => [k as string, new Set(v as string[])]),
);
/** Elements an open tag can close implicitly: the pass never empties these, as their end is not their own. */
const IMPLICITLY_CLOSED = new Set([...OPEN_IMPLIES_CLOSE.values()].flatMap((s) => [...s]));
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

// ------------------------------------------------------------------------------------------ what later steps read

/** Elements the metadata reader reads, before anything is deleted (it skips template content). */
const META_READ = new Set(['meta', 'link', 'title', 'h1', 'time']);
const JSON_LD = 'application/ld+json';
const NEVER_EMPTIED = new Set(['html', 'head', 'body']);

// Every set above that a tag name is in, as bits of one number: the pass looks a name up once per tag rather
// than in a dozen sets (on a news page of a couple of thousand tags, the lookups were a third of the pass).
const IMPLIES_CLOSE = 1;
const IS_ACTIVE = 2;
const IS_NON_TEXT = 4;
const IS_META_READ = 8;
const IS_VOID = 16;
const IS_IMPLICITLY_CLOSED = 32;
const IS_RAW_TEXT = 64;
const IS_NEVER_EMPTIED = 128;
const IS_FOREIGN = 256;
const IS_HTML_INTEGRATION = 512;
const NAME_FLAGS = new Map<string, number>();
for (const [flag, names] of [
  [IMPLIES_CLOSE, OPEN_IMPLIES_CLOSE.keys()],
  [IS_ACTIVE, ACTIVE],
  [IS_NON_TEXT, NON_TEXT],
  [IS_META_READ, META_READ],
  [IS_VOID, VOID],
  [IS_IMPLICITLY_CLOSED, IMPLICITLY_CLOSED],
  [IS_RAW_TEXT, RAW_TEXT],
  [IS_NEVER_EMPTIED, NEVER_EMPTIED],
  [IS_FOREIGN, FOREIGN],
  [IS_HTML_INTEGRATION, HTML_INTEGRATION],
] as const) {
  for (const name of names) NAME_FLAGS.set(name, (NAME_FLAGS.get(name) ?? 0) | flag);
}
const flagsOf = (name: string): number => NAME_FLAGS.get(name) ?? 0;

interface OpenTag {
  name: string;
  /** Index just past the tag's `>`, or -1 when the page ends inside the tag. */
  end: number;
  selfClosing: boolean;
  /** First value of each attribute name (htmlparser2 keeps the first of duplicates; names keep their case). */
  attributes: Map<string, string>;
}

// The pass can read a UTF-8 page before it is decoded, as its bytes one char per byte (a Latin-1 string):
// every delimiter it looks for is ASCII, and a multi-byte character never contains an ASCII byte, so the same
// positions come out. Decoding 100 KB of page to find that four fifths of it go cost as much as the pass, and
// V8 scans a one-byte string faster. What the pass compares (tag and attribute names, the attribute values it
// tests) is decoded first when it holds a non-ASCII byte, so every decision is the one made on the decoded page;
// the text count is then one per byte, never less than per character, so furniture is emptied at most as
// often as on the decoded page, which is always safe (removeChrome deletes what is left).
let latin1Utf8 = false;

/** A string the pass compares, as the decoded page holds it. */
function real(s: string): string;
function real(s: string | undefined): string | undefined;
function real(s: string | undefined): string | undefined {
  if (!latin1Utf8 || s === undefined) return s;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.from(s, 'latin1').toString('utf8');
  return s;
}

/** Reads an open tag starting at `<` (index lt), attribute by attribute as htmlparser2's tokenizer does. */
function readOpenTag(html: string, lt: number): OpenTag {
  const n = html.length;
  let i = lt + 1;
  while (i < n && !endsName(html.charCodeAt(i))) i++;
  const name = real(html.slice(lt + 1, i)).toLowerCase();
  const attributes = new Map<string, string>();
  // No closures in here: tsx names every function it creates, which costs more than the scan on big pages.
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === GT) return { name, end: i + 1, selfClosing: false, attributes };
    if (isSpace(c)) {
      i++;
      continue;
    }
    if (c === SLASH) {
      // `/`, optional whitespace, `>` ends the tag as self-closing; anything else after `/` starts an attribute.
      let j = i + 1;
      while (j < n && isSpace(html.charCodeAt(j))) j++;
      if (j < n && html.charCodeAt(j) === GT) return { name, end: j + 1, selfClosing: true, attributes };
      i = j;
      continue;
    }
    // An attribute name runs to `=`, whitespace, `/` or `>`.
    const nameStart = i;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (d === EQ || endsName(d)) break;
      i++;
    }
    const attribute = html.slice(nameStart, i);
    while (i < n && isSpace(html.charCodeAt(i))) i++;
    let value = '';
    if (i < n && html.charCodeAt(i) === EQ) {
      i++;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i >= n) break;
      const q = html.charCodeAt(i);
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
    }
    if (!attributes.has(attribute)) attributes.set(attribute, value);
  }
  return { name, end: -1, selfClosing: false, attributes };
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

/** An attribute value as the DOM will hold it, or undefined when it has an entity the pass does not decode. */
const plain = (value: string | undefined): string | undefined =>
  value === undefined || value.includes('&') ? undefined : value;

type Emptied = 'inert' | 'chrome' | 'furniture';

/** What removeChrome's main pass makes of an element: deleted whatever its content ('chrome'), deleted if its
 * text is short ('furniture'), or not certain; and whether its furniture test counts the text inside it. */
function chromeOf(
  name: string,
  attributes: Map<string, string>,
): { kind: Emptied | 'unsure' | undefined; furnitureLike: boolean } {
  const hasClassOrId = attributes.has('class') || attributes.has('id');
  const classAndId = hasClassOrId ? real(`${attributes.get('class') ?? ''} ${attributes.get('id') ?? ''}`) : '';
  const furnitureLike =
    hasClassOrId && !NEVER_FURNITURE.has(name) && (classAndId.includes('&') || FURNITURE.test(classAndId));
  if (name === 'nav' || attributes.has('hidden')) return { kind: 'chrome', furnitureLike };
  const ariaHidden = real(attributes.get('aria-hidden'));
  const role = real(attributes.get('role'));
  if ((ariaHidden !== undefined && ariaHidden.includes('&')) || (role !== undefined && role.includes('&')))
    return { kind: 'unsure', furnitureLike };
  if (ariaHidden === 'true' || role === 'navigation' || role === 'search') return { kind: 'chrome', furnitureLike };
  if (!hasClassOrId) return { kind: undefined, furnitureLike };
  if (classAndId.includes('&')) return { kind: 'unsure', furnitureLike };
  if (CREDIT.test(classAndId)) return { kind: 'chrome', furnitureLike };
  return { kind: furnitureLike ? 'furniture' : undefined, furnitureLike };
}

interface StackEntry {
  name: string;
  /** Where the element's content starts (just past its open tag). */
  contentStart: number;
  /** Set when the pass may empty this element: why, and the counters as its content began. */
  emptied?: Emptied;
  metaAt: number;
  unsureAt: number;
  activeAt: number;
  textAt: number;
  /** Whether the sanitiser deletes this element without looking inside. */
  inert: boolean;
  furnitureLike: boolean;
  template: boolean;
  /** An <h1> the metadata reader may take the title from (with all the text inside it, scripts included). */
  heading: boolean;
}

interface Cut {
  from: number;
  to: number;
  /** Active things inside, which the sanitiser no longer sees. */
  active: number;
}

export interface Pruned {
  html: string;
  /** Event handlers, script URLs and active elements in the emptied content, as the sanitiser counts them. */
  active: number;
}

/** Empties, in the page source, what the sanitiser and the furniture remover would delete unread. With
 * `utf8InLatin1`, `html` is a UTF-8 page's bytes as a Latin-1 string, and so is the result (see `real`). */
export function pruneHtml(html: string, utf8InLatin1 = false): Pruned {
  latin1Utf8 = utf8InLatin1;
  try {
    return prune(html);
  } finally {
    latin1Utf8 = false;
  }
}

function prune(html: string): Pruned {
  const n = html.length;
  const cuts: Cut[] = [];
  const stack: StackEntry[] = [];
  const foreign: boolean[] = [false];
  // Running counters: meta-read elements seen, things the pass cannot read as the DOM would, active things
  // the sanitiser would count, text characters removeChrome's furniture test would count.
  let meta = 0;
  let unsure = 0;
  let active = 0;
  let text = 0;
  // How many open elements are: deleted unread by the sanitiser; furniture-like; templates.
  let inert = 0;
  let furniture = 0;
  let template = 0;
  let heading = 0;

  const pop = (at: number): void => {
    const e = stack.pop()!;
    if (e.inert) inert--;
    if (e.furnitureLike) furniture--;
    if (e.template) template--;
    if (e.heading) heading--;
    if (e.emptied === undefined || at <= e.contentStart || meta !== e.metaAt) return;
    if (e.emptied !== 'inert' && unsure !== e.unsureAt) return;
    if (e.emptied === 'furniture' && text - e.textAt >= MAX_FURNITURE_CHARS) return;
    // Anything emptied inside goes with it: its count is part of this one's.
    while (cuts.length > 0 && cuts[cuts.length - 1]!.from >= e.contentStart) cuts.pop();
    cuts.push({ from: e.contentStart, to: at, active: active - e.activeAt });
  };

  const open = (tag: OpenTag, lt: number): void => {
    const { name, attributes } = tag;
    const flags = flagsOf(name);
    const implied = flags & IMPLIES_CLOSE ? OPEN_IMPLIES_CLOSE.get(name) : undefined;
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!.name)) pop(lt);

    // What the sanitiser and the metadata reader will see of this element.
    const script = name === 'script';
    if (inert === 0) {
      if (flags & IS_ACTIVE) {
        const type = plain(real(attributes.get('type')));
        if (script && attributes.has('type') && type === undefined) unsure++;
        else if (!script || !DATA_SCRIPT_TYPES.test((type ?? '').trim())) active++;
      } else if (!(flags & IS_NON_TEXT)) {
        for (const [attribute, value] of attributes) {
          const lower = real(attribute).toLowerCase();
          if (lower.startsWith('on')) active++;
          else if (URL_ATTRIBUTES.has(lower)) {
            if (value.includes('&')) unsure++;
            else if (SCRIPT_URL.test(real(value))) active++;
          }
        }
      }
    }
    if (template === 0 && ((flags & IS_META_READ) !== 0 || (script && keepsContent(attributes)))) meta++;

    if (flags & IS_VOID) return;
    const isInert = (flags & (IS_ACTIVE | IS_NON_TEXT)) !== 0;
    const chrome = chromeOf(name, attributes);
    const kind = isInert ? 'inert' : chrome.kind;
    const emptiable =
      heading === 0 &&
      (flags & (IS_IMPLICITLY_CLOSED | IS_RAW_TEXT | IS_NEVER_EMPTIED | IS_META_READ)) === 0 &&
      (kind === 'inert' || ((kind === 'chrome' || kind === 'furniture') && furniture === 0));
    const entry: StackEntry = {
      name,
      contentStart: tag.end,
      metaAt: meta,
      unsureAt: unsure,
      activeAt: active,
      textAt: text,
      inert: isInert,
      furnitureLike: chrome.furnitureLike,
      template: name === 'template',
      heading: name === 'h1' && template === 0,
      // always set (undefined when not emptiable): one object shape for every entry, no spread per tag
      emptied: emptiable ? kind : undefined,
    };
    stack.push(entry);
    if (entry.inert) inert++;
    if (entry.furnitureLike) furniture++;
    if (entry.template) template++;
    if (entry.heading) heading++;
    if (flags & IS_FOREIGN) foreign.unshift(true);
    else if (flags & IS_HTML_INTEGRATION) foreign.unshift(false);
    // In SVG and MathML a self-closing tag closes itself (the foreign flag was already set by this very tag).
    if (tag.selfClosing && foreign[0] === true) pop(tag.end);
  };

  const close = (name: string, lt: number): void => {
    const flags = flagsOf(name);
    if (flags & (IS_FOREIGN | IS_HTML_INTEGRATION)) foreign.shift();
    if (flags & IS_VOID) return;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (stack[k]!.name !== name) continue;
      while (stack.length > k) pop(lt);
      return;
    }
    // An unmatched </p> opens and closes an empty p, which changes nothing on the stack.
  };

  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) break;
    if (inert === 0) text += lt - i;
    const c = html.charCodeAt(lt + 1);
    if (c === BANG) {
      if (html.startsWith('--', lt + 2)) {
        // A comment ends at the first `-->`, which may share the dashes of its `<!--` (`<!-->` is a comment).
        const end = html.indexOf('-->', lt + 2);
        if (end < 0) break;
        // Keep an empty comment: a comment node still splits Readability's runs of inline content.
        if (end > lt + 4) cuts.push({ from: lt + 4, to: end, active: 0 });
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
    } else if (c === QUESTION) {
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      i = end + 1;
    } else if (c === SLASH) {
      // Any end tag ends at the next `>` (quotes mean nothing there); `</>` and `</ >` close nothing, and
      // `</` before anything but a letter is a bogus comment.
      const end = html.indexOf('>', lt + 2);
      if (end < 0) break;
      let s = lt + 2;
      while (s < end && isSpace(html.charCodeAt(s))) s++;
      if (s < end && isAlpha(html.charCodeAt(s))) {
        let e = s;
        while (e < end && !isSpace(html.charCodeAt(e))) e++;
        close(real(html.slice(s, e)).toLowerCase(), lt);
      }
      i = end + 1;
    } else if (isAlpha(c)) {
      const tag = readOpenTag(html, lt);
      if (tag.end < 0) break;
      open(tag, lt);
      i = tag.end;
      // A self-closing `<script/>` starts no raw text in htmlparser2 (and, outside SVG, stays open).
      if (!(flagsOf(tag.name) & IS_RAW_TEXT) || tag.selfClosing) continue;
      const end = rawTextEnd(html, tag.end, tag.name);
      const to = end < 0 ? n : end;
      const emptied = (tag.name === 'script' && !keepsContent(tag.attributes)) || tag.name === 'style';
      if (emptied && heading === 0) {
        cuts.push({ from: tag.end, to, active: 0 });
      } else if (inert === 0 && tag.name !== 'textarea') {
        text += to - tag.end;
      }
      if (end < 0) break;
      i = end;
    } else {
      // `<` followed by anything else is text.
      if (inert === 0) text += 1;
      i = lt + 1;
    }
  }
  if (i < n && inert === 0) text += n - i;
  while (stack.length > 0) pop(n);

  if (cuts.length === 0) return { html, active: 0 };
  cuts.sort((a, b) => a.from - b.from);
  const parts: string[] = [];
  let copied = 0;
  let removedActive = 0;
  for (const cut of cuts) {
    if (cut.from < copied) continue; // inside a cut already made (script bodies inside an emptied element)
    parts.push(html.slice(copied, cut.from));
    copied = cut.to;
    removedActive += cut.active;
  }
  parts.push(html.slice(copied));
  return { html: parts.join(''), active: removedActive };
}

/** Whether a script's content is kept: JSON-LD, or a type the pass cannot read for sure. */
function keepsContent(attributes: Map<string, string>): boolean {
  const type = real(attributes.get('type'));
  if (type === undefined) return false;
  return type.includes('&') || type.trim().toLowerCase() === JSON_LD;
}
