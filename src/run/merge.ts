// Combining shard runs: the partial datasets are merged by id (each is sorted already, so a streaming k-way
// merge holds one line per part), the manifest is recomputed from the partial ones, and the result is the very
// bytes one run over the whole corpus writes.
import { createReadStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { buildManifest, manifestText, type Manifest } from '../outputs/manifest.ts';
import { DATASET, type OutputSink } from '../outputs/sink.ts';

export class MergeError extends Error {}

interface Part {
  dir: string;
  manifest: Manifest;
  schema: string;
}

function readPart(dir: string): Part {
  let manifest: Manifest;
  let schema: string;
  try {
    manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    schema = readFileSync(join(dir, 'schema.json'), 'utf8');
  } catch (err) {
    throw new MergeError(`${dir}: not a shard output (${(err as Error).message.split('\n')[0]})`);
  }
  if (!manifest.shard) throw new MergeError(`${dir}: its manifest names no shard; run it with --shard i/N`);
  return { dir, manifest, schema };
}

/** Checks that the parts are every shard of one split, made by the same pipeline, schema and config. */
function checkParts(parts: Part[]): void {
  if (!parts.length) throw new MergeError('no shard folders given');
  const first = parts[0]!.manifest;
  const count = first.shard!.count;
  const seen = new Map<number, string>();
  for (const p of parts) {
    const m = p.manifest;
    for (const key of ['schemaVersion', 'pipelineVersion', 'configHash'] as const) {
      if (m[key] !== first[key])
        throw new MergeError(`${p.dir}: ${key} ${m[key]} differs from ${parts[0]!.dir}'s ${first[key]}`);
    }
    if (p.schema !== parts[0]!.schema) throw new MergeError(`${p.dir}: schema.json differs from ${parts[0]!.dir}'s`);
    if (m.shard!.count !== count)
      throw new MergeError(
        `${p.dir}: shard ${m.shard!.index}/${m.shard!.count} is from a split into ${m.shard!.count}, not ${count}`,
      );
    const other = seen.get(m.shard!.index);
    if (other) throw new MergeError(`shard ${m.shard!.index}/${count} given twice: ${other} and ${p.dir}`);
    seen.set(m.shard!.index, p.dir);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new MergeError(`shards missing: ${missing.map((i) => `${i}/${count}`).join(', ')}`);
}

const idOf = (line: string): string => {
  const m = /^\{"id":("(?:[^"\\]|\\.)*")/.exec(line);
  if (!m) throw new MergeError(`a dataset line does not start with its id: ${line.slice(0, 60)}`);
  return JSON.parse(m[1]!) as string;
};

interface Cursor {
  part: Part;
  lines: AsyncIterator<string>;
  line?: string;
  id?: string;
  count: number;
}

async function advance(c: Cursor): Promise<void> {
  let next: IteratorResult<string>;
  try {
    next = await c.lines.next();
  } catch (err) {
    throw new MergeError(
      `${c.part.dir}: cannot read ${DATASET} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  if (next.done) {
    delete c.line;
    delete c.id;
    return;
  }
  c.line = next.value;
  c.id = idOf(next.value);
  c.count++;
}

export interface MergeSummary {
  parts: number;
  inputs: number;
  ok: number;
  rejected: number;
}

/** Merges shard output folders into a new sink: dataset by id, schema as the parts have it, manifest recomputed. */
export async function mergeShards(dirs: string[], openSink: () => OutputSink): Promise<MergeSummary> {
  const parts = dirs.map(readPart);
  checkParts(parts);
  const sink = openSink(); // only once the parts check out, so a refused merge leaves no output folder
  const cursors: Cursor[] = parts.map((part) => ({
    part,
    lines: createInterface({ input: createReadStream(join(part.dir, DATASET)), crlfDelay: Infinity })[
      Symbol.asyncIterator
    ](),
    count: 0,
  }));
  sink.openDataset();
  try {
    for (const c of cursors) await advance(c);
    let lastId: string | undefined;
    for (;;) {
      // a handful of parts: a linear scan for the smallest id is cheaper than a heap
      let best: Cursor | undefined;
      for (const c of cursors) if (c.id !== undefined && (!best || c.id < best.id!)) best = c;
      if (!best) break;
      if (lastId !== undefined && best.id! <= lastId)
        throw new MergeError(`${best.part.dir}: id ${best.id} is out of order or in two shards`);
      lastId = best.id;
      sink.appendDataset(`${best.line!}\n`);
      await advance(best);
    }
    for (const c of cursors) {
      if (c.count !== c.part.manifest.counts.ok)
        throw new MergeError(
          `${c.part.dir}: ${DATASET} has ${c.count} records, its manifest says ${c.part.manifest.counts.ok}`,
        );
    }
    const first = parts[0]!.manifest;
    const manifest = buildManifest({
      schemaVersion: first.schemaVersion,
      pipelineVersion: first.pipelineVersion,
      configHash: first.configHash,
      config: first.config,
      inputs: parts.flatMap((p) => p.manifest.inputs),
      skipped: parts.flatMap((p) => p.manifest.skipped ?? []),
      quotes: parts.reduce((n, p) => n + p.manifest.counts.quotes, 0),
      entities: parts.reduce((n, p) => n + p.manifest.counts.entities, 0),
    });
    sink.writeFile('schema.json', parts[0]!.schema);
    sink.writeFile('manifest.json', manifestText(manifest));
    sink.commit();
    return {
      parts: parts.length,
      inputs: manifest.counts.inputs,
      ok: manifest.counts.ok,
      rejected: manifest.counts.rejected,
    };
  } catch (err) {
    sink.abort();
    throw err;
  }
}
