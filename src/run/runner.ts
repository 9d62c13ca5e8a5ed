// A batch run: discover the corpus (or one shard of it), process every article (bad ones become messages) in
// process or on a worker pool, reuse unchanged articles from the cache, stream the dataset in id order, then
// write the schema and the manifest. When asked, the flat tables and the HTML report are written from the same
// stream: each article's page, table rows (encoded as bytes) and index tally are made beside its record (in a
// worker; a cache hit keeps its page's hash and has the rest made here from its line), the page written there,
// and the main thread appends the bytes and counts in input order. Library entry for the CLI and for anyone
// who imports the pipeline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { configHash, type Config, type ConfigSource } from '../config.ts';
import type { InputArticle } from '../io/inputs.ts';
import type { ArticleReader } from '../io/read.ts';
import { FolderLockedError } from '../io/lock.ts';
import { message } from '../messages.ts';
import type { StageTimings } from '../pipeline.ts';
import { datasetJsonSchema, SCHEMA_VERSION } from '../schema.ts';
import { ReportWriter } from '../outputs/report/index.ts';
import type { ArticleRecord } from '../schema.ts';
import { TablesWriter } from '../outputs/tables/index.ts';
import { CorpusIndex } from '../outputs/corpus/index.ts';
import { articleDigest } from '../outputs/corpus/digest.ts';
import type { OutputsOptions } from '../outputs/write-outputs.ts';
import type { Message, SourceFormat } from '../types.ts';
import { modelVersion, PIPELINE_VERSION } from '../version.ts';
import { articleOutputs, lacksOutputs, type OutputsWanted } from '../outputs/article-outputs.ts';
import { buildManifest, manifestText } from '../outputs/manifest.ts';
import { outcomeOf, type ArticleOutcome } from '../outcome.ts';
import { mapInOrder } from './ordered.ts';
import type { ProcessedArticle, processToOutcome } from './outcome.ts';
import type { OutputSink } from '../outputs/sink.ts';
import { ArticlePool, workerCount } from './pool.ts';
import { storeOutcome, type StoreTarget } from './store.ts';
import type { Shard } from './shard.ts';
import { plan as makePlan, RunError, type Plan } from './plan.ts';
import { runCodeVersion } from './cache.ts';
import { folderMatches, inputDigest, readStamp, stampKeyOf, writeStamp } from './stamp.ts';

export { RunError } from './plan.ts';

export interface RunOptions {
  /** A corpus folder, or inputs as the command line names them: folders, files, globs and "-" (standard input). */
  input: string | readonly string[];
  /** The folder relative inputs are resolved from (default: the process's working folder). */
  cwd?: string;
  /** Standard input's bytes, for an input "-". */
  stdin?: Uint8Array;
  /** The format of standard input (default: sniffed from its bytes). */
  stdinFormat?: SourceFormat;
  /** The dataset's order: by id (the default, as the contract has it) or the order the inputs were given. */
  order?: 'id' | 'input';
  config: Config;
  /** Where the config came from, named in the manifest. */
  configSource?: ConfigSource;
  sink: OutputSink;
  /** Called after each article, in input order, for progress. */
  onArticle?: (done: number, total: number, cached: number) => void;
  /** Accumulates milliseconds per stage (summed over workers when a pool runs). */
  timings?: StageTimings;
  /** The output folder whose .cache/ to use; no cache without it, or when config.run.cache is false. */
  cacheDir?: string;
  /** Ignore cached results (still refreshing the cache). */
  force?: boolean;
  /** Read the cache but never write or prune it (--check). */
  readOnlyCache?: boolean;
  /** Process only this shard's articles, for a partial dataset to merge later. */
  shard?: Shard;
  /** A pool to reuse (its config must match); otherwise one is started when the batch is big enough. */
  pool?: ArticlePool;
  /** Reads one file (default: src/io/read.ts within its input folder and limits.maxBytes); a test seam. */
  reader?: ArticleReader;
  /** Also write the flat tables (under tablesOutDir/tables/) and/or the HTML report (into reportDir), the same
   * bytes as writeTables and writeReport on the dataset this run writes. Everything is staged as the records come
   * and committed with the dataset as one unit (src/io/commit.ts). */
  outputs?: OutputsOptions;
}

