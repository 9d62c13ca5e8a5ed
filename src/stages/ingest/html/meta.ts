// Reads what an HTML page says about itself into Meta: Open Graph, <meta> names, JSON-LD, <time>,
// <link rel=canonical>, <html lang>. Runs before Readability, which rewrites the document.
import type { Meta } from '../../../types.ts';
import { ENTER, isElement, SKIP_CHILDREN, walkElements, type DomDocument, type DomElement } from './dom.ts';
import { readJsonLdArticle } from './json-ld.ts';
import {
  cleanByline,
  cleanValue,
  MAX_META_CHARS,
  normaliseDate,
  normaliseLanguage,
  normaliseUrl,
} from '../meta-values.ts';

export interface HtmlMeta {
  meta: Meta;
  /** Date strings the page carries that could not be read unambiguously (published left empty). */
  unreadDates: string[];
}

/** The elements metadata is read from, gathered in one walk over the page. */
interface MetaElements {
  metas: DomElement[];
  scripts: DomElement[];
  times: DomElement[];
  h1s: DomElement[];
  title: DomElement | undefined;
  canonical: DomElement | undefined;
}

// css-select's `link[rel~="canonical" i]`: a whitespace-separated token, compared case-insensitively.
const CANONICAL = /(?:^|\s)canonical(?:$|\s)/i;

/** One walk in document order gathers what every field reads; like a selector query, it does not enter
 * <template>. */
function gather(document: DomDocument): MetaElements {
  const found: MetaElements = { metas: [], scripts: [], times: [], h1s: [], title: undefined, canonical: undefined };
  walkElements(document, (el) => {
    switch (el.localName) {
      case 'meta':
        found.metas.push(el);
        break;
      case 'script':
        found.scripts.push(el);
        break;
      case 'time':
        if (el.hasAttribute('datetime')) found.times.push(el);
        break;
      case 'h1':
        found.h1s.push(el);
        break;
      case 'title':
        found.title ??= el;
        break;
      case 'link':
        if (found.canonical === undefined && el.hasAttribute('href') && CANONICAL.test(el.getAttribute('rel') ?? ''))
          found.canonical = el;
        break;
      case 'template':
        return SKIP_CHILDREN;
    }
    return ENTER;
  });
  return found;
}

/** Whether an element has an <article> ancestor (css-select's `article x`). */
function inArticle(el: DomElement): boolean {
  for (let p = el.parentNode; p !== null; p = p.parentNode) if (isElement(p) && p.localName === 'article') return true;
  return false;
}

/** Maps lowercased <meta name|property|itemprop|http-equiv> keys to their first non-empty content. */
function metaTags(metas: DomElement[]): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of metas) {
    const content = cleanValue(el.getAttribute('content'));
    if (content === undefined) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      const keys = el.getAttribute(attr) ?? '';
      if (keys.length > MAX_META_CHARS) continue; // no names, as an over-long value is no value
      // property="og:title article:author" is legal RDFa: one tag, several keys.
      for (const key of keys.toLowerCase().split(/\s+/)) {
        if (key !== '' && !tags.has(key)) tags.set(key, content);
      }
    }
  }
  return tags;
}

const first = <T>(...values: (T | undefined)[]): T | undefined => values.find((v) => v !== undefined);
/** The first candidate that gives a value, asking each only when those before it gave none: `first` over the
 * same candidates, without computing the ones it would pass over (the candidates are pure). */
function firstOf<T>(...candidates: (() => T | undefined)[]): T | undefined {
  for (const candidate of candidates) {
    const value = candidate();
    if (value !== undefined) return value;
  }
  return undefined;
}

function pick(tags: Map<string, string>, keys: string[]): string | undefined {
  return first(...keys.map((k) => tags.get(k)));
}

