// The output folder's files: a sink either writes them atomically (a run; --check, into a temporary folder it then
// compares with the output folder, src/run/check.ts) or keeps them in memory. Both seal the manifest with the sha256 of every other file,
// so a reader (and --check) can tell a complete, consistent set from anything else.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AtomicWriter, type FileDigest } from '../io/atomic.ts';
import { OutputSet, recoverFolder, removeEmptyTree, JOURNAL, type CommitHooks, type Recovery } from '../io/commit.ts';
import { acquireLock } from '../io/lock.ts';

export interface OutputSink {
  /** The folder it writes, for a sink that writes one. */
  readonly dir?: string;
  /** Takes the output folder before any article is processed (a folder sink: its lock, then recovery of a killed
   * run). Optional: openDataset() does it when it was not done. */
  begin?(): void;
  /** The unit that the run's other files (tables, report) join to be committed with the dataset, for a sink that
   * writes a folder; set once begun. */
  readonly set?: OutputSet | undefined;
  /** Starts the dataset stream. */
  openDataset(): void;
  appendDataset(line: string): void;
  /** Writes a whole file (schema.json, manifest.json). */
  writeFile(name: string, content: string): void;
  /** Makes everything visible at once (renames into place). */
  commit(): void;
  /** Drops everything staged; the previous output stays as it was. */
  abort(): void;
  /** Releases the output folder (its lock). Called by whoever called begin(). */
  end?(): void;
}

export const DATASET = 'dataset.jsonl';
export const MANIFEST = 'manifest.json';
/** The folders of an output folder a run stages files in (relative; '' the folder itself): where recovery looks
 * for what a killed run left. */
export const OUTPUT_FOLDERS = ['', 'tables', 'report', 'report/articles', 'report/speakers'] as const;

/** Adds `outputs: { name: { sha256, bytes } }` to the manifest text, in name order (the manifest itself excluded). */
export function sealManifest(manifestText: string, digests: ReadonlyMap<string, FileDigest>): string {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(manifestText) as Record<string, unknown>;
  } catch {
    return manifestText; // not ours to judge: written as given
  }
  const outputs: Record<string, FileDigest> = {};
  for (const name of [...digests.keys()].sort()) outputs[name] = digests.get(name)!;
  return `${JSON.stringify({ ...manifest, outputs }, null, 2)}\n`;
}

function digestOf(content: string): FileDigest {
  const buf = Buffer.from(content, 'utf8');
  return { sha256: createHash('sha256').update(buf).digest('hex'), bytes: buf.length };
}

/** Writes into the output folder as one unit (src/io/commit.ts): the dataset, schema and manifest (sealed with the
 * others' hashes, renamed last) and whatever the tables and report staged in `set`. begin() takes the folder's
 * lock (src/io/lock.ts) and recovers what a killed run left; nothing touches the disk before it. */
export class FolderSink implements OutputSink {
  private dataset?: AtomicWriter;
  private readonly pending: [string, string][] = [];
  private setValue?: OutputSet;
  private release?: () => void;
  /** The output folder itself, when this sink created it: an aborted run removes it again if left empty. */
  private createdRoot?: string;
  /** begin() was called by openDataset(), not by the caller: commit() and abort() then end() too. */
  private auto = false;
  private aborted = false;
  /** What opening the folder had to repair after an earlier killed run. */
  recovered: Recovery = { rolledForward: [], removed: [] };

  constructor(
    readonly dir: string,
    private readonly hooks: CommitHooks = {},
  ) {}

  get set(): OutputSet | undefined {
    return this.setValue;
  }

  begin(): void {
    if (this.setValue) return;
    this.createdRoot = mkdirSync(this.dir, { recursive: true });
    try {
      this.release = acquireLock(this.dir);
    } catch (err) {
      if (this.createdRoot !== undefined) removeEmptyTree(this.createdRoot);
      throw err;
    }
    this.recovered = recoverFolder(this.dir, { exclusive: true, folders: OUTPUT_FOLDERS });
    this.setValue = new OutputSet(this.dir, this.hooks);
  }

  openDataset(): void {
    if (!this.setValue) {
      this.auto = true;
      this.begin();
    }
    this.dataset = this.setValue!.writer(join(this.dir, DATASET), { last: true });
  }

  appendDataset(line: string): void {
    this.dataset!.write(line);
  }

