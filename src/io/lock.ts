// One run at a time per output folder: a lock file `.lock` holding the holder's process id, host and (on Linux)
// process start time. It is created atomically (a complete temporary file hard-linked to the lock's name, which fails
// when the name exists), so a reader never sees half a lock. A lock whose process is gone (the run was killed) is
// stale and taken over; a live one makes the second run fail, naming the holder.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK = '.lock';

export interface LockHolder {
  pid: number;
  host: string;
  /** The process's start time in clock ticks since boot (/proc/PID/stat), where the system says: it tells a live
   * holder from an unrelated process that was given the dead holder's id. */
  start?: string;
}

/** The output folder is held by another live run. */
export class FolderLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(`${lockFile} is held by process ${holder.pid} on ${holder.host}`);
  }
}

/** The fields of /proc/PID/stat after the command name (state first), or undefined where /proc does not say
 * (another system, a process gone). */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name (field 2) is in parentheses and may hold spaces: count fields after its closing one
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** The start time of a process (field 22), or undefined where /proc does not say. */
const startOf = (pid: number): string | undefined => statFields(pid)?.[19];

/** Whether a process runs: it exists, and has not exited as a zombie its parent has yet to reap (a holder killed
 * while its parent is busy keeps its pid, and signal 0 still reaches it). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  const state = statFields(pid)?.[0];
  return state !== 'Z' && state !== 'X';
}

/** Whether a holder's process still runs. A holder on another host cannot be checked, so it counts as live. */
export function holderAlive(h: LockHolder): boolean {
  if (h.host !== hostname()) return true;
  if (!Number.isInteger(h.pid) || h.pid <= 0 || !alive(h.pid)) return false;
  // the same id, another process: the holder died and its id was given to someone else
  return h.start === undefined || startOf(h.pid) === undefined || startOf(h.pid) === h.start;
}

function readHolder(path: string): { text: string; holder?: LockHolder } | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    if (typeof h.pid === 'number' && typeof h.host === 'string') return { text, holder: h };
  } catch {
    /* not a lock this code wrote: stale */
  }
  return { text };
}

/** The live holder of a folder's lock, if any (for a reader such as --check, which takes no lock). */
export function liveHolder(dir: string): LockHolder | undefined {
  const r = readHolder(join(dir, LOCK));
  return r?.holder && holderAlive(r.holder) ? r.holder : undefined;
}

function writeFile(path: string, text: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Creates `lock` holding `text`, all at once; false when it exists. */
function create(lock: string, text: string): boolean {
  const tmp = `${lock}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFile(tmp, text, 'w');
  try {
    linkSync(tmp, lock);
    return true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw err;
    // a file system without hard links: exclusive create (a reader may then see it empty for a moment)
    try {
      writeFile(lock, text, 'wx');
      return true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e;
    }
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* gone */
    }
  }
}

/** Takes the lock of an output folder (which must exist); returns its release. Throws FolderLockedError when a
 * live run holds it. A stale lock (its process gone) is taken over. */
export function acquireLock(dir: string): () => void {
  const lock = join(dir, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname() };
  const start = startOf(process.pid);
  if (start !== undefined) me.start = start;
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (create(lock, text)) {
      return () => {
        if (readHolder(lock)?.text === text) unlinkSync(lock);
      };
    }
    const seen = readHolder(lock);
    if (seen === undefined) continue; // released meanwhile: try again
    if (seen.holder && holderAlive(seen.holder)) throw new FolderLockedError(lock, seen.holder);
    // Stale: move it aside and check that what moved is the lock judged stale, not a live run's lock that replaced
    // it meanwhile (which is then put back: the next attempt finds that run and fails).
    const aside = `${lock}-stale.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      renameSync(lock, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readHolder(aside);
    if (moved?.text !== seen.text) {
      try {
        linkSync(aside, lock);
      } catch {
        /* a third run took the name: the next attempt meets it */
      }
    }
    unlinkSync(aside);
  }
  const last = readHolder(lock)?.holder;
  throw new FolderLockedError(lock, last ?? { pid: 0, host: 'unknown' });
}
