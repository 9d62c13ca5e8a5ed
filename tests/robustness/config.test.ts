// A bad pipeline.config.json is one error naming the field, before any article is read (the CLI side, exit 1 and
// nothing written, is in tests/cli.test.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../../src/config.ts';
import { tempDir } from './harness.ts';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('no error');
};

describe('robustness: bad config', () => {
  it.each([
    [{ limits: { maxBytes: 'big' } }, 'limits.maxBytes'],
    [{ limits: { maxTokens: -1 } }, 'limits.maxTokens'],
    [{ limits: { maxQuoteChars: 1.5 } }, 'limits.maxQuoteChars'],
    [{ quotes: { minConfidence: 2 } }, 'quotes.minConfidence'],
    [{ run: { concurrency: 'lots' } }, 'run.concurrency'],
    [{ limits: { maxBytes: 10, maxBites: 10 } }, 'maxBites'],
    [{ surprise: true }, 'surprise'],
    [[], '(top level)'],
  ])('%j names %s', (raw, field) => expect(errorOf(() => parseConfig(raw))).toContain(field));

  it('names the file for invalid JSON and for a named file that is missing; defaults when the default file is absent', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'c.json'), '{ "limits": ');
    expect(errorOf(() => loadConfig(join(dir, 'c.json'), true))).toMatch(/c\.json: not valid JSON/);
    expect(errorOf(() => loadConfig(join(dir, 'none.json'), true))).toMatch(/none\.json: no such config file/);
    expect(loadConfig(join(dir, 'none.json'), false).limits.maxBytes).toBe(20_000_000);
  });
});
