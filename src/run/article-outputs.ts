// The share of the flat tables and the HTML report that belongs to one article: its CSV text per table and its
// report page. Made where the article is processed (a pipeline worker, or the main thread for a small batch)
// and cached beside its dataset line, so that after a run the main thread only appends text and gathers the
// Parquet columns. `npm run tables` and `npm run report` make the same text with the same functions.
import { articleReportPage } from '../report/index.ts';
import type { ArticleRecord } from '../schema.ts';
import { csvText } from '../tables/csv-sink.ts';
import { articleRows } from '../tables/rows.ts';
import { TABLES } from '../tables/spec.ts';

/** Which per-article outputs a run writes. */
export interface OutputsWanted {
  tables: boolean;
  report: boolean;
}

export interface ArticleOutputs {
  /** The article's CSV records per table, in TABLES order ('' for a table it has no row in). */
  csv?: string[];
  /** Its report page. */
  page?: string;
  /** The sha256 of its report page, where only that is at hand (a cache entry keeps the hash, not the page): the
   * report writer makes the page again only when the file it finds has another hash. */
  pageSha?: string;
}

/** The CSV text of one record's rows, one string per table in TABLES order. */
export function articleCsv(record: ArticleRecord): string[] {
  const rows = articleRows(record);
  return TABLES.map((t) => csvText(rows[t.name]));
}

/** The wanted outputs of one article from its dataset line, or from `record`, the object the line was just
 * serialised from, when it is at hand. The tables and the report are defined on dataset.jsonl (what
 * `npm run tables` and `npm run report` parse), and for what they read the record and its parsed line are the same:
 * the record is zod's output (plain objects and arrays, finite numbers: NaN and Infinity fail the schema), the
 * row and page code read keys by name only, never iterate them, and treat an absent key like an undefined one
 * (`?? null`, truthiness), and numbers are printed with String(), which gives -0 as "0" as JSON does
 * (tests/run/batch.test.ts compares a run's tables and report with those written from its dataset). Parsing
 * the line again cost the pool workers ~0.08 s and ~26 MB of garbage per 1,000 articles. */
export function articleOutputs(line: string, want: OutputsWanted, record?: ArticleRecord): ArticleOutputs {
  const out: ArticleOutputs = {};
  if (!want.tables && !want.report) return out;
  record ??= JSON.parse(line) as ArticleRecord;
  if (want.tables) out.csv = articleCsv(record);
  if (want.report) out.page = articleReportPage(record);
  return out;
}

/** True when an outcome with a dataset line lacks an output the run wants (a cache entry made without it). */
export function lacksOutputs(o: ArticleOutputs & { line?: string }, want: OutputsWanted): boolean {
  return o.line !== undefined && ((want.tables && o.csv === undefined) || (want.report && o.page === undefined && o.pageSha === undefined));
}
