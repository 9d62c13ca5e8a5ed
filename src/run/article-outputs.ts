// The share of the HTML report that belongs to one article: its page. Made where the article is processed (a
// pipeline worker, or the main thread for a small batch) and written there; its cache entry keeps the page's
// hash. The flat tables are not made here: the main thread builds every article's rows for the Parquet columns
// anyway, and stringifies the CSV from the same rows (a worker making the CSV text built the rows a second time,
// sent 20 KB of text per article across threads and stored it in the cache entry, for no less work in all).
// `npm run report` makes the same page with the same function.
import { articleReportPage } from '../report/index.ts';
import type { ArticleRecord } from '../schema.ts';

/** Which per-article outputs a run writes. */
export interface OutputsWanted {
  tables: boolean;
  report: boolean;
}

export interface ArticleOutputs {
  /** Its report page. */
  page?: string;
  /** The sha256 of its report page, where only that is at hand (a cache entry keeps the hash, not the page): the
   * report writer makes the page again only when the file it finds has another hash. */
  pageSha?: string;
}

/** The wanted per-article outputs of one article from its dataset line, or from `record`, the object the line was
 * just serialised from, when it is at hand. The report is defined on dataset.jsonl (what `npm run report` parses),
 * and for what it reads the record and its parsed line are the same: the record is zod's output (plain objects and
 * arrays, finite numbers: NaN and Infinity fail the schema), the page code reads keys by name only, never iterates
 * them, and treats an absent key like an undefined one (`??`, truthiness), and numbers are printed with String(),
 * which gives -0 as "0" as JSON does (tests/run/batch.test.ts compares a run's report with the one written from its
 * dataset). Parsing the line again cost the pool workers ~0.08 s and ~26 MB of garbage per 1,000 articles. */
export function articleOutputs(line: string, want: OutputsWanted, record?: ArticleRecord): ArticleOutputs {
  const out: ArticleOutputs = {};
  if (!want.report) return out;
  out.page = articleReportPage(record ?? (JSON.parse(line) as ArticleRecord));
  return out;
}

/** True when an outcome with a dataset line lacks an output the run wants (a cache entry made without it). */
export function lacksOutputs(o: ArticleOutputs & { line?: string }, want: OutputsWanted): boolean {
  return o.line !== undefined && want.report && o.page === undefined && o.pageSha === undefined;
}
