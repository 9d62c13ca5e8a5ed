// What a run does before any article is processed or any byte written: resolve the inputs (folders, files, globs,
// standard input), check them against the output folders, account for every entry that will not be read, and set
// up the cache and the reader. A run that cannot go on fails here with a RunError (exit 1), having written nothing.
import { realpathSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Config } from '../config.ts';
import { ARTICLE_EXTENSIONS, byCodeUnits, extensionOf, type Skipped } from '../io/discover.ts';
import { InputError, resolveInputs, type InputArticle, type InputSkipped, type InputSource } from '../io/inputs.ts';
import { articleReader, type ArticleReader, type ReadResult } from '../io/read.ts';
import { message, type MessageId } from '../messages.ts';
import type { ArticleOutcome } from '../outcome.ts';
import type { ManifestSkipped } from '../outputs/manifest.ts';
import type { OutputsWanted } from '../outputs/article-outputs.ts';
import type { Message, SourceFormat } from '../types.ts';
import { ArticleCache, cacheFingerprint } from './cache.ts';
import { inShard, type Shard } from './shard.ts';

/** The run itself cannot go on (exit 1); nothing was written. `id` is its message id (src/messages.ts). */
export class RunError extends Error {
  readonly id: string;
  constructor(id: MessageId, details: Record<string, string | number> = {}) {
    const m = message(id, 'run', details);
    super(m.text);
    this.id = m.id;
  }
}

/** What plan() needs of a run's options. */
export interface PlanOptions {
  /** Inputs as the command line names them: folders, files, globs and "-" (standard input). */
  input: readonly string[];
  /** The folder relative inputs are resolved from. */
  cwd: string;
  stdin?: Uint8Array;
  stdinFormat?: SourceFormat;
  /** The order of the articles: by id (the default) or as the inputs were given. */
  order?: 'id' | 'input';
  config: Config;
  /** Folders the run writes (output, cache, tables, report): none may hold an input or lie inside one. */
  outputFolders: string[];
  cacheDir?: string;
  force?: boolean;
  readOnlyCache?: boolean;
  shard?: Shard;
  /** Reads a file by its absolute path instead of src/io/read.ts; a test seam. */
  reader?: ArticleReader;
  want: OutputsWanted;
}

export interface Plan {
  articles: InputArticle[];
  /** The per-article outputs this run writes. */
  want: OutputsWanted;
  /** Entries meant as articles that cannot be read (links, duplicates, unreadable folders …): rejected. */
  rejected: ArticleOutcome[];
  /** Entries that are no articles (hidden, other file types, sockets): listed, not read. */
  skipped: ManifestSkipped[];
  cache?: ArticleCache;
  read: (a: InputArticle) => ReadResult;
}

const EXTENSIONS = ARTICLE_EXTENSIONS.join(', ');

/** The path with symbolic links resolved as far as it exists (an output folder may not exist yet). */
function realish(path: string): string {
  const abs = resolve(path);
  const rest: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    try {
      return rest.length ? join(realpathSync(p), rest.reverse().join(sep)) : realpathSync(p);
    } catch {
      if (dirname(p) === p) return abs;
      rest.push(basename(p));
    }
  }
}

const within = (child: string, parent: string) =>
  child === parent || child.startsWith(parent.endsWith(sep) ? parent : parent + sep);

// Article-like files a run writes into an output folder (the report's index and pages), relative to each output
// folder: a glob input that would match one of them would read the run's own output next time.
const PAGE_PROBES = ['index.html', 'articles/x.html', 'speakers/x.html'];

/** Whether a folder or glob input would read files written into an output folder inside it: a folder always, a
 * glob when it matches one of the report's pages there. */
function readsOutput(source: InputSource, inReal: string, outReal: string): boolean {
  if (source.kind !== 'glob') return true;
  const rel = relative(inReal, outReal).split(sep).join('/');
  return PAGE_PROBES.some((p) => source.matches(rel ? `${rel}/${p}` : p));
}

/** Refuses an output folder that is, or lies inside, an input folder, or whose pages a glob input would match (the
 * run would read its own output), and an input inside an output folder (the run would overwrite or delete its own
 * input). */
function checkFolders(sources: InputSource[], outputs: string[]): void {
  for (const source of sources) {
    if (source.kind === 'stdin') continue;
    const inReal = realish(source.absolute);
    for (const output of outputs) {
      const outReal = realish(output);
      if (source.kind !== 'file' && within(outReal, inReal) && readsOutput(source, inReal, outReal))
        throw new RunError('run/output-inside-input', {
          output,
          input: source.arg,
          where: outReal === inReal ? 'the same folder as' : 'inside',
        });
      if (within(inReal, outReal)) throw new RunError('run/input-inside-output', { output, input: source.arg });
    }
  }
}