export interface RunSummary {
  inputs: number;
  ok: number;
  rejected: number;
  /** Articles whose result came from the cache (counted in ok/rejected too). */
  cached: number;
  quotes: number;
  entities: number;
  /** Worker threads used; 0 means in-process. */
  workers: number;
  /** Entries of the input folder that are no articles, listed in the manifest's `skipped`. */
  skipped: number;
  rejectedArticles: { path: string; messages: Message[] }[];
  /** What the run noticed besides the articles' own messages (a corrupt cache entry): for stderr, not the
   * manifest, which equals a run without cache. */
  warnings: { path: string; message: Message }[];
  /** The output folder already held what the run would write, and nothing was written (src/run/stamp.ts). */
  upToDate?: boolean;
}

/** Resolves the inputs, checks them against the folders the run writes, sets up the cache (src/run/plan.ts). */
function plan(opts: RunOptions): Plan & { warnings: RunSummary['warnings'] } {
  const { sink, outputs, cacheDir } = opts;
  const outputFolders = [sink.dir, cacheDir, outputs?.tablesOutDir, outputs?.reportDir].filter(
    (d): d is string => d !== undefined,
  );
  const want = { tables: outputs?.tablesOutDir !== undefined, report: outputs?.reportDir !== undefined };
  const input = typeof opts.input === 'string' ? [opts.input] : opts.input;
  const p = makePlan({ ...opts, input, cwd: opts.cwd ?? process.cwd(), outputFolders, want });
  return { ...p, warnings: [] };
}

/** Takes the output folder (its lock; recovery of a killed run) once the plan holds: before it nothing is written. */
function begin(sink: OutputSink): void {
  try {
    sink.begin?.();
  } catch (err) {
    if (err instanceof FolderLockedError)
      throw new RunError('run/output-locked', {
        pid: err.holder.pid,
        host: err.holder.host,
        output: sink.dir ?? '',
        lock: err.lockFile,
      });
    throw asRunError(err);
  }
}

// errors of the file system that mean the output cannot be written (discovery and reading never throw: their
// errors are messages of an article)
const WRITE_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EDQUOT', 'ENOTDIR', 'EEXIST', 'EISDIR', 'EIO']);

/** A failed write into the output as a RunError naming the path (run/output-unwritable); anything else as it is. */
function asRunError(err: unknown): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e && typeof e.code === 'string' && WRITE_ERRORS.has(e.code))
    return new RunError('run/output-unwritable', {
      path: e.path ?? (e as { dest?: string }).dest ?? '',
      reason: e.code,
    });
  return err;
}

/** What the main thread does before any processing: read the bytes, and answer from the cache when it can. */
type Prepared = { outcome: ProcessedArticle } | { bytes: Uint8Array; key?: string };

function prepare(a: InputArticle, p: Plan & { warnings: RunSummary['warnings'] }, digests: Digests): Prepared {
  const { cache } = p;
  const read = p.read(a);
  if ('error' in read) {
    digests.unreadable = true;
    return {
      outcome: {
        id: a.id,
        path: a.path,
        sha256: '',
        status: 'rejected',
        messages: [read.error],
        quotes: 0,
        entities: 0,
        cached: false,
      },
    };
  }
  if (!cache) return { bytes: read.bytes };
  const sha256 = createHash('sha256').update(read.bytes).digest('hex');
  digests.byId.set(a.id, inputDigest(a.id, a.path, sha256));
  const key = cache.keyOf(a.id, a.path, sha256);
  const found = cache.get(a.id, a.path, key);
  if ('corrupt' in found)
    p.warnings.push({
      path: a.path,
      message: message('cache/corrupt-entry', 'cache', { path: a.path, reason: found.corrupt }),
    });
  if (!('hit' in found)) return { bytes: read.bytes, key };
  const hit = found.hit;
  if (lacksOutputs(hit, p.want)) {
    // an entry from a run that wrote no tables or report: its record stands, only the outputs are made (here,
    // once) and stored with it
    Object.assign(hit, articleOutputs(hit.line!, p.want));
    cache.set(a.path, key, hit);
  }
  return { outcome: hit };
}

