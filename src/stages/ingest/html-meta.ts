// Reads what an HTML page says about itself into Meta: Open Graph, <meta> names, JSON-LD, <time>,
// <link rel=canonical>, <html lang>. Runs before Readability, which rewrites the document.
import type { Meta } from '../../types.ts';
import type { DomDocument } from './dom.ts';
import { readJsonLdArticle } from './json-ld.ts';
import { cleanByline, cleanValue, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values.ts';

export interface HtmlMeta {
  meta: Meta;
  /** Date strings the page carries that could not be read unambiguously (published left empty). */
  unreadDates: string[];
}

/** Maps lowercased <meta name|property|itemprop|http-equiv> keys to their first non-empty content. */
function metaTags(document: DomDocument): Map<string, string> {
  const tags = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const content = cleanValue(el.getAttribute('content'));
    if (content === undefined) continue;
    for (const attr of ['property', 'name', 'itemprop', 'http-equiv']) {
      // property="og:title article:author" is legal RDFa: one tag, several keys.
      for (const key of (el.getAttribute(attr) ?? '').toLowerCase().split(/\s+/)) {
        if (key !== '' && !tags.has(key)) tags.set(key, content);
      }
    }
  }
  return tags;
}

const first = <T>(...values: (T | undefined)[]): T | undefined => values.find((v) => v !== undefined);

function pick(tags: Map<string, string>, keys: string[]): string | undefined {
  return first(...keys.map((k) => tags.get(k)));
}

/** The date a <time> element gives: an explicit pubdate or datePublished first, then the article's first time. */
function timeDatetime(document: DomDocument): string | undefined {
  const explicit = document.querySelector('time[pubdate][datetime], time[itemprop="datePublished"][datetime]');
  if (explicit) return explicit.getAttribute('datetime') ?? undefined;
  const inArticle = document.querySelector('article time[datetime]');
  if (inArticle) return inArticle.getAttribute('datetime') ?? undefined;
  // Outside an <article>, several <time>s usually belong to teasers: only a lone one is the page's own.
  const all = document.querySelectorAll('time[datetime]');
  return all.length === 1 ? (all[0]!.getAttribute('datetime') ?? undefined) : undefined;
}

function headingTitle(document: DomDocument): string | undefined {
  const scoped = document.querySelectorAll('article h1');
  const h1s = scoped.length > 0 ? scoped : document.querySelectorAll('h1');
  return h1s.length === 1 ? cleanValue(h1s[0]!.textContent) : undefined;
}

function documentTitle(document: DomDocument, siteName: string | undefined): string | undefined {
  const title = cleanValue(document.querySelector('title')?.textContent);
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
  const tags = metaTags(document);
  const ld = readJsonLdArticle(document);
  const meta: Meta = {};

  const siteName = first(cleanValue(tags.get('og:site_name')), ld?.publisher);
  const title = first(
    tags.get('og:title'), ld?.headline, tags.get('twitter:title'),
    pick(tags, ['title', 'dc.title', 'headline', 'sailthru.title', 'parsely-title']),
    headingTitle(document), documentTitle(document, siteName),
  );
  if (title !== undefined) meta.title = title;

  const ldAuthors = ld !== undefined && ld.authors.length > 0 ? ld.authors.join(', ') : undefined;
  const byline = first(
    cleanByline(ldAuthors),
    cleanByline(pick(tags, ['author', 'article:author', 'dc.creator', 'byl', 'sailthru.author', 'parsely-author'])),
  );
  if (byline !== undefined) meta.byline = byline;

  const dates = [
    ld?.datePublished,
    pick(tags, ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date',
      'dc.date.issued', 'dcterms.issued', 'dc.date', 'date', 'sailthru.date', 'parsely-pub-date']),
    timeDatetime(document),
  ].filter((d): d is string => d !== undefined && d.trim() !== '');
  const published = first(...dates.map(normaliseDate));
  if (published !== undefined) meta.published = published;

  const ogUrl = normaliseUrl(tags.get('og:url'));
  const canonical = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href');
  const url = first(normaliseUrl(canonical, ogUrl), ogUrl, normaliseUrl(ld?.url), normaliseUrl(tags.get('twitter:url')));
  if (url !== undefined) meta.url = url;

  if (siteName !== undefined) meta.siteName = siteName;

  const language = first(
    normaliseLanguage(document.documentElement?.getAttribute('lang')),
    normaliseLanguage(document.documentElement?.getAttribute('xml:lang')),
    normaliseLanguage(pick(tags, ['content-language', 'language', 'dc.language'])),
    normaliseLanguage(tags.get('og:locale')),
    normaliseLanguage(ld?.language),
  );
  if (language !== undefined) meta.language = language;

  return { meta, unreadDates: published === undefined ? dates : [] };
}
