// The incremental cache: one small file per article under <output>/.cache/articles/, named by a hash of the
// article's path (so a changed article overwrites its entry instead of piling up new ones). An entry is valid
// only for the same raw bytes, id, path, pipeline version, model, config and code (the key), and only when its
// dataset line still has the hash it was written with; anything else is a miss, never an error.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configHash, type Config } from '../config.ts';
import { PIPELINE_VERSION, modelVersion } from '../version.ts';
import type { ArticleOutcome } from './outcome.ts';

export const CACHE_DIR = '.cache';
const ENTRY_FORMAT = 1;

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

let codeHash: string | undefined;

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** A hash of the source files a record depends on (everything src/pipeline.ts and the serialiser import,
 * followed through relative imports) and of data/. PIPELINE_VERSION only moves on releases, and a cache that
 * survived an edit to a stage or a lexicon would serve stale records during development; files the records
 * do not depend on (the CLI, reports) are left out so that editing them keeps the cache. */
export function codeVersion(): string {
  if (codeHash) return codeHash;
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const h = createHash('sha256');
  const seen = new Set<string>();
  const queue = [fileURLToPath(new URL('../pipeline.ts', import.meta.url)), fileURLToPath(new URL('./outcome.ts', import.meta.url))];
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
      names = readdirSync(dir, { withFileTypes: true }).map((d) => (d.isDirectory() ? `${d.name}/` : d.name)).sort();
    } catch {
      return;
    }
    for (const name of names) name.endsWith('/') ? walk(join(dir, name)) : files.push(join(dir, name));
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
  codeHash = h.digest('hex').slice(0, 16);
  return codeHash;
}

/** Everything besides the article itself that decides its record. */
export function cacheFingerprint(config: Config): string {
  return [PIPELINE_VERSION, modelVersion(), configHash(config), codeVersion()].join('|');
}

interface EntryHeader {
  format: number;
  key: string;
  lineSha: string;
  outcome: Omit<ArticleOutcome, 'line' | 'cached'>;
}

/** Reads and writes cache entries in one output folder. `readable`/`writable` implement --force and --check. */
export class ArticleCache {
  private readonly dir: string;
  private readonly seen = new Set<string>();
  private made = false;

  constructor(outputDir: string, private readonly fingerprint: string, readonly readable = true, readonly writable = true) {
    this.dir = join(outputDir, CACHE_DIR, 'articles');
  }

  /** The key of one article's bytes under this cache's fingerprint. */
  keyOf(id: string, path: string, bytesSha256: string): string {
    return sha256(`${ENTRY_FORMAT}\n${this.fingerprint}\n${id}\n${path}\n${bytesSha256}`);
  }

  private fileOf(path: string): string {
    const name = `${sha256(path).slice(0, 32)}.entry`;
    this.seen.add(name);
    return join(this.dir, name);
  }

  /** The cached outcome for this key, or undefined on a miss, a stale entry or a corrupt one. */
  get(path: string, key: string): ArticleOutcome | undefined {
    const file = this.fileOf(path);
    if (!this.readable) return undefined;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const nl = text.indexOf('\n');
      if (nl < 0) return undefined;
      const header = JSON.parse(text.slice(0, nl)) as EntryHeader;
      const line = text.slice(nl + 1);
      if (header.format !== ENTRY_FORMAT || header.key !== key || header.outcome?.path !== path) return undefined;
      if (sha256(line) !== header.lineSha) return undefined;
      const o = header.outcome;
      if (o.status !== 'ok' && o.status !== 'rejected') return undefined;
      if ((o.status === 'ok') !== (line.length > 0) || !Array.isArray(o.messages)) return undefined;
      return { ...o, ...(line ? { line } : {}), cached: true };
    } catch {
      return undefined; // corrupt JSON: recompute
    }
  }

  /** Stores an outcome; a failed write only costs a recompute next time, so it is ignored. */
  set(path: string, key: string, outcome: ArticleOutcome): void {
    if (!this.writable) return;
    const file = this.fileOf(path);
    const { line = '', cached: _cached, ...rest } = outcome;
    const header: EntryHeader = { format: ENTRY_FORMAT, key, lineSha: sha256(line), outcome: rest };
    try {
      if (!this.made) mkdirSync(this.dir, { recursive: true });
      this.made = true;
      // write-then-rename: a run killed mid-write leaves the old entry or none, never half of one
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(header)}\n${line}`);
      renameSync(tmp, file);
    } catch {
      /* read-only or full disk: run without caching this one */
    }
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
