// The one strict schema of pipeline.config.json, validated before any article is read.
import { readFileSync, existsSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const ConfigSchema = z.strictObject({
  limits: z
    .strictObject({
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(20_000_000)
        .describe('Largest input file, in bytes, that is processed.'),
      maxTokens: z
        .number()
        .int()
        .positive()
        .default(2_000_000)
        .describe('Largest article, in wink tokens, that is processed.'),
      maxQuoteChars: z.number().int().positive().default(5_000).describe('Longest quote kept, in characters.'),
    })
    .prefault({}),
  ingest: z
    .strictObject({
      removeBoilerplate: z.boolean().default(true).describe('Drop lines matching data/lexicon/boilerplate.json.'),
    })
    .prefault({}),
  entities: z
    .strictObject({
      tagger: z
        .boolean()
        .default(true)
        .describe('Use the trained sequence tagger (models/) besides rules and gazetteers.'),
    })
    .prefault({}),
  quotes: z
    .strictObject({
      indirect: z.boolean().default(true).describe('Extract indirect (reported) speech besides quoted speech.'),
      minConfidence: z.number().min(0).max(1).default(0).describe('Quotes below this confidence are dropped.'),
    })
    .prefault({}),
  run: z
    .strictObject({
      concurrency: z.union([z.literal('off'), z.literal('auto'), z.number().int().positive()]).default('auto'),
      cache: z.boolean().default(true).describe('Reuse results of unchanged articles from output/.cache.'),
      tables: z
        .boolean()
        .default(true)
        .describe('Write the flat tables (CSV and Parquet) beside dataset.jsonl in a run.'),
      report: z.boolean().default(true).describe('Write the HTML report (output/report/) in a run.'),
    })
    .prefault({}),
});

export type Config = z.infer<typeof ConfigSchema>;

export class ConfigError extends Error {}

/** Parses a config object, throwing one ConfigError that names the bad field. */
export function parseConfig(raw: unknown, origin = 'config'): Config {
  const result = ConfigSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const where = issue.path.length ? issue.path.join('.') : '(top level)';
    throw new ConfigError(`${origin}: ${where}: ${issue.message}`);
  }
  return result.data;
}

/** Loads the config file; built-in defaults when the default file is absent, an error when a named file is. */
export function loadConfig(path: string, explicit: boolean): Config {
  if (!existsSync(path)) {
    if (explicit) throw new ConfigError(`${path}: no such config file`);
    return parseConfig({});
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  return parseConfig(raw, path);
}

/** Stable hash of the settings that change output (run settings excluded: they never change bytes). */
export function configHash(config: Config): string {
  const { run: _run, ...rest } = config;
  return createHash('sha256').update(stableStringify(rest)).digest('hex').slice(0, 16);
}

/** JSON with object keys sorted, so equal values give equal strings. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}
