// Golden test: every article in corpus/ yields exactly its record in tests/golden/ (regenerate with
// `npm run golden:update` and review the diff).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';

const corpus = new URL('../../corpus/', import.meta.url);
const config = loadConfig(new URL('../../pipeline.config.json', import.meta.url).pathname, true);

describe('golden records', () => {
  const names = readdirSync(corpus)
    .filter((n) => /\.(txt|md|html?)$/.test(n))
    .sort();
  it('has articles to check', () => expect(names.length).toBeGreaterThan(0));
  for (const name of names) {
    it(name, () => {
      const id = name.replace(/\.[^.]+$/, '');
      const r = processArticle({ id, path: name, bytes: readFileSync(new URL(name, corpus)) }, config);
      const golden: unknown = JSON.parse(readFileSync(new URL(`${id}.json`, import.meta.url), 'utf8'));
      expect(r.record).toEqual(golden);
    });
  }
});
