// Batch runs through the library: the pool gives the bytes of an in-process run (and runs its .ts worker under
// vitest), a warm cache gives the bytes of a cold run without processing, and bad cache entries are recomputed;
// the tables and the report a run writes are those of `npm run tables` and `npm run report` on its dataset,
// whatever the worker count or the state of the cache.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../../src/config.ts';
import { writeReport } from '../../src/outputs/report/index.ts';
import type { Manifest } from '../../src/outputs/manifest.ts';
import { FolderSink } from '../../src/outputs/sink.ts';
import { runPipeline } from '../../src/run/in-process.ts';
import { runPipelineAsync, type RunOptions } from '../../src/run/runner.ts';
import { writeTables } from '../../src/outputs/tables/index.ts';
import { makeCorpus, tempDir } from './corpus.ts';

const FILES = ['dataset.jsonl', 'schema.json', 'manifest.json'];
/** Every file of an output folder but the cache, by relative path. */
const read = (dir: string): Record<string, string> =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile())
      .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
      .filter((f) => !f.startsWith('.cache'))
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), 'latin1')]),
  );
const config = (run: Partial<Config['run']> = {}, rest: Record<string, unknown> = {}) => parseConfig({ ...rest, run });
const withOutputs = (out: string): Partial<RunOptions> => ({
  outputs: { tablesOutDir: out, reportDir: join(out, 'report') },
});

/** Removes the folder's run stamp, so that the next run reads its cache instead of finding nothing to do. */
const forgetStamp = (out: string) => rmSync(join(out, '.cache', 'run-stamp.json'));

async function runInto(out: string, cfg: Config, extra: Partial<RunOptions> = {}) {
  return runPipelineAsync({
    input: corpus,
    config: cfg,
    sink: new FolderSink(out),
    cacheDir: out,
    ...withOutputs(out),
    ...extra,
  });
}

let corpus: string;
let reference: Record<string, string>;

beforeAll(() => {
  corpus = makeCorpus();
  const out = tempDir();
  runPipeline({
    input: corpus,
    config: config({ concurrency: 'off', cache: false }),
    sink: new FolderSink(out),
    ...withOutputs(out),
  });
  reference = read(out);
});

