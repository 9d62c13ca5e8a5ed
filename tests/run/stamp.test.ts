// A run with nothing to do writes nothing (src/run/stamp.ts): the folder's stamp vouches for its files, and any
// change to the inputs, the config, the folder's files or the stamp itself makes the run do its work, leaving the
// folder as a clean run leaves it.
import { appendFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.ts';
import { FolderSink } from '../../src/outputs/sink.ts';
import { summaryLine } from '../../src/run/progress.ts';
import { runPipelineAsync } from '../../src/run/runner.ts';
import { GOOD, snapshot } from '../robustness/hostile.ts';
import { tempDir, writeCorpus } from '../robustness/harness.ts';

const CORPUS = { ...GOOD, 'bad/empty.txt': '' };
const base = parseConfig({ run: { concurrency: 'off' } });
const run = (input: string, out: string, config: Config = base, force = false) =>
  runPipelineAsync({
    input,
    config,
    force,
    sink: new FolderSink(out),
    cacheDir: out,
    outputs: { tablesOutDir: out, reportDir: join(out, 'report') },
  });
const STAMP = (out: string) => join(out, '.cache', 'run-stamp.json');

/** A corpus, a folder run over it, and a clean folder run over the same corpus to compare with. */
async function setUp() {
  const corpus = writeCorpus(CORPUS);
  const out = tempDir();
  const first = await run(corpus, out);
  return { corpus, out, first };
}

/** Every file of the folder with its modification time, for "nothing was written". */
const mtimes = (dir: string): Record<string, number> => {
  const out: Record<string, number> = {};
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name === '.cache') continue;
      if (e.isDirectory()) walk(join(d, e.name), `${prefix}${e.name}/`);
      else out[`${prefix}${e.name}`] = statSync(join(d, e.name)).mtimeMs;
    }
  };
  walk(dir, '');
  return out;
};

async function cleanRun(corpus: string, config: Config = base) {
  const out = tempDir();
  await run(corpus, out, config);
  return snapshot(out);
}

describe('run stamp: nothing to do, nothing written', () => {
  it('an unchanged corpus: the run is up to date, writes no file, and says what a warm run says', async () => {
    const { corpus, out, first } = await setUp();
    expect(first.upToDate).toBeUndefined();
    const before = mtimes(out);
    const bytes = snapshot(out);
    const again = await run(corpus, out);
    expect(again.upToDate).toBe(true);
    expect(mtimes(out)).toEqual(before);
    expect(snapshot(out)).toEqual(bytes);
    // the counts and the refused article, as the manifest has them
    const { upToDate, cached, warnings, ...counts } = again;
    expect({ upToDate, cached, warnings }).toEqual({ upToDate: true, cached: 3, warnings: [] });
    const { upToDate: _u, cached: _c, warnings: _w, ...firstCounts } = first;
    expect(counts).toEqual(firstCounts);
    expect(again.rejectedArticles.map((r) => r.path)).toEqual(['bad/empty.txt']);
    expect(summaryLine(again, 0.2)).toBe(
      `3 articles: 2 processed (3 from cache), 1 rejected; ${first.quotes} quotes, ${first.entities} entities in 0.2 s (up to date: nothing written)`,
    );
  });

  const changes: [string, (c: { corpus: string; out: string }) => void, Config?][] = [
    ['an input edited', ({ corpus }) => appendFileSync(join(corpus, 'good/one.txt'), ' She left.')],
    ['an input added', ({ corpus }) => writeFileSync(join(corpus, 'good/three.txt'), 'Jane Smith said no.')],
    ['an input removed', ({ corpus }) => rmSync(join(corpus, 'good/two.md'))],
    [
      'a file of the folder edited, its size kept',
      ({ out }) => {
        const f = join(out, 'tables', 'articles.csv');
        const text = readFileSync(f, 'utf8');
        writeFileSync(f, text.replace(/o/, 'O'));
      },
    ],
    ['a file of the folder removed', ({ out }) => rmSync(join(out, 'schema.json'))],
    ['a stray file in the folder', ({ out }) => writeFileSync(join(out, 'report', 'articles', 'stray.html'), 'x')],
    [
      'one byte of the stamp flipped',
      ({ out }) => {
        const b = readFileSync(STAMP(out));
        b[b.length >> 1] = b[b.length >> 1]! ^ 1;
        writeFileSync(STAMP(out), b);
      },
    ],
    ['the config changed', () => {}, parseConfig({ run: { concurrency: 'off' }, quotes: { indirect: false } })],
  ];

  it.each(changes)('%s: the run does its work and the folder equals a clean run', async (_name, change, config) => {
    const { corpus, out } = await setUp();
    change({ corpus, out });
    const s = await run(corpus, out, config ?? base);
    expect(s.upToDate).toBeUndefined();
    const clean = await cleanRun(corpus, config ?? base);
    const got = snapshot(out);
    // a stray file a run does not own stays where the user put it
    delete got['report/articles/stray.html'];
    expect(got).toEqual(clean);
    // and the next run, with nothing changed, is up to date again
    expect((await run(corpus, out, config ?? base)).upToDate).toBe(true);
  });

  it('--force does the work whatever the stamp says', async () => {
    const { corpus, out } = await setUp();
    const s = await run(corpus, out, base, true);
    expect(s.upToDate).toBeUndefined();
    expect(s.cached).toBe(0);
  });

  it('no stamp without a cache, for a shard, or for tables written outside the folder', async () => {
    const corpus = writeCorpus(CORPUS);
    const noCache = tempDir();
    await run(corpus, noCache, parseConfig({ run: { concurrency: 'off', cache: false } }));
    const shard = tempDir();
    await runPipelineAsync({
      input: corpus,
      config: base,
      sink: new FolderSink(shard),
      cacheDir: shard,
      shard: { index: 0, count: 2 },
    });
    const outside = tempDir();
    const tables = tempDir();
    await runPipelineAsync({
      input: corpus,
      config: base,
      sink: new FolderSink(outside),
      cacheDir: outside,
      outputs: { tablesOutDir: tables },
    });
    for (const dir of [noCache, shard, outside]) expect(() => statSync(STAMP(dir))).toThrow();
  });
});
