// The share of the outputs that belongs to one article: its report page, its rows of the four tables (encoded:
// CSV records and Parquet column bytes) and its tally for the report index. Made where the article is processed
// (a pipeline worker, or the main thread for a small batch) from the record just serialised; the page is written
// there, and its cache entry keeps the page's hash. The main thread then only appends bytes and adds counts: it
// parses a dataset line only for a cache hit. `npm run tables` and `npm run report` make the same bytes with the
// same functions.
import { articleFileName, articleReportPage } from './report/index.ts';
import { articleTally, type ArticleTally } from './report/stats.ts';
import type { ArticleRecord } from '../schema.ts';
import { articleTables, type ArticleTables } from './tables/chunk.ts';
import { articleDigest, type ArticleDigest } from './corpus/digest.ts';

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
  /** Its rows of the four tables, encoded (never cached: a cache hit's are made from its line). */
  tables?: ArticleTables;
  /** What it adds to the report index (never cached either). */
  tally?: ArticleTally;
  /** What it tells the corpus pass (never cached either). */
  digest?: ArticleDigest;
}

/** The wanted per-article outputs of one article from its dataset line, or from `record`, the object the line was
 * just serialised from, when it is at hand. The report and the tables are defined on dataset.jsonl (what `npm run
 * report` and `npm run tables` parse), and for what they read the record and its parsed line are the same: the
 * record is zod's output (plain objects and arrays, finite numbers: NaN and Infinity fail the schema), the page,
 * tally and row code read keys by name only, never iterate them, and treat an absent key like an undefined one
 * (`??`, truthiness), numbers are printed with String(), which gives -0 as "0" as JSON does, and a Parquet DOUBLE
 * is written with -0 as 0 (tests/run/batch.test.ts compares a run's report and tables with those written from its
 * dataset). Parsing the line again cost the pool workers ~0.08 s and ~26 MB of garbage per 1,000 articles. */
export function articleOutputs(line: string, want: OutputsWanted, record?: ArticleRecord): ArticleOutputs {
  const out: ArticleOutputs = {};
  if (!want.report && !want.tables) return out;
  const r = record ?? (JSON.parse(line) as ArticleRecord);
  if (want.tables) out.tables = articleTables(r);
  if (want.report) {
    out.page = articleReportPage(r);
    out.tally = articleTally(r, articleFileName(r.id));
  }
  out.digest = articleDigest(r);
  return out;
}

/** True when an outcome with a dataset line lacks an output the run wants (a cache entry made without it). */
export function lacksOutputs(o: ArticleOutputs & { line?: string }, want: OutputsWanted): boolean {
  return o.line !== undefined && want.report && o.page === undefined && o.pageSha === undefined;
}
