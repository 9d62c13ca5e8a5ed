// Where a processed article's results go besides the main thread: its cache entry and its report page, written by
// the thread that processed it. In a pool worker that keeps the hashing and writing of the entry (the record and
// the page's hash) and the page's file off the main thread, and the page never crosses threads.
import { createHash } from 'node:crypto';
import { stageArticlePage } from '../outputs/report/index.ts';
import { writeCacheEntry } from './cache.ts';
import type { ProcessedArticle } from './outcome.ts';

export interface StoreTarget {
  /** The report's articles folder: the page is staged there (a temporary file the run's commit renames), and
   * dropped from the outcome. */
  articlesDir?: string;
  /** The cache entries folder and this article's key. */
  cache?: { dir: string; key: string };
}

/** Writes the outcome's cache entry and stages its page as the target asks; returns the outcome, its page replaced
 * by `pageWritten` and the staged file's name. */
export function storeOutcome(o: ProcessedArticle, t: StoreTarget): ProcessedArticle {
  // The page is encoded to UTF-8 once, for its hash and its file (hashing the string and writing it encoded it
  // twice: ~22 MB per 1,000 articles each time, from a two-byte string).
  let bytes: Buffer | undefined;
  if (t.articlesDir !== undefined && o.page !== undefined) {
    bytes = Buffer.from(o.page, 'utf8');
    if (t.cache) o.pageSha = createHash('sha256').update(bytes).digest('hex');
    delete o.page;
  }
  if (t.cache) writeCacheEntry(t.cache.dir, o.path, t.cache.key, o); // first: the entry keeps the page's hash
  if (bytes) {
    const staged = stageArticlePage(t.articlesDir!, o.id, bytes);
    delete o.pageSha; // the main thread needs only to know that the page is staged (or already in place)
    o.pageWritten = true;
    if (staged !== undefined) o.pageStaged = staged;
  }
  return o;
}
