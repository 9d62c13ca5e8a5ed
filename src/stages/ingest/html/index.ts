// HTML → article text and meta: parse with linkedom (inert), read metadata, strip active content and page
// furniture, let Readability find the main content, check that what it found is an article and not a box of
// furniture (else try the next candidate), then walk that content ourselves to keep paragraph breaks.
import { message } from '../../../messages.ts';
import type { Message, Meta } from '../../../types.ts';
import type { Extracted } from '../extracted.ts';
import { BYLINE_PREFIX, cleanByline } from '../meta-values.ts';
import { probablyReaderable, readabilityArticle, type ArticleContent } from './article.ts';
import { parseDocument, type DomDocument, type DomNode } from './dom.ts';
import { isCaption, isDateline, removeChrome } from './furniture.ts';
import { suspicionOf, type Suspicion } from './guard.ts';
import { readHtmlMeta } from './meta.ts';
import { removeActiveContent } from './sanitize.ts';
import { paragraphsOf, paragraphVariants } from './text.ts';

const STAGE = 'ingest';
// A byline longer than this is a paragraph that Readability mistook for one.
const MAX_BYLINE = 100;
// Below this many characters a Readability result on a page it did not consider readerable is page furniture.
const MIN_ARTICLE_CHARS = 140;

// Readability's cleaning re-reads every subtree for every element in it, which grows with the square of the
// nesting depth and faster (200 nested divs: 0.2 s; 2,000: a minute; deeper, its own recursion overflows).
// News pages nest a few dozen levels; a page nested deeper than this gets the body-text fallback instead.
const MAX_READABILITY_DEPTH = 200;
// Readability's scoring and cleaning are linear in the page at best, with a dear constant (a page of 50,000
// bare paragraphs takes seconds); the longest article pages hold about 10,000 elements. A page with more gets
// the body-text fallback too. (Readability's own maxElemsToParse counts getElementsByTagName('*'), which
// linkedom answers with an empty list, so it cannot do this.)
const MAX_READABILITY_ELEMENTS = 30_000;
// Every node counts too (elements, attributes, text nodes): Readability re-parses the page for each of its retries
// (up to five), and linkedom pays for each node of a parse (80,000 attributes on one element: 9 s). The largest
// article pages make about 20,000 nodes.
const MAX_READABILITY_NODES = 100_000;

const chars = (paragraphs: readonly string[]): number => paragraphs.reduce((n, p) => n + p.length, 0);

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

/** The page as Readability gets it: parsed, active content and furniture removed; with `landmarks`, also the
 * header, footer, aside and form regions (the next candidate when the first looked like furniture). */
function preparedDocument(source: string, landmarks: boolean): DomDocument {
  const document = parseDocument(source);
  removeActiveContent(document);
  removeChrome(document, landmarks);
  return document;
}

/** The whole body's text, for pages where Readability finds no article. */
function bodyParagraphs(document: DomDocument): string[] {
  removeActiveContent(document);
  removeChrome(document, true);
  return document.body ? paragraphsOf(document.body, { skip: isDateline }) : [];
}

interface Candidate {
  paragraphs: string[];
  article: ArticleContent | null;
  suspicion: Suspicion | undefined;
}

/** Extracts the main article text (paragraphs separated by blank lines) and metadata from an HTML page. */
export function extractHtml(source: string): Extracted {
  const messages: Message[] = [];
  const document = parseDocument(source);
  const { meta, unreadDates } = readHtmlMeta(document);
  for (const value of unreadDates.slice(0, 1)) messages.push(message('ingest/date-unread', STAGE, { value }));

  const sanitized = removeActiveContent(document);
  if (sanitized.active > 0) messages.push(message('ingest/html-unsafe-removed', STAGE, { count: sanitized.active }));
  removeChrome(document);
  // What a reader of the page sees as text, measured before Readability rewrites the page: the yardstick for an
  // article that came out far smaller than the page.
  const visibleChars = document.body ? chars(paragraphsOf(document.body)) : 0;

  const tooDeep =
    sanitized.depth > MAX_READABILITY_DEPTH ||
    sanitized.elements > MAX_READABILITY_ELEMENTS ||
    sanitized.nodes > MAX_READABILITY_NODES;
  const candidate = (article: ArticleContent | null): Candidate => {
    const paragraphs = article ? withoutHeadings(articleParagraphs(article.content), meta) : [];
    return { paragraphs, article, suspicion: suspicionOf(paragraphs, visibleChars) };
  };
  let chosen = candidate(tooDeep ? null : readabilityArticle(document));
  if (chosen.suspicion !== undefined) {
    // Readability's choice looks like furniture, or is a sliver of the page: say so, and let Readability choose
    // again on the page without its landmark regions (header, footer, aside, form). The second choice is kept
    // when it passes, or when it is not furniture and the first was (or is longer than a first sliver).
    messages.push(message('ingest/html-article-suspect', STAGE, { reason: chosen.suspicion }));
    const next = candidate(readabilityArticle(preparedDocument(source, true)));
    const better =
      next.suspicion === undefined ||
      (next.suspicion === 'small' &&
        (chosen.suspicion === 'furniture' || chars(next.paragraphs) > chars(chosen.paragraphs)));
    if (better && next.paragraphs.length > 0) chosen = next;
  }

  if (meta.byline === undefined && chosen.article?.byline) {
    const byline = cleanByline(chosen.article.byline);
    if (byline !== undefined && byline.length <= MAX_BYLINE) meta.byline = byline;
  }

  let paragraphs = chosen.paragraphs;
  const furniture = chosen.suspicion === 'furniture';
  if (paragraphs.length === 0 || chars(paragraphs) < MIN_ARTICLE_CHARS || furniture) {
    // Readability rewrote the first DOM (unless it was skipped), so its own "is there an article here" test and
    // the body-text fallback need a fresh one; one parse serves both (the test reads it before the fallback
    // changes it). Only short results and furniture get here, so most pages never pay for it. Furniture is never
    // kept as the article.
    const fresh = tooDeep ? document : parseDocument(source);
    if (furniture || paragraphs.length === 0 || !probablyReaderable(fresh)) {
      messages.push(message('ingest/html-no-article', STAGE));
      paragraphs = withoutHeadings(bodyParagraphs(fresh), meta);
    }
  }
  return { text: paragraphs.join('\n\n'), meta, messages };
}
