// HTML → article text and meta: parse with linkedom (inert), read metadata, strip active content, let
// Readability find the main content, then walk that content ourselves to keep paragraph breaks.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { message } from '../../messages.ts';
import type { Message, Meta } from '../../types.ts';
import { parseDocument, type DomDocument, type DomNode } from './dom.ts';
import { isCaption, isDateline, removeChrome } from './html-furniture.ts';
import { readHtmlMeta } from './html-meta.ts';
import { removeActiveContent } from './html-sanitize.ts';
import { paragraphsOf } from './html-text.ts';
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

const chars = (paragraphs: string[]): number => paragraphs.reduce((n, p) => n + p.length, 0);

/** Paragraphs of the article content: captions dropped unless the captions are the story (a gallery). */
function articleParagraphs(content: DomNode): string[] {
  const prose = paragraphsOf(content, { skip: (el) => isDateline(el) || isCaption(el) });
  const withCaptions = paragraphsOf(content, { skip: isDateline });
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

/** Runs Readability on the (sanitised) document; a Readability crash on odd markup counts as "no article". */
function findArticle(document: DomDocument): ReturnType<Readability<DomNode>['parse']> {
  try {
    // Readability's d.ts names lib.dom types this project does not load; linkedom's document is what it needs.
    return new Readability<DomNode>(document as never, {
      serializer: (node) => node as unknown as DomNode,
      // Our own reader covers JSON-LD (with @graph); classes are kept so the text walker can still spot caption classes.
      disableJSONLD: true,
      keepClasses: true,
      charThreshold: READABILITY_CHAR_THRESHOLD,
    }).parse();
  } catch {
    return null;
  }
}

/** Readability's own "is there an article here" test, on a fresh DOM (parse() rewrote the first one). */
function readerable(html: string): boolean {
  // Only asked for short results, so most pages never pay for the extra parse.
  return isProbablyReaderable(parseDocument(html) as never);
}

/** The whole body's text, for pages where Readability finds no article. */
function bodyParagraphs(html: string): string[] {
  const document = parseDocument(html);
  removeActiveContent(document);
  removeChrome(document, true);
  return document.body ? paragraphsOf(document.body, { skip: isDateline }) : [];
}

/** Extracts the main article text (paragraphs separated by blank lines) and metadata from an HTML page. */
export function extractHtml(html: string): Extracted {
  const messages: Message[] = [];
  const document = parseDocument(html);
  const { meta, unreadDates } = readHtmlMeta(document);
  for (const value of unreadDates.slice(0, 1)) messages.push(message('ingest/date-unread', STAGE, { value }));

  const active = removeActiveContent(document);
  if (active > 0) messages.push(message('ingest/html-unsafe-removed', STAGE, { count: active }));
  removeChrome(document);

  const article = findArticle(document);

  if (meta.byline === undefined && article?.byline) {
    const byline = cleanByline(article.byline);
    if (byline !== undefined && byline.length <= MAX_BYLINE) meta.byline = byline;
  }

  let paragraphs = article?.content ? withoutHeadings(articleParagraphs(article.content), meta) : [];
  if (paragraphs.length === 0 || (chars(paragraphs) < MIN_ARTICLE_CHARS && !readerable(html))) {
    messages.push(message('ingest/html-no-article', STAGE));
    paragraphs = withoutHeadings(bodyParagraphs(html), meta);
  }
  return { text: paragraphs.join('\n\n'), meta, messages };
}
