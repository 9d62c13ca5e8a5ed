// What a batch keeps of one processed article: its manifest entry, its dataset line (already serialised, so a
// worker hands back one string instead of a record object graph), and its counts. The same shape comes from an
// in-process run, a worker, or the cache, so the runner treats them alike.
import type { Config } from '../config.ts';
import { processArticle, type StageTimings } from '../pipeline.ts';
import type { RawArticle } from '../stages/ingest/index.ts';
import type { Message } from '../types.ts';

export interface ArticleOutcome {
  id: string;
  path: string;
  sha256: string;
  status: 'ok' | 'rejected';
  messages: Message[];
  /** The dataset line without its newline; absent when the article was rejected. */
  line?: string;
  quotes: number;
  entities: number;
  /** True when the outcome came from the cache rather than from the stages. */
  cached: boolean;
}

/** Runs one article through the stages and serialises its record. Never throws (processArticle does not). */
export function processToOutcome(raw: RawArticle, config: Config, timings?: StageTimings): ArticleOutcome {
  const r = processArticle(raw, config, timings);
  const outcome: ArticleOutcome = { id: r.id, path: r.path, sha256: r.sha256, status: r.status, messages: r.messages, quotes: 0, entities: 0, cached: false };
  if (r.record) {
    outcome.line = JSON.stringify(r.record);
    outcome.quotes = r.record.quotes.length;
    outcome.entities = r.record.entities.length;
  }
  return outcome;
}
