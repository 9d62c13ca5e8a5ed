// Every file a run writes into its output folder (dataset, schema, manifest, tables, report pages and index) is
// committed as one unit: each is complete and synced under a temporary name first, then a journal naming every
// rename and every removal is written atomically, then the renames and removals run and the journal goes. A run
// killed before the journal exists leaves the previous set (its temporary files are stale and the next run removes
// them); a run killed after it is rolled forward by the next run, which finishes the renames and removals. Either
// way no file is ever torn, and the next run starts from one complete set.
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, unlinkSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { AtomicWriter, TEMP_NAME, syncDir, writeFileAtomic } from './atomic.ts';

/** The journal of a commit in progress; its presence means "these renames and removals must all happen". */
export const JOURNAL = '.commit.json';

interface Journal {
  /** 1: renames only, plain names in the folder; 2: '/'-separated paths under it, and removals. */
  version: 1 | 2;
  /** Temporary path -> final path, relative to the folder, in commit order. */
  renames: { from: string; to: string }[];
  /** Final paths to delete once the renames are done (report pages of articles no longer in the dataset). */
  removes?: string[];
}

/** Test seam: called at the points of a commit, to kill or inspect it half done. */
export interface CommitHooks {
  /** Every file is complete under its temporary name; the journal is not written yet. */
  beforeJournal?: () => void;
  afterJournal?: () => void;
  afterRename?: (done: number, total: number) => void;
}

interface Staged {
  tmp: string;
  path: string;
  /** Completes and syncs the temporary file (an AtomicWriter); absent for one completed elsewhere. */
  prepare?: () => void;
  last: boolean;
}

/** One output folder's files written as a unit: files are staged under temporary names (written here, or by
 * another thread and adopted), removals recorded, and commit() makes all of it visible at once. */
export class OutputSet {
  private readonly staged: Staged[] = [];
  private readonly removes = new Set<string>();
  /** Folders this set created, deepest last: an aborted set removes those it left empty. */
  private readonly created: string[] = [];
  /** Folders files are staged in: an aborted set removes this process's temporary files there. */
  private readonly folders = new Set<string>();
  private done = false;

  constructor(
    readonly root: string,
    private readonly hooks: CommitHooks = {},
  ) {}

  /** The path of `absolute` relative to the root, '/'-separated, or undefined when it lies outside. */
  relative(absolute: string): string | undefined {
    const rel = relative(resolve(this.root), resolve(absolute));
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return undefined;
    return rel.split(sep).join('/');
  }

  /** Makes a folder files are staged in (remembering what it created, for abort). */
  mkdir(dir: string): void {
    const first = mkdirSync(dir, { recursive: true });
    if (first !== undefined) this.created.push(first);
    this.folders.add(dir);
  }

  /** A writer for the file at `path` (under the root), renamed into place by commit(). `last`: renamed after every
   * other file (the manifest). */
  writer(path: string, opts: { digest?: boolean; sync?: boolean; last?: boolean } = {}): AtomicWriter {
    this.mkdir(dirname(path));
    const w = new AtomicWriter(path, opts);
    this.staged.push({ tmp: w.tmp, path, prepare: () => w.prepare(), last: opts.last === true });
    return w;
  }

  /** Takes a complete, synced temporary file written elsewhere (a worker's report page, a Parquet file). */
  adopt(tmp: string, path: string): void {
    this.staged.push({ tmp, path, last: false });
  }

  /** Deletes the file at `path` when the set commits. */
  remove(path: string): void {
    this.removes.add(path);
  }

  /** Makes every staged file and removal visible: journal, renames, removals, journal removed. */
  commit(): void {
    for (const s of this.staged) s.prepare?.();
    const order = [...this.staged.filter((s) => !s.last), ...this.staged.filter((s) => s.last)];
    const rel = (p: string) => {
      const r = this.relative(p);
      if (r === undefined) throw new Error(`${p} lies outside the output folder ${this.root}`);
      return r;
    };
    const journal: Journal = {
      version: 2,
      renames: order.map((s) => ({ from: rel(s.tmp), to: rel(s.path) })),
      removes: [...this.removes].map(rel),
    };
    this.hooks.beforeJournal?.();
    writeFileAtomic(join(this.root, JOURNAL), `${JSON.stringify(journal)}\n`);
    this.hooks.afterJournal?.();
    applyJournal(this.root, journal, this.hooks);
    this.done = true;
  }

