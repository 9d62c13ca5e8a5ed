// HTML → article text and meta: empty in the source what would be deleted unread, parse with linkedom (inert),
// read metadata, strip active content, let Readability find the main content, then walk that content ourselves
// to keep paragraph breaks.
import { isProbablyReaderable } from '@mozilla/readability';
import { message } from '../../messages.ts';
import type { Message, Meta } from '../../types.ts';
import { parseDocument, wrapFragment, type DomDocument, type DomNode } from './dom.ts';
import { isCaption, isDateline, removeChrome } from './html-furniture.ts';
import { readHtmlMeta } from './html-meta.ts';
import { pruneHtml, type Pruned } from './html-prune.ts';
import { decodeLatin1Utf8, type Utf8Bytes } from './decode.ts';
import { removeActiveContent } from './html-sanitize.ts';
import { paragraphsOf, paragraphVariants } from './html-text.ts';
import { readabilityParse } from './readability.ts';
import { BYLINE_PREFIX, cleanByline } from './meta-values.ts';

export interface Extracted {
  text: string;
  meta: Meta;
  messages: Message[];
}

const STAGE = 'ingest';
// A byline longer than this is a paragraph that Readability mistook for one.
const MAX_BYLINE = 100;
// Below this many characters a Readability result on a page it did not consider readerable is page furniture.
const MIN_ARTICLE_CHARS = 140;
// Readability retries with looser rules (re-parsing the page each time) while its result is shorter than this.
// Its default of 500 makes every short news item cost up to four passes; wire stories are often shorter.
const READABILITY_CHAR_THRESHOLD = 100;

// Readability's cleaning re-reads every subtree for every element in it, which grows with the square of the
// nesting depth and faster (200 nested divs: 0.2 s; 2,000: a minute; deeper, its own recursion overflows).
// News pages nest a few dozen levels; a page nested deeper than this gets the body-text fallback instead.
const MAX_READABILITY_DEPTH = 200;

const chars = (paragraphs: string[]): number => paragraphs.reduce((n, p) => n + p.length, 0);

/** Paragraphs of the article content: captions dropped unless the captions are the story (a gallery). */
function articleParagraphs(content: DomNode): string[] {
  const { all: withCaptions, without: prose } = paragraphVariants(content, { skip: isDateline, omit: isCaption });
  return chars(withCaptions) > 2 * chars(prose) ? withCaptions : prose;
}

const comparable = (s: string): string => s.toLowerCase().replace(BYLINE_PREFIX, '').replace(/\s+/g, ' ').trim();

/** Drops a leading headline or byline paragraph that Readability kept: both already live in meta. */
function withoutHeadings(paragraphs: string[], meta: Meta): string[] {
  const known = new Set([meta.title, meta.byline].filter((v): v is string => v !== undefined).map(comparable));
  let start = 0;
  while (start < Math.min(paragraphs.length, 3) && known.has(comparable(paragraphs[start]!))) start++;
  return paragraphs.slice(start);
}

/** The page as extractHtml hands it to Readability: parsed, active content and furniture removed (reading
 * the metadata in between changes nothing). */
function preparedDocument(source: string): DomDocument {
  const document = parseDocument(source);
  removeActiveContent(document);
  removeChrome(document);
  return document;
}

/** Runs Readability on the (sanitised) document; a Readability crash on odd markup counts as "no article".
 * A retry restores the page from a fresh copy prepared the same way (readability.ts, deferPageSnapshot). */
function findArticle(document: DomDocument, source: string): ReturnType<typeof readabilityParse> {
  try {
    return readabilityParse(document, {
      charThreshold: READABILITY_CHAR_THRESHOLD,
      replay: () => preparedDocument(source),
      sanitized: true,
    });
  } catch {
    return null;
  }
}

/** The whole body's text, for pages where Readability finds no article. */
function bodyParagraphs(document: DomDocument): string[] {
  removeActiveContent(document);
  removeChrome(document, true);
  return document.body ? paragraphsOf(document.body, { skip: isDateline }) : [];
}

