// Reading one article file, the only place input bytes enter the pipeline. A file that is not a regular file (it
// is opened without blocking, so a FIFO never stalls the run, and refused on what fstat says of the descriptor),
// that became a symbolic link, that lies outside the corpus folder, that is larger than the limit, or that
// changes while it is read becomes a message, never a throw and never half-read bytes.
import { closeSync, constants, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, sep } from 'node:path';
import { message } from '../messages.ts';
import type { Message } from '../types.ts';

export type ReadResult = { bytes: Uint8Array } | { error: Message };

/** Reads one article by absolute path: the seam tests replace to simulate unreadable or vanishing files. */
export type ArticleReader = (absolute: string) => ReadResult;

export interface ReadOptions {
  /** The corpus folder: a file whose real folder lies outside it is refused. */
  root?: string;
  /** limits.maxBytes: a larger file is refused before a byte of it is read. */
  maxBytes?: number;
  /** Test seam: runs after the file is opened and measured, before it is read (to change it mid-read). */
  afterOpen?: (absolute: string) => void;
}

const STAGE = 'ingest';
// O_NOFOLLOW: a file replaced by a symbolic link after discovery is refused, not followed (0 where unsupported).
// O_NONBLOCK: a file replaced by a FIFO after discovery must not block the run until a writer appears; the open
// returns at once and fstat of the descriptor refuses it. (Reads of a regular file ignore the flag.)
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const REASONS: Record<string, string> = {
  EACCES: 'permission denied (EACCES): make it readable by the user running the pipeline',
  EPERM: 'operation not permitted (EPERM): make it readable by the user running the pipeline',
  EISDIR: 'it is a folder (EISDIR)',
  EIO: 'input/output error (EIO): check the disk',
  EMFILE: 'too many open files (EMFILE): raise the open-file limit or lower --concurrency',
};

/** The message for a failed read: vanished files and files turned into links are "changed during the run". */
export function readErrorMessage(err: unknown): Message {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return message('ingest/vanished', STAGE, { reason: 'the file is gone' });
  if (code === 'ELOOP')
    return message('ingest/vanished', STAGE, { reason: 'it was replaced by a symbolic link, which is not followed' });
  if (code === 'ENAMETOOLONG') return message('ingest/path-too-long', STAGE, { reason: code });
  return message('ingest/unreadable', STAGE, { reason: (code && REASONS[code]) ?? code ?? String(err) });
}

const sameFile = (a: Stats, b: Stats) =>
  a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.ctimeMs === b.ctimeMs;

function realRoot(root: string | undefined): string | undefined {
  if (root === undefined) return undefined;
  try {
    return realpathSync(root);
  } catch {
    return undefined;
  }
}

/** What a file that is not a regular one is, for a message. */
export function fileKind(st: Stats): string {
  if (st.isFIFO()) return 'FIFO (named pipe)';
  if (st.isSocket()) return 'socket';
  if (st.isCharacterDevice()) return 'character device';
  if (st.isBlockDevice()) return 'block device';
  if (st.isDirectory()) return 'folder';
  return 'special file';
}

/** Builds the reader a run uses: within the corpus folder, within limits.maxBytes, stable while read. */
export function articleReader(opts: ReadOptions = {}): ArticleReader {
  const root = realRoot(opts.root);
  return (absolute) => readArticleFile(absolute, opts, root);
}

/** Reads one article file, or says in a message why it cannot. Never throws. */
export function readArticleFile(absolute: string, opts: ReadOptions = {}, root = realRoot(opts.root)): ReadResult {
  let fd: number | undefined;
  try {
    if (root !== undefined) {
      // discovery never follows links, but a folder swapped for a link after it looked must not lead outside
      const folder = realpathSync(dirname(absolute));
      if (folder !== root && !folder.startsWith(root + sep)) {
        return { error: message('ingest/outside-corpus', STAGE, { target: folder }) };
      }
    }
    fd = openSync(absolute, OPEN_FLAGS);
    const before = fstatSync(fd);
    if (!before.isFile()) return { error: message('ingest/not-a-file', STAGE, { kind: fileKind(before) }) };
    if (opts.maxBytes !== undefined && before.size > opts.maxBytes) {
      return { error: message('ingest/too-large', STAGE, { bytes: before.size, limit: opts.maxBytes }) };
    }
    opts.afterOpen?.(absolute);
    // one byte more than the size: a file that grew while read shows it
    const buf = Buffer.allocUnsafe(before.size + 1);
    let got = 0;
    for (;;) {
      const n = readSync(fd, buf, got, buf.length - got, got);
      if (n === 0) break;
      got += n;
      if (got === buf.length) break;
    }
    const after = fstatSync(fd);
    if (got !== before.size || !sameFile(before, after)) {
      return {
        error: message('ingest/vanished', STAGE, {
          reason: `it changed while it was read (${before.size} bytes, then ${got === buf.length ? 'more' : got})`,
        }),
      };
    }
    return { bytes: buf.subarray(0, got) };
  } catch (err) {
    return { error: readErrorMessage(err) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
