// A batch run: discover the corpus (or one shard of it), process every article (bad ones become messages) in
// process or on a worker pool, reuse unchanged articles from the cache, stream the dataset in id order, then
// write the schema and the manifest. When asked, the flat tables and the HTML report are written from the same
// stream: each article's page, table rows (encoded as bytes) and index tally are made beside its record (in a
// worker; a cache hit keeps its page's hash and has the rest made here from its line), the page written there,
// and the main thread appends the bytes and counts in input order. Library entry for the CLI and for anyone
// who imports the pipeline.
import { createHash } from 'node:crypto';
import { configHash, type Config, type ConfigSource } from '../config.ts';
import { byCodeUnits } from '../io/discover.ts';
import { InputError, resolveInputs, type InputArticle, type InputSkipped } from '../io/inputs.ts';
import { articleReader, type ArticleReader, type ReadResult } from '../io/read.ts';
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
import { PIPELINE_VERSION } from '../version.ts';
import { articleOutputs, lacksOutputs, type OutputsWanted } from '../outputs/article-outputs.ts';
import { ArticleCache, cacheFingerprint } from './cache.ts';
import { buildManifest, manifestText, type ManifestSkipped } from '../outputs/manifest.ts';
import { outcomeOf, type ArticleOutcome } from '../outcome.ts';
import { mapInOrder } from './ordered.ts';
import type { ProcessedArticle, processToOutcome } from './outcome.ts';
import type { OutputSink } from '../outputs/sink.ts';
import { ArticlePool, workerCount } from './pool.ts';
import { storeOutcome, type StoreTarget } from './store.ts';
import { inShard, type Shard } from './shard.ts';

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
  /** Reads one article (default: src/io/read.ts within the input folder and limits.maxBytes); a test seam. */
  reader?: ArticleReader;
  /** Also write the flat tables (under tablesOutDir/tables/) and/or the HTML report (into reportDir), the same
   * bytes as writeTables and writeReport on the dataset this run writes. The tables are finished before the
   * dataset is committed and renamed into place right after it; report pages are written as records arrive and
   * the index last. */
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
  rejectedArticles: { path: string; messages: Message[] }[];
}

export class RunError extends Error {}

interface Plan {
  articles: InputArticle[];
  /** The per-article outputs this run writes. */
  want: OutputsWanted;
  duplicates: ArticleOutcome[];
  symlinks: ManifestSkipped[];
  cache?: ArticleCache;
  read: (a: InputArticle) => ReadResult;
}

/** Finds the inputs' articles, in input order. */
function findInputs(opts: RunOptions): { articles: InputArticle[]; skipped: InputSkipped[] } {
  try {
    return resolveInputs(typeof opts.input === 'string' ? [opts.input] : opts.input, {
      cwd: opts.cwd ?? process.cwd(),
      ...(opts.stdin ? { stdin: opts.stdin } : {}),
      ...(opts.stdinFormat ? { stdinFormat: opts.stdinFormat } : {}),
    });
  } catch (err) {
    if (err instanceof InputError) throw new RunError(err.message);
    throw err;
  }
}

/** Reads an article: standard input's bytes as they came, a file through `reader` or within its root folder. */
function inputReader(opts: RunOptions): (a: InputArticle) => ReadResult {
  if (opts.reader) {
    const reader = opts.reader;
    return (a) => (a.bytes ? { bytes: a.bytes } : reader(a.absolute));
  }
  const byRoot = new Map<string, ArticleReader>();
  const maxBytes = opts.config.limits.maxBytes;
  return (a) => {
    if (a.bytes) return { bytes: a.bytes };
    let read = byRoot.get(a.root);
    if (!read) byRoot.set(a.root, (read = articleReader({ root: a.root, maxBytes })));
    return read(a.absolute);
  };
}

/** Finds the articles and sets up the cache; throws RunError when an input is missing. */
function plan(opts: RunOptions): Plan {
  const { config, shard } = opts;
  const found = findInputs(opts);
  const duplicates: ArticleOutcome[] = [];
  const symlinks: ManifestSkipped[] = [];
  for (const s of found.skipped) {
    // a skipped file goes with the shard of the id it would have had, so every shard agrees on who reports it
    const { id } = s;
    if (!inShard(id, shard)) continue;
    if (s.reason === 'duplicate-id') {
      duplicates.push({
        id,
        path: s.path,
        sha256: '',
        status: 'rejected',
        messages: [message('ingest/duplicate-id', 'ingest', { id, kept: s.kept ?? '', path: s.path })],
      });
    } else if (s.reason === 'symlink') {
      // a link is never followed, and the article it stands for is missing from the dataset: a rejection (exit 2)
      duplicates.push({
        id,
        path: s.path,
        sha256: '',
        status: 'rejected',
        messages: [message('ingest/symlink-not-followed', 'ingest', { path: s.path })],
      });
    }
  }
  const articles = found.articles.filter((a) => inShard(a.id, shard));
  if (opts.order !== 'input') articles.sort((a, b) => byCodeUnits(a.id, b.id));
  const useCache = opts.cacheDir !== undefined && config.run.cache;
  const cache = useCache
    ? new ArticleCache(opts.cacheDir!, cacheFingerprint(config), !opts.force, !opts.readOnlyCache)
    : undefined;
  const read = inputReader(opts);
  const want = { tables: opts.outputs?.tablesOutDir !== undefined, report: opts.outputs?.reportDir !== undefined };
  return { articles, want, duplicates, symlinks, read, ...(cache ? { cache } : {}) };
}

