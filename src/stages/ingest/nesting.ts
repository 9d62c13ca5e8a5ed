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
/** DOM nodes an HTML page may make: its elements, attributes, comments and text nodes. The parser ends a text node
 * at every character reference (`'&amp; '` makes two) and at every '<' that opens no tag, and each node costs about
 * what an element does (a million `'&amp; '` in one paragraph: 28 s and 1.8 GB; `'< '` × 9.5M: over 90 s); an
 * article page makes a few times as many nodes as it has elements. */
export const MAX_HTML_NODES = 200_000;
/** Containers (block quotes, list items) a Markdown file may nest. */
export const MAX_MARKDOWN_DEPTH = 100;
/** The markup a Markdown file may hold: its non-blank lines plus its inline markers ([ ] * _ ` < > & ! \ ~ |). micromark
 * and mdast pay for each block and each marker (fromMarkdown, the machine shared: 25,000 paragraphs of `'*a*'` took
 * 13.8 s and 430 MB, 10,000 one-sentence paragraphs 2.3 s) and match the markers of one paragraph in time growing
 * with the square of their number (50,000 `'*a*'` in one paragraph: 28 s; 35,000 links with an emphasis each,
 * 1 MB: 58 s). Within this budget the worst of either takes a few seconds; a news article holds a few hundred lines
 * and markers, the longest a few thousand. */
export const MAX_MARKDOWN_MARKUP = 20_000;
/** Block quotes, setext headings and nested containers a Markdown file may open: micromark pays for each with time
 * growing with the square of their number (`'> x\n\n'` × 4,000, 24 KB: 22 s; `'x\n===\n\n'` × 4,000: 35 s; 200
 * lines of 99 nested list markers: 11 s; `'- - x\n'` × 10,000: over 100 s; 1,000 of any about a second), whatever
 * the rest of the file. An article opens a few dozen. */
export const MAX_MARKDOWN_BLOCKS = 1_000;

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

interface Shape {
  depth: number;
  elements: number;
  nodes: number;
}

/** Counts the text nodes htmlparser2 makes of the text in [from, to): one, and two more for each character
 * reference (the reference and the text after it). `amp` is the next '&' at or after some earlier position,
 * carried from call to call so that the whole page is searched once. */
function textNodes(lower: string, from: number, to: number, amp: { at: number }): number {
  if (to <= from) return 0;
  let nodes = 1;
  if (amp.at < from) amp.at = lower.indexOf('&', from);
  while (amp.at >= 0 && amp.at < to) {
    const c = lower.charCodeAt(amp.at + 1);
    if (c === 0x23 || (c >= 0x61 && c <= 0x7a)) nodes += 2;
    amp.at = lower.indexOf('&', amp.at + 1);
  }
  if (amp.at < 0) amp.at = lower.length;
  return nodes;
}

/** An upper estimate of the attributes in a tag's text [from, to): every word after a space (a quoted value of
 * several words counts several times). */
function attributes(lower: string, from: number, to: number): number {
  let count = 0;
  let space = false;
  for (let i = from; i < to; i++) {
    const c = lower.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d) space = true;
    else {
      if (space && c !== 0x3e && c !== 0x2f) count++;
      space = false;
    }
  }
  return count;
}

/** A quick upper estimate of the page's element depth: open tags push, end tags pop down to their element
 * when it is near the top, and the implied ends it does not know are simply not taken (it can only guess too
 * deep, never too shallow, except for the few implied ends it does know, which htmlparser2 applies too). Its
 * node count is an upper estimate too (every '&' before a letter or '#' counts as a reference). */
