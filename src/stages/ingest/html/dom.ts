// The slice of the DOM the ingest stage uses, typed structurally: the project compiles without lib.dom, and
// linkedom's own typings resolve to `any` there. One place to parse, so the DOM implementation is one choice.
// Only linkedom's public DOM API is used (tree links, attributes, DOMParser).
import { DOMParser } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
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
  setAttribute(name: string, value: string): void;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly firstElementChild: DomElement | null;
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  readonly head: DomElement | null;
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

/** Visits every element under root (not root itself) in document order, with its depth below root (1 for
 * root's children). Iterative rather than recursive: a page of thousands of nested elements must not exhaust
 * the stack. The visitor may not remove elements; collect them and remove them after the walk. */
export function walkElements(root: DomNode, visit: (element: DomElement, depth: number) => boolean): void {
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
