// Readability over linkedom, with some of Readability's steps answered directly. Readability finds
// elements through querySelectorAll (a few dozen calls per page), and linkedom compiles every selector
// string anew with css-select each time: on a short news page that compiling cost more than Readability's
// own scoring. Readability reads node.style for every visibility check, and linkedom builds a style object
// from the style attribute on every read. Its placeholder-image step, class weights and link density read
// linkedom's freshly built attribute lists, joined class lists and upper-cased names over and over. Each
// override returns exactly what the original returns on a linkedom document, and parse() itself is
// Readability's own sequence of steps without the work whose results ingest never reads (see readContent);
// tests/stages/ingest/readability.test.ts checks them against the originals.
import { Readability } from '@mozilla/readability';
import { attributeList, isElement, walkElements, type DomDocument, type DomElement, type DomNode } from './dom.ts';

// Readability 0.6.0's internals (pinned in package.json, so they cannot move under us).
interface ReadabilityInternals {
  _getAllNodesWithTag(node: DomNode, tagNames: string[]): ArrayLike<DomElement>;
  _isProbablyVisible(node: DomElement): boolean;
  _unwrapNoscriptImages(doc: DomNode): void;
  _getInnerText(e: DomElement, normalizeSpaces?: boolean): string;
  _removeNodes(nodeList: ArrayLike<DomElement>, filterFn?: RemoveFilter): void;
}
type RemoveFilter = (this: unknown, node: DomElement, index: number, list: ArrayLike<DomElement>) => boolean;
/** What Readability 0.6.0's _getClassWeight reads. */
interface ReadabilityWeights {
  FLAG_WEIGHT_CLASSES: number;
  REGEXPS: { negative: RegExp; positive: RegExp };
  _flagIsActive(flag: number): boolean;
}
/** What Readability 0.6.0's _hasChildBlockElement reads. */
interface ReadabilityBlocks {
  DIV_TO_P_ELEMS: Set<string>;
}
/** What Readability 0.6.0's _getLinkDensity reads. */
interface ReadabilityText {
  REGEXPS: { hashUrl: RegExp };
  _getInnerText(e: DomElement, normalizeSpaces?: boolean): string;
}
/** What Readability 0.6.0's _prepDocument calls. */
interface ReadabilityPrep {
  _doc: DomNode;
  _replaceBrs(elem: DomElement): void;
  _replaceNodeTags(nodeList: ArrayLike<DomElement>, newTagName: string): void;
}
/** The steps of Readability.prototype.parse, as 0.6.0 names them. */
interface ReadabilitySteps {
  _doc: DomNode;
  _metadata: unknown;
  _articleTitle: string | undefined;
  _articleByline: string | null;
  _unwrapNoscriptImages(doc: DomNode): void;
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
  /** Set when the page went through removeActiveContent (see ReadabilityOptions.sanitized). */
  sanitized = false;

  /** Inner texts already computed while one _removeNodes filter runs (normalised, and as they are), or null. */
  private innerTexts: [Map<DomElement, string>, Map<DomElement, string>] | null = null;

  /** Readability's _removeNodes, each call of its filter with a memo of inner texts. Every filter Readability
   * 0.6.0 passes (_prepArticle's empty paragraphs, _clean, _cleanConditionally, _cleanHeaders) only reads the
   * page, so within one call an element's text cannot change; the nodes are removed between calls, and the memo
   * goes with each. _cleanConditionally's filter asks for the text of the same element six times (for the list
   * share, the commas, two densities, the ad-word test and the link density). */
  _removeNodes(nodeList: ArrayLike<DomElement>, filterFn?: RemoveFilter): void {
    if (!filterFn) return original._removeNodes.call(this, nodeList);
    const reader = this;
    original._removeNodes.call(this, nodeList, function (this: unknown, node, index, list) {
      reader.innerTexts = [new Map(), new Map()];
      try {
        return filterFn.call(this, node, index, list);
      } finally {
        reader.innerTexts = null;
      }
    });
  }

  _getInnerText(e: DomElement, normalizeSpaces?: boolean): string {
    const memo = this.innerTexts;
    if (memo === null) return original._getInnerText.call(this, e, normalizeSpaces);
    // the original's own reading of the flag: absent means true
    const texts = memo[normalizeSpaces === undefined || normalizeSpaces ? 0 : 1];
    let text = texts.get(e);
    if (text === undefined) {
      text = original._getInnerText.call(this, e, normalizeSpaces);
      texts.set(e, text);
    }
    return text;
  }

  _getAllNodesWithTag(node: DomNode, tagNames: string[]): ArrayLike<DomElement> {
    return elementsByTag(node, tagNames);
  }

  _isProbablyVisible(node: DomElement): boolean {
    return visibleToReadability(node);
  }

