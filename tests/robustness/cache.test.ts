// A cache entry is never trusted beyond its checksum: every byte it contributes (the header's id, input hash,
// status, messages, counts, page hash, and the dataset line) is covered, a single flipped byte anywhere makes it
// corrupt, the article is processed again with a warning (cache/corrupt-entry), and --check, which reads the
// same cache, does not vouch for an output a corrupt entry agrees with.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { FolderSink } from '../../src/outputs/sink.ts';
import { readEntry } from '../../src/run/cache.ts';
import { runPipelineAsync } from '../../src/run/runner.ts';
import { cli, figure, GOOD } from './hostile.ts';
import { tempDir, writeCorpus } from './harness.ts';

/** mulberry32: a seeded PRNG, so a failing flip can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const config = parseConfig({ run: { concurrency: 'off' } });
const run = (input: string, out: string) =>
  runPipelineAsync({
    input,
    config,
    sink: new FolderSink(out),
    cacheDir: out,
    outputs: { tablesOutDir: out, reportDir: join(out, 'report') },
  });
const entriesOf = (out: string) => {
  const dir = join(out, '.cache', 'articles');
  return readdirSync(dir)
    .sort()
    .map((name) => ({ file: join(dir, name), bytes: readFileSync(join(dir, name)) }));
};
/** What an entry says about itself (its header), for the key and the article it names. */
const headerOf = (bytes: Buffer) =>
  JSON.parse(bytes.toString('utf8').split('\n')[1]!) as { key: string; outcome: { id: string; path: string } };
const read = (out: string, f: string) => readFileSync(join(out, f), 'utf8');

describe('robustness: cache entries', () => {
  it('200 random single-byte flips, header and body: never served', async () => {
    const corpus = writeCorpus(GOOD);
    const out = tempDir();
    await run(corpus, out);
    const entries = entriesOf(out);
    const rand = prng(16);
    const where = { header: 0, body: 0, sum: 0 };
    for (let i = 0; i < 200; i++) {
      const { bytes } = entries[i % entries.length]!;
      const { key, outcome } = headerOf(bytes);
      expect('hit' in readEntry(bytes, outcome.id, outcome.path, key)).toBe(true);
      const flipped = Buffer.from(bytes);
      const at = Math.floor(rand() * bytes.length);
      flipped[at] = flipped[at]! ^ (1 + Math.floor(rand() * 255));
      const nl = bytes.indexOf(0x0a, 65);
      where[at < 65 ? 'sum' : at < nl ? 'header' : 'body']++;
      const got = readEntry(flipped, outcome.id, outcome.path, key);
      expect(got, `flip at ${at}`).toHaveProperty('corrupt');
    }
    // the flips landed everywhere an entry has bytes
    expect(where.sum).toBeGreaterThan(0);
    expect(where.header).toBeGreaterThan(0);
    expect(where.body).toBeGreaterThan(0);
  });

  it('a corrupt entry is recomputed with a warning, the output equal to a clean run, and rewritten', async () => {
    const corpus = writeCorpus(GOOD);
    const clean = tempDir();
    await run(corpus, clean);
    const out = tempDir();
    await run(corpus, out);
    // an edit a stray process or a bad disk could make: the header's counts and input hash, still valid JSON
    const [first] = entriesOf(out);
    writeFileSync(
      first!.file,
      first!.bytes
        .toString('utf8')
        .replace('"quotes":', '"quotes":9')
        .replace(/"sha256":"[0-9a-f]/, '"sha256":"x'),
    );
    // the folder is up to date, so a run would not read the cache: without its stamp it does
    rmSync(join(out, '.cache', 'run-stamp.json'));
    const s = await run(corpus, out);
    expect(s.warnings.map((w) => w.message.id)).toEqual(['cache/corrupt-entry']);
    expect(s.cached).toBe(1);
    for (const f of ['dataset.jsonl', 'manifest.json', 'tables/articles.csv', 'report/index.html'])
      expect(read(out, f), f).toBe(read(clean, f));
    rmSync(join(out, '.cache', 'run-stamp.json'));
    const again = await run(corpus, out);
    expect(again.warnings).toEqual([]);
    expect(again.cached).toBe(2);
  });

  it('--check does not vouch for an output a corrupt entry agrees with', () => {
    const corpus = writeCorpus(GOOD);
    const out = tempDir();
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    // the manifest and the cache entry changed alike: a check that trusted the entry would find them equal
    const manifest = read(out, 'manifest.json');
    const entry = entriesOf(out).find((e) => headerOf(e.bytes).outcome.path === 'good/one.txt')!;
    const sha = /"sha256":"([0-9a-f]{64})"/.exec(entry.bytes.toString('utf8'))![1]!;
    const forged = 'f'.repeat(64);
    writeFileSync(join(out, 'manifest.json'), manifest.replace(sha, forged));
    writeFileSync(entry.file, entry.bytes.toString('utf8').replace(sha, forged));
    const r = cli(['--input', corpus, '--output', out, '--check']);
    figure('--check with a corrupt cache entry', r);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('[cache/corrupt-entry]');
    expect(r.stderr).toContain('manifest.json');
    // and the next run repairs both, without --force
    expect(cli(['--input', corpus, '--output', out]).code).toBe(0);
    expect(read(out, 'manifest.json')).toBe(manifest);
  }, 120_000);
});
