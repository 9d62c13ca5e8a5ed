// What a batch keeps of one processed article: its outcome (src/outcome.ts, the manifest entry), its dataset line
// (already serialised, so a worker hands back one string instead of a record object graph), its counts, and when
// the run writes a report its page (a string, or once written by the worker only a flag; from the cache, its
// hash). The same shape comes from an in-process run, a worker, or the cache, so the runner treats them alike.
import type { Config } from '../config.ts';
import { processArticle, type StageTimings } from '../pipeline.ts';
import { articleOutputs, type ArticleOutputs, type OutputsWanted } from '../outputs/article-outputs.ts';
import type { RawArticle } from '../stages/ingest/index.ts';
import type { ArticleOutcome } from '../outcome.ts';

export interface ProcessedArticle extends ArticleOutcome, ArticleOutputs {
  /** The dataset line without its newline; absent when the article was rejected. */
  line?: string;
  quotes: number;
  entities: number;
  /** True when the outcome came from the cache rather than from the stages. */
  cached: boolean;
  /** True when its report page was staged by the thread that processed it (src/run/store.ts). */
  pageWritten?: boolean;
  /** The name of the temporary file that thread staged the page in; absent when the page in place already held
   * its bytes. */
  pageStaged?: string;
}

/** Runs one article through the stages, serialises its record and makes the wanted per-article outputs. Never
 * throws (processArticle does not, and the outputs are made from a record the schema has validated). */
export function processToOutcome(
  raw: RawArticle,
  config: Config,
  timings?: StageTimings,
  want?: OutputsWanted,
): ProcessedArticle {
  const r = processArticle(raw, config, timings);
  const outcome: ProcessedArticle = {
    id: r.id,
    path: r.path,
    sha256: r.sha256,
    status: r.status,
    messages: r.messages,
    quotes: 0,
    entities: 0,
    cached: false,
  };
  if (r.record) {
    outcome.line = JSON.stringify(r.record);
    outcome.quotes = r.record.quotes.length;
    outcome.entities = r.record.entities.length;
    if (want && (want.tables || want.report)) {
      const t0 = timings ? performance.now() : 0;
      Object.assign(outcome, articleOutputs(outcome.line, want, r.record));
      // beside the stages' times, so a profile shows what the tables and the report cost the workers
      if (timings) timings.outputs = (timings.outputs ?? 0) + performance.now() - t0;
    }
  }
  return outcome;
}
