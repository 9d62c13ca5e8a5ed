// Everything about the config that is generated from its zod schema (src/config.ts): the JSON Schema editors
// read (pipeline.config.schema.json), the shipped pipeline.config.json (the built-in defaults, written out), and
// the reference table (docs/config.md, and the README's config section). `npm run docs:config` writes them;
// tests/config.test.ts fails when a committed one differs from what this makes.
import { z } from 'zod';
import { ConfigFileSchema, defaultConfig } from './config.ts';

export const CONFIG_SCHEMA_FILE = 'pipeline.config.schema.json';
export const CONFIG_FILE = 'pipeline.config.json';
/** The README lines between these markers are the config reference table. */
export const README_MARKERS = ['<!-- config-reference:start -->', '<!-- config-reference:end -->'] as const;

type JsonSchema = {
  type?: string;
  description?: string;
  default?: unknown;
  properties?: Record<string, JsonSchema>;
  anyOf?: JsonSchema[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
};

/** The JSON Schema (draft 2020-12) of a config file, as an editor validates and completes it. */
export function configJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(ConfigFileSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema,
    title: 'quote-pipeline config',
    description: `The config of quote-pipeline (${CONFIG_FILE}). Every key is optional: a missing key takes its default.`,
    ...schema,
  };
}

/** The text of pipeline.config.json: the built-in defaults, with the schema for editors. */
export function shippedConfigText(): string {
  return `${JSON.stringify({ $schema: `./${CONFIG_SCHEMA_FILE}`, ...defaultConfig() }, null, 2)}\n`;
}

/** The text of pipeline.config.schema.json. */
export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

/** A value type as a reader says it: "integer > 0", "number 0–1", `"off" | "auto" | integer > 0`. */
function typeOf(s: JsonSchema): string {
  if (s.anyOf) return s.anyOf.map(typeOf).join(' \\| ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  const range =
    s.exclusiveMinimum === 0
      ? ' > 0'
      : s.minimum !== undefined && s.maximum !== undefined
        ? ` ${s.minimum}–${s.maximum}`
        : '';
  return `${s.type ?? 'any'}${range}`;
}

/** The reference table: one row per key (dotted path, type, default, description), sections in schema order. */
export function configReferenceTable(): string {
  const root = configJsonSchema() as JsonSchema;
  const rows = ['| key | type | default | what it does |', '| --- | --- | --- | --- |'];
  for (const [section, s] of Object.entries(root.properties ?? {})) {
    if (section === '$schema') continue;
    for (const [key, k] of Object.entries(s.properties ?? {})) {
      rows.push(`| \`${section}.${key}\` | ${typeOf(k)} | \`${JSON.stringify(k.default)}\` | ${k.description ?? ''} |`);
    }
  }
  return rows.join('\n');
}

/** docs/config.md: where the config comes from, the table, and an example. */
export function configDocs(): string {
  const sections = Object.entries((configJsonSchema() as JsonSchema).properties ?? {})
    .filter(([k]) => k !== '$schema')
    .map(([k, s]) => `- \`${k}\`: ${s.description ?? ''}`)
    .join('\n');
  return `# Config reference

<!-- Generated from the zod schema in src/config.ts by \`npm run docs:config\`; do not edit by hand. -->

A run takes its config from \`--config FILE\`, else from \`${CONFIG_FILE}\` in the folder the command was run from,
else from the built-in defaults, which are the values of the shipped \`${CONFIG_FILE}\`. The manifest names which
(\`config\`: the file's path and the sha256 of its bytes, or \`"source": "defaults"\`); \`--print-config\` prints
the effective config. Every key is optional; a missing key takes its default. A file may start with
\`"$schema": "./${CONFIG_SCHEMA_FILE}"\` (the JSON Schema shipped with the package) so that editors check and
complete it. A bad config stops the run before any article is read (exit 1), listing every problem with its key
path, and a likely key for a misspelt one.

Sections:

${sections}

${configReferenceTable()}

Example (\`--config strict.json\`): keep only the most confident quotes, direct ones included, and no indirect
speech.

\`\`\`json
{
  "$schema": "./node_modules/quote-pipeline/${CONFIG_SCHEMA_FILE}",
  "quotes": { "indirect": false, "minConfidence": 0.8, "keepDirect": false }
}
\`\`\`
`;
}

/** The README with its config section (between README_MARKERS) replaced by the current table. */
export function readmeWithConfig(readme: string): string {
  const [start, end] = README_MARKERS;
  const a = readme.indexOf(start);
  const b = readme.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md lacks the markers ${start} … ${end}`);
  return `${readme.slice(0, a + start.length)}\n\n${configReferenceTable()}\n\n${readme.slice(b)}`;
}
