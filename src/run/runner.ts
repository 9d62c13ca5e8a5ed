// A batch run: discover the corpus, process every article (bad ones become messages), write the dataset in id
// order, the schema and the manifest. Library entry for the CLI and for anyone who imports the pipeline.
import { readFileSync, existsSync, statSync } from 'node:fs';
import { configHash, type Config } from '../config.ts';
import { discover } from '../io/discover.ts';
import { message } from '../messages.ts';
import { processArticle, type ArticleResult, type StageTimings } from '../pipeline.ts';
import { datasetJsonSchema, SCHEMA_VERSION } from '../schema.ts';
import type { Message } from '../types.ts';
import { PIPELINE_VERSION } from '../version.ts';
import type { OutputSink } from './outputs.ts';

export interface RunOptions {
  input: string;
  config: Config;
  sink: OutputSink;
  /** Called after each article, for progress. */
  onArticle?: (done: number, total: number) => void;
  timings?: StageTimings;
}

export interface RunSummary {
  inputs: number;
  ok: number;
  rejected: number;
  quotes: number;
  entities: number;
  rejectedArticles: { path: string; messages: Message[] }[];
}

export class RunError extends Error {}

interface ManifestInput {
  id: string;
  path: string;
  sha256: string;
  status: 'ok' | 'rejected';
  messages: Message[];
}

/** Reads one article file; a read failure becomes a rejected result, never a throw. */
function readArticle(absolute: string): { bytes: Uint8Array } | { error: Message } {
  try {
    return { bytes: readFileSync(absolute) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { error: message('ingest/vanished', 'ingest', { reason: 'file not found' }) };
    return { error: message('ingest/unreadable', 'ingest', { reason: code ?? String(err) }) };
  }
}

/** Runs the pipeline over a corpus folder into a sink. Throws RunError only when the run itself cannot go on. */
export function runPipeline(opts: RunOptions): RunSummary {
  const { input, config, sink } = opts;
  if (!existsSync(input) || !statSync(input).isDirectory()) throw new RunError(`input folder not found: ${input}`);
  const { articles, skipped } = discover(input);
  const inputs: ManifestInput[] = [];
  const summary: RunSummary = { inputs: 0, ok: 0, rejected: 0, quotes: 0, entities: 0, rejectedArticles: [] };
  const skippedNotes: ManifestInput[] = [];
  for (const s of skipped) {
    if (s.reason === 'duplicate-id') {
      const id = s.path.replace(/\.[^./]*$/, '');
      skippedNotes.push({ id, path: s.path, sha256: '', status: 'rejected', messages: [message('ingest/duplicate-id', 'ingest', { id, kept: s.kept ?? '', path: s.path })] });
    }
  }

  sink.openDataset();
  try {
    articles.forEach((a, i) => {
      const read = readArticle(a.absolute);
      const result: ArticleResult = 'error' in read
        ? { id: a.id, path: a.path, sha256: '', status: 'rejected', messages: [read.error] }
        : processArticle({ id: a.id, path: a.path, bytes: read.bytes }, config, opts.timings);
      if (result.record) {
        sink.appendDataset(`${JSON.stringify(result.record)}\n`);
        summary.quotes += result.record.quotes.length;
        summary.entities += result.record.entities.length;
      }
      inputs.push({ id: result.id, path: result.path, sha256: result.sha256, status: result.status, messages: result.messages });
      opts.onArticle?.(i + 1, articles.length);
    });
    inputs.push(...skippedNotes);
    inputs.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    for (const x of inputs) {
      summary.inputs++;
      if (x.status === 'ok') summary.ok++;
      else {
        summary.rejected++;
        summary.rejectedArticles.push({ path: x.path, messages: x.messages });
      }
    }
    const manifest = {
      schemaVersion: SCHEMA_VERSION,
      pipelineVersion: PIPELINE_VERSION,
      configHash: configHash(config),
      counts: { inputs: summary.inputs, ok: summary.ok, rejected: summary.rejected, quotes: summary.quotes, entities: summary.entities },
      inputs,
      skipped: skipped.filter((s) => s.reason === 'symlink').map((s) => ({ path: s.path, messages: [message('ingest/symlink', 'ingest', { path: s.path })] })),
    };
    sink.writeFile('schema.json', `${JSON.stringify(datasetJsonSchema(), null, 2)}\n`);
    sink.writeFile('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    sink.commit();
  } catch (err) {
    sink.abort();
    throw err;
  }
  return summary;
}
