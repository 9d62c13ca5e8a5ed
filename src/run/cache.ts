// The incremental cache: one small file per article under <output>/.cache/articles/, named by a hash of the
// article's path (so a changed article overwrites its entry instead of piling up new ones). An entry holds the
// article's dataset line and, when the run that wrote it made one, the sha256 of its report page (the page file
// holds the page itself), so a warm run makes the page again only when its file differs. An entry is valid only
// for the same raw bytes, id, path, pipeline version, model, config and code (the key), and only when every byte
// of it still has the checksum it was written with; an entry that fails it is never served: the article is
// processed again and the run says so (cache/corrupt-entry), never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { threadId } from 'node:worker_threads';
import { configHash, type Config } from '../config.ts';
import { PIPELINE_VERSION, modelVersion } from '../version.ts';
import type { ProcessedArticle } from './outcome.ts';

export const CACHE_DIR = '.cache';
// 2: the body held the tables' CSV text and the report page after the dataset line.
// 3: the page kept as its sha256 in the header, the CSV text still in the body.
// 4: the body is the dataset line alone. The page was the largest part of an entry (~22 KB, and a two-byte
// string: every copy costs twice its length) and the CSV text the next (~20 KB); hashing, concatenating and
// writing them in every worker cost about as much CPU as writing the page file itself on the busy 2-core machine.
// A warm run compares the page file's hash instead of its bytes, and the main thread stringifies the CSV from the
// rows it builds for the Parquet columns anyway (~0.15 ms an article).
// 5: a first line holding the sha256 of every byte after it (header and body): format 4 hashed the body only and
// trusted the header (id, input hash, status, messages, counts), so one flipped byte there was served as truth.
const ENTRY_FORMAT = 5;
/** The first line of an entry: 64 hex digits and a newline. */
const SUM_LINE = 65;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

const sourceHashes = new Map<string, string>();

const IMPORT =
  /^[ \t]*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;

/** A hash of the source files an entry depends on (everything src/pipeline.ts and the serialiser import,
 * followed through relative imports: the stages, and the table and report code that makes the cached CSV and
 * pages) and of data/. PIPELINE_VERSION only moves on releases, and a cache that survived an edit to a stage, a
 * lexicon or the report would serve stale entries during development; files the entries do not depend on (the
 * CLI, the run layer) are left out so that editing them keeps the cache. */
export function codeVersion(): string {
  return sourceVersion(['../pipeline', './outcome']);
}

/** The same hash for everything a whole run's output depends on: the run layer (src/run/runner.ts and what it
 * imports: the corpus pass, the tables' and the report's writers) besides the stages. */
export function runCodeVersion(): string {
  return sourceVersion(['./runner', '../pipeline', './outcome']);
}

/** A hash of the files the given modules (relative to this one, without extension) import, followed through
 * relative imports, and of data/ and package-lock.json. */
function sourceVersion(entries: readonly string[]): string {
  const known = sourceHashes.get(entries.join('|'));
  if (known) return known;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const h = createHash('sha256');
  const seen = new Set<string>();
  // the installed package runs compiled .js files, whose imports name .js files: hash those
  const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
  const queue = entries.map((e) => fileURLToPath(new URL(`${e}${ext}`, import.meta.url)));
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue; // a packaged build without sources: PIPELINE_VERSION still keys the cache
    }
    for (const m of text.matchAll(IMPORT)) queue.push(join(dirname(file), (m[1] ?? m[2])!));
  }
  const files = [...seen].sort();
  const walk = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir, { withFileTypes: true })
        .map((d) => (d.isDirectory() ? `${d.name}/` : d.name))
        .sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith('/')) walk(join(dir, name));
      else files.push(join(dir, name));
    }
  };
  walk(join(root, 'data'));
  files.push(join(root, 'package-lock.json')); // dependency versions (wink's model) change output too
  for (const file of files) {
    try {
      h.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
    } catch {
      /* absent: nothing to hash */
    }
  }
  const hash = h.digest('hex').slice(0, 16);
  sourceHashes.set(entries.join('|'), hash);
  return hash;
}

/** Everything besides the article itself that decides its record. */
export function cacheFingerprint(config: Config): string {
  return [PIPELINE_VERSION, modelVersion(), configHash(config), codeVersion()].join('|');
}

type Stored = Omit<
  ProcessedArticle,
  'line' | 'cached' | 'page' | 'pageSha' | 'pageWritten' | 'pageStaged' | 'tables' | 'tally'
>;

/** An entry is `SHA256\nHEADER\nLINE`: the sha256 (hex) of every byte after the first newline, the header as JSON
 * on one line, and the article's dataset line (empty for a rejected article). */
interface EntryHeader {
  format: number;
  key: string;
  /** Length (UTF-16 units) of the body: the dataset line. */
  sizes: { line: number };
  /** sha256 of the article's report page (UTF-8), when the run made one. */
  pageSha?: string;
  outcome: Stored;
}

/** What a look-up found: a usable outcome, nothing usable (absent, another key, an older format), or an entry
 * whose bytes fail their checksum or make no sense (a disk error, a stray edit), which the run reports. */
export type CacheLookup = { hit: ProcessedArticle } | { miss: true } | { corrupt: string };

/** Reads and writes cache entries in one output folder. `readable`/`writable` implement --force and --check. */
export class ArticleCache {
  /** The folder of the entries (a pool worker writes the entry of the article it processed there). */
  readonly dir: string;
  private readonly seen = new Set<string>();

