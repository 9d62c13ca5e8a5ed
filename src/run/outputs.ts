// The output folder's files, built the same way for a real run and for --check: a sink either writes them
// atomically or keeps them in memory for comparison.
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { AtomicWriter, writeFileAtomic } from '../io/atomic.ts';

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

/** Writes into the output folder, each file atomically; the manifest goes last, so it never names a file
 * that is not there yet. */
export class FolderSink implements OutputSink {
  private dataset?: AtomicWriter;
  private readonly pending: [string, string][] = [];

  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  openDataset(): void {
    this.dataset = new AtomicWriter(join(this.dir, DATASET));
  }

  appendDataset(line: string): void {
    this.dataset!.write(line);
  }

  writeFile(name: string, content: string): void {
    this.pending.push([name, content]);
  }

  commit(): void {
    this.dataset?.commit();
    for (const [name, content] of this.pending) writeFileAtomic(join(this.dir, name), content);
  }

  abort(): void {
    this.dataset?.abort();
  }
}

/** Keeps the output in memory, for --check to compare with the committed folder. */
export class MemorySink implements OutputSink {
  readonly files = new Map<string, string>();
  readonly datasetLines: string[] = [];

  openDataset(): void {}

  appendDataset(line: string): void {
    this.datasetLines.push(line);
  }

  writeFile(name: string, content: string): void {
    this.files.set(name, content);
  }

  commit(): void {}

  abort(): void {}
}

export interface Drift {
  file: string;
  summary: string;
}

/** Compares a regenerated output with the folder's committed one; returns what differs, in words. */
export function compareWithFolder(dir: string, sink: MemorySink, ignoreKeys: readonly string[]): Drift[] {
  const drifts: Drift[] = [];
  const datasetPath = join(dir, DATASET);
  const fresh = sink.datasetLines.join('');
  if (!existsSync(datasetPath)) drifts.push({ file: DATASET, summary: 'missing' });
  else {
    const old = readFileSync(datasetPath, 'utf8');
    if (old !== fresh) drifts.push({ file: DATASET, summary: datasetDiff(old, fresh) });
  }
  for (const [name, content] of sink.files) {
    const path = join(dir, name);
    if (!existsSync(path)) {
      drifts.push({ file: name, summary: 'missing' });
      continue;
    }
    const old = readFileSync(path, 'utf8');
    if (stripKeys(old, ignoreKeys) !== stripKeys(content, ignoreKeys)) drifts.push({ file: name, summary: 'content differs' });
  }
  return drifts;
}

function stripKeys(json: string, keys: readonly string[]): string {
  if (!keys.length) return json;
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    for (const k of keys) delete value[k];
    return JSON.stringify(value);
  } catch {
    return json;
  }
}

/** "2 records changed (a, b), 1 added (c), 0 removed": ids from each line's "id". */
function datasetDiff(old: string, fresh: string): string {
  const index = (s: string) => {
    const m = new Map<string, string>();
    for (const line of s.split('\n')) {
      if (!line) continue;
      const id = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(line)?.[1];
      m.set(id ? (JSON.parse(id) as string) : line.slice(0, 40), line);
    }
    return m;
  };
  const a = index(old);
  const b = index(fresh);
  const changed = [...b.keys()].filter((k) => a.has(k) && a.get(k) !== b.get(k));
  const added = [...b.keys()].filter((k) => !a.has(k));
  const removed = [...a.keys()].filter((k) => !b.has(k));
  const list = (xs: string[]) => (xs.length ? ` (${xs.slice(0, 5).join(', ')}${xs.length > 5 ? ', …' : ''})` : '');
  return `${changed.length} records changed${list(changed)}, ${added.length} added${list(added)}, ${removed.length} removed${list(removed)}`;
}
