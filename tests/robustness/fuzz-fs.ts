// File-system fuzzing of the run layer: random corpus trees (names with control characters, bytes that are not
// UTF-8, hidden entries, long names, every extension or none, FIFOs, links to files, folders and nowhere) and
// random races between discovery and reading (a file deleted, swapped for a FIFO, a link or a folder, grown,
// emptied). The stages are replaced by a stub, so a case costs milliseconds; what is checked is the run itself:
// it never throws (but for an input of no articles, exit 1), never waits on a FIFO, accounts for every entry in
// manifest.json, writes no control character into a message, and commits one consistent set.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  rmdirSync,
  appendFileSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseConfig } from '../../src/config.ts';
import { articleReader } from '../../src/io/read.ts';
import { isArticleName } from '../../src/io/discover.ts';
import { printable } from '../../src/messages.ts';
import { checkOutputFolder, FolderSink } from '../../src/outputs/sink.ts';
import type { ProcessedArticle } from '../../src/run/outcome.ts';
import { RunError, runPipelineWith, type RunSummary } from '../../src/run/runner.ts';
import { tempDir } from './harness.ts';

const NAMES: (string | number[])[] = [
  'a',
  'b',
  'Ünïcödé',
  'new\nline',
  'tab\tx',
  'esc\u001b[2K',
  'rtl\u202e',
  'sp ace',
  '.hidden',
  'x'.repeat(200),
  [0x62, 0x61, 0x64, 0xff],
  [0xc3, 0x28],
  '..dots',
  '-dash',
  '=formula',
  '#hash',
  '日本',
];
const EXTS = ['.txt', '.md', '.html', '.xhtml', '.text', '.htm', '.markdown', '.TXT', '.pdf', '.json', '', '.txt.bak'];
const KINDS = ['file', 'file', 'file', 'file', 'fifo', 'link-file', 'link-folder', 'link-nowhere', 'empty'] as const;
const MUTATIONS = ['delete', 'fifo', 'link', 'folder', 'grow', 'truncate'] as const;

export interface FsEntry {
  folders: (string | number[])[];
  name: string | number[];
  ext: string;
  kind: (typeof KINDS)[number];
  body: string;
}

export interface FsCase {
  entries: FsEntry[];
  /** Entry index -> what happens to it between discovery and reading. */
  races: [number, (typeof MUTATIONS)[number]][];
}

const name = fc.constantFrom(...NAMES);
const entry: fc.Arbitrary<FsEntry> = fc.record({
  folders: fc.array(name, { maxLength: 3 }),
  name,
  ext: fc.constantFrom(...EXTS),
  kind: fc.constantFrom(...KINDS),
  body: fc.constantFrom('Jane Smith said the vote would be close.', '', '“We are ready,” she said.', '\u0000\u0001'),
});

/** A random corpus tree and the races to run on it. */
export const fsCase: fc.Arbitrary<FsCase> = fc.record({
  entries: fc.array(entry, { minLength: 1, maxLength: 12 }),
  races: fc.array(fc.tuple(fc.nat(11), fc.constantFrom(...MUTATIONS)), { maxLength: 4 }),
});

const bytesOf = (n: string | number[]) => (typeof n === 'string' ? Buffer.from(n) : Buffer.from(n));
const SLASH = Buffer.from('/');
const isHidden = (n: string | number[]) => bytesOf(n)[0] === 0x2e;

interface Made {
  /** Absolute path, as bytes. */
  path: Buffer;
  entry: FsEntry;
}

/** Creates the tree; returns the entries that could be made (a name taken by a folder, say, is not). */
function build(root: string, c: FsCase): Made[] {
  const made: Made[] = [];
  const outside = join(root, '..', `outside-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`);
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), 'SECRET');
  for (const e of c.entries) {
    const folders = e.folders.map(bytesOf);
    let dir = Buffer.from(root);
    // folders this entry made: removed again if the entry cannot be made, so that no entry the case does not count
    // (a hidden folder, say) is left for the run to list
    const madeHere: Buffer[] = [];
    try {
      for (const f of folders) {
        dir = Buffer.concat([dir, SLASH, f]);
        if (!existsSync(dir)) madeHere.push(dir);
        mkdirSync(dir, { recursive: true });
        // a folder name an earlier entry took as a link: what is made through it lies outside the corpus
        if (!lstatSync(dir).isDirectory()) throw new Error('not a folder');
      }
      const path = Buffer.concat([dir, SLASH, bytesOf(e.name), Buffer.from(e.ext)]);
      if (e.kind === 'fifo') {
        // mkfifo takes its path as text: made under a plain name beside this case's folder, then renamed to the
        // bytes (and removed when the name is taken, so that no FIFO is left behind for a later case to meet)
        const plain = `${root}.fifo-${made.length}`;
        try {
          // a rename would replace a file of that name: the name is taken, as writeFileSync's 'wx' says for files
          if (lstatSync(path, { throwIfNoEntry: false })) throw new Error('taken');
          execFileSync('mkfifo', [plain]);
          renameSync(plain, path);
        } finally {
          rmSync(plain, { force: true });
        }
      } else if (e.kind === 'link-file') symlinkSync(join(outside, 'secret.txt'), path);
      else if (e.kind === 'link-folder') symlinkSync(outside, path);
      else if (e.kind === 'link-nowhere') symlinkSync(join(outside, 'gone'), path);
      else writeFileSync(path, e.kind === 'empty' ? '' : e.body, { flag: 'wx' });
      made.push({ path, entry: e });
    } catch {
      // the name is taken (by a folder, a file of the same name): this entry is not part of the case
      for (const d of madeHere.reverse()) {
        try {
          rmdirSync(d);
        } catch {
          /* not empty */
        }
      }
    }
  }
  return made;
}

