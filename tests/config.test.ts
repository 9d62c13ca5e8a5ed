// The config's generated files stay in sync with its zod schema (src/config.ts): the shipped pipeline.config.json
// is the built-in defaults, pipeline.config.schema.json is the schema's JSON Schema and checks a config as zod
// does, and docs/config.md and the README's table are the reference made from it. `npm run docs:config` rewrites
// them all.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, configHash, defaultConfig, loadConfigFile, parseConfig } from '../src/config.ts';
import {
  README_MARKERS,
  configDocs,
  configReferenceTable,
  configSchemaText,
  shippedConfigText,
} from '../src/config-docs.ts';
import { suggestKey } from '../src/config-suggest.ts';

const read = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
const stale = 'stale: run npm run docs:config';
/** Markdown as Prettier may pad it: table cells trimmed, separator rows shortened. */
const cells = (md: string) =>
  md
    .split('\n')
    .filter((l) => l.startsWith('|'))
    .map((l) => l.replace(/\s*\|\s*/g, '|').replace(/-{3,}/g, '---'));

describe('the config files generated from the schema', () => {
  it('pipeline.config.json is the built-in defaults', () => {
    expect(read('pipeline.config.json'), stale).toBe(shippedConfigText());
    const shipped = loadConfigFile(new URL('../pipeline.config.json', import.meta.url).pathname).config;
    expect(shipped).toEqual(defaultConfig());
    expect(configHash(shipped)).toBe(configHash(defaultConfig()));
  });

  it('pipeline.config.schema.json is the schema, and accepts and refuses what zod does', () => {
    expect(read('pipeline.config.schema.json'), stale).toBe(configSchemaText());
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read('pipeline.config.schema.json')));
    const cases: unknown[] = [
      JSON.parse(read('pipeline.config.json')),
      {},
      { quotes: { minConfidence: 0.9 } },
      { run: { concurrency: 4 } },
      { run: { concurrency: 'lots' } },
      { quotes: { minConfidence: 2 } },
      { limts: {} },
      { limits: { maxBytes: 1.5 } },
    ];
    for (const c of cases) {
      let zodOk = true;
      try {
        parseConfig(c);
      } catch {
        zodOk = false;
      }
      expect(validate(c), JSON.stringify(c)).toBe(zodOk);
    }
  });

  it('docs/config.md and the README hold the reference table', () => {
    expect(read('docs/config.md').includes('`quotes.minConfidence`'), stale).toBe(true);
    expect(cells(read('docs/config.md')), stale).toEqual(cells(configDocs()));
    const readme = read('README.md');
    const section = readme.slice(readme.indexOf(README_MARKERS[0]), readme.indexOf(README_MARKERS[1]));
    expect(cells(section), stale).toEqual(cells(configReferenceTable()));
    expect(cells(section)).toHaveLength(2 + 12);
  });
});

describe('parseConfig', () => {
  it('accepts "$schema" and leaves it out of the config', () => {
    const c = parseConfig({ $schema: './pipeline.config.schema.json' });
    expect(c).toEqual(defaultConfig());
    expect(Object.keys(c)).not.toContain('$schema');
  });

  it('reports every problem at once, each with its key path, misspelt keys with a suggestion', () => {
    let err: unknown;
    try {
      parseConfig({ quotes: { minConfidance: 0.5, indirect: 'yes' }, limts: {}, minConfidence: 1, run: { cache: 1 } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems).toEqual([
      { path: 'quotes.indirect', message: expect.stringMatching(/boolean/) as string },
      { path: 'quotes.minConfidance', message: 'unknown key; did you mean "quotes.minConfidence"?' },
      { path: 'run.cache', message: expect.stringMatching(/boolean/) as string },
      { path: 'limts', message: 'unknown key; did you mean "limits"?' },
      { path: 'minConfidence', message: 'unknown key; did you mean "quotes.minConfidence"?' },
    ]);
    expect((err as Error).message.split('\n')).toHaveLength(6);
  });

  it('suggests only close keys', () => {
    const known = defaultConfig();
    expect(suggestKey(known, ['limits'], 'MAXBYTES')).toBe('limits.maxBytes');
    expect(suggestKey(known, ['limits'], 'maxByte')).toBe('limits.maxBytes');
    expect(suggestKey(known, [], 'schema')).toBe('$schema');
    expect(suggestKey(known, ['quotes'], 'speakers')).toBeUndefined();
    expect(suggestKey(known, [], 'tagger')).toBe('entities.tagger');
  });
});
