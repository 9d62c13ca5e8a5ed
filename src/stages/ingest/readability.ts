// Readability over linkedom, with a few of Readability's steps answered directly. Readability finds
// elements through querySelectorAll (a few dozen calls per page), and linkedom compiles every selector
// string anew with css-select each time: on a short news page that compiling cost more than Readability's
// own scoring. Readability reads node.style for every visibility check, and linkedom builds a style object
// from the style attribute on every read. Both overrides return exactly what the originals return on a
// linkedom document (tests/stages/ingest/readability.test.ts checks them against the originals).
// parse() itself is Readability's own sequence of steps without the work whose results ingest never reads
// (see readContent).
import { Readability } from '@mozilla/readability';
import { isElement, walkElements, type DomElement, type DomNode } from './dom.ts';

// Readability 0.6's names for the two helpers; pinned in package.json, so they cannot move under us.
interface ReadabilityInternals {
  _getAllNodesWithTag(node: DomNode, tagNames: string[]): ArrayLike<DomElement>;
  _isProbablyVisible(node: DomElement): boolean;
}
/** The steps of Readability.prototype.parse, as 0.6.0 names them. */
interface ReadabilitySteps {
  _doc: DomNode;
  _disableJSONLD: boolean;
  _metadata: unknown;
  _articleTitle: string | undefined;
  _articleByline: string | null;
  _unwrapNoscriptImages(doc: DomNode): void;
  _getJSONLD(doc: DomNode): object;
  _removeScripts(doc: DomNode): void;
  _prepDocument(): void;
  _getArticleMetadata(jsonLd: object): { title?: string; byline?: string };
  _grabArticle(): DomElement | null;
  _postProcessContent(content: DomElement): void;
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

  // Readability makes relative link and image URLs absolute, and turns links with a javascript: URL into their
  // text. Ingest reads only text from the content, never a URL, and the sanitiser has already taken every
  // javascript: href away (its test is a superset of Readability's), so this step cannot change what ingest
  // reads; skipping it saves resolving every URL in the article against a base URL that linkedom finds with a
  // selector query on each call.
  _fixRelativeUris(): void {}

  /** Readability 0.6.0's parse(), step for step, returning only what ingest reads: the article's DOM node
   * and the byline. Left out: the debug log line that serialises the whole article to HTML even with
   * debugging off, and the excerpt and textContent of the result (each another walk over the article).
   * maxElemsToParse is not set, so its element count is skipped as in the original. */
  readContent(): ArticleContent | null {
    const self = this as unknown as ReadabilitySteps;
    self._unwrapNoscriptImages(self._doc);
    const jsonLd = self._disableJSONLD ? {} : self._getJSONLD(self._doc);
    self._removeScripts(self._doc);
    self._prepDocument();
    const metadata = self._getArticleMetadata(jsonLd);
    self._metadata = metadata;
    self._articleTitle = metadata.title;
    const content = self._grabArticle();
    if (!content) return null;
    self._postProcessContent(content);
    return { content, byline: metadata.byline || self._articleByline || null };
  }
}

export interface ArticleContent {
  /** The article as Readability left it (its DOM node, not serialised). */
  content: DomElement;
  /** The byline Readability found in meta tags or in the page, if any. */
  byline: string | null;
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

/** Readability on a linkedom document: the article's DOM node and byline, or null when it finds no article. */
export function readabilityParse(document: DomNode, options: ReadabilityOptions): ArticleContent | null {
  // Readability's d.ts names lib.dom types this project does not load; linkedom's document is what it needs.
  return new LinkedomReadability(document as never, {
    // Our own reader covers JSON-LD (with @graph); classes are kept so the text walker can still spot caption classes.
    disableJSONLD: true,
    keepClasses: true,
    charThreshold: options.charThreshold,
  }).readContent();
}