/** The date a <time> element gives: an explicit pubdate or datePublished first, then the article's first time. */
function timeDatetime(times: DomElement[]): string | undefined {
  const explicit = times.find((t) => t.hasAttribute('pubdate') || t.getAttribute('itemprop') === 'datePublished');
  if (explicit) return explicit.getAttribute('datetime') ?? undefined;
  const article = times.find(inArticle);
  if (article) return article.getAttribute('datetime') ?? undefined;
  // Outside an <article>, several <time>s usually belong to teasers: only a lone one is the page's own.
  return times.length === 1 ? (times[0]!.getAttribute('datetime') ?? undefined) : undefined;
}

function headingTitle(h1s: DomElement[]): string | undefined {
  const scoped = h1s.filter(inArticle);
  const chosen = scoped.length > 0 ? scoped : h1s;
  return chosen.length === 1 ? cleanValue(chosen[0]!.textContent) : undefined;
}

function documentTitle(titleElement: DomElement | undefined, siteName: string | undefined): string | undefined {
  const title = cleanValue(titleElement?.textContent);
  if (title === undefined || siteName === undefined) return title;
  // "Headline | Site" → "Headline", only when the suffix really is the site's name (never a guess).
  for (const sep of [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ']) {
    const suffix = sep + siteName;
    if (title.toLowerCase().endsWith(suffix.toLowerCase()) && title.length > suffix.length) {
      return title.slice(0, -suffix.length).trim();
    }
  }
  return title;
}

/** Reads title, byline, published, canonical URL, site name and language from a parsed page. */
export function readHtmlMeta(document: DomDocument): HtmlMeta {
  const elements = gather(document);
  const tags = metaTags(elements.metas);
  const ld = readJsonLdArticle(elements.scripts);
  const meta: Meta = {};

  const siteName = first(cleanValue(tags.get('og:site_name')), ld?.publisher);
  const title = firstOf(
    () => tags.get('og:title'),
    () => ld?.headline,
    () => tags.get('twitter:title'),
    () => pick(tags, ['title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title']),
    () => headingTitle(elements.h1s),
    () => documentTitle(elements.title, siteName),
  );
  if (title !== undefined) meta.title = title;

  const ldAuthors = ld !== undefined && ld.authors.length > 0 ? ld.authors.join(', ') : undefined;
  const byline = firstOf(
    () => cleanByline(ldAuthors),
    () =>
      cleanByline(pick(tags, ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'])),
  );
  if (byline !== undefined) meta.byline = byline;

  const dates = [
    ld?.datePublished,
    pick(tags, [
      'article:published_time',
      'og:published_time',
      'datepublished',
      'pubdate',
      'publishdate',
      'publish-date',
      'dc.date.issued',
      'dcterms.issued',
      'dc.date',
      'date',
      'sailthru.date',
      'parsely-pub-date',
    ]),
    timeDatetime(elements.times),
  ].filter((d): d is string => d !== undefined && d.trim() !== '');
  const published = firstOf(...dates.map((d) => () => normaliseDate(d)));
  if (published !== undefined) meta.published = published;

  const ogUrl = normaliseUrl(tags.get('og:url'));
  const canonical = elements.canonical?.getAttribute('href');
  const url = firstOf(
    () => normaliseUrl(canonical, ogUrl),
    () => ogUrl,
    () => normaliseUrl(ld?.url),
    () => normaliseUrl(tags.get('twitter:url')),
  );
  if (url !== undefined) meta.url = url;

  if (siteName !== undefined) meta.siteName = siteName;

  const language = firstOf(
    () => normaliseLanguage(document.documentElement?.getAttribute('lang')),
    () => normaliseLanguage(document.documentElement?.getAttribute('xml:lang')),
    () => normaliseLanguage(pick(tags, ['content-language', 'language', 'dc.language'])),
    () => normaliseLanguage(tags.get('og:locale')),
    () => normaliseLanguage(ld?.language),
  );
  if (language !== undefined) meta.language = language;

  return { meta, unreadDates: published === undefined ? dates : [] };
}
