// The library: what `import … from 'quote-pipeline'` gives. processArticle turns one article into a validated
// record in memory; runPipeline runs a batch into an output folder, as the command does; the config and the
// record come with their zod schemas and TypeScript types.
import type { z } from 'zod';
import { defaultConfig, type Config, type ConfigSource } from './config.ts';
import { FolderSink } from './outputs/sink.ts';
import { RunError, runPipelineAsync, type RunSummary } from './run/runner.ts';
import type { Shard } from './run/shard.ts';
import type { EntitySchema, MetaSchema, QuoteSchema, SpanSchema, SpeakerSchema } from './schema.ts';
import { join, resolve } from 'node:path';

export { processArticle, STAGES, type ArticleInput, type StageTimings } from './pipeline.ts';
export type { ArticleOutcome, ArticleResult } from './outcome.ts';
export {
  ConfigError,
  ConfigFileSchema,
  ConfigSchema,
  configHash,
  defaultConfig,
  loadConfig,
  loadConfigFile,
  parseConfig,
  type Config,
  type ConfigInput,
  type ConfigProblem,
  type ConfigSource,
} from './config.ts';
export { configJsonSchema } from './config-docs.ts';
export {
  ArticleRecordSchema,
  ENTITY_TYPES,
  EntitySchema,
  MetaSchema,
  QuoteSchema,
  SCHEMA_VERSION,
  SpanSchema,
  SpeakerSchema,
  datasetJsonSchema,
  type ArticleRecord,
} from './schema.ts';
export type { Message, Severity, SourceFormat } from './types.ts';
export { PIPELINE_VERSION } from './version.ts';
export { RunError, type RunSummary };

/** A span of a record's text (code point offsets). */
export type RecordSpan = z.infer<typeof SpanSchema>;
/** One entity of a record. */
export type RecordEntity = z.infer<typeof EntitySchema>;
/** One quote of a record. */
export type RecordQuote = z.infer<typeof QuoteSchema>;
/** A quote's speaker. */
export type RecordSpeaker = z.infer<typeof SpeakerSchema>;
/** What a record's input carries about itself. */
export type RecordMeta = z.infer<typeof MetaSchema>;

export interface PipelineOptions {
  /** A corpus folder, or a list of folders, files and globs (relative to `cwd`). */
  input: string | readonly string[];
  /** The output folder (relative to `cwd`): dataset.jsonl, schema.json, manifest.json, and the tables and the
   * report as config.run asks. */
  output: string;
  /** Default: the built-in defaults (use loadConfig to read a file). */
  config?: Config;
  /** Where the config came from, for the manifest (loadConfigFile says it). */
  configSource?: ConfigSource;
  /** Default: process.cwd(). */
  cwd?: string;
  /** Ignore the cache in the output folder. */
  force?: boolean;
  /** Process only one shard of the corpus. */
  shard?: Shard;
  /** Called after each article, in input order. */
  onArticle?: (done: number, total: number, cached: number) => void;
}

/** Runs the pipeline over a corpus into an output folder, as the command does (worker threads as
 * config.run.concurrency says, the cache in the output folder). Resolves to the run's counts; rejects with a
 * RunError (nothing written) when the run itself cannot go on. Bad articles are counted, never thrown. */
export async function runPipeline(options: PipelineOptions): Promise<RunSummary> {
  const cwd = options.cwd ?? process.cwd();
  const config = options.config ?? defaultConfig();
  const output = resolve(cwd, options.output);
  const tables = config.run.tables && !options.shard;
  const report = config.run.report && !options.shard;
  return runPipelineAsync({
    input: options.input,
    cwd,
    config,
    configSource: options.configSource ?? { source: options.config ? 'caller' : 'defaults' },
    sink: new FolderSink(output),
    cacheDir: output,
    force: options.force === true,
    outputs: { ...(tables ? { tablesOutDir: output } : {}), ...(report ? { reportDir: join(output, 'report') } : {}) },
    ...(options.shard ? { shard: options.shard } : {}),
    ...(options.onArticle ? { onArticle: options.onArticle } : {}),
  });
}