describe('tables and report of a run', () => {
  it('are the bytes writeTables and writeReport make from its dataset', async () => {
    expect(Object.keys(reference)).toContain('tables/quotes.parquet');
    expect(Object.keys(reference)).toContain('tables/speakers.parquet');
    expect(Object.keys(reference).filter((f) => f.startsWith('report/articles/'))).toHaveLength(12);
    expect(Object.keys(reference)).toContain('report/speakers/person_jane-smith.html');
    const apart = tempDir();
    writeFileSync(join(apart, 'dataset.jsonl'), reference['dataset.jsonl']!, 'latin1');
    await writeTables(join(apart, 'dataset.jsonl'), apart);
    await writeReport(join(apart, 'dataset.jsonl'), join(apart, 'report'));
    const standalone = read(apart);
    const outputs = (files: Record<string, string>) =>
      Object.fromEntries(Object.entries(files).filter(([f]) => /^(tables|report)\//.test(f)));
    expect(outputs(reference)).toEqual(outputs(standalone));
  });

  it('leaves no new table in place when the run fails before its commit', async () => {
    const out = tempDir();
    const sink = new FolderSink(out);
    sink.commit = () => {
      throw new Error('disk gone');
    };
    await expect(runInto(out, config({ concurrency: 2, cache: false }), { sink })).rejects.toThrow('disk gone');
    // nothing written: not even the tables folder the run made
    expect(existsSync(join(out, 'tables'))).toBe(false);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('worker pool', () => {
  it('writes the bytes of an in-process run, tables and report included, whatever the worker count', async () => {
    for (const n of [2, 3]) {
      const out = tempDir();
      const s = await runInto(out, config({ concurrency: n, cache: false }));
      expect(s.workers).toBe(n);
      expect(read(out)).toEqual(reference);
    }
  });

  it('keeps each record independent of the articles a worker saw before', () => {
    const lines = reference['dataset.jsonl']!.trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; entities: { mentions: { text: string }[] }[] });
    const collapse = lines.find((l) => l.id === 'b-rubio-collapse')!;
    // alone, wink splits the possessive; after an article that taught it "Rubio’s" whole, it used not to
    expect(collapse.entities.flatMap((e) => e.mentions.map((m) => m.text))).toContain('Marco Rubio');
  });

  it('reports rejected and duplicate articles in the manifest as before', () => {
    const manifest = JSON.parse(reference['manifest.json']!) as Manifest;
    const status = Object.fromEntries(manifest.inputs.map((i: { path: string; status: string }) => [i.path, i.status]));
    expect(status['empty.txt']).toBe('rejected');
    expect(status['dup.txt']).toBe('rejected');
    expect(status['dup.md']).toBe('ok');
    expect(manifest.counts).toMatchObject({ inputs: 14, ok: 12, rejected: 2 });
  });
});

describe('cache', () => {
  it('serves an unchanged corpus from the cache, byte for byte', async () => {
    const out = tempDir();
    const cold = await runInto(out, config({ concurrency: 2 }));
    expect(cold.cached).toBe(0);
    expect(read(out)).toEqual(reference);
    const entries = readdirSync(join(out, '.cache', 'articles'));
    expect(entries).toHaveLength(13); // every article read, rejected ones included; the duplicate is never read
    // an ok article's entry holds its report page's hash, not the page (a warm run compares the file with it), and
    // no CSV text (the main thread makes it from the rows it builds for Parquet)
    const bodies = entries.map((e) => readFileSync(join(out, '.cache', 'articles', e), 'utf8'));
    expect(bodies.filter((b) => /"pageSha":"[0-9a-f]{64}"/.test(b))).toHaveLength(12);
    expect(bodies.filter((b) => b.includes('<!DOCTYPE html>') || b.includes('\r\n'))).toHaveLength(0);
    // nothing changed: the stamp says so, and the folder is left as it is
    const datasetTime = statSync(join(out, 'dataset.jsonl')).mtimeMs;
    const noop = await runInto(out, config({ concurrency: 2 }));
    expect(noop.upToDate).toBe(true);
    expect(noop.workers).toBe(0);
    expect(statSync(join(out, 'dataset.jsonl')).mtimeMs).toBe(datasetTime);
    expect(read(out)).toEqual(reference);
    // without the stamp, every article comes from the cache
    forgetStamp(out);
    const warm = await runInto(out, config({ concurrency: 2 }));
    expect(warm.upToDate).toBeUndefined();
    expect(warm.cached).toBe(13);
    expect(warm.workers).toBe(2);
    expect(read(out)).toEqual(reference);
    const forced = await runInto(out, config({ concurrency: 'off' }), { force: true });
    expect(forced.cached).toBe(0);
    expect(read(out)).toEqual(reference);
  });

  it('recomputes corrupt entries instead of failing', async () => {
    const out = tempDir();
    await runInto(out, config({ concurrency: 'off' }));
    const dir = join(out, '.cache', 'articles');
    const names = readdirSync(dir).sort();
    writeFileSync(join(dir, names[0]!), '{ not json');
    const text = readFileSync(join(dir, names[1]!), 'utf8');
    writeFileSync(join(dir, names[1]!), text.slice(0, -5)); // truncated line: its hash no longer matches
    writeFileSync(join(dir, names[2]!), '');
    forgetStamp(out);
    const s = await runInto(out, config({ concurrency: 'off' }));
    expect(s.cached).toBe(10);
    expect(read(out)).toEqual(reference);
  });

  it('completes entries written by a run without tables and report, once', async () => {
    const out = tempDir();
    await runInto(out, config({ concurrency: 'off' }), { outputs: {} });
    const entries = () =>
      readdirSync(join(out, '.cache', 'articles')).map((e) => readFileSync(join(out, '.cache', 'articles', e), 'utf8'));
    expect(entries().filter((b) => b.includes('"pageSha"'))).toHaveLength(0);
    const warm = await runInto(out, config({ concurrency: 2 }));
    expect(warm.cached).toBe(13);
    expect(read(out)).toEqual(reference);
    expect(entries().filter((b) => b.includes('"pageSha"'))).toHaveLength(12);
  });

  it('recomputes an entry whose stored line was altered', async () => {
    const out = tempDir();
    await runInto(out, config({ concurrency: 'off' }));
    const dir = join(out, '.cache', 'articles');
    const name = readdirSync(dir).find((e) => readFileSync(join(dir, e), 'utf8').includes('"pageSha"'))!;
    // the same length, one character changed: only the body's hash can tell
    writeFileSync(join(dir, name), readFileSync(join(dir, name), 'utf8').replace(/\}$/, ']'));
    forgetStamp(out);
    const s = await runInto(out, config({ concurrency: 'off' }));
    expect(s.cached).toBe(12);
    expect(read(out)).toEqual(reference);
  });

  it('makes a page again on a warm run when its file is missing or differs from the hash its entry keeps', async () => {
    const out = tempDir();
    await runInto(out, config({ concurrency: 'off' }));
    const pages = join(out, 'report', 'articles');
    const [first, second] = readdirSync(pages).sort();
    writeFileSync(
      join(pages, first!),
      readFileSync(join(pages, first!), 'utf8').replace('<!DOCTYPE html>', '<!DOCTYPE HTML>'),
    );
    rmSync(join(pages, second!));
    const s = await runInto(out, config({ concurrency: 2 }));
    expect(s.cached).toBe(13);
    expect(read(out)).toEqual(reference);
  });

  it('is invalidated by a config change and unused when disabled', async () => {
    const out = tempDir();
    await runInto(out, config({ concurrency: 'off' }));
    const changed = await runInto(out, config({ concurrency: 'off' }, { quotes: { indirect: false } }));
    expect(changed.cached).toBe(0);
    const again = await runInto(out, config({ concurrency: 'off' }, { quotes: { indirect: false } }));
    expect(again.cached).toBe(13);
    const off = tempDir();
    await runInto(off, config({ concurrency: 'off', cache: false }), { outputs: {} });
    expect(readdirSync(off).sort()).toEqual(FILES.slice().sort());
  });

  it('reprocesses only the article that changed', async () => {
    const dir = makeCorpus({
      'x.txt': 'Jane Smith said the vote would be close.',
      'y.txt': 'John Brown said it would not.',
    });
    const out = tempDir();
    const cfg = config({ concurrency: 'off' });
    await runPipelineAsync({ input: dir, config: cfg, sink: new FolderSink(out), cacheDir: out });
    writeFileSync(join(dir, 'y.txt'), 'John Brown said it would fail.');
    const s = await runPipelineAsync({ input: dir, config: cfg, sink: new FolderSink(out), cacheDir: out });
    expect(s.cached).toBe(1);
    expect(readFileSync(join(out, 'dataset.jsonl'), 'utf8')).toContain('it would fail');
  });
});