function estimatedShape(html: string, limit: number): Shape {
  const lower = html.toLowerCase();
  const open: string[] = [];
  const amp = { at: -1 };
  let foreign = 0;
  let deepest = 0;
  let elements = 0;
  let nodes = 0;
  let at = 0;
  let text = 0; // where the current run of text began
  for (;;) {
    const lt = lower.indexOf('<', at);
    if (lt < 0 || lt + 1 >= lower.length) {
      nodes += textNodes(lower, text, lower.length, amp);
      return { depth: deepest, elements, nodes };
    }
    if (lower.startsWith('<!--', lt)) {
      nodes += textNodes(lower, text, lt, amp) + 1;
      const end = lower.indexOf('-->', lt + 4);
      if (end < 0) return { depth: deepest, elements, nodes };
      at = text = end + 3;
      continue;
    }
    const close = lower[lt + 1] === '/';
    TAG_NAME.lastIndex = lt + (close ? 2 : 1);
    const name = TAG_NAME.exec(lower)?.[0];
    if (name === undefined) {
      // Not a tag ('< ', '<3', '<!doctype'): htmlparser2 still ends the text node there and starts another.
      nodes += textNodes(lower, text, lt, amp);
      at = text = lt + 1;
      nodes++;
      continue;
    }
    nodes += textNodes(lower, text, lt, amp);
    const gt = lower.indexOf('>', TAG_NAME.lastIndex);
    at = text = gt < 0 ? lower.length : gt + 1;
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
    nodes += 1 + attributes(lower, TAG_NAME.lastIndex, at);
    if (VOID.has(name)) continue;
    // A self-closing tag closes only in SVG or MathML; in HTML it opens the element as any tag does. A tag with
    // quotes may have its real end further on (a '>' inside a value): it counts as opening.
    if (foreign > 0 && gt > 0 && lower[gt - 1] === '/' && !/["']/.test(lower.slice(lt, gt))) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (isForeign(name)) foreign++;
    if (open.length > deepest) {
      deepest = open.length;
      if (deepest > limit) return { depth: deepest, elements, nodes };
    }
    if (RAW_TEXT.has(name)) {
      const end = lower.indexOf(`</${name}`, at);
      if (end < 0) return { depth: deepest, elements, nodes };
      open.pop();
      if (end > at) nodes++;
      at = text = end;
    }
  }
}

const isForeign = (name: string): boolean => name === 'svg' || name === 'math';

const OVER = new Error('over the limit');

/** htmlparser2's own depth and node count for the page (what linkedom builds: an element per open tag, an
 * attribute node per attribute, a node per comment and text event), read until one passes its limit. */
function parsedShape(html: string, depthLimit: number, nodeLimit: number): { depth: number; nodes: number } {
  let depth = 0;
  let deepest = 0;
  let nodes = 0;
  const node = (): void => {
    if (++nodes > nodeLimit) throw OVER;
  };
  const parser = new Parser(
    {
      onopentagname() {
        if (++depth > deepest) deepest = depth;
        if (deepest > depthLimit) throw OVER;
        node();
      },
      onclosetag() {
        depth--;
      },
      onattribute: node,
      ontext: node,
      oncomment: node,
    },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  try {
    parser.write(html);
    parser.end();
  } catch (err) {
    if (err !== OVER) throw err;
  }
  return { depth: deepest, nodes };
}

/** What is over the limits in an HTML page, if anything: its depth when it nests deeper than MAX_HTML_DEPTH,
 * its element count (every tag that opens an element) when above MAX_HTML_ELEMENTS, or its node count when above
 * MAX_HTML_NODES. The quick estimate decides for nearly every page; only a page it puts over the depth or node
 * limit is parsed (and only until the parse passes a limit) to know for sure. */
export function htmlOverLimits(html: string): { depth: number } | { elements: number } | { nodes: number } | undefined {
  const estimate = estimatedShape(html, MAX_HTML_DEPTH);
  if (estimate.depth > MAX_HTML_DEPTH || estimate.nodes > MAX_HTML_NODES) {
    const parsed = parsedShape(html, MAX_HTML_DEPTH, MAX_HTML_NODES);
    if (parsed.depth > MAX_HTML_DEPTH) return { depth: parsed.depth };
    if (estimate.elements <= MAX_HTML_ELEMENTS && parsed.nodes > MAX_HTML_NODES) return { nodes: parsed.nodes };
  }
  return estimate.elements > MAX_HTML_ELEMENTS ? { elements: estimate.elements } : undefined;
}

// A container marker at the start of a line's remaining text: '>' or a list marker followed by a space.
const CONTAINER = /[ \t]{0,3}(?:>|[-*+](?=[ \t\n]|$)|\d{1,9}[.)](?=[ \t\n]|$))[ \t]?/y;

/** The line [start, end) of a Markdown file: where its text starts after the indentation, the indentation (a tab
 * counts 4) and the container markers it opens with, counted to one past `cap`. */
function lineContainers(
  markdown: string,
  start: number,
  end: number,
  cap: number,
): { at: number; indent: number; markers: number } {
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
  while (CONTAINER.lastIndex < end && CONTAINER.test(markdown) && markers <= cap) markers++;
  return { at, indent, markers };
}

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
    const { indent, markers } = lineContainers(markdown, start, end, MAX_MARKDOWN_DEPTH);
    if (markers > 0) deepest = Math.max(deepest, markers + Math.floor(indent / 2));
    if (deepest > MAX_MARKDOWN_DEPTH) return deepest;
    start = end + 1;
  }
  return undefined;
}