  /** Readability's first step: an <img> with no src, srcset, data-src or data-srcset attribute and no attribute
   * naming an image file is a placeholder and goes; then images wrapped in <noscript> replace them. The same
   * test, reading each image's attribute list once (linkedom builds a new list on every read, and the original
   * reads it twice per attribute) and finding images with one walk instead of linkedom's getElementsByTagName,
   * which upper-cases every element's name to compare it. The sanitiser has removed every <noscript>, so the
   * second half is left to the original only for a page that still has one (its first half then finds nothing
   * more to remove). */
  _unwrapNoscriptImages(doc: DomNode): void {
    const images: DomElement[] = [];
    let noscripts = 0;
    walkElements(doc, (el) => {
      if (el.localName === 'img') images.push(el);
      else if (el.localName === 'noscript') noscripts++;
      return true;
    });
    for (const img of images) if (isPlaceholderImage(img)) img.remove();
    if (noscripts > 0) original._unwrapNoscriptImages.call(this, doc);
  }

  /** Readability's class and id weight (±25 for each of class and id that looks negative or positive), reading
   * className and id once each: the original reads each up to four times, and linkedom joins the class list
   * into a new string on every className read. */
  _getClassWeight(e: DomElement): number {
    const self = this as unknown as ReadabilityWeights;
    if (!self._flagIsActive(self.FLAG_WEIGHT_CLASSES)) return 0;
    let weight = 0;
    for (const value of [(e as unknown as { className: unknown }).className, (e as unknown as { id: unknown }).id]) {
      if (typeof value !== 'string' || value === '') continue;
      if (self.REGEXPS.negative.test(value)) weight -= 25;
      if (self.REGEXPS.positive.test(value)) weight += 25;
    }
    return weight;
  }

  /** Readability's test for a block element (blockquote, dl, div, img, ol, p, pre, table, ul) anywhere inside an
   * element. The original recurses through childNodes, which linkedom answers with a new array for every node of
   * the subtree; one walk over linkedom's node list visits the same elements and stops looking inside once one is
   * found. It is asked for every <div> Readability visits, about the whole subtree each time. */
  _hasChildBlockElement(element: DomElement): boolean {
    return hasBlockInside(element, (this as unknown as ReadabilityBlocks).DIV_TO_P_ELEMS);
  }

  /** Readability's link density: the text inside links (a link to a #fragment counting 0.3) over all the text.
   * The links are found with one walk rather than linkedom's getElementsByTagName, which upper-cases every
   * element's name to compare it; both find the <a> elements in document order, template content included. */
  _getLinkDensity(element: DomElement): number {
    const self = this as unknown as ReadabilityText;
    const textLength = self._getInnerText(element).length;
    if (textLength === 0) return 0;
    const links: DomElement[] = [];
    walkElements(element, (el) => {
      if (el.localName === 'a') links.push(el);
      return true;
    });
    let linkLength = 0;
    for (const link of links) {
      const href = link.getAttribute('href');
      const coefficient = href && self.REGEXPS.hashUrl.test(href) ? 0.3 : 1;
      linkLength += self._getInnerText(link).length * coefficient;
    }
    return linkLength / textLength;
  }

  /** Readability removes every <script> and <noscript>, and (in _prepDocument) every <style>. The sanitiser has
   * already removed every element of those names from the whole document, and nothing since has added one, so
   * on a sanitised page both searches walk the whole document to find nothing: they are skipped there. */
  _removeScripts(doc: DomNode): void {
    if (!this.sanitized) (Readability.prototype as unknown as ReadabilitySteps)._removeScripts.call(this, doc);
  }