/** The inputs' digests as the run reads them, for the stamp (src/run/stamp.ts); none when one could not be read. */
interface Digests {
  byId: Map<string, string>;
  unreadable: boolean;
}

/** The folder a run's stamp covers: the output folder, when the cache, the tables and the report all live in it
 * (as the command writes them) and the run may write its cache. */
function stampFolder(opts: RunOptions, p: Plan): string | undefined {
  const dir = opts.sink.dir;
  if (dir === undefined || opts.cacheDir !== dir || !p.cache?.writable || opts.shard) return undefined;
  const inside = (d: string | undefined) => d === undefined || !relative(dir, d).startsWith('..');
  return inside(opts.outputs?.tablesOutDir) && inside(opts.outputs?.reportDir) ? dir : undefined;
}

/** Everything besides the inputs' bytes that decides what a run writes into its folder. */
function runKey(opts: RunOptions, p: Plan, dir: string): string {
  const { tablesOutDir, reportDir } = opts.outputs ?? {};
  return stampKeyOf([
    PIPELINE_VERSION,
    modelVersion(),
    runCodeVersion(),
    configHash(opts.config),
    opts.configSource ?? null,
    opts.order ?? 'id',
    opts.stdinFormat ?? null,
    p.want,
    tablesOutDir === undefined ? null : relative(dir, tablesOutDir),
    reportDir === undefined ? null : relative(dir, reportDir),
    p.articles.map((a) => [a.id, a.path]),
    p.rejected,
    p.skipped,
  ]);
}

/** The summary of a run that has nothing to do: the folder's stamp has this run's key, every input has the bytes
 * it had, and every file of the folder has the bytes it was stamped with. Counts and refusals are the manifest's,
 * which the stamp vouches for. Otherwise undefined, and the run does its work. */
function upToDate(opts: RunOptions, p: Plan): RunSummary | undefined {
  const dir = stampFolder(opts, p);
  if (dir === undefined || opts.force) return undefined;
  const stamp = readStamp(dir);
  if (!stamp || stamp.key !== runKey(opts, p, dir) || stamp.inputs.length !== p.articles.length) return undefined;
  for (let i = 0; i < p.articles.length; i++) {
    const a = p.articles[i]!;
    const read = p.read(a);
    if ('error' in read) return undefined;
    const sha256 = createHash('sha256').update(read.bytes).digest('hex');
    if (inputDigest(a.id, a.path, sha256) !== stamp.inputs[i]) return undefined;
  }
  if (!folderMatches(dir, stamp.files)) return undefined;
  let manifest: Pick<ReturnType<typeof buildManifest>, 'counts' | 'inputs' | 'skipped'>;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as typeof manifest;
  } catch {
    return undefined;
  }
  opts.onArticle?.(p.articles.length, p.articles.length, p.articles.length);
  return {
    ...manifest.counts,
    cached: p.articles.length,
    workers: 0,
    skipped: manifest.skipped.length,
    rejectedArticles: manifest.inputs
      .filter((x) => x.status === 'rejected')
      .map((x) => ({ path: x.path, messages: x.messages })),
    warnings: [],
    upToDate: true,
  };
}

/** Streams outcomes into the sink in input order and writes the manifest at the end. */
class Batch {
  /** The inputs' digests, for the stamp written after the commit. */
  readonly digests: Digests = { byId: new Map(), unreadable: false };
  private readonly inputs: ArticleOutcome[] = [];
  private quotes = 0;
  private entities = 0;
  private cached = 0;
  private tables?: TablesWriter;
  private report?: ReportWriter;
  /** The corpus pass, fed every record when the run writes tables or a report. */
  private corpus?: CorpusIndex;

  constructor(
    private readonly opts: RunOptions,
    private readonly plan: Plan & { warnings: RunSummary['warnings'] },
    private readonly workers: number,
  ) {}

  /** Opens the dataset stream and the writers of the tables and the report. */
  open(): void {
    const { sink } = this.opts;
    sink.openDataset();
    // staged in the sink's output set, to be committed with the dataset as one unit
    const { tablesOutDir, reportDir } = this.opts.outputs ?? {};
    if (tablesOutDir !== undefined) this.tables = new TablesWriter(tablesOutDir, sink.set);
    if (reportDir !== undefined) this.report = new ReportWriter(reportDir, sink.set);
    if (this.tables || this.report) this.corpus = new CorpusIndex();
  }