// The characters micromark treats as inline markup: link and image brackets, emphasis and strike-through,
// code spans, autolinks and inline HTML, character references, escapes and table cells. Each opens a construct
// it tries, and some are matched in time growing with their square in one paragraph (a million '`a ' in one
// paragraph: 87 s and 2.3 GB; a million '<b>a</b>', '&amp;', '! ' or '<http://a>': over 90 s).
const MARKERS = new Set([...'[]*_`<&!\\~|'].map((c) => c.charCodeAt(0)));

/** The markup of a Markdown file (its non-blank lines, the words of its '#' headings, whose text micromark reads
 * word by word at a dear price (a 19 MB heading: 35 s and 3.4 GB), plus its markers [ ] * _ ` < > & ! \ ~ |) when over MAX_MARKDOWN_MARKUP (the
 * count stops there, one past the limit), else undefined. One pass. */
export function markdownTooMuchMarkup(markdown: string): number | undefined {
  let markup = 0;
  let blank = true; // the current line holds nothing but spaces so far
  let heading = false; // the current line opens with '#'
  let word = false; // the character before was no space
  for (let i = 0; i < markdown.length && markup <= MAX_MARKDOWN_MARKUP; i++) {
    const c = markdown.charCodeAt(i);
    if (c === 0x0a) blank = true;
    else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
      if (blank) {
        markup++; // the line's first character: one more line
        heading = c === 0x23;
      }
      blank = false;
      word = true;
      if (MARKERS.has(c)) markup++;
      continue;
    } else if (heading && word && !blank) markup++; // a space after a word of a heading
    word = false;
  }
  return markup > MAX_MARKDOWN_MARKUP ? markup : undefined;
}

/** The costly blocks a Markdown file opens when over MAX_MARKDOWN_BLOCKS, else undefined: block quotes (a line whose
 * containers start with '>' after a line that did not), setext headings (a line of only '=' or '-' after a non-blank
 * one) and containers nested in others (a line's markers beyond its first, and its indentation levels when it holds
 * a marker). An upper estimate (a quote line inside a code block counts too). One pass. */
export function markdownTooManyBlocks(markdown: string): number | undefined {
  let blocks = 0;
  let previousQuote = false;
  let previousBlank = true;
  let start = 0;
  while (start <= markdown.length && blocks <= MAX_MARKDOWN_BLOCKS) {
    let end = markdown.indexOf('\n', start);
    if (end < 0) end = markdown.length;
    const { at, indent, markers } = lineContainers(markdown, start, end, MAX_MARKDOWN_BLOCKS);
    const first = at < end ? markdown.charCodeAt(at) : -1;
    // every container a line opens inside another (by a second marker or by indentation) is one more block
    if (markers > 0) blocks += markers + Math.floor(indent / 2) - 1;
    const quote =
      first === 0x3e ||
      (first !== -1 && /^(?:[-*+]|\d{1,9}[.)])[ \t]+>/.test(markdown.slice(at, Math.min(end, at + 16))));
    if (quote && !previousQuote) blocks++;
    else if (!previousBlank && (first === 0x3d || first === 0x2d) && isUnderline(markdown, at, end, first)) blocks++;
    previousQuote = quote;
    previousBlank = first === -1;
    start = end + 1;
  }
  return blocks > MAX_MARKDOWN_BLOCKS ? blocks : undefined;
}

/** Whether [at, end) holds only the character `c` and trailing spaces (a setext heading's underline). */
function isUnderline(markdown: string, at: number, end: number, c: number): boolean {
  let i = at;
  while (i < end && markdown.charCodeAt(i) === c) i++;
  while (
    i < end &&
    (markdown.charCodeAt(i) === 0x20 || markdown.charCodeAt(i) === 0x09 || markdown.charCodeAt(i) === 0x0d)
  )
    i++;
  return i === end;
}
