// The output folder's files: a sink either writes them atomically (a run; --check, into a temporary folder it then
// compares with the output folder, src/run/check.ts) or keeps them in memory. Both seal the manifest with the sha256 of every other file,
// so a reader (and --check) can tell a complete, consistent set from anything else.
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { AtomicWriter, type FileDigest } from '../io/atomic.ts';
import { commitFileSet, recoverFolder, JOURNAL, type CommitHooks, type Recovery } from '../io/commit.ts';

export interface OutputSink {
  /** Starts the dataset stream. */
  openDataset(): void;
  appendDataset(line: string): void;
  /** Writes a whole file (schema.json, manifest.json). */
  writeFile(name: string, content: string): void;
  /** Makes everything visible (renames into place). */
  commit(): void;
  abort(): void;
}

export const DATASET = 'dataset.jsonl';
export const MANIFEST = 'manifest.json';

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

/** Writes into the output folder as one set (src/io/commit.ts): every file complete and synced under a temporary
 * name, the manifest (sealed with the others' hashes) last, then all renamed. A folder left by a killed run is
 * recovered when the sink opens it. */
export class FolderSink implements OutputSink {
  private dataset?: AtomicWriter;
  private readonly pending: [string, string][] = [];
  private readonly writers: AtomicWriter[] = [];
  /** What opening the folder had to repair after an earlier killed run. */
  readonly recovered: Recovery;

  constructor(
    private readonly dir: string,
    private readonly hooks: CommitHooks = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.recovered = recoverFolder(dir);
  }

  openDataset(): void {
    this.dataset = new AtomicWriter(join(this.dir, DATASET));
    this.writers.push(this.dataset);
  }

  appendDataset(line: string): void {
    this.dataset!.write(line);
  }

  writeFile(name: string, content: string): void {
    this.pending.push([name, content]);
  }

  commit(): void {
    const digests = new Map<string, FileDigest>();
    if (this.dataset) digests.set(DATASET, this.dataset.prepare());
    const files = [...this.pending.filter(([n]) => n !== MANIFEST), ...this.pending.filter(([n]) => n === MANIFEST)];
    for (const [name, content] of files) {
      const w = new AtomicWriter(join(this.dir, name));
      this.writers.push(w);
      const text = name === MANIFEST ? sealManifest(content, digests) : content;
      w.write(text);
      if (name !== MANIFEST) digests.set(name, w.prepare());
    }
    commitFileSet(this.dir, this.writers, this.hooks);
  }

  abort(): void {
    for (const w of this.writers) w.abort();
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
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8'));
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