  /** Where the thread that processes an article writes its cache entry (under `key`) and its report page. */
  storeTarget(key: string | undefined): StoreTarget {
    const { cache } = this.plan;
    return {
      ...(this.report ? { articlesDir: this.report.articlesDir } : {}),
      ...(key !== undefined && cache?.writable ? { cache: { dir: cache.dir, key } } : {}),
    };
  }

  add(o: ProcessedArticle): void {
    if (o.line !== undefined) {
      this.opts.sink.appendDataset(`${o.line}\n`);
      if (this.tables || this.report) {
        // What the worker made from the record (table bytes, index tally) is used as it comes; the line is parsed
        // only for what is missing (a cache hit, whose page is made here only when its file lacks it).
        let record: ArticleRecord | undefined;
        const parsed = (): ArticleRecord => (record ??= JSON.parse(o.line!) as ArticleRecord);
        if (this.tables) {
          if (o.tables) this.tables.addEncoded(o.tables);
          else this.tables.add(parsed());
        }
        if (this.report) {
          if (o.pageWritten) this.report.addWritten(o.tally ?? parsed(), o.pageStaged);
          else this.report.add(parsed(), o);
        }
        this.corpus!.addDigest(o.digest ?? articleDigest(parsed()));
      }
    }
    this.quotes += o.quotes;
    this.entities += o.entities;
    if (o.cached) this.cached++;
    this.inputs.push(outcomeOf(o));
    this.opts.onArticle?.(this.inputs.length, this.plan.articles.length, this.cached);
  }

