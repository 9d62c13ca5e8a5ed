// manifest.json: one entry per input (sorted by path), counts, and what produced it. Built the same way by a
// run and by a merge of shard runs, so that a merge writes exactly the bytes a single run writes.
import type { ConfigSource } from '../config.ts';
import type { ArticleOutcome } from '../outcome.ts';
import type { Message } from '../types.ts';

/** Shard i of N of a corpus split across runs (src/run/shard.ts says which articles belong to it). */
export interface Shard {
  /** 0-based. */
  index: number;
  count: number;
}

export interface ManifestSkipped {
  path: string;
  messages: Message[];
}

export interface Manifest {
  schemaVersion: string;
  pipelineVersion: string;
  configHash: string;
  /** Where the config came from: a file (its path as given, relative to where the run was started, and the
   * sha256 of its bytes) or the built-in defaults. */
  config?: ConfigSource;
  counts: { inputs: number; ok: number; rejected: number; quotes: number; entities: number };
  inputs: ArticleOutcome[];
  skipped: ManifestSkipped[];
  /** Present only in a shard's partial manifest; a merge drops it. */
  shard?: Shard;
}

const byPath = <T extends { path: string }>(a: T, b: T) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Assembles a manifest: inputs and skipped sorted by path, ok/rejected counted from the inputs. */
export function buildManifest(p: {
  schemaVersion: string;
  pipelineVersion: string;
  configHash: string;
  config?: ConfigSource | undefined;
  inputs: ArticleOutcome[];
  skipped: ManifestSkipped[];
  quotes: number;
  entities: number;
  shard?: Shard | undefined;
}): Manifest {
  const inputs = [...p.inputs].sort(byPath);
  const ok = inputs.filter((x) => x.status === 'ok').length;
  const manifest: Manifest = {
    schemaVersion: p.schemaVersion,
    pipelineVersion: p.pipelineVersion,
    configHash: p.configHash,
    ...(p.config ? { config: p.config } : {}),
    counts: { inputs: inputs.length, ok, rejected: inputs.length - ok, quotes: p.quotes, entities: p.entities },
    inputs,
    skipped: [...p.skipped].sort(byPath),
  };
  if (p.shard && p.shard.count > 1) manifest.shard = { index: p.shard.index, count: p.shard.count };
  return manifest;
}

/** The file's text: two-space JSON and a final newline. */
export function manifestText(m: Manifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
