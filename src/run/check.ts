// --check: compare a freshly generated output folder with the committed one, file by file, and say what drifted.
//
// Which files count. The regenerated folder holds exactly the files a run writes (dataset.jsonl, schema.json,
// manifest.json, tables/*.csv and *.parquet, report/index.html, report/articles/*.html, report/speakers/*.html, as
// the config and --shard ask), so every one of them is compared, byte for byte. A committed file the run does not
// write is drift only where the run would delete it: report/articles/ and report/speakers/ belong to the run
// (ReportWriter.finish removes any page of an article or speaker no longer in the dataset), so an extra file there
// is stale. Anything else the run leaves alone (the
// browser test's report/screenshot.png, .cache/, a .gitignore, leftovers of a killed run) is not the run's output
// and is ignored, or a check would fail on files no run can fix.
//
// Memory: files are compared in 1 MB chunks, never read whole; only a differing dataset is read line by line to
// name the records that changed (an id and a hash per committed record, like the manifest a run holds anyway).
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { datasetLines } from '../outputs/read-dataset.ts';
import { JOURNAL } from '../io/commit.ts';
import { DATASET } from '../outputs/sink.ts';

export interface Drift {
  /** Path relative to the output folder, with '/' separators. */
  file: string;
  summary: string;
}

/** Folders (relative to the output folder) whose every file the run owns: a file there the run did not make, the
 * run would delete. */
const OWNED_DIRS = ['report/articles', 'report/speakers'];

const CHUNK = 1 << 20;

/** Compares the files of `fresh` (a folder a run just wrote) with the same paths under `committed`; returns what
 * is missing, differs or should not be there, sorted by path. `committed` is only read. */
export function compareOutputFolders(committed: string, fresh: string): Drift[] {
  const drifts: Drift[] = [];
  // a commit cut short: some files may be of the new set, some of the old, until the next run finishes it
  if (statSync(join(committed, JOURNAL), { throwIfNoEntry: false }))
    drifts.push({ file: JOURNAL, summary: 'a commit was interrupted; the next run finishes it' });
  const made = listFiles(fresh);
  const madeSet = new Set(made);
  for (const file of made) {
    const have = join(committed, file);
    const st = statSync(have, { throwIfNoEntry: false });
    if (!st?.isFile()) {
      drifts.push({ file, summary: st ? 'not a file' : 'missing' });
      continue;
    }
    const at = firstDifference(have, join(fresh, file));
    if (at === undefined) continue;
    drifts.push({
      file,
      summary:
        file === DATASET
          ? datasetDiff(have, join(fresh, file))
          : differs(at, st.size, statSync(join(fresh, file)).size),
    });
  }
  for (const dir of OWNED_DIRS) {
    for (const file of listFiles(committed, dir)) {
      if (!madeSet.has(file)) drifts.push({ file, summary: 'extra: the run makes no such file and would delete it' });
    }
  }
  return drifts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every regular file under `root/sub`, as sorted paths relative to `root`; [] when the folder does not exist. */
function listFiles(root: string, sub = ''): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path);
      else out.push(path); // a symbolic link or other non-file counts too: the run would replace it
    }
  };
  walk(sub);
  return out.sort();
}

/** The offset of the first byte where the two files differ (the shorter one's length if one is a prefix of the
 * other); undefined when they are equal. */
function firstDifference(a: string, b: string): number | undefined {
  const fa = openSync(a, 'r');
  try {
    const fb = openSync(b, 'r');
    try {
      const ba = Buffer.allocUnsafe(CHUNK);
      const bb = Buffer.allocUnsafe(CHUNK);
      for (let pos = 0; ;) {
        const na = readFull(fa, ba, pos);
        const nb = readFull(fb, bb, pos);
        const n = Math.min(na, nb);
        if (!ba.subarray(0, n).equals(bb.subarray(0, n))) {
          let i = 0;
          while (ba[i] === bb[i]) i++;
          return pos + i;
        }
        if (na !== nb) return pos + n;
        if (na < CHUNK) return undefined;
        pos += na;
      }
    } finally {
      closeSync(fb);
    }
  } finally {
    closeSync(fa);
  }
}

/** Reads up to buf.length bytes at `pos`; fewer only at the end of the file. */
function readFull(fd: number, buf: Buffer, pos: number): number {
  let got = 0;
  for (let n = 1; n > 0 && got < buf.length; got += n) n = readSync(fd, buf, got, buf.length - got, pos + got);
  return got;
}

function differs(at: number, committedBytes: number, freshBytes: number): string {
  const sizes =
    committedBytes === freshBytes
      ? `both ${freshBytes} bytes`
      : `${committedBytes} bytes committed, ${freshBytes} regenerated`;
  return `differs from the regenerated file from byte ${at} (${sizes})`;
}

/** "2 records changed (a, b), 1 added (c), 0 removed": records matched by their "id". */
function datasetDiff(committed: string, fresh: string): string {
  const idOf = (line: string) => {
    const id = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(line)?.[1];
    return id ? (JSON.parse(id) as string) : line.slice(0, 40);
  };
  const hash = (line: string) => createHash('sha256').update(line).digest('base64');
  const old = new Map<string, string>();
  for (const { line } of datasetLines(committed)) if (line) old.set(idOf(line), hash(line));
  const changed: string[] = [];
  const added: string[] = [];
  for (const { line } of datasetLines(fresh)) {
    if (!line) continue;
    const id = idOf(line);
    const was = old.get(id);
    if (was === undefined) added.push(id);
    else if (was !== hash(line)) changed.push(id);
    old.delete(id); // what is left at the end was removed
  }
  const removed = [...old.keys()];
  const list = (xs: string[]) => (xs.length ? ` (${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ', …' : ''})` : '');
  const summary = `${changed.length} records changed${list(changed)}, ${added.length} added${list(added)}, ${removed.length} removed${list(removed)}`;
  // same records, other bytes: a missing final newline, a blank line, another order
  return changed.length || added.length || removed.length
    ? summary
    : `${summary}; the bytes differ (order, blank lines or line ends)`;
}
