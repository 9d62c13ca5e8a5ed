// The worker pool (piscina) and how many threads a run gets. Workers run the worker module beside this one:
// compiled JavaScript when this process runs dist/ (the command, npm run pipeline), TypeScript when it runs the
// sources (tests, scripts); then the tsx loader is added to their execArgv when this process's lacks it (vitest).
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Config } from '../config.ts';
import type { WorkerReply, WorkerTask } from './worker.ts';

/** Below this many articles, no pool: a few articles never pay for starting threads. */
export const MIN_ARTICLES_FOR_POOL = 8;

/** Below this many articles, `auto` stays in process: each worker loads the stages (about 2 CPU seconds: modules,
 * wink's model, the tagger) before its first article, while in process one load serves all, and two threads here
 * do not run memory-bound work twice as fast (wink's readDoc 1.30-1.54x one). Two `npm run bench` runs on a quiet
 * machine, wall seconds in process against two workers: 64 articles 4.42 / 5.29 and 3.36 / 3.19, 160 articles
 * 7.03 / 6.91 and 4.22 / 5.17, 2,520 articles 40.4 / 36.2 and 32.1 / 25.0. The pool does not pay yet at 160 and
 * pays well before 2,520. An explicit count is the user's. */
export const MIN_ARTICLES_FOR_AUTO_POOL = 256;

/** The number of worker threads for a run: 0 means in-process. */
export function workerCount(setting: Config['run']['concurrency'], articles: number): number {
  if (setting === 'off' || articles < MIN_ARTICLES_FOR_POOL) return 0;
  if (setting === 'auto' && articles < MIN_ARTICLES_FOR_AUTO_POOL) return 0;
  const n = setting === 'auto' ? availableParallelism() : setting;
  if (n <= 1) return 0;
  return Math.min(n, Math.ceil(articles / 2));
}

/** Old-generation cap per worker thread, MB (the live set is about 150 MB; see the comment where it is used). */
export const WORKER_HEAP_MB = 256;

/** Young-generation cap per worker thread, MB. An article's garbage is short-lived, but too small a young
 * generation makes workers collect all the time. Whole-process CPU of 2 workers over polnear-train (840
 * articles, compiled, tables and report on; paired runs on a loaded machine): 16 MB 25.7 and 24.8 s (peak RSS
 * 378 and 389 MB), 32 MB 23.3 and 23.5 s (419 and 429 MB), 48 MB 24.0 s (433 MB); in process 20.0 s. */
export const WORKER_YOUNG_MB = 32;

const workerUrl = new URL(`./worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The execArgv for TypeScript workers: ours, plus the tsx loader when ours lacks it; undefined (inherit ours)
 * for compiled ones. */
function workerExecArgv(): string[] | undefined {
  if (!workerUrl.pathname.endsWith('.ts')) return undefined;
  const argv = [...process.execArgv];
  if (argv.some((a) => /[\\/]tsx[\\/]|^tsx$/.test(a))) return argv;
  const loader = createRequire(import.meta.url).resolve('tsx');
  return [...argv, '--import', pathToFileURL(loader).href];
}

/** A fixed-size pool of article workers; reusable across runs with the same config. */
export class ArticlePool {
  private readonly piscina: Piscina<WorkerTask, WorkerReply>;

  constructor(
    readonly threads: number,
    readonly config: Config,
  ) {
    const execArgv = workerExecArgv();
    this.piscina = new Piscina<WorkerTask, WorkerReply>({
      filename: workerUrl.href,
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      ...(execArgv ? { execArgv } : {}),
      workerData: { config },
      // a worker's live data is wink, the tagger and one article (~150 MB); without a cap V8 lets each worker's
      // old generation grow far past that before collecting, which doubled peak RSS with two workers
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
  }

  /** Processes one article in a worker. Rejects only when the worker itself fails (crash, out of memory). */
  run(task: WorkerTask): Promise<WorkerReply> {
    return this.piscina.run(task);
  }

  /** Stops the threads. */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}
