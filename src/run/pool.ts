// The worker pool (piscina) and how many threads a run gets. Workers run the worker module beside this one:
// compiled JavaScript when this process runs dist/ (the command, npm run pipeline), TypeScript when it runs the
// sources (tests, scripts); then the tsx loader is added to their execArgv when this process's lacks it (vitest).
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import type { Config } from '../config.ts';
import type { WorkerReply, WorkerTask } from './worker.ts';

/** Below this many articles to process, starting workers (each loading the model) costs more than it saves. */
export const MIN_ARTICLES_FOR_POOL = 8;

/** The number of worker threads for a run: 0 means in-process. */
export function workerCount(setting: Config['run']['concurrency'], articles: number): number {
  if (setting === 'off' || articles < MIN_ARTICLES_FOR_POOL) return 0;
  const n = setting === 'auto' ? availableParallelism() : setting;
  if (n <= 1) return 0;
  return Math.min(n, Math.ceil(articles / 2));
}

/** Old-generation cap per worker thread, MB (the live set is about 150 MB; see the comment where it is used). */
export const WORKER_HEAP_MB = 256;

/** Young-generation cap per worker thread, MB. An article's garbage is short-lived, but too small a young
 * generation makes workers collect all the time: on 50 MB of news with two workers, 8 MB took 41.3 s and 424 MB
 * peak RSS, 16 MB 35.8 s and 459 MB, 32 MB 36.0 s and 502 MB (V8's default is larger still, and only made each
 * worker's resident set grow). */
export const WORKER_YOUNG_MB = 16;

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