  writeFile(name: string, content: string): void {
    this.pending.push([name, content]);
  }

  commit(): void {
    const set = this.setValue!;
    const digests = new Map<string, FileDigest>();
    if (this.dataset) digests.set(DATASET, this.dataset.prepare());
    const files = [...this.pending.filter(([n]) => n !== MANIFEST), ...this.pending.filter(([n]) => n === MANIFEST)];
    for (const [name, content] of files) {
      const w = set.writer(join(this.dir, name), { last: true });
      const text = name === MANIFEST ? sealManifest(content, digests) : content;
      w.write(text);
      if (name !== MANIFEST) digests.set(name, w.prepare());
    }
    set.commit();
    if (this.auto) this.end();
  }

  abort(): void {
    this.setValue?.abort();
    this.aborted = true;
    if (this.auto) this.end();
  }

  end(): void {
    this.release?.();
    delete this.release;
    // a run that failed leaves nothing: not even the output folder it made
    if (this.aborted && this.createdRoot !== undefined) removeEmptyTree(this.createdRoot);
  }
}

/** Keeps the output in memory (for a caller that wants the bytes without a folder; --check writes a temporary
 * folder instead, so that a big corpus need not fit in memory). */
export class MemorySink implements OutputSink {
  readonly files = new Map<string, string>();
  readonly datasetLines: string[] = [];
  private datasetOpen = false;

  openDataset(): void {
    this.datasetOpen = true;
  }

  appendDataset(line: string): void {
    this.datasetLines.push(line);
  }

  writeFile(name: string, content: string): void {
    this.files.set(name, content);
  }

  /** Seals the manifest exactly as FolderSink does, so that both give the same bytes. */
  commit(): void {
    const manifest = this.files.get(MANIFEST);
    if (manifest === undefined) return;
    const digests = new Map<string, FileDigest>();
    if (this.datasetOpen) digests.set(DATASET, digestOf(this.datasetLines.join('')));
    for (const [name, content] of this.files) if (name !== MANIFEST) digests.set(name, digestOf(content));
    this.files.set(MANIFEST, sealManifest(manifest, digests));
  }

  abort(): void {}
}

/** Problems with an output folder as a reader finds it: a file missing or unparsable, a hash that does not match
 * the manifest, a dataset whose line count disagrees with it, a commit left half done. Empty when consistent. */
export function checkOutputFolder(dir: string): string[] {
  const problems: string[] = [];
  if (existsSync(join(dir, JOURNAL))) problems.push(`${JOURNAL}: a commit was interrupted; the next run finishes it`);
  let manifest: { counts?: { ok?: number }; outputs?: Record<string, FileDigest> };
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as typeof manifest;
  } catch (err) {
    return [...problems, `${MANIFEST}: ${(err as NodeJS.ErrnoException).code ?? 'not valid JSON'}`];
  }
  const outputs = manifest.outputs ?? {};
  if (!outputs[DATASET]) problems.push(`${MANIFEST}: no hash for ${DATASET}`);
  for (const [name, want] of Object.entries(outputs)) {
    let buf: Buffer;
    try {
      buf = readFileSync(join(dir, name));
    } catch (err) {
      problems.push(`${name}: ${(err as NodeJS.ErrnoException).code}`);
      continue;
    }
    const sha = createHash('sha256').update(buf).digest('hex');
    if (sha !== want.sha256 || buf.length !== want.bytes)
      problems.push(`${name}: sha256 ${sha.slice(0, 12)}… differs from the manifest's ${want.sha256.slice(0, 12)}…`);
    else if (name.endsWith('.json')) {
      try {
        JSON.parse(buf.toString('utf8'));
      } catch {
        problems.push(`${name}: not valid JSON`);
      }
    } else if (name === DATASET) {
      const lines = buf.toString('utf8').split('\n');
      if (lines.pop() !== '') problems.push(`${DATASET}: does not end with a newline`);
      lines.forEach((l, i) => {
        try {
          JSON.parse(l);
        } catch {
          problems.push(`${DATASET}: line ${i + 1} is not valid JSON`);
        }
      });
      if (manifest.counts?.ok !== undefined && manifest.counts.ok !== lines.length)
        problems.push(`${DATASET}: ${lines.length} lines, the manifest counts ${manifest.counts.ok} ok`);
    }
  }
  return problems;
}
