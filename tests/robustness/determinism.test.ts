// Same input + same config => the same dataset bytes: across runs, across the order the file system lists files
// in, across worker counts and across a cache-warm and a cold run (the last two through the CLI flags).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { discover } from '../../src/io/discover.ts';
import { OutputSet } from '../../src/io/commit.ts';
import { ParquetSink } from '../../src/outputs/tables/parquet-sink.ts';
import type { TableSpec } from '../../src/outputs/tables/spec.ts';
import { runCorpus, tempDir, writeCorpus } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const FILES: Record<string, string> = {
  'b/second.txt': 'The vote would be close, said Senator Jane Smith.\n“We are ready,” she said.',
  'a.md': '# Title\n\nJohn Brown told reporters that the plan would fail.',
  'c.html': '<html><body><article><p>“We will cut taxes,” Governor Ann Lee said on Monday.</p></article></body></html>',
  'd/e/f.txt': 'Mayor Karen Bass said the city would open new shelters. “We cannot wait,” Bass said.',
  'g.txt': '“This is a historic day,” President Joe Biden said. Biden later told aides that he was pleased.',
  'h.txt': 'According to the Census Bureau, the population of Ohio grew by 2 percent last year.',
  'i.txt': 'The minister denied the report, saying it was false. Officials in Paris declined to comment.',
  'j.txt': 'Secretary of State Antony Blinken said the alliance had developed in extraordinary ways.',
  'k.txt': '😀 Jane Smith said “it is fine” — and Paul Lee agreed.',
  'bad/empty.txt': '',
  // valid UTF-8 (é) beside an invalid byte: damaged UTF-8, rejected
  'bad/damaged.txt': 'Caf\u00c3\u00a9 \u0093',
  'dup.md': 'Jane said so.',
  'dup.txt': 'Jane said so too.',
};
const bytesOf = (files: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(files).map(([k, v]) => [k, k === 'bad/damaged.txt' ? Buffer.from(v, 'latin1') : v]),
  );

describe('determinism', () => {
  it('discovery gives the same articles whatever order the file system lists them in (property)', () => {
    const corpus = writeCorpus(bytesOf(FILES));
    const reference = discover(corpus);
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        // a deterministic shuffle per seed of each folder listing
        const shuffled = (dir: string) => {
          const names = readdirSync(dir);
          let s = seed >>> 0;
          for (let i = names.length - 1; i > 0; i--) {
            s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
            const j = s % (i + 1);
            [names[i], names[j]] = [names[j]!, names[i]!];
          }
          return names;
        };
        expect(discover(corpus, { readdir: shuffled })).toEqual(reference);
      }),
      { numRuns: 50, seed: 6 },
    );
  });

  it('writes the same dataset bytes for files created in opposite orders', () => {
    const entries = Object.entries(bytesOf(FILES));
    const a = writeCorpus(Object.fromEntries(entries));
    const b = writeCorpus(Object.fromEntries(entries.reverse()));
    const ra = runCorpus(a);
    const rb = runCorpus(b);
    for (const f of ['dataset.jsonl', 'schema.json', 'manifest.json'])
      expect(readFileSync(join(rb.out, f), 'utf8'), f).toBe(readFileSync(join(ra.out, f), 'utf8'));
  });

  it('the same Parquet bytes whatever the process wrote before (no compressor history crosses files)', () => {
    // hysnappy's output for a page can depend on what its instance compressed before; pages of small integers
    // (counts) showed it. A file written after another must have the bytes it has when written alone.
    const spec: TableSpec = {
      name: 'articles',
      description: '',
      columns: [{ name: 'n', type: 'INT32', nullable: false, description: '' }],
    };
    let seed = 1;
    const ints = (n: number, max: number) => {
      const b = Buffer.alloc(n * 4);
      for (let i = 0; i < n; i++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        b.writeInt32LE((seed >>> 16) % max, i * 4);
      }
      return { values: new Uint8Array(b), rows: n };
    };
    const file = (...pages: { values: Uint8Array; rows: number }[]) => {
      const path = join(tempDir('det-parquet-'), 't.parquet');
      const sink = new ParquetSink(path, spec);
      for (const p of pages) sink.writeGroup([{ values: p.values, defs: null }], p.rows);
      sink.finish();
      const set = new OutputSet(dirname(path));
      sink.stageIn(set);
      set.commit();
      return readFileSync(path);
    };
    for (let trial = 0; trial < 30; trial++) {
      const before = ints(10 + (seed % 300), 40);
      const page = ints(10 + (seed % 100), 40);
      const alone = file(page);
      file(before);
      expect(file(page).equals(alone), `trial ${trial}`).toBe(true);
    }
  });

  describe('through the CLI: worker count and cache (the pool and cache of src/run/)', () => {
    // built-in defaults, not the repository's pipeline.config.json (which others edit)
    const config = join(tempDir('det-config-'), 'config.json');
    writeFileSync(config, '{}\n');
    const cli = (args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'src/cli.ts'), '--quiet', '--config', config, ...args],
        { cwd: ROOT, encoding: 'utf8' },
      );
    const dataset = (dir: string) => readFileSync(join(dir, 'dataset.jsonl'), 'utf8');
    let corpus: string;
    let one: string;
    let cold: { status: number | null; stderr: string };

    beforeAll(() => {
      corpus = writeCorpus(bytesOf(FILES));
      symlinkSync(join(corpus, 'g.txt'), join(corpus, 'link.txt'));
      one = tempDir('det-one-');
      cold = cli(['--input', corpus, '--output', one, '--concurrency', '1']);
    }, 60_000);

    it('exits 2 on the bad inputs, naming each with its message id on stderr', () => {
      expect(cold.status, cold.stderr).toBe(2);
      for (const id of [
        'ingest/empty',
        'ingest/invalid-encoding',
        'ingest/duplicate-id',
        'ingest/symlink-not-followed',
      ])
        expect(cold.stderr).toContain(`[${id}]`);
      expect(cold.stderr).not.toMatch(/\n\s+at /);
    });

    // Worker pool: --concurrency 1 (in process) and --concurrency 2 (two worker threads) give the same bytes.
    it('same dataset bytes with --concurrency 1 and --concurrency 2', () => {
      const two = tempDir('det-two-');
      expect(cli(['--input', corpus, '--output', two, '--concurrency', '2', '--force']).status).toBe(2);
      expect(dataset(two)).toBe(dataset(one));
      expect(readFileSync(join(two, 'schema.json'), 'utf8')).toBe(readFileSync(join(one, 'schema.json'), 'utf8'));
    }, 60_000);

    // Cache: a second run into the same folder (warm: served from its .cache) equals the cold first run; the
    // --force run above (cache ignored) equals it too.
    it('same dataset bytes on a cache-warm second run as on the cold first run', () => {
      const first = dataset(one);
      expect(cli(['--input', corpus, '--output', one, '--concurrency', '1']).status).toBe(2);
      expect(dataset(one)).toBe(first);
    }, 60_000);
  });
});
