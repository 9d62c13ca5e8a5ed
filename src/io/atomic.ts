// Output files are written atomically: a temporary file in the same folder, fsync, rename, fsync the folder.
// A run killed at any moment leaves either the previous complete file or the new complete file.
import { closeSync, fsyncSync, openSync, renameSync, writeSync, unlinkSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

/** Streams chunks into a temporary file and renames it over `path` once complete and synced. */
export class AtomicWriter {
  private fd: number;
  private readonly tmp: string;
  private done = false;

  constructor(private readonly path: string) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.tmp, 'w');
  }

  /** Appends a chunk. */
  write(chunk: string): void {
    const buf = Buffer.from(chunk, 'utf8');
    let off = 0;
    while (off < buf.length) off += writeSync(this.fd, buf, off);
  }

  /** Syncs and renames the temporary file into place. */
  commit(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.path);
    this.done = true;
    syncDir(dirname(this.path));
  }

  /** Drops the temporary file, leaving the previous output untouched. */
  abort(): void {
    if (this.done) return;
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
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

function syncDir(dir: string): void {
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
