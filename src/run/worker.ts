// A pool worker: one per thread, loading wink and the tagger once (lazily, on its first article) and then
// processing articles as the main thread sends them. The config comes once, in workerData.
import { workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { StageTimings } from '../pipeline.ts';
import type { OutputsWanted } from '../outputs/article-outputs.ts';
import { processToOutcome, type ProcessedArticle } from './outcome.ts';
import { storeOutcome, type StoreTarget } from './store.ts';

export interface WorkerTask {
  id: string;
  path: string;
  bytes: Uint8Array;
  /** Ask for this article's time per stage. */
  timings: boolean;
  /** The article's share of the report (its page) to make here, off the main thread. */
  outputs?: OutputsWanted;
  /** Where this worker writes the article's cache entry and report page itself. */
  store?: StoreTarget;
}

export interface WorkerReply {
  outcome: ProcessedArticle;
  timings?: StageTimings;
  /** Staging the article's page failed (a full disk, a folder it cannot write): the run cannot be committed. */
  storeError?: { code: string; path: string };
}

const config = (workerData as { config: Config }).config;

/** Processes one article in this worker. */
export default function processTask(task: WorkerTask): WorkerReply {
  const timings: StageTimings | undefined = task.timings ? {} : undefined;
  const outcome = processToOutcome({ id: task.id, path: task.path, bytes: task.bytes }, config, timings, task.outputs);
  const reply: WorkerReply = timings ? { outcome, timings } : { outcome };
  if (task.store) {
    try {
      storeOutcome(outcome, task.store);
    } catch (err) {
      // not the article's fault: handed back for the main thread to fail the run with, not thrown (a thrown error
      // reads as the worker dying on the article)
      const e = err as NodeJS.ErrnoException;
      reply.storeError = { code: e.code ?? String(err), path: e.path ?? task.store.articlesDir ?? '' };
    }
  }
  return reply;
}