// wrapFragment looks for <html, then <body or <head, followed by whitespace (JavaScript's \s, Unicode spaces
// included) or `>`. In a page's bytes a Unicode space is non-ASCII bytes, and ASCII whitespace or `>` is itself:
// a match in the bytes is a match in the text, and the text can match where the bytes do not only where such
// a tag is followed by a non-ASCII byte. The bytes are wrapped as the text would be, or decoded first when
// they cannot tell.
const HTML_TAG = /<html[\s>]/i;
const HTML_TAG_THEN_NON_ASCII = /<html[\x80-\xff]/i;
const BODY_OR_HEAD_TAG = /<(?:body|head)[\s>]/i;
const BODY_OR_HEAD_TAG_THEN_NON_ASCII = /<(?:body|head)[\x80-\xff]/i;

/** wrapFragment on a UTF-8 page's bytes, or undefined when only the decoded text can say. */
function wrapBytes(latin1: string): string | undefined {
  if (HTML_TAG.test(latin1)) return wrapFragment(latin1);
  if (HTML_TAG_THEN_NON_ASCII.test(latin1)) return undefined;
  if (BODY_OR_HEAD_TAG.test(latin1)) return wrapFragment(latin1);
  if (BODY_OR_HEAD_TAG_THEN_NON_ASCII.test(latin1)) return undefined;
  return wrapFragment(latin1);
}

/** The source pass over the page, on its undecoded UTF-8 bytes when it comes that way; the result decoded. */
function prunedPage(html: string | Utf8Bytes): Pruned {
  if (typeof html === 'string') return pruneHtml(wrapFragment(html));
  const wrapped = wrapBytes(html.latin1);
  if (wrapped === undefined) return pruneHtml(wrapFragment(decodeLatin1Utf8(html.latin1)));
  const pruned = pruneHtml(wrapped, true);
  return { html: decodeLatin1Utf8(pruned.html), active: pruned.active };
}

/** Extracts the main article text (paragraphs separated by blank lines) and metadata from an HTML page (its
 * text, or its UTF-8 bytes undecoded). */
export function extractHtml(html: string | Utf8Bytes): Extracted {
  const messages: Message[] = [];
  // What the sanitiser and the furniture remover would delete unread goes before the DOM is built: script
  // and style bodies, menus, icons and share bars are most of a real page, and building nodes is the dear part.
  // The pass reads the page as the parser will, so it gets the html/body wrapper a fragment is parsed in.
  const pruned = prunedPage(html);
  const source = pruned.html;
  const document = parseDocument(source);
  const { meta, unreadDates } = readHtmlMeta(document);
  for (const value of unreadDates.slice(0, 1)) messages.push(message('ingest/date-unread', STAGE, { value }));

  const sanitized = removeActiveContent(document);
  const active = sanitized.active + pruned.active;
  if (active > 0) messages.push(message('ingest/html-unsafe-removed', STAGE, { count: active }));
  removeChrome(document);

  const tooDeep = sanitized.depth > MAX_READABILITY_DEPTH;
  const article = tooDeep ? null : findArticle(document, source);

  if (meta.byline === undefined && article?.byline) {
    const byline = cleanByline(article.byline);
    if (byline !== undefined && byline.length <= MAX_BYLINE) meta.byline = byline;
  }

  let paragraphs = article?.content ? withoutHeadings(articleParagraphs(article.content), meta) : [];
  if (paragraphs.length === 0 || chars(paragraphs) < MIN_ARTICLE_CHARS) {
    // Readability rewrote the first DOM, so its own "is there an article here" test and the body-text
    // fallback need a fresh one; one parse serves both (the test reads it before the fallback changes it).
    // Only short results get here, so most pages never pay for it. The test sees the pruned page: script
    // and style bodies inside a <p> no longer count as its text.
    const fresh = parseDocument(source);
    if (paragraphs.length === 0 || !isProbablyReaderable(fresh)) {
      messages.push(message('ingest/html-no-article', STAGE));
      paragraphs = withoutHeadings(bodyParagraphs(fresh), meta);
    }
  }
  return { text: paragraphs.join('\n\n'), meta, messages };
}