/** What happens to a file between discovery and reading. */
function race(path: string, kind: (typeof MUTATIONS)[number]): void {
  try {
    if (kind === 'grow') appendFileSync(path, ' More words.');
    else if (kind === 'truncate') writeFileSync(path, '');
    else {
      rmSync(path, { recursive: true, force: true });
      if (kind === 'fifo') execFileSync('mkfifo', [path]);
      else if (kind === 'link') symlinkSync('/etc/hostname', path);
      else if (kind === 'folder') mkdirSync(path);
    }
  } catch {
    /* already gone */
  }
}

/** The stages replaced: every article read is an ok record of its id. */
const stub = (raw: { id: string; path: string; bytes: Uint8Array }): ProcessedArticle => ({
  id: raw.id,
  path: raw.path,
  sha256: createHash('sha256').update(raw.bytes).digest('hex'),
  status: 'ok',
  messages: [],
  line: JSON.stringify({ id: raw.id }),
  quotes: 0,
  entities: 0,
  cached: false,
});

// what no message and no line of the run's output may hold
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

/** Every problem with one case, empty when fine. */
export function fsProblems(c: FsCase): string[] {
  const root = tempDir('fuzz-fs-');
  const made = build(root, c);
  const problems: string[] = [];
  // entries a run must account for: not inside a hidden folder (which is one entry itself)
  const visible = made.filter((m) => !m.entry.folders.some(isHidden));
  const hiddenFolders = new Set(
    made
      .filter((m) => m.entry.folders.some(isHidden))
      .map((m) => {
        const i = m.entry.folders.findIndex(isHidden);
        return Buffer.concat(m.entry.folders.slice(0, i + 1).flatMap((f) => [bytesOf(f), SLASH])).toString('hex');
      }),
  );
  const expected = visible.length + hiddenFolders.size;
  const articleLike = visible.some(
    (m) =>
      !isHidden(m.entry.name) &&
      (isArticleName(`${bytesOf(m.entry.name).toString('utf8')}${m.entry.ext}`) || m.entry.kind === 'link-folder'),
  );
  const targets = new Map<string, (typeof MUTATIONS)[number]>();
  for (const [i, kind] of c.races) {
    const m = made[i % Math.max(made.length, 1)];
    if (m) targets.set(m.path.toString(), kind);
  }
  const real = articleReader({ root });
  const out = tempDir('fuzz-fs-out-');
  const t0 = performance.now();
  let summary: RunSummary | undefined;
  try {
    summary = runPipelineWith(
      {
        input: root,
        config: parseConfig({ run: { concurrency: 'off', cache: false } }),
        sink: new FolderSink(out),
        reader: (abs) => {
          const kind = targets.get(abs);
          if (kind) race(abs, kind);
          return real(abs);
        },
      },
      stub,
    );
  } catch (err) {
    if (!(err instanceof RunError) || err.id !== 'run/no-inputs') problems.push(`threw: ${String(err)}`);
    else if (articleLike) problems.push('run/no-inputs with an article among the entries');
  }
  const seconds = (performance.now() - t0) / 1000;
  if (seconds > 5) problems.push(`took ${seconds.toFixed(1)} s`);
  if (summary) {
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
      inputs: { path: string; status: string; messages: { severity: string; text: string }[] }[];
      skipped: { path: string; messages: { text: string }[] }[];
      counts: { ok: number; rejected: number };
    };
    const listed = manifest.inputs.length + manifest.skipped.length;
    if (listed !== expected) problems.push(`${expected} entries, ${listed} in the manifest`);
    for (const i of [...manifest.inputs, ...manifest.skipped])
      for (const m of i.messages)
        if (UNPRINTABLE.test(m.text)) problems.push(`message with a control character: ${JSON.stringify(m.text)}`);
    for (const i of manifest.inputs) {
      if (i.status === 'rejected' && !i.messages.some((m) => m.severity === 'error'))
        problems.push(`${i.path} rejected without an error`);
      if (UNPRINTABLE.test(`rejected ${printable(i.path)}:`)) problems.push(`a path not escaped: ${i.path}`);
    }
    if (summary.rejected !== manifest.counts.rejected) problems.push('summary and manifest disagree');
    const check = checkOutputFolder(out);
    if (check.length) problems.push(...check);
  }
  // clean up, FIFOs and links included
  for (const d of [
    root,
    out,
    join(root, '..', `outside-${createHash('sha256').update(root).digest('hex').slice(0, 8)}`),
  ])
    rmSync(d, { recursive: true, force: true });
  return problems;
}