  /** Drops every staged file, leaving the previous set untouched, and the folders this set made if left empty.
   * Temporary files of this process that were never handed over (a worker's page of a run that failed) go too. */
  abort(): void {
    if (this.done) return;
    this.done = true;
    for (const s of this.staged) rmSync(s.tmp, { force: true });
    sweepTemps(this.folders, (pid) => pid === process.pid);
    for (const dir of [...this.created].reverse()) removeEmptyTree(dir);
  }
}

/** Removes a folder and its sub-folders if they hold no file (what an aborted run created and left empty). */
export function removeEmptyTree(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) removeEmptyTree(join(dir, n));
  try {
    rmdirSync(dir);
  } catch {
    /* not empty, or not a folder: kept */
  }
}

/** Runs a journal's renames (those not done yet) and removals, then deletes it. */
function applyJournal(root: string, journal: Journal, hooks: CommitHooks = {}): string[] {
  const done: string[] = [];
  const dirs = new Set<string>([root]);
  journal.renames.forEach((r, i) => {
    const from = join(root, r.from);
    // a temporary file already renamed is simply gone: that rename happened before a kill
    if (existsSync(from)) {
      renameSync(from, join(root, r.to));
      done.push(r.to);
      dirs.add(dirname(join(root, r.to)));
    }
    hooks.afterRename?.(i + 1, journal.renames.length);
  });
  for (const p of journal.removes ?? []) {
    rmSync(join(root, p), { force: true });
    dirs.add(dirname(join(root, p)));
  }
  for (const d of dirs) syncDir(d);
  unlinkSync(join(root, JOURNAL));
  syncDir(root);
  return done;
}

export interface Recovery {
  /** Final paths a journal's roll-forward renamed into place. */
  rolledForward: string[];
  /** Stale temporary files removed (paths relative to the folder). */
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

/** A relative path inside the folder: no empty, '.' or '..' segment, not absolute, no backslash. */
const inside = (p: unknown): p is string =>
  typeof p === 'string' &&
  p !== '' &&
  !p.startsWith('/') &&
  !p.includes('\\') &&
  p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');

function readJournal(path: string): Journal | undefined {
  try {
    const j = JSON.parse(readFileSync(path, 'utf8')) as Journal;
    const plain = (n: unknown) => inside(n) && (j.version === 2 || !n.includes('/'));
    if (
      (j.version === 1 || j.version === 2) &&
      Array.isArray(j.renames) &&
      j.renames.every((r) => plain(r.from) && plain(r.to)) &&
      (j.removes === undefined || (Array.isArray(j.removes) && j.removes.every(inside)))
    )
      return j;
  } catch {
    /* unreadable: treated as absent, it cannot be torn since it was written atomically */
  }
  return undefined;
}

/** Removes temporary files (TEMP_NAME) in each of `folders` (not their sub-folders) whose writer `stale` says is
 * gone. Returns their paths. */
function sweepTemps(folders: Iterable<string>, stale: (pid: number) => boolean): string[] {
  const removed: string[] = [];
  for (const dir of folders) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    let any = false;
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || !stale(Number(m[2]))) continue;
      try {
        unlinkSync(join(dir, name));
        removed.push(join(dir, name));
        any = true;
      } catch {
        /* removed by someone else meanwhile, or a folder */
      }
    }
    if (any) syncDir(dir);
  }
  return removed;
}

/** Brings a folder back to one complete set after a killed run: finishes a journaled commit, removes stale
 * temporary files in it and in the sub-folders `opts.folders` names (relative; the folder itself by default). Safe
 * to call on any folder, any number of times. `exclusive`: the caller holds the folder's lock, so every temporary
 * file is stale, whatever process id it names (a dead run's id may have been reused). */
export function recoverFolder(dir: string, opts: { exclusive?: boolean; folders?: readonly string[] } = {}): Recovery {
  const out: Recovery = { rolledForward: [], removed: [] };
  if (!existsSync(dir)) return out;
  const journalPath = join(dir, JOURNAL);
  if (existsSync(journalPath)) {
    const journal = readJournal(journalPath);
    if (journal) out.rolledForward = applyJournal(dir, journal);
    else {
      unlinkSync(journalPath);
      syncDir(dir);
    }
  }
  const folders = (opts.folders ?? ['']).map((f) => join(dir, f));
  out.removed = sweepTemps(folders, opts.exclusive ? () => true : (pid) => !alive(pid)).map((p) =>
    relative(dir, p).split(sep).join('/'),
  );
  return out;
}
