// Output files are written atomically: a temporary file in the same folder, fsync, rename, fsync the folder.
// A run killed at any moment leaves either the previous complete file or the new complete file; a temporary
// file it leaves behind carries its writer's pid, so the next run can tell it is stale (src/io/commit.ts).
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** `.NAME.PID.RANDOM.tmp` (and the older `.NAME.PID.tmp`): the names AtomicWriter gives its temporary files. */
export const TEMP_NAME = /^\.(.+?)\.(\d+)(?:\.[0-9a-f]+)?\.tmp$/;

/** What a finished file holds, for the manifest to vouch for it. */
export interface FileDigest {
  sha256: string;
  bytes: number;
}

/** Streams chunks into a temporary file and renames it over `path` once complete and synced. */
export class AtomicWriter {
  private fd: number;
  /** The temporary file, in the target's folder so that the rename never crosses file systems. */
  readonly tmp: string;
  private readonly hash: Hash | undefined;
  private readonly sync: boolean;
  private size = 0;
  private digestValue?: FileDigest;
  private done = false;

  /** `digest: false` for a file no manifest vouches for (the flat tables): hashing their 20 MB per 1,000 articles
   * cost as much as writing them. prepare() then gives an empty sha256. `sync: false` for a file whose loss in a
   * power cut costs only a rewrite (a report page): no fsync, which a thousand pages would pay a thousand times. */
  constructor(
    readonly path: string,
    opts: { digest?: boolean; sync?: boolean } = {},
  ) {
    this.hash = opts.digest === false ? undefined : createHash('sha256');
    this.sync = opts.sync !== false;
    // the random part keeps two writers of one process (a run and a merge in one test) apart
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  /** Appends a chunk (a string as UTF-8). */
  write(chunk: string | Uint8Array): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.hash?.update(buf);
    this.size += buf.length;
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  /** Syncs and closes the temporary file without renaming it, for a caller that commits several files as one. */
  prepare(): FileDigest {
    if (this.digestValue) return this.digestValue;
    if (this.sync) fsyncSync(this.fd);
    closeSync(this.fd);
    this.digestValue = { sha256: this.hash?.digest('hex') ?? '', bytes: this.size };
    return this.digestValue;
  }

  /** Syncs and renames the temporary file into place. */
  commit(): void {
    this.renameIntoPlace();
    syncDir(dirname(this.path));
  }

  /** Renames the prepared file into place without syncing the folder: a caller committing a set syncs once. */
  renameIntoPlace(): void {
    this.prepare();
    renameSync(this.tmp, this.path);
    this.done = true;
  }

  /** Drops the temporary file, leaving the previous output untouched. */
  abort(): void {
    if (this.done) return;
    if (!this.digestValue) {
      try {
        closeSync(this.fd);
      } catch {
        /* already closed */
      }
    }
    try {
      unlinkSync(this.tmp);
    } catch {
      /* already gone */
    }
    this.done = true;
  }
}

/** Writes a whole file atomically. */
export function writeFileAtomic(path: string, content: string): void {
  const w = new AtomicWriter(path);
  try {
    w.write(content);
    w.commit();
  } catch (err) {
    w.abort();
    throw err;
  }
}

/** Makes renames and unlinks in a folder durable. */
export function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* some file systems do not sync folders; the rename is still atomic */
  }
}