/** The message an entry discovery did not take gets. */
function skipMessage(s: InputSkipped): Message {
  // rejected entries are the ingest stage's (as a file it reads and refuses); skipped ones discovery's
  const stage = s.article ? 'ingest' : 'discover';
  switch (s.reason) {
    case 'duplicate-id':
      return message('ingest/duplicate-id', stage, { id: s.id, kept: s.kept ?? '', path: s.path });
    case 'symlink':
      return s.article
        ? message('ingest/symlink-not-followed', stage, { path: s.path })
        : message('input/not-a-file', stage, { kind: 'symbolic link' });
    case 'hidden':
      return message('input/hidden', stage, { what: s.path.endsWith('/') ? 'folder' : 'file' });
    case 'unsupported':
      return message('input/unsupported-type', stage, { ext: extensionOf(s.path), extensions: EXTENSIONS });
    case 'not-a-file':
      return message(s.article ? 'ingest/not-a-file' : 'input/not-a-file', stage, { kind: s.detail ?? '?' });
    case 'invalid-name':
      return message('ingest/invalid-file-name', stage, { detail: s.detail ?? '' });
    case 'path-too-long':
      return message('ingest/path-too-long', stage, { reason: s.detail ?? 'ENAMETOOLONG' });
    case 'unreadable-folder':
      return message('ingest/unreadable-folder', stage, { reason: s.detail ?? '' });
  }
}

/** "it is empty" or "5 entries, none an article: 3 of another type, 2 hidden", for run/no-inputs. */
function describeNone(skipped: Skipped[]): string {
  if (!skipped.length) return 'it is empty';
  const by = new Map<string, number>();
  const label: Record<string, string> = { hidden: 'hidden', unsupported: 'of another type', 'not-a-file': 'not files' };
  for (const s of skipped) by.set(label[s.reason] ?? s.reason, (by.get(label[s.reason] ?? s.reason) ?? 0) + 1);
  const parts = [...by].map(([k, n]) => `${n} ${k}`).join(', ');
  return `${skipped.length} entr${skipped.length === 1 ? 'y' : 'ies'}, none an article: ${parts}`;
}

/** Reads an article: standard input's bytes as they came, a file through `reader` or within its root folder. */
function inputReader(opts: PlanOptions): (a: InputArticle) => ReadResult {
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

/** Resolves the inputs, checks them against the output folders and sets up the cache; throws RunError when the
 * run cannot go on. */
export function plan(opts: PlanOptions): Plan {
  const { config, shard } = opts;
  let found;
  try {
    found = resolveInputs(opts.input, {
      cwd: opts.cwd,
      ...(opts.stdin ? { stdin: opts.stdin } : {}),
      ...(opts.stdinFormat ? { stdinFormat: opts.stdinFormat } : {}),
    });
  } catch (err) {
    if (err instanceof InputError) throw new RunError(err.id, err.details);
    throw err;
  }
  checkFolders(found.sources, opts.outputFolders);
  if (!found.articles.length && !found.skipped.some((s) => s.article))
    throw new RunError('run/no-inputs', {
      input: opts.input.join(' '),
      found: describeNone(found.skipped),
      extensions: EXTENSIONS,
    });
  const rejected: ArticleOutcome[] = [];
  const skipped: ManifestSkipped[] = [];
  for (const s of found.skipped) {
    // a skipped entry goes with the shard of the id it would have had, so every shard agrees on who reports it
    if (!inShard(s.id, shard)) continue;
    const m = skipMessage(s);
    if (s.article) rejected.push({ id: s.id, path: s.path, sha256: '', status: 'rejected', messages: [m] });
    else skipped.push({ path: s.path, messages: [m] });
  }
  const articles = found.articles.filter((a) => inShard(a.id, shard));
  if (opts.order !== 'input') articles.sort((a, b) => byCodeUnits(a.id, b.id));
  const useCache = opts.cacheDir !== undefined && config.run.cache;
  const cache = useCache
    ? new ArticleCache(opts.cacheDir!, cacheFingerprint(config), !opts.force, !opts.readOnlyCache)
    : undefined;
  return { articles, want: opts.want, rejected, skipped, read: inputReader(opts), ...(cache ? { cache } : {}) };
}