  finish(): RunSummary {
    const { sink, config, shard } = this.opts;
    const manifest = buildManifest({
      schemaVersion: SCHEMA_VERSION,
      pipelineVersion: PIPELINE_VERSION,
      configHash: configHash(config),
      config: this.opts.configSource,
      inputs: [...this.inputs, ...this.plan.rejected],
      skipped: this.plan.skipped,
      quotes: this.quotes,
      entities: this.entities,
      shard,
    });
    sink.writeFile('schema.json', `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
    sink.writeFile('manifest.json', manifestText(manifest));
    // every file complete under its temporary name, then one commit (src/io/commit.ts); tables or a report outside
    // the sink's folder (or with a sink that has none) commit on their own right after
    const corpus = this.corpus?.resolve();
    this.tables?.finish(corpus!);
    this.report?.finish(corpus!);
    sink.commit();
    this.tables?.publish();
    this.plan.cache?.prune();
    this.stamp();
    const rejected = manifest.inputs.filter((x) => x.status === 'rejected');
    return {
      ...manifest.counts,
      cached: this.cached,
      workers: this.workers,
      skipped: manifest.skipped.length,
      rejectedArticles: rejected.map((x) => ({ path: x.path, messages: x.messages })),
      warnings: this.plan.warnings,
    };
  }

  /** After the commit: the stamp that lets the next run with nothing to do stop early (src/run/stamp.ts). */
  private stamp(): void {
    const dir = stampFolder(this.opts, this.plan);
    if (dir === undefined || this.digests.unreadable) return;
    const inputs = this.plan.articles.map((a) => this.digests.byId.get(a.id));
    if (inputs.some((d) => d === undefined)) return;
    writeStamp(dir, runKey(this.opts, this.plan, dir), inputs as string[]);
  }

  /** Drops everything staged: the previous output stays as it was. */
  abort(): void {
    this.tables?.abort();
    this.report?.abort();
    this.opts.sink.abort();
  }
}

/** The stages themselves (wink, the tagger, Readability: ~80 MB resident). A run on workers never loads them
 * in this thread; callers of the in-process path hand them in. */
export type ArticleProcessor = typeof processToOutcome;

function runInProcess(
  opts: RunOptions,
  p: Plan & { warnings: RunSummary['warnings'] },
  processToOutcome: ArticleProcessor,
): RunSummary {
  const batch = new Batch(opts, p, 0);
  begin(opts.sink);
  try {
    const done = upToDate(opts, p);
    if (done) return done;
    batch.open();
    for (const a of p.articles) {
      const prep = prepare(a, p, batch.digests);
      if ('outcome' in prep) {
        batch.add(prep.outcome);
        continue;
      }
      const outcome = processToOutcome(
        { id: a.id, path: a.path, bytes: prep.bytes },
        opts.config,
        opts.timings,
        p.want,
      );
      batch.add(storeOutcome(outcome, batch.storeTarget(prep.key)));
    }
    return batch.finish();
  } catch (err) {
    batch.abort();
    throw asRunError(err);
  } finally {
    opts.sink.end?.();
  }
}

/** Runs the pipeline in this thread with the given stages, whatever config.run.concurrency says (see
 * src/run/in-process.ts). Throws RunError only when the run itself cannot go on. */
export function runPipelineWith(opts: RunOptions, processor: ArticleProcessor): RunSummary {
  return runInProcess(opts, plan(opts), processor);
}

/** Runs the pipeline on a worker pool sized by config.run.concurrency (in process for small batches), with the
 * same output bytes as runPipeline. Throws RunError only when the run itself cannot go on. */
export async function runPipelineAsync(opts: RunOptions): Promise<RunSummary> {
  const p = plan(opts);
  if (opts.pool && configHash(opts.pool.config) !== configHash(opts.config))
    throw new Error('the worker pool was started with another config');
  const threads = opts.pool?.threads ?? workerCount(opts.config.run.concurrency, p.articles.length);
  if (threads === 0) return runInProcess(opts, p, (await import('./outcome.ts')).processToOutcome);
  // started on the first cache miss, so a run with nothing to do never pays for loading the model in workers
  let pool = opts.pool;
  const owned = !pool;
  const batch = new Batch(opts, p, threads);
  const wantTimings = opts.timings !== undefined;
  // A worker makes the article's report page (and writes it); the table rows are made here, from the line, by
  // the main thread. Encoding them in the workers cost more in all, although it spared this thread a JSON.parse:
  // a worker's heap holds the models, and every collection the extra garbage brings costs it (and V8's helper
  // threads) several times what the same work costs this small heap.
  const workerWants: OutputsWanted = { tables: false, report: p.want.report };
  const processInWorker = async (a: InputArticle): Promise<ProcessedArticle> => {
    const prep = prepare(a, p, batch.digests);
    if ('outcome' in prep) return prep.outcome;
    pool ??= new ArticlePool(threads, opts.config);
    let reply: Awaited<ReturnType<ArticlePool['run']>>;
    try {
      // the worker writes the cache entry and stages the page itself: the main thread gets the line
      reply = await pool.run({
        id: a.id,
        path: a.path,
        bytes: prep.bytes,
        timings: wantTimings,
        outputs: workerWants,
        store: batch.storeTarget(prep.key),
      });
    } catch (err) {
      // the worker died on this article (out of memory, a native crash): reject the article, keep the batch
      const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
      return {
        id: a.id,
        path: a.path,
        sha256: '',
        status: 'rejected',
        messages: [message('pipeline/stage-failed', 'worker', { stage: 'worker', reason })],
        quotes: 0,
        entities: 0,
        cached: false,
      };
    }
    // a page the output folder would not take: the run cannot be committed (exit 1), the article is not to blame
    if (reply.storeError)
      throw new RunError('run/output-unwritable', { path: reply.storeError.path, reason: reply.storeError.code });
    if (reply.timings && opts.timings)
      for (const [k, v] of Object.entries(reply.timings)) opts.timings[k] = (opts.timings[k] ?? 0) + v;
    return reply.outcome;
  };
  begin(opts.sink);
  try {
    const done = upToDate(opts, p);
    if (done) return done;
    batch.open();
    // a window of a few tasks per thread keeps every worker busy while bounding what waits for re-ordering
    for await (const outcome of mapInOrder(p.articles, threads * 4, processInWorker)) batch.add(outcome);
    return batch.finish();
  } catch (err) {
    // the workers stop first, so that none stages a page after the abort has cleared them
    if (owned && pool) await pool.close();
    pool = undefined;
    batch.abort();
    throw asRunError(err);
  } finally {
    if (owned && pool) await pool.close();
    opts.sink.end?.();
  }
}
