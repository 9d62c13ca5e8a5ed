// Several files committed as one set (dataset.jsonl, schema.json, manifest.json): every file is complete and
// synced under a temporary name first, then a journal naming the renames is written atomically, then the renames
// run and the journal goes. A run killed before the journal exists leaves the previous set (its temporary files
// are stale and the next run removes them); a run killed after it is rolled forward by the next run, which
// finishes the renames. Either way no file is ever torn, and the next run starts from one complete set.
import { existsSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AtomicWriter, TEMP_NAME, syncDir, writeFileAtomic } from './atomic.ts';

/** The journal of a commit in progress; its presence means "these renames must all happen". */
export const JOURNAL = '.commit.json';

interface Journal {
  version: 1;
  /** Temporary name -> final name, both plain names inside the folder, in commit order. */
  renames: { from: string; to: string }[];
}

/** Test seam: called between two renames of a set, to kill or inspect a commit half done. */
export interface CommitHooks {
  afterJournal?: () => void;
  afterRename?: (done: number, total: number) => void;
}

/** Commits prepared writers of one folder as a set: journal, renames in the given order, journal removed. */
export function commitFileSet(dir: string, writers: readonly AtomicWriter[], hooks: CommitHooks = {}): void {
  for (const w of writers) w.prepare();
  const journal: Journal = {
    version: 1,
    renames: writers.map((w) => ({ from: basename(w.tmp), to: basename(w.path) })),
  };
  writeFileAtomic(join(dir, JOURNAL), `${JSON.stringify(journal)}\n`);
  hooks.afterJournal?.();
  writers.forEach((w, i) => {
    w.renameIntoPlace();
    hooks.afterRename?.(i + 1, writers.length);
  });
  syncDir(dir);
  unlinkSync(join(dir, JOURNAL));
  syncDir(dir);
}

export interface Recovery {
  /** Final names a journal's roll-forward renamed into place. */
  rolledForward: string[];
  /** Stale temporary files removed. */
  removed: string[];
}

/** Whether a process with this pid is still running (a live writer's temporary file is not stale). */
function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readJournal(path: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    const plain = (n: unknown) =>
      typeof n === 'string' && n !== '' && !n.includes('/') && !n.includes('\\') && n !== '..';
    if (j.version === 1 && Array.isArray(j.renames) && j.renames.every((r) => plain(r.from) && plain(r.to))) return j;
  } catch {
    /* unreadable: treated as absent, it cannot be torn since it was written atomically */
  }
  return undefined;
}

/** Brings a folder back to one complete set after a killed run: finishes a journaled commit, removes stale
 * temporary files. Safe to call on any folder, any number of times. */
export function recoverFolder(dir: string): Recovery {
  const out: Recovery = { rolledForward: [], removed: [] };
  if (!existsSync(dir)) return out;
  const journalPath = join(dir, JOURNAL);
  if (existsSync(journalPath)) {
    const journal = readJournal(journalPath);
    for (const r of journal?.renames ?? []) {
      // a temporary file already renamed is simply gone: that rename happened before the kill
      if (existsSync(join(dir, r.from))) {
        renameSync(join(dir, r.from), join(dir, r.to));
        out.rolledForward.push(r.to);
      }
    }
    syncDir(dir);
    unlinkSync(journalPath);
  }
  for (const name of readdirSync(dir)) {
    const m = TEMP_NAME.exec(name);
    if (!m || alive(Number(m[2]))) continue;
    try {
      unlinkSync(join(dir, name));
      out.removed.push(name);
    } catch {
      /* removed by someone else meanwhile */
    }
  }
  if (out.rolledForward.length || out.removed.length) syncDir(dir);
  return out;
}