  _prepDocument(): void {
    if (!this.sanitized) return (Readability.prototype as unknown as ReadabilitySteps)._prepDocument.call(this);
    // Readability 0.6.0's _prepDocument less its <style> removal (the first of its three steps)
    const self = this as unknown as ReadabilityPrep;
    const doc = self._doc as DomDocument;
    if (doc.body) self._replaceBrs(doc.body);
    self._replaceNodeTags(this._getAllNodesWithTag(doc, ['font']), 'SPAN');
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
   * maxElemsToParse is not set, so its element count is skipped as in the original. `replay` makes the body's
   * snapshot only when a retry needs it (see deferPageSnapshot). */
  readContent(replay?: () => DomNode): ArticleContent | null {
    const self = this as unknown as ReadabilitySteps;
    this.prepare();
    // JSON-LD is disabled (our own reader covers it), so parse() hands _getArticleMetadata an empty object too.
    const metadata = self._getArticleMetadata({});
    self._metadata = metadata;
    self._articleTitle = metadata.title;
    const body = (self._doc as DomDocument).body;
    const undo = body && replay ? deferPageSnapshot(body, () => this.preparedBodyHtml(replay)) : undefined;
    let content: DomElement | null;
    try {
      content = self._grabArticle();
    } finally {
      undo?.();
    }
    if (!content) return null;
    self._postProcessContent(content);
    return { content, byline: metadata.byline || self._articleByline || null };
  }

  /** The steps of parse() that rewrite the page before metadata and scoring (JSON-LD is disabled). */
  private prepare(): void {
    const self = this as unknown as ReadabilitySteps;
    self._unwrapNoscriptImages(self._doc);
    self._removeScripts(self._doc);
    self._prepDocument();
  }

  /** The body's HTML as it stood when scoring began: the same steps replayed on a fresh copy of the page. */
  private preparedBodyHtml(replay: () => DomNode): string {
    const copy = new LinkedomReadability(replay(), READABILITY_OPTIONS);
    copy.sanitized = this.sanitized;
    copy.prepare();
    const body = ((copy as unknown as ReadabilitySteps)._doc as DomDocument).body as unknown as { innerHTML: string };
    return body.innerHTML;
  }
}

/** Readability's _grabArticle starts with `pageCacheHtml = page.innerHTML` (page is the body) and writes it back
 * with `page.innerHTML = pageCacheHtml` only when it retries with looser rules, which few pages need:
 * serialising the whole body on every page was a sixth of Readability's time on a news page. While scoring
 * runs, the body answers that read with a token, and a write of the token gets the real snapshot, made then
 * by `snapshot`, which must return exactly what the body's HTML was at the read. Any other write passes
 * through. Returns the function that takes the hook away. */
export function deferPageSnapshot(body: DomElement, snapshot: () => string): () => void {
  const accessor = innerHtmlAccessor(body);
  const token = `\u0000readability-page-snapshot-${++snapshots}\u0000`;
  let html: string | undefined;
  Object.defineProperty(body, 'innerHTML', {
    configurable: true,
    get: () => token,
    set: (value: string) => accessor.set!.call(body, value === token ? (html ??= snapshot()) : value),
  });
  return () => {
    delete (body as { innerHTML?: string }).innerHTML;
  };
}

let snapshots = 0;

function innerHtmlAccessor(el: object): PropertyDescriptor {
  for (let proto = Object.getPrototypeOf(el); proto !== null; proto = Object.getPrototypeOf(proto)) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, 'innerHTML');
    if (descriptor?.set) return descriptor;
  }
  throw new Error('linkedom element without an innerHTML accessor');
}

export interface ArticleContent {
  /** The article as Readability left it (its DOM node, not serialised). */
  content: DomElement;
  /** The byline Readability found in meta tags or in the page, if any. */
  byline: string | null;
}

/** Whether an element under `element` has a tag name in `blocks` (see _hasChildBlockElement). */
export function hasBlockInside(element: DomElement, blocks: ReadonlySet<string>): boolean {
  let found = false;
  walkElements(element, (el) => {
    if (!found && blocks.has(el.tagName)) found = true;
    return !found;
  });
  return found;
}

// Readability's test for an image file name in any attribute value.
const IMAGE_FILE = /\.(jpg|jpeg|png|webp)/i;

/** Readability's placeholder test in _unwrapNoscriptImages: no source attribute, no image file name. */
export function isPlaceholderImage(img: DomElement): boolean {
  const attributes = attributeList(img);
  for (let i = 0; i < attributes.length; i++) {
    const { name, value } = attributes[i]!;
    if (name === 'src' || name === 'srcset' || name === 'data-src' || name === 'data-srcset' || IMAGE_FILE.test(value))
      return false;
  }
  return true;
}

/** Readability's _isProbablyVisible, reading node.style only when there is a style attribute to read: without
 * one linkedom's style object is empty, and only the attribute checks can fail. */
export function visibleToReadability(node: DomElement): boolean {
  // no attributes at all (most elements): no style, hidden or aria-hidden to fail on
  if (isElement(node) && !node.hasAttributes()) return true;
  if (isElement(node) && !node.hasAttribute('style')) {
    return (
      !node.hasAttribute('hidden') &&
      (node.getAttribute('aria-hidden') !== 'true' || classIncludes(node, 'fallback-image'))
    );
  }
  return original._isProbablyVisible.call(Readability.prototype, node);
}

// Readability's own test: node.className && node.className.includes(...), a substring test on the class.
const classIncludes = (el: DomElement, s: string): boolean => (el.getAttribute('class') ?? '').includes(s);

export interface ReadabilityOptions {
  charThreshold: number;
  /** A fresh document in the state `document` was handed over in (parsed, sanitised, furniture removed, the
   * same every time): a retry restores the page from it. Without it Readability snapshots the body itself. */
  replay?: () => DomNode;
  /** The document (and every one `replay` makes) went through removeActiveContent, which removes every
   * script, noscript and style element, so Readability's own searches for them are skipped. */
  sanitized?: boolean;
}

// Our own reader covers JSON-LD (with @graph); classes are kept so the text walker can still spot caption classes.
const READABILITY_OPTIONS = { disableJSONLD: true, keepClasses: true };

/** Readability on a linkedom document: the article's DOM node and byline, or null when it finds no article. */
export function readabilityParse(document: DomNode, options: ReadabilityOptions): ArticleContent | null {
  // Readability's d.ts names lib.dom types this project does not load; linkedom's document is what it needs.
  const reader = new LinkedomReadability(document, {
    ...READABILITY_OPTIONS,
    charThreshold: options.charThreshold,
  });
  reader.sanitized = options.sanitized === true;
  return reader.readContent(options.replay);
}