  constructor(
    outputDir: string,
    private readonly fingerprint: string,
    readonly readable = true,
    readonly writable = true,
  ) {
    this.dir = join(outputDir, CACHE_DIR, 'articles');
  }

  /** The key of one article's bytes under this cache's fingerprint. */
  keyOf(id: string, path: string, bytesSha256: string): string {
    return sha256(`${ENTRY_FORMAT}\n${this.fingerprint}\n${id}\n${path}\n${bytesSha256}`);
  }

  private fileOf(path: string): string {
    const name = entryName(path);
    this.seen.add(name);
    return join(this.dir, name);
  }

  /** The cached outcome of an article for this key; a miss for an absent or stale entry; `corrupt` (with what is
   * wrong) for an entry that fails its checksum: never served, the article is processed again. */
  get(id: string, path: string, key: string): CacheLookup {
    const file = this.fileOf(path);
    if (!this.readable) return { miss: true };
    let buf: Buffer;
    try {
      buf = readFileSync(file);
    } catch {
      return { miss: true };
    }
    return readEntry(buf, id, path, key);
  }

  /** Stores an outcome; a failed write only costs a recompute next time, so it is ignored. */
  set(path: string, key: string, outcome: ProcessedArticle): void {
    if (!this.writable) return;
    this.fileOf(path);
    writeCacheEntry(this.dir, path, key, outcome);
  }

  /** Removes entries of articles this run did not see (deleted or renamed inputs), so the cache stays the size
   * of the corpus. Call only after a complete run. */
  prune(): void {
    if (!this.writable) return;
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (this.seen.has(name)) continue;
      try {
        unlinkSync(join(this.dir, name));
      } catch {
        /* gone already */
      }
    }
  }
}

const OLD_FORMAT = Buffer.from('{"format":');

/** Checks an entry's bytes: its checksum first (every byte but the first line's), then that it is this article's
 * entry for this key and holds a well-formed outcome. */
export function readEntry(buf: Buffer, id: string, path: string, key: string): CacheLookup {
  // an entry of an older format (its header first, no checksum line): stale, not corrupt
  if (buf.subarray(0, OLD_FORMAT.length).equals(OLD_FORMAT)) return { miss: true };
  if (buf.length < SUM_LINE + 2 || buf[SUM_LINE - 1] !== 0x0a) return { corrupt: 'no checksum line' };
  const want = buf.toString('latin1', 0, SUM_LINE - 1);
  if (sha256(buf.subarray(SUM_LINE)) !== want) return { corrupt: 'checksum mismatch' };
  const text = buf.toString('utf8', SUM_LINE);
  const nl = text.indexOf('\n');
  if (nl < 0) return { corrupt: 'no header line' };
  let header: EntryHeader;
  try {
    header = JSON.parse(text.slice(0, nl)) as EntryHeader;
  } catch {
    return { corrupt: 'header is not JSON' };
  }
  if (header.format !== ENTRY_FORMAT || header.key !== key) return { miss: true }; // another code, config or input
  const line = text.slice(nl + 1);
  const o = header.outcome;
  // with a good checksum these hold unless the writer was wrong: checked anyway, the entry is then not served
  if (
    o?.id !== id ||
    o.path !== path ||
    header.sizes?.line !== line.length ||
    (o.status !== 'ok' && o.status !== 'rejected') ||
    (o.status === 'ok') !== line.length > 0 ||
    !Array.isArray(o.messages) ||
    typeof o.sha256 !== 'string' ||
    !Number.isInteger(o.quotes) ||
    !Number.isInteger(o.entities)
  )
    return { corrupt: 'the entry does not describe this article' };
  const hit: ProcessedArticle = { ...o, cached: true };
  if (line) hit.line = line;
  if (typeof header.pageSha === 'string') hit.pageSha = header.pageSha;
  return { hit };
}

/** The entry file name of an article path: a hash, so a changed article overwrites its entry. */
const entryName = (path: string): string => `${sha256(path).slice(0, 32)}.entry`;

const madeDirs = new Set<string>();

/** Writes one entry into the entries folder `dir` (ArticleCache.dir). Called by ArticleCache.set, and by a pool
 * worker for the article it processed: hashing and writing the entry (the record, some 17 KB, and the page's
 * hash) is then off the main thread. A failed write only costs a recompute next time, so it is ignored. */
export function writeCacheEntry(dir: string, path: string, key: string, outcome: ProcessedArticle): void {
  const file = join(dir, entryName(path));
  // the table bytes and the index tally are made again from the line on a hit, never stored
  const {
    line = '',
    cached: _cached,
    page,
    pageSha,
    pageWritten: _written,
    pageStaged: _staged,
    tables: _tables,
    tally: _tally,
    ...rest
  } = outcome;
  const header: EntryHeader = { format: ENTRY_FORMAT, key, sizes: { line: line.length }, outcome: rest };
  const sha = page !== undefined ? sha256(page) : pageSha;
  if (sha !== undefined) header.pageSha = sha;
  const covered = Buffer.from(`${JSON.stringify(header)}\n${line}`, 'utf8');
  try {
    if (!madeDirs.has(dir)) mkdirSync(dir, { recursive: true });
    madeDirs.add(dir);
    // write-then-rename: a run killed mid-write leaves the old entry or none, never half of one; the thread id
    // keeps two workers of one process apart
    const tmp = `${file}.${process.pid}.${threadId}.tmp`;
    writeFileSync(tmp, Buffer.concat([Buffer.from(`${sha256(covered)}\n`, 'latin1'), covered]));
    renameSync(tmp, file);
  } catch {
    /* read-only or full disk: run without caching this one */
  }
}
