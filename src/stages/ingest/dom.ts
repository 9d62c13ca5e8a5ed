// The slice of the DOM the ingest stage uses, typed structurally: the project compiles without lib.dom, and
// linkedom's own typings resolve to `any` there. One place to parse, so the DOM implementation is one choice.
import { DOMParser } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly firstChild: DomNode | null;
  readonly nextSibling: DomNode | null;
  readonly textContent: string | null;
  /** Text of a text node (nodeType 3). */
  readonly data?: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  /** The upper-cased name in an HTML document, as Readability compares it. */
  readonly tagName: string;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  readonly firstElementChild: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  hasAttributes(): boolean;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly firstElementChild: DomElement | null;
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/** Parses an HTML page into a server-side DOM (linkedom): no script runs and no resource is fetched. */
export function parseDocument(html: string): DomDocument {
  // linkedom only builds a tree from htmlparser2 events; it has no script engine and no network loader.
  // DOMParser rather than parseHTML: parseHTML also builds a whole window object, a fixed cost on every page.
  return new DOMParser().parseFromString(wrapFragment(html), 'text/html');
}

/** Gives a fragment (an RSS item's HTML, a pasted snippet) the html/body it lacks: linkedom adds none itself.
 * A page that has them is returned as it is, so wrapping twice is wrapping once. */
export function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(?:body|head)[\s>]/i.test(html)) return `<html>${html}</html>`;
  return `<html><head></head><body>${html}</body></html>`;
}

/** Type guard for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** What a visitor tells the walk: go into the element's children, or pass over them. */
export const ENTER = true;
export const SKIP_CHILDREN = false;

// linkedom keeps a whole document as one linked list in document order: each element is followed by its
// attributes, its children and an end marker (nodeType -1). Walking that list is a pointer step per node,
// where firstElementChild and nextElementSibling each search the list for the next element. The two links
// are private symbols of linkedom (pinned in package.json), found once by their description; a DOM without
// them gets the walk over the public tree links instead.
const NODE_END = -1;
let links: { next: symbol; end: symbol } | null | undefined;

function linksOf(node: object): { next: symbol; end: symbol } | null {
  if (links !== undefined) return links;
  const symbols = Object.getOwnPropertySymbols(node);
  const next = symbols.find((s) => s.description === 'next');
  const end = symbols.find((s) => s.description === 'end');
  links = next !== undefined && end !== undefined ? { next, end } : null;
  return links;
}

interface Linked extends DomNode {
  [link: symbol]: Linked;
}

const ATTRIBUTE_NODE = 2;

/** An element's attributes (name and value), in order. linkedom answers el.attributes with a new list behind
 * a Proxy on every read; its attribute nodes are the nodes right after the element in its node list. */
export function attributeList(el: DomElement): ArrayLike<{ readonly name: string; readonly value: string }> {
  const link = linksOf(el);
  if (link === null) return el.attributes;
  const found: Linked[] = [];
  for (
    let node = (el as unknown as Linked)[link.next];
    node !== undefined && node.nodeType === ATTRIBUTE_NODE;
    node = node[link.next]
  )
    found.push(node);
  return found as unknown as { name: string; value: string }[];
}

/** Visits every element under root (not root itself) in document order, with its depth below root (1 for
 * root's children). Iterative rather than recursive: a page of thousands of nested elements must not exhaust
 * the stack. The visitor may not remove elements; collect them and remove them after the walk. */
export function walkElements(root: DomNode, visit: (element: DomElement, depth: number) => boolean): void {
  const link = linksOf(root);
  if (link === null) return walkTree(root, visit);
  const { next: NEXT, end: END } = link;
  const stop = (root as Linked)[END];
  let depth = 0;
  let node = (root as Linked)[NEXT];
  while (node !== stop && node !== undefined && node !== null) {
    const type = node.nodeType;
    if (type === ELEMENT_NODE) {
      depth++;
      if (visit(node as unknown as DomElement, depth)) {
        node = node[NEXT];
      } else {
        // past the element's end marker: none of its content is visited
        depth--;
        node = node[END]![NEXT];
      }
    } else {
      if (type === NODE_END) depth--;
      node = node[NEXT];
    }
  }
}

/** walkElements over the public tree links, for a DOM that is not linkedom's. */
export function walkTree(root: DomNode, visit: (element: DomElement, depth: number) => boolean): void {
  let el = (root as DomElement).firstElementChild ?? null;
  let depth = 1;
  while (el !== null) {
    let next = visit(el, depth) ? el.firstElementChild : null;
    if (next !== null) {
      depth++;
    } else {
      let up: DomElement = el;
      while (next === null) {
        next = up.nextElementSibling;
        if (next !== null) break;
        const parent = up.parentNode;
        if (parent === null || parent === root || !isElement(parent)) break;
        up = parent;
        depth--;
      }
    }
    el = next;
  }
}
