// Shared by the robustness tests: a corpus in a temporary folder, one in-process run over it (no cache, no
// workers), and what a reader of the output sees: the manifest entry and the record of each input.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../../src/config.ts';
import { FolderSink } from '../../src/outputs/sink.ts';
import { runPipeline } from '../../src/run/in-process.ts';
import type { RunOptions, RunSummary } from '../../src/run/runner.ts';
import type { ArticleRecord } from '../../src/schema.ts';
import type { Message } from '../../src/types.ts';

export const tempDir = (prefix = 'robust-') => mkdtempSync(join(tmpdir(), prefix));

/** Writes files (text or bytes) under a new temporary folder and returns it. */
export function writeCorpus(files: Record<string, string | Uint8Array>, dir = tempDir('robust-corpus-')): string {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export interface Entry {
  id: string;
  path: string;
  status: 'ok' | 'rejected';
  messages: Message[];
}

export interface RunResult {
  summary: RunSummary;
  out: string;
  manifest: { inputs: Entry[]; skipped: { path: string; messages: Message[] }[]; counts: Record<string, number> };
  records: Map<string, ArticleRecord>;
  /** The manifest entry of an input path. */
  entry(path: string): Entry;
  /** Message ids of an input path, in order. */
  ids(path: string): string[];
}

/** Runs the pipeline in this process over a corpus folder into a fresh output folder. */
export function runCorpus(
  input: string,
  limits: Partial<Config['limits']> = {},
  extra: Partial<RunOptions> = {},
): RunResult {
  const out = tempDir('robust-out-');
  const config = parseConfig({ limits, run: { concurrency: 'off', cache: false } });
  const summary = runPipeline({ input, config, sink: new FolderSink(out), ...extra });
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as RunResult['manifest'];
  const records = new Map<string, ArticleRecord>();
  for (const line of readFileSync(join(out, 'dataset.jsonl'), 'utf8').split('\n')) {
    if (line) {
      const r = JSON.parse(line) as ArticleRecord;
      records.set(r.source.path, r);
    }
  }
  const entry = (path: string) => {
    const e = manifest.inputs.find((x) => x.path === path);
    if (!e) throw new Error(`no manifest entry for ${path}`);
    return e;
  };
  return { summary, out, manifest, records, entry, ids: (path) => entry(path).messages.map((m) => m.id) };
}

/** The text a code point span points at. */
export const cpSlice = (text: string, start: number, end: number) => [...text].slice(start, end).join('');

/** Every span of a record with what it should say, for offset checks. */
export function spansOf(r: ArticleRecord): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  for (const e of r.entities) out.push(...e.mentions);
  for (const q of r.quotes) {
    out.push({ start: q.start, end: q.end, text: q.text });
    if (q.cue) out.push(q.cue);
    if (q.speaker?.mention) out.push(q.speaker.mention);
  }
  return out;
}
