// Nesting depth, measured before any parser builds a tree: the parsers ingest relies on are quadratic in the
// depth of what they read (htmlparser2 keeps its open elements in an array it shifts and searches at every
// tag: 50,000 nested <div>s take seconds, 200,000 half a minute; micromark on 2,000 nested list markers takes
// five seconds), and no real article nests anywhere near the limits below. Each scan here is linear.
import { Parser } from 'htmlparser2';

/** Elements an HTML page may nest; deeper pages are rejected (Readability is skipped from 200 levels on). */
export const MAX_HTML_DEPTH = 500;
/** Elements an HTML page may hold: building and reading the DOM is linear but dear (a page of 100,000 bare
 * paragraphs takes seconds); news pages hold a few thousand, the longest article pages about 10,000. */
export const MAX_HTML_ELEMENTS = 100_000;
/** Containers (block quotes, list items) a Markdown file may nest. */
export const MAX_MARKDOWN_DEPTH = 100;
/** The markup a Markdown file may hold: its non-blank lines plus its link and emphasis markers ([ ] * _). micromark
 * and mdast pay for each block and each marker (fromMarkdown, the machine shared: 25,000 paragraphs of `'*a*'` took
 * 13.8 s and 430 MB, 10,000 one-sentence paragraphs 2.3 s) and match the markers of one paragraph in time growing
 * with the square of their number (50,000 `'*a*'` in one paragraph: 28 s; 35,000 links with an emphasis each,
 * 1 MB: 58 s). Within this budget the worst of either takes a few seconds; a news article holds a few hundred lines
 * and markers, the longest a few thousand. */
export const MAX_MARKDOWN_MARKUP = 20_000;

// htmlparser2's void elements: they never hold content.
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
// Elements whose content is read as text up to their end tag.
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);
// Elements an open tag of the same name closes (the commonest of htmlparser2's implied end tags).
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'option', 'dt', 'dd', 'tr', 'td', 'th']);
// How far down the open elements an end tag is looked for: a bound, so that stray end tags stay linear.
const END_TAG_REACH = 64;

const TAG_NAME = /[a-z][^\s/>]*/y;

/** A quick upper estimate of the page's element depth: open tags push, end tags pop down to their element
 * when it is near the top, and the implied ends it does not know are simply not taken (it can only guess too
 * deep, never too shallow, except for the few implied ends it does know, which htmlparser2 applies too). */
function estimatedShape(html: string, limit: number): { depth: number; elements: number } {
  const lower = html.toLowerCase();
  const open: string[] = [];
  let foreign = 0;
  let deepest = 0;
  let elements = 0;
  let at = 0;
  for (;;) {
    const lt = lower.indexOf('<', at);
    if (lt < 0 || lt + 1 >= lower.length) return { depth: deepest, elements };
    if (lower.startsWith('<!--', lt)) {
      const end = lower.indexOf('-->', lt + 4);
      if (end < 0) return { depth: deepest, elements };
      at = end + 3;
      continue;
    }
    const close = lower[lt + 1] === '/';
    TAG_NAME.lastIndex = lt + (close ? 2 : 1);
    const name = TAG_NAME.exec(lower)?.[0];
    if (name === undefined) {
      at = lt + 1;
      continue;
    }
    const gt = lower.indexOf('>', TAG_NAME.lastIndex);
    at = gt < 0 ? lower.length : gt + 1;
    if (close) {
      const reach = Math.max(0, open.length - END_TAG_REACH);
      for (let i = open.length - 1; i >= reach; i--) {
        if (open[i] !== name) continue;
        while (open.length > i) if (isForeign(open.pop()!)) foreign--;
        break;
      }
      continue;
    }
    elements++;
    if (VOID.has(name)) continue;
    // A self-closing tag closes only in SVG or MathML; in HTML it opens the element as any tag does. A tag with
    // quotes may have its real end further on (a '>' inside a value): it counts as opening.
    if (foreign > 0 && gt > 0 && lower[gt - 1] === '/' && !/["']/.test(lower.slice(lt, gt))) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (isForeign(name)) foreign++;
    if (open.length > deepest) {
      deepest = open.length;
      if (deepest > limit) return { depth: deepest, elements };
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      if (end < 0) return { depth: deepest, elements };
      open.pop();
      at = end;
    }
  }
}

const isForeign = (name: string): boolean => name === 'svg' || name === 'math';

const TOO_DEEP = new Error('too deep');

/** htmlparser2's own depth for the page (what linkedom builds), read until it passes `limit`. */
function parsedDepth(html: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    {
      onopentagname() {
        if (++depth > deepest) deepest = depth;
        if (deepest > limit) throw TOO_DEEP;
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (err) {
    if (err !== TOO_DEEP) throw err;
  }
  return deepest;
}

/** What is over the limits in an HTML page, if anything: its depth when it nests deeper than MAX_HTML_DEPTH,
 * or its element count (every tag that opens an element) when above MAX_HTML_ELEMENTS. The quick estimate of
 * the depth decides for nearly every page; only a page it puts over the limit is parsed (and only until the
 * parse passes the limit) to know for sure. */
export function htmlOverLimits(html: string): { depth: number } | { elements: number } | undefined {
  const estimate = estimatedShape(html, MAX_HTML_DEPTH);
  if (estimate.depth > MAX_HTML_DEPTH) {
    const depth = parsedDepth(html, MAX_HTML_DEPTH);
    if (depth > MAX_HTML_DEPTH) return { depth };
  }
  return estimate.elements > MAX_HTML_ELEMENTS ? { elements: estimate.elements } : undefined;
}

// A container marker at the start of a line's remaining text: '>' or a list marker followed by a space.
const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t\n]|$)|\d{1,9}[.)](?=[ \t\n]|$))[ \t]?/y;

/** The deepest container nesting of a Markdown file when over MAX_MARKDOWN_DEPTH, else undefined: per line,
 * the block quote and list markers it opens with, plus half its indentation when it holds a marker (list
 * items nest by indenting as well). An upper estimate; a code block that happens to look like deep markers
 * would count too. */
export function markdownTooDeep(markdown: string): number | undefined {
  let deepest = 0;
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    let at = start;
    let indent = 0;
    for (; at < end; at++) {
      const c = markdown.charCodeAt(at);
      if (c === 0x20) indent++;
      else if (c === 0x09) indent += 4;
      else break;
    }
    let markers = 0;
    CONTAINER.lastIndex = at;
    while (CONTAINER.lastIndex < end && CONTAINER.test(markdown) && markers <= MAX_MARKDOWN_DEPTH) markers++;
    if (markers > 0) deepest = Math.max(deepest, markers + Math.floor(indent / 2));
    if (deepest > MAX_MARKDOWN_DEPTH) return deepest;
    start = end + 1;
  }
  return undefined;
}

/** The markup of a Markdown file (its non-blank lines plus its markers [ ] * _) when over MAX_MARKDOWN_MARKUP (the
 * count stops there, one past the limit), else undefined. One pass. */
export function markdownTooMuchMarkup(markdown: string): number | undefined {
  let markup = 0;
  let blank = true; // the current line holds nothing but spaces so far
  for (let i = 0; i < markdown.length && markup <= MAX_MARKDOWN_MARKUP; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 0x0a) blank = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
      if (blank) markup++; // the line's first character: one more line
      blank = false;
      if (c === 0x5b || c === 0x5d || c === 0x2a || c === 0x5f) markup++;
    }
  }
  return markup > MAX_MARKDOWN_MARKUP ? markup : undefined;
}
