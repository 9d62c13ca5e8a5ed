// Readability over linkedom, with two of Readability's DOM helpers answered directly. Readability finds
// elements through querySelectorAll (a few dozen calls per page), and linkedom compiles every selector
// string anew with css-select each time: on a short news page that compiling cost more than Readability's
// own scoring. Readability reads node.style for every visibility check, and linkedom builds a style object
// from the style attribute on every read. Both overrides return exactly what the originals return on a
// linkedom document (tests/stages/ingest/readability.test.ts checks them against the originals).
import { Readability } from '@mozilla/readability';
import { isElement, walkElements, type DomElement, type DomNode } from './dom.ts';

// Readability 0.6's names for the two helpers; pinned in package.json, so they cannot move under us.
interface ReadabilityInternals {
  _getAllNodesWithTag(node: DomNode, tagNames: string[]): ArrayLike<DomElement>;
  _isProbablyVisible(node: DomElement): boolean;
}
const original = Readability.prototype as unknown as ReadabilityInternals;

/** Elements under `root` (not root itself) whose tag is one of `tags`, in document order, as
 * root.querySelectorAll(tags.join(',')) returns them: linkedom's selector walk does not enter <template>. */
export function elementsByTag(root: DomNode, tags: readonly string[]): DomElement[] {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  const found: DomElement[] = [];
  walkElements(root, (el) => {
    if (wanted.has(el.localName.toLowerCase())) found.push(el);
    return el.localName !== 'template';
  });
  return found;
}

class LinkedomReadability extends Readability<DomNode> {
  _getAllNodesWithTag(node: DomNode, tagNames: string[]): ArrayLike<DomElement> {
    return elementsByTag(node, tagNames);
  }

  _isProbablyVisible(node: DomElement): boolean {
    return visibleToReadability(node);
  }
}

/** Readability's _isProbablyVisible, reading node.style only when there is a style attribute to read: without
 * one linkedom's style object is empty, and only the attribute checks can fail. */
export function visibleToReadability(node: DomElement): boolean {
  if (isElement(node) && !node.hasAttribute('style')) {
    return !node.hasAttribute('hidden') && (node.getAttribute('aria-hidden') !== 'true' || classIncludes(node, 'fallback-image'));
  }
  return original._isProbablyVisible.call(Readability.prototype, node);
}

// Readability's own test: node.className && node.className.includes(...), a substring test on the class.
const classIncludes = (el: DomElement, s: string): boolean => (el.getAttribute('class') ?? '').includes(s);

export interface ReadabilityOptions {
  charThreshold: number;
}

/** Readability's parse() on a linkedom document: content is returned as the DOM node itself. */
export function readabilityParse(document: DomNode, options: ReadabilityOptions): ReturnType<Readability<DomNode>['parse']> {
  // Readability's d.ts names lib.dom types this project does not load; linkedom's document is what it needs.
  return new LinkedomReadability(document as never, {
    serializer: (node) => node as unknown as DomNode,
    // Our own reader covers JSON-LD (with @graph); classes are kept so the text walker can still spot caption classes.
    disableJSONLD: true,
    keepClasses: true,
    charThreshold: options.charThreshold,
  }).parse();
}
