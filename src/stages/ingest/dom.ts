// The slice of the DOM the ingest stage uses, typed structurally: the project compiles without lib.dom, and
// linkedom's own typings resolve to `any` there. One place to parse, so the DOM implementation is one choice.
import { DOMParser } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly parentNode: DomNode | null;
  readonly textContent: string | null;
  /** Text of a text node (nodeType 3). */
  readonly data?: string;
}

export interface DomElement extends DomNode {
  readonly localName: string;
  readonly attributes: ArrayLike<{ name: string; value: string }>;
  getAttribute(name: string): string | null;
  removeAttribute(name: string): void;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  remove(): void;
}

export interface DomDocument extends DomNode {
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
  return new DOMParser().parseFromString(wrapFragment(html), 'text/html') as unknown as DomDocument;
}

/** Gives a fragment (an RSS item's HTML, a pasted snippet) the html/body it lacks: linkedom adds none itself. */
function wrapFragment(html: string): string {
  if (/<html[\s>]/i.test(html)) return html;
  if (/<(?:body|head)[\s>]/i.test(html)) return `<html>${html}</html>`;
  return `<html><head></head><body>${html}</body></html>`;
}

/** Type guard for element nodes. */
export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}
