// What a run does before any article is processed or any byte written: check the input and output folders,
// discover the corpus (or one shard of it), account for every entry that will not be read, and set up the cache
// and the reader. A run that cannot go on fails here with a RunError (exit 1), having written nothing.
import { realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { Config } from '../config.ts';
import { ARTICLE_EXTENSIONS, discover, extensionOf, type Discovered, type Skipped } from '../io/discover.ts';
import { articleReader, type ArticleReader } from '../io/read.ts';
import { message, type MessageId } from '../messages.ts';
import type { ManifestInput, ManifestSkipped } from '../outputs/manifest.ts';
import type { OutputsWanted } from '../outputs/article-outputs.ts';
import type { Message } from '../types.ts';
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
  input: string;
  config: Config;
  /** Folders the run writes (output, cache, tables, report): none may hold the input or lie inside it. */
  outputFolders: string[];
  cacheDir?: string;
  force?: boolean;
  readOnlyCache?: boolean;
  shard?: Shard;
  reader?: ArticleReader;
  want: OutputsWanted;
}

export interface Plan {
  articles: Discovered[];
  /** The per-article outputs this run writes. */
  want: OutputsWanted;
  /** Entries meant as articles that cannot be read (links, duplicates, unreadable folders …): rejected. */
  rejected: ManifestInput[];
  /** Entries that are no articles (hidden, other file types, sockets): listed, not read. */
  skipped: ManifestSkipped[];
  cache?: ArticleCache;
  read: ArticleReader;
}

const stripExtension = (path: string) => path.replace(/\.[^./]*$/, '');
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

/** Refuses an output folder that is, or lies inside, the input folder (the run would read its own pages), and an
 * input folder inside an output folder (the run would delete or sweep its own input). */
function checkFolders(input: string, outputs: string[]): void {
  const inReal = realish(input);
  for (const output of outputs) {
    const outReal = realish(output);
    if (within(outReal, inReal))
      throw new RunError('run/output-inside-input', {
        output,
        input,
        where: outReal === inReal ? 'the same folder as' : 'inside',
      });
    if (within(inReal, outReal)) throw new RunError('run/input-inside-output', { output, input });
  }
}

/** The message an entry discovery did not take gets. */
function skipMessage(s: Skipped): Message {
  // rejected entries are the ingest stage's (as a file it reads and refuses); skipped ones discovery's
  const stage = s.article ? 'ingest' : 'discover';
  switch (s.reason) {
    case 'duplicate-id':
      return message('ingest/duplicate-id', stage, { id: stripExtension(s.path), kept: s.kept ?? '', path: s.path });
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

/** Checks the folders, discovers the corpus and sets up the cache; throws RunError when the run cannot go on. */
export function plan(opts: PlanOptions): Plan {
  const { input, config, shard } = opts;
  let st;
  try {
    st = statSync(input, { throwIfNoEntry: false });
  } catch {
    st = undefined;
  }
  if (!st?.isDirectory()) throw new RunError('run/input-missing', { input });
  checkFolders(input, opts.outputFolders);
  let found;
  try {
    found = discover(input);
  } catch (err) {
    throw new RunError('run/input-unreadable', { input, reason: (err as NodeJS.ErrnoException).code ?? String(err) });
  }
  if (!found.articles.length && !found.skipped.some((s) => s.article))
    throw new RunError('run/no-inputs', { input, found: describeNone(found.skipped), extensions: EXTENSIONS });
  const rejected: ManifestInput[] = [];
  const skipped: ManifestSkipped[] = [];
  for (const s of found.skipped) {
    // a skipped entry goes with the shard of the id it would have had, so every shard agrees on who reports it
    const id = s.path.endsWith('/') ? s.path : stripExtension(s.path);
    if (!inShard(id, shard)) continue;
    const m = skipMessage(s);
    if (s.article) rejected.push({ id, path: s.path, sha256: '', status: 'rejected', messages: [m] });
    else skipped.push({ path: s.path, messages: [m] });
  }
  const articles = found.articles.filter((a) => inShard(a.id, shard));
  const useCache = opts.cacheDir !== undefined && config.run.cache;
  const cache = useCache
    ? new ArticleCache(opts.cacheDir!, cacheFingerprint(config), !opts.force, !opts.readOnlyCache)
    : undefined;
  const read = opts.reader ?? articleReader({ root: input, maxBytes: config.limits.maxBytes });
  return { articles, want: opts.want, rejected, skipped, read, ...(cache ? { cache } : {}) };
}
