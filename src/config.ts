// The one strict schema of the pipeline's config, validated before any article is read. Its defaults are the
// built-in config; the shipped pipeline.config.json, its JSON Schema (pipeline.config.schema.json) and the config
// reference (docs/config.md, README) are generated from it (src/config-docs.ts; a test keeps them in sync).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { suggestKey } from './config-suggest.ts';

const concurrency = z.union([z.literal('off'), z.literal('auto'), z.number().int().positive()]);

export const ConfigSchema = z.strictObject({
  limits: z
    .strictObject({
      maxBytes: z
        .number()
        .int()
        .positive()
        .default(20_000_000)
        .describe('Largest input file, in bytes, that is processed; a larger one is rejected unread.'),
      maxTokens: z
        .number()
        .int()
        .positive()
        .default(100_000)
        .describe(
          'Largest article, in wink tokens, that is processed; a longer one is rejected before the costly stages.',
        ),
      maxQuoteChars: z.number().int().positive().default(5_000).describe('Longest quote kept, in characters.'),
    })
    .prefault({})
    .describe('Limits that protect a batch from oversized input.'),
  ingest: z
    .strictObject({
      removeBoilerplate: z
        .boolean()
        .default(true)
        .describe('Drop lines matching the rules in data/lexicon/boilerplate.json (each removal is reported).'),
    })
    .prefault({})
    .describe('Reading the input files.'),
  entities: z
    .strictObject({
      tagger: z
        .boolean()
        .default(true)
        .describe('Use the trained sequence tagger (models/) besides rules and gazetteers.'),
    })
    .prefault({})
    .describe('Finding named entities.'),
  quotes: z
    .strictObject({
      indirect: z.boolean().default(true).describe('Extract indirect (reported) speech besides quoted speech.'),
      minConfidence: z
        .number()
        .min(0)
        .max(1)
        .default(0.6)
        .describe('Quotes whose confidence is below this are dropped (0 keeps every quote found); see keepDirect.'),
      keepDirect: z
        .boolean()
        .default(true)
        .describe('Keep direct quotes (quoted words read as speech) below minConfidence, speaker null if none found.'),
    })
    .prefault({})
    .describe('Finding quotes and their speakers.'),
  run: z
    .strictObject({
      concurrency: concurrency
        .default('auto')
        .describe('Worker threads: "off" (in process), "auto" (one per core) or a number. Never changes output.'),
      cache: z
        .boolean()
        .default(true)
        .describe("Reuse the results of unchanged articles from the output folder's .cache/."),
      tables: z
        .boolean()
        .default(true)
        .describe('Write the flat tables (CSV and Parquet, under tables/) beside dataset.jsonl.'),
      report: z.boolean().default(true).describe('Write the HTML report (report/) beside dataset.jsonl.'),
    })
    .prefault({})
    .describe('How a run works; these settings never change the records.'),
});

/** The schema of a config file: the config, plus the "$schema" key editors read (ignored by the pipeline). */
export const ConfigFileSchema = ConfigSchema.extend({
  $schema: z.string().optional().describe('The JSON Schema of this file, for editors; ignored by the pipeline.'),
});

export type Config = z.infer<typeof ConfigSchema>;
/** A config as a caller may write it: every key optional, defaults filled in by parseConfig. */
export type ConfigInput = z.input<typeof ConfigFileSchema>;

/** One problem of a config: where (a dotted key path, or "(top level)") and what. */
export interface ConfigProblem {
  path: string;
  message: string;
}

/** A config that cannot be used; `problems` lists every problem found, the message one per line. */
export class ConfigError extends Error {
  constructor(
    message: string,
    readonly problems: ConfigProblem[] = [],
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** The built-in config (the schema's defaults), a fresh copy. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}

/** Parses a config object, throwing one ConfigError that lists every problem with its key path. */
export function parseConfig(raw: unknown, origin = 'config'): Config {
  const result = ConfigFileSchema.safeParse(raw);
  if (!result.success) {
    const problems: ConfigProblem[] = [];
    for (const issue of result.error.issues) {
      const at = issue.path.map(String);
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const hint = suggestKey(defaultConfig(), at, key);
          problems.push({
            path: [...at, key].join('.'),
            message: `unknown key${hint ? `; did you mean "${hint}"?` : ''}`,
          });
        }
      } else problems.push({ path: at.length ? at.join('.') : '(top level)', message: issue.message });
    }
    // one problem on one line; several each on its own line under a count
    const text =
      problems.length === 1
        ? `${origin}: ${problems[0]!.path}: ${problems[0]!.message}`
        : `${origin}: ${problems.length} problems\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`;
    throw new ConfigError(text, problems);
  }
  const { $schema, ...config } = result.data;
  return config;
}

/** Reads and parses a config file; without a path, the built-in defaults. With `explicit` false, a missing file
 * means the defaults too. */
export function loadConfig(path?: string, explicit = true): Config {
  return loadConfigFile(path, explicit).config;
}

/** Where the effective config came from, as the manifest names it: a file (its path as given and the sha256 of
 * its bytes), the built-in defaults, or a program that handed a config object to the library. */
export type ConfigSource =
  { source: 'file'; path: string; sha256: string } | { source: 'defaults' } | { source: 'caller' };

/** loadConfig, and where the config came from: the file (with the sha256 of its bytes) or the defaults. */
export function loadConfigFile(path?: string, explicit = true): { config: Config; from: ConfigSource } {
  if (path === undefined || !existsSync(path)) {
    if (path !== undefined && explicit) throw new ConfigError(`${path}: no such config file`);
    return { config: defaultConfig(), from: { source: 'defaults' } };
  }
  let bytes: Buffer;
  let raw: unknown;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new ConfigError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ConfigError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { config: parseConfig(raw, path), from: { source: 'file', path, sha256 } };
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