/** What the main thread does before any processing: read the bytes, and answer from the cache when it can. */
type Prepared = { outcome: ProcessedArticle } | { bytes: Uint8Array; key?: string };

function prepare(a: InputArticle, p: Plan): Prepared {
  const { cache } = p;
  const read = p.read(a);
  if ('error' in read)
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
  if (!cache) return { bytes: read.bytes };
  const key = cache.keyOf(a.id, a.path, createHash('sha256').update(read.bytes).digest('hex'));
  const hit = cache.get(a.path, key);
  if (!hit) return { bytes: read.bytes, key };
  if (lacksOutputs(hit, p.want)) {
    // an entry from a run that wrote no tables or report: its record stands, only the outputs are made (here,
    // once) and stored with it
    Object.assign(hit, articleOutputs(hit.line!, p.want));
    cache.set(a.path, key, hit);
  }
  return { outcome: hit };
}

/** Streams outcomes into the sink in input order and writes the manifest at the end. */
class Batch {
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
    private readonly plan: Plan,
    private readonly workers: number,
  ) {}

  /** Opens the dataset stream and the writers of the tables and the report. */
  open(): void {
    this.opts.sink.openDataset();
    const { tablesOutDir, reportDir } = this.opts.outputs ?? {};
    if (tablesOutDir !== undefined) this.tables = new TablesWriter(tablesOutDir);
    if (reportDir !== undefined) this.report = new ReportWriter(reportDir);
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
          if (o.pageWritten) this.report.addWritten(o.tally ?? parsed());
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
      inputs: [...this.inputs, ...this.plan.duplicates],
      skipped: this.plan.symlinks,
      quotes: this.quotes,
      entities: this.entities,
      shard,
    });
    sink.writeFile('schema.json', `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
    sink.writeFile('manifest.json', manifestText(manifest));
    const corpus = this.corpus?.resolve();
    this.tables?.finish(corpus!);
    sink.commit();
    this.tables?.publish();
    this.report?.finish(corpus!);
    this.plan.cache?.prune();
    const rejected = manifest.inputs.filter((x) => x.status === 'rejected');
    return {
      ...manifest.counts,
      cached: this.cached,
      workers: this.workers,
      rejectedArticles: rejected.map((x) => ({ path: x.path, messages: x.messages })),
    };
  }

  /** Drops everything not yet in place; report pages already written stay (the report is written in place). */
  abort(): void {
    this.opts.sink.abort();
    this.tables?.abort();
  }
}

/** The stages themselves (wink, the tagger, Readability: ~80 MB resident). A run on workers never loads them
 * in this thread; callers of the in-process path hand them in. */
export type ArticleProcessor = typeof processToOutcome;

function runInProcess(opts: RunOptions, p: Plan, processToOutcome: ArticleProcessor): RunSummary {
  const batch = new Batch(opts, p, 0);
  try {
    batch.open();
    for (const a of p.articles) {
      const prep = prepare(a, p);
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
    throw err;
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
    throw new RunError('the worker pool was started with another config');
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
    const prep = prepare(a, p);
    if ('outcome' in prep) return prep.outcome;
    pool ??= new ArticlePool(threads, opts.config);
    try {
      // the worker writes the cache entry and the page itself: the main thread gets the line
      const reply = await pool.run({
        id: a.id,
        path: a.path,
        bytes: prep.bytes,
        timings: wantTimings,
        outputs: workerWants,
        store: batch.storeTarget(prep.key),
      });
      if (reply.timings && opts.timings)
        for (const [k, v] of Object.entries(reply.timings)) opts.timings[k] = (opts.timings[k] ?? 0) + v;
      return reply.outcome;
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
  };
  try {
    batch.open();
    // a window of a few tasks per thread keeps every worker busy while bounding what waits for re-ordering
    for await (const outcome of mapInOrder(p.articles, threads * 4, processInWorker)) batch.add(outcome);
    return batch.finish();
  } catch (err) {
    batch.abort();
    throw err;
  } finally {
    if (owned && pool) await pool.close();
  }
}
