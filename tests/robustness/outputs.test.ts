// The output folder as one set: the manifest carries the hash of every other file, a killed run leaves the
// previous complete set or the new complete set (after the next run's recovery, which also clears its temporary
// files), never a torn file. `npm run kill-test` does the same with the real CLI and 50+ random SIGKILLs.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { JOURNAL, recoverFolder } from '../../src/io/commit.ts';
import { checkOutputFolder, FolderSink, MemorySink, OUTPUT_FOLDERS } from '../../src/outputs/sink.ts';
import { writeTables } from '../../src/outputs/tables/index.ts';
import { writeOutputs } from '../../src/outputs/write-outputs.ts';
import { processArticle } from '../../src/pipeline.ts';
import { tempDir, writeCorpus } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CHILD = join(ROOT, 'tests/robustness/kill-child.ts');
const RUN_CHILD = join(ROOT, 'tests/robustness/kill-run-child.ts');

function runChild(input: string, out: string, point: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', RUN_CHILD, input, out, point], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

/** Every file under a folder (the cache and the lock excepted) with its bytes. */
function snapshotOf(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.cache' || name === '.lock') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(dir);
  return files;
}

function child(dir: string, version: string, point: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', CHILD, dir, version, point], { cwd: ROOT, encoding: 'utf8' });
}
const versionOf = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { version: string }).version;
const datasetVersions = (dir: string) =>
  new Set(
    readFileSync(join(dir, 'dataset.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { version: string }).version),
  );

function write(dir: string, lines: string[]) {
  const sink = new FolderSink(dir);
  sink.openDataset();
  for (const l of lines) sink.appendDataset(l);
  sink.writeFile('schema.json', '{}\n');
  sink.writeFile('manifest.json', `${JSON.stringify({ counts: { ok: lines.length } }, null, 2)}\n`);
  sink.commit();
}

describe('robustness: outputs are written as one consistent set', () => {
  it('seals the manifest with the sha256 of the dataset and the schema, and the check catches a change', () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n', '{"id":"b"}\n']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      outputs: Record<string, { bytes: number }>;
    };
    expect(Object.keys(manifest.outputs)).toEqual(['dataset.jsonl', 'schema.json']);
    expect(manifest.outputs['dataset.jsonl']?.bytes).toBe(22);
    expect(checkOutputFolder(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['dataset.jsonl', 'manifest.json', 'schema.json']);
    writeFileSync(join(dir, 'dataset.jsonl'), '{"id":"a"}\n{"id":"c"}\n');
    expect(checkOutputFolder(dir).join()).toContain('dataset.jsonl: sha256');
  });

  it('seals the in-memory manifest (--check) exactly like the folder one', () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n']);
    const mem = new MemorySink();
    mem.openDataset();
    mem.appendDataset('{"id":"a"}\n');
    mem.writeFile('schema.json', '{}\n');
    mem.writeFile('manifest.json', `${JSON.stringify({ counts: { ok: 1 } }, null, 2)}\n`);
    mem.commit();
    expect(mem.files.get('manifest.json')).toBe(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  });

  it("removes stale temporary files of dead writers and leaves a live writer's alone", () => {
    const dir = tempDir();
    write(dir, ['{"id":"a"}\n']);
    writeFileSync(join(dir, '.dataset.jsonl.999999999.0badf00d.tmp'), 'torn');
    writeFileSync(join(dir, '.manifest.json.999999998.tmp'), 'torn');
    writeFileSync(join(dir, `.schema.json.${process.pid}.12345678.tmp`), 'mine, in progress');
    const r = recoverFolder(dir);
    expect(r.removed.sort()).toEqual(['.dataset.jsonl.999999999.0badf00d.tmp', '.manifest.json.999999998.tmp']);
    expect(existsSync(join(dir, `.schema.json.${process.pid}.12345678.tmp`))).toBe(true);
    expect(checkOutputFolder(dir)).toEqual([]);
  });

  it('survives SIGKILL at 5 points of a write (mid-stream, after the journal, between renames): old or new set, never torn', () => {
    const dir = tempDir();
    expect(child(dir, 'v0', 'none').status).toBe(0);
    const points = ['stream:120', 'journal', 'rename:1', 'rename:2', 'rename:3'];
    points.forEach((point, k) => {
      const before = versionOf(dir);
      const r = child(dir, `v${k + 1}`, point);
      expect(r.signal, point).toBe('SIGKILL');
      // what the crash left: no final file is ever torn (every one parses); a half-done commit has its journal
      for (const f of ['manifest.json', 'schema.json'])
        expect(() => JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown, `${point} ${f}`).not.toThrow();
      expect(existsSync(join(dir, JOURNAL)), point).toBe(point !== 'stream:120');
      recoverFolder(dir); // what the next run does first
      expect(checkOutputFolder(dir), point).toEqual([]);
      const after = versionOf(dir);
      expect([before, `v${k + 1}`], point).toContain(after);
      expect(after, point).toBe(point === 'stream:120' ? before : `v${k + 1}`); // a journaled commit rolls forward
      expect(datasetVersions(dir), point).toEqual(new Set([after]));
      // only the killed writer's lock stays, stale (its process is gone): the next writer takes it over
      expect(
        readdirSync(dir).filter((n) => n.startsWith('.')),
        point,
      ).toEqual(['.lock']);
    });
    expect(child(dir, 'final', 'none').status).toBe(0);
    expect(checkOutputFolder(dir)).toEqual([]);
    expect(versionOf(dir)).toBe('final');
  }, 30_000);

  it('commits dataset, tables and report as one unit: a kill at any point of the commit leaves one set', async () => {
    // old set: the corpus as it was; new set: one article changed, one added, one removed (a page to delete)
    const corpus = writeCorpus({
      'a.txt': 'Senator Jane Smith said the vote would be close.',
      'b.txt': '“We are ready,” Mayor Karen Bass said.',
      'c.txt': 'Paul Lee told reporters the talks had stalled.',
    });
    const base = tempDir();
    expect(runChild(corpus, base, 'none').status).toBe(0);
    const before = snapshotOf(base);
    writeFileSync(join(corpus, 'b.txt'), '“We are ready,” Mayor Karen Bass said on Monday.');
    writeFileSync(join(corpus, 'd.txt'), 'Governor Ann Lee said taxes would rise.');
    rmSync(join(corpus, 'c.txt'));
    // the commit renames 14 files (8 tables, 2 pages, the index, dataset, schema, manifest) and removes a page
    for (const point of ['staged', 'journal', 'rename:1', 'rename:9', 'rename:99']) {
      const out = tempDir();
      cpSync(base, out, { recursive: true });
      const r = runChild(corpus, out, point);
      expect(r.signal, `${point}: ${r.stderr}`).toBe('SIGKILL');
      recoverFolder(out, { exclusive: true, folders: OUTPUT_FOLDERS }); // what the next run does first
      expect(checkOutputFolder(out), point).toEqual([]);
      // the tables and the report are those of the dataset beside them, whichever set it is
      const derived = tempDir();
      cpSync(join(out, 'dataset.jsonl'), join(derived, 'dataset.jsonl'));
      await writeOutputs(join(derived, 'dataset.jsonl'), { tablesOutDir: derived, reportDir: join(derived, 'report') });
      const now = snapshotOf(out);
      const outputs = (files: Record<string, string>) =>
        Object.fromEntries(Object.entries(files).filter(([f]) => /^(tables|report)\//.test(f)));
      expect(outputs(now), point).toEqual(outputs(snapshotOf(derived)));
      // before the journal: the old set, untouched; once it is written: the new set
      if (point === 'staged') expect(now, point).toEqual(before);
      else expect(now['dataset.jsonl'], point).not.toBe(before['dataset.jsonl']);
    }
  }, 240_000);
});

describe('robustness: CSV cells a spreadsheet would run', () => {
  it('are written with a leading apostrophe, in quotes; Parquet keeps the raw values', async () => {
    const text =
      'Title: =HYPERLINK("http://example.com/x","click")\n\n“-2+3 is the answer,” said Jane Smith. “@everyone; =1+1,” Paul Lee told reporters.';
    const r = processArticle({ id: '+id', path: '+id.txt', bytes: new TextEncoder().encode(text) }, parseConfig({}));
    const out = tempDir();
    writeFileSync(join(out, 'dataset.jsonl'), `${JSON.stringify(r.record)}\n`);
    await writeTables(join(out, 'dataset.jsonl'), out);
    const articles = readFileSync(join(out, 'tables/articles.csv'), 'utf8');
    const quotes = readFileSync(join(out, 'tables/quotes.csv'), 'utf8');
    expect(articles).toContain('"\'=HYPERLINK(""http://example.com/x"",""click"")"');
    expect(articles).toContain('"\'+id"');
    expect(quotes).toContain('"\'-2+3 is the answer,"');
    expect(quotes).toContain('"\'@everyone; =1+1,"');
    // no field of any CSV table starts with a character a spreadsheet runs (an empty last field is followed by
    // the record's CRLF, which is no field's start)
    for (const f of readdirSync(join(out, 'tables')).filter((n) => n.endsWith('.csv'))) {
      const body = readFileSync(join(out, 'tables', f), 'utf8');
      expect(body, f).not.toMatch(/(^|,|\r\n)([=+\-@\t]|\r(?!\n))/);
    }
    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    try {
      const got = (await con.runAndReadAll(`SELECT title FROM '${out}/tables/articles.parquet'`)).getRowObjectsJS();
      expect(got).toEqual([{ title: '=HYPERLINK("http://example.com/x","click")' }]);
      const csv = (
        await con.runAndReadAll(
          `SELECT title FROM read_csv('${out}/tables/articles.csv', header = true, all_varchar = true)`,
        )
      ).getRowObjectsJS();
      expect(csv).toEqual([{ title: '\'=HYPERLINK("http://example.com/x","click")' }]);
    } finally {
      con.closeSync();
      db.closeSync();
    }
  });
});
