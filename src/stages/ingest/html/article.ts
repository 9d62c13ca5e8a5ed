// Mozilla Readability through its public API: `new Readability(document, options).parse()` finds the main
// content, and `isProbablyReaderable` says whether a page looks like it holds an article at all.
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import type { DomDocument, DomElement } from './dom.ts';

export interface ArticleContent {
  /** The article as Readability left it: its DOM node, not serialised, so the text walker keeps paragraphs. */
  content: DomElement;
  /** The byline Readability found in meta tags or in the page, if any. */
  byline: string | null;
}

// Our own reader covers JSON-LD (with @graph), so Readability's is off; classes are kept so that the text walker
// can still tell captions by their class. The serializer hands back the content node itself instead of HTML.
// Readability's default character threshold (500) stays: with a lower one a short box that passes the first,
// strictest attempt (a newsletter sign-up, a print footer) is taken before the looser attempts find the article.
const OPTIONS = { disableJSONLD: true, keepClasses: true, serializer: (node: unknown) => node as DomElement };

/** Readability on a parsed document (which it rewrites): the article's node and byline, or null when it finds no
 * article or fails on odd markup. */
export function readabilityArticle(document: DomDocument): ArticleContent | null {
  try {
    // Readability's d.ts names lib.dom types, which read as any here: linkedom's document fits them.
    const article = new Readability(document, OPTIONS).parse();
    if (!article?.content) return null;
    return { content: article.content, byline: article.byline ?? null };
  } catch {
    return null;
  }
}

/** Readability's own quick test of whether a page holds an article (it only reads the document). */
export function probablyReaderable(document: DomDocument): boolean {
  try {
    return isProbablyReaderable(document);
  } catch {
    return false;
  }
}
