// A run with nothing to do writes nothing. After a complete run into a folder, a stamp in the folder's cache
// records what the run was made of (its key: every input's id, path and sha256, the entries it skipped or refused,
// the config and where it came from, the code of the whole run) and every file it left there (name, size,
// sha256). The next run into that folder holding the lock finds the same key and the same files, byte for byte,
// and stops there: the folder already is what it would write. Any difference (an input, the config, the code, a
// file edited, added or removed, a stamp that fails its checksum) and the run goes on as usual.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.ts';
import { CACHE_DIR } from './cache.ts';

const STAMP_FILE = 'run-stamp.json';
// 1: key, the inputs' digests in run order, and the files with their sizes and sha256.
const STAMP_FORMAT = 1;

/** A file of the output folder, by its '/'-separated path inside it. */
export type StampedFile = [path: string, bytes: number, sha256: string];

export interface Stamp {
  format: number;
  /** What the run was made of besides its inputs' bytes (see runner.ts). */
  key: string;
  /** One digest per input, in run order: its id, path and the sha256 of its bytes. */
  inputs: string[];
  files: StampedFile[];
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The digest of one input as the stamp lists it. */
export function inputDigest(id: string, path: string, bytesSha256: string): string {
  return sha256(`${id}\0${path}\0${bytesSha256}`).slice(0, 32);
}

const stampPath = (folder: string) => join(folder, CACHE_DIR, STAMP_FILE);

/** The files of a folder a run leaves there, sorted by path: every regular file, dot entries (the cache, the lock,
 * the commit journal, temporary files) aside. */
function folderFiles(folder: string): { path: string; bytes: number }[] {
  const out: { path: string; bytes: number }[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      if (d.name.startsWith('.')) continue;
      if (d.isDirectory()) walk(join(dir, d.name), `${prefix}${d.name}/`);
      else out.push({ path: `${prefix}${d.name}`, bytes: d.isFile() ? statSync(join(dir, d.name)).size : -1 });
    }
  };
  walk(folder, '');
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const CHUNK = 1 << 20;

/** The sha256 of a file, read in chunks (a dataset may be larger than is worth holding twice). */
function fileSha256(file: string): string {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(CHUNK);
  const fd = openSync(file, 'r');
  try {
    for (let n; (n = readSync(fd, buf, 0, CHUNK, null)) > 0;) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return h.digest('hex');
}

/** Writes the stamp of a folder a run has just committed. A stamp that cannot be written costs the next run its
 * shortcut, nothing else. */
export function writeStamp(folder: string, key: string, inputs: string[]): void {
  try {
    const files: StampedFile[] = folderFiles(folder).map((f) => [f.path, f.bytes, fileSha256(join(folder, f.path))]);
    const body = JSON.stringify({ format: STAMP_FORMAT, key, inputs, files } satisfies Stamp);
    writeFileAtomic(stampPath(folder), `${sha256(body)}\n${body}`);
  } catch {
    /* no stamp: the next run does all its work */
  }
}

/** The folder's stamp when it is whole (its checksum holds) and of this format. */
export function readStamp(folder: string): Stamp | undefined {
  let text: string;
  try {
    text = readFileSync(stampPath(folder), 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  const body = text.slice(nl + 1);
  if (nl !== 64 || text.slice(0, nl) !== sha256(body)) return undefined;
  try {
    const stamp = JSON.parse(body) as Stamp;
    return stamp.format === STAMP_FORMAT ? stamp : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the folder holds exactly the stamped files with their bytes: the same names, then the same sizes (a
 * cheap refusal), then the same sha256. */
export function folderMatches(folder: string, files: readonly StampedFile[]): boolean {
  let present: { path: string; bytes: number }[];
  try {
    present = folderFiles(folder);
  } catch {
    return false;
  }
  if (present.length !== files.length) return false;
  for (let i = 0; i < files.length; i++)
    if (present[i]!.path !== files[i]![0] || present[i]!.bytes !== files[i]![1]) return false;
  try {
    return files.every(([path, , sum]) => fileSha256(join(folder, path)) === sum);
  } catch {
    return false;
  }
}

/** A run's key: a hash of everything besides its inputs' bytes that decides what it writes. */
export function stampKeyOf(parts: readonly unknown[]): string {
  return sha256(JSON.stringify(parts));
}
