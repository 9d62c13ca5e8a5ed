// Turns a DOM subtree into plain text with the paragraph structure a reader sees: Readability's own
// textContent flattens everything into one run, which would merge sentences across paragraphs.
import { isElement, TEXT_NODE, type DomElement, type DomNode } from './dom.ts';

// Elements that start and end a paragraph of their own (HTML's block-level and list/table structure).
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'listing',
  'xmp',
  'plaintext',
]);
// Never text, even if they survived sanitising (head content, embedded documents, images).
const SKIP = new Set([
  'head',
  'title',
  'meta',
  'link',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'img',
  'svg',
  'video',
  'audio',
  'canvas',
  'picture',
  'source',
  'track',
  'map',
  'area',
  'button',
  'input',
  'select',
  'textarea',
]);
const PRESERVE_WHITESPACE = new Set(['pre', 'listing', 'xmp', 'plaintext', 'textarea']);

// Runs of whitespace that collapse to one space: /[ \t\n\r\f]+/ and /[ \t\r\f]+/, less the runs that already
// are one plain space. The result is the same, but a text of single spaces has no match, and the replace hands
// back the same string instead of building a copy of it.
export const SOURCE_SPACE_RUN = /[ \t\n\r\f]*[\t\n\r\f][ \t\n\r\f]*| {2,}/g;
export const LINE_SPACE_RUN = /[ \t\r\f]*[\t\r\f][ \t\r\f]*| {2,}/g;

export interface TextOptions {
  /** Elements for which this returns true are left out with everything inside them. */
  skip?: (element: DomElement) => boolean;
}

class ParagraphWriter {
  readonly paragraphs: string[] = [];
  private line = '';

  add(text: string): void {
    this.line += text;
  }

  /** Ends the current block: blank lines inside it (from <br><br> or <pre>) split it into paragraphs too. */
  flush(): void {
    if (this.line === '') return;
    if (!this.line.includes('\n')) {
      // one line (most blocks): what the split below makes of it, without the arrays
      const line = this.line.replace(LINE_SPACE_RUN, ' ').trim();
      if (line !== '') this.paragraphs.push(line);
      this.line = '';
      return;
    }
    let lines: string[] = [];
    for (const raw of this.line.split('\n')) {
      const line = raw.replace(LINE_SPACE_RUN, ' ').trim();
      if (line !== '') {
        lines.push(line);
      } else if (lines.length > 0) {
        this.paragraphs.push(lines.join('\n'));
        lines = [];
      }
    }
    if (lines.length > 0) this.paragraphs.push(lines.join('\n'));
    this.line = '';
  }
}

interface OpenElement {
  element: DomNode;
  block: boolean;
  pre: boolean;
  /** Left out of the second writer, with everything inside it. */
  omitted: boolean;
}

// Iterative, with the open elements on an explicit stack: a page of thousands of nested elements must not
// exhaust the call stack. With a second writer, one walk writes two texts: everything, and everything but the
// elements `omit` picks (as if they were skipped), which is what two walks with two skip tests would write.
function walk(
  root: DomNode,
  out: ParagraphWriter,
  options: TextOptions,
  second?: ParagraphWriter,
  omit?: (element: DomElement) => boolean,
): void {
  const open: OpenElement[] = [];
  let preDepth = 0;
  // How many open elements are left out of the second writer.
  let omitDepth = 0;
  let node = root.firstChild;
  for (;;) {
    if (node === null) {
      // The last child of the innermost open element is done: close that element.
      const closed = open.pop();
      if (closed === undefined) break;
      if (closed.pre) preDepth--;
      if (closed.omitted) omitDepth--;
      if (closed.block) {
        out.flush();
        if (second !== undefined && omitDepth === 0 && !closed.omitted) second.flush();
      }
      node = closed.element.nextSibling;
      continue;
    }
    const next = node.nextSibling;
    if (node.nodeType === TEXT_NODE) {
      const data = node.data ?? node.textContent ?? '';
      // HTML collapses source line breaks to spaces except inside <pre>.
      const text = preDepth > 0 ? data : data.replace(SOURCE_SPACE_RUN, ' ');
      out.add(text);
      if (second !== undefined && omitDepth === 0) second.add(text);
      node = next;
      continue;
    }
    if (!isElement(node)) {
      node = next;
      continue;
    }
    const name = node.localName;
    if (SKIP.has(name) || options.skip?.(node)) {
      node = next;
      continue;
    }
    const omitted = second !== undefined && omitDepth === 0 && omit !== undefined && omit(node);
    const toSecond = second !== undefined && omitDepth === 0 && !omitted;
    if (name === 'br') {
      out.add('\n');
      if (toSecond) second.add('\n');
      node = next;
      continue;
    }
    const block = BLOCK.has(name);
    const pre = PRESERVE_WHITESPACE.has(name);
    // Table cells sit side by side: keep their words apart without making each one a paragraph.
    const cell = name === 'td' || name === 'th';
    if (block) out.flush();
    if (cell) out.add(' ');
    if (toSecond) {
      if (block) second.flush();
      if (cell) second.add(' ');
    }
    if (pre) preDepth++;
    if (omitted) omitDepth++;
    open.push({ element: node, block, pre, omitted });
    node = node.firstChild;
  }
}

/** Returns the paragraphs of a DOM subtree: block elements separate paragraphs, <br> becomes a line break. */
export function paragraphsOf(root: DomNode, options: TextOptions = {}): string[] {
  const out = new ParagraphWriter();
  walk(root, out, options);
  out.flush();
  return out.paragraphs;
}

/** In one walk, the paragraphs of a subtree (`all`), and its paragraphs without the elements `omit` picks
 * (`without`): the same as paragraphsOf with `skip`, and with `skip || omit`. */
export function paragraphVariants(
  root: DomNode,
  options: TextOptions & { omit: (element: DomElement) => boolean },
): { all: string[]; without: string[] } {
  const all = new ParagraphWriter();
  const without = new ParagraphWriter();
  walk(root, all, options, without, options.omit);
  all.flush();
  without.flush();
  return { all: all.paragraphs, without: without.paragraphs };
}
