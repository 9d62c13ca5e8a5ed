// --check compares every file a run writes into the output folder (dataset, manifest, schema, tables, report), and
// only those: the comparison itself on small folders, then the command line on a real output with one file made
// stale, missing or extra at a time.
import { spawnSync } from 'node:child_process';
import {
  appendFileSync,
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareOutputFolders } from '../../src/run/check.ts';
import { folderWith } from '../helpers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

const folder = (files: Record<string, string | Buffer>): string => folderWith(files, 'check-');

describe('compareOutputFolders', () => {
  const made = {
    'dataset.jsonl': '{"id":"a","x":1}\n{"id":"b","x":2}\n',
    'manifest.json': '{}\n',
    'tables/quotes.csv': 'id,text\r\nq1,hi\r\n',
    'tables/quotes.parquet': Buffer.from([0x50, 0x41, 0x52, 0x31, 0, 1, 2, 0x50, 0x41, 0x52, 0x31]),
    'report/index.html': '<html>index</html>',
    'report/articles/a.html': '<html>a</html>',
  };

  it('finds nothing when every file the run makes is there with the same bytes, whatever else the folder holds', () => {
    const fresh = folder(made);
    // the browser test's screenshot, the cache, a stray file at the top: no run writes or deletes them
    const committed = folder({
      ...made,
      'report/screenshot.png': 'png',
      '.cache/articles/x.entry': 'e',
      'notes.txt': 'n',
      'tables/.keep': '',
    });
    expect(compareOutputFolders(committed, fresh)).toEqual([]);
  });

  it('names each missing, differing and extra file', () => {
    const fresh = folder(made);
    const committed = folder({
      ...made,
      'tables/quotes.csv': 'id,text\r\nq1,ho\r\n',
      'tables/quotes.parquet': Buffer.from([0x50, 0x41, 0x52, 0x31, 0, 1, 2, 3, 0x50, 0x41, 0x52, 0x31]),
      'report/articles/gone.html': '<html>an article no longer in the corpus</html>',
    });
    rmSync(join(committed, 'report/articles/a.html'));
    const drift = compareOutputFolders(committed, fresh);
    expect(drift.map((d) => d.file)).toEqual([
      'report/articles/a.html',
      'report/articles/gone.html',
      'tables/quotes.csv',
      'tables/quotes.parquet',
    ]);
    expect(drift[0]!.summary).toBe('missing');
    expect(drift[1]!.summary).toMatch(/^extra/);
    expect(drift[2]!.summary).toBe('differs from the regenerated file from byte 13 (both 16 bytes)');
    expect(drift[3]!.summary).toBe(
      'differs from the regenerated file from byte 7 (12 bytes committed, 11 regenerated)',
    );
  });

  it('names the records that changed in the dataset', () => {
    const fresh = folder(made);
    const committed = folder({ ...made, 'dataset.jsonl': '{"id":"a","x":0}\n{"id":"c","x":3}\n' });
    expect(compareOutputFolders(committed, fresh)).toEqual([
      { file: 'dataset.jsonl', summary: '1 records changed (a), 1 added (b), 1 removed (c)' },
    ]);
    const noNewline = folder({ ...made, 'dataset.jsonl': made['dataset.jsonl'].trimEnd() });
    expect(compareOutputFolders(noNewline, fresh)[0]!.summary).toMatch(
      /0 records changed, 0 added, 0 removed; the bytes differ/,
    );
  });

  it('compares large files chunk by chunk, a difference past the first chunk or only in length included', () => {
    const big = Buffer.alloc(3 << 20, 7);
    const fresh = folder({ 'tables/articles.csv': big });
    expect(compareOutputFolders(folder({ 'tables/articles.csv': big }), fresh)).toEqual([]);
    const late = Buffer.from(big);
    late[(2 << 20) + 5] = 8;
    expect(compareOutputFolders(folder({ 'tables/articles.csv': late }), fresh)[0]!.summary).toContain(
      `from byte ${(2 << 20) + 5} `,
    );
    const longer = Buffer.concat([big, Buffer.from([7])]);
    expect(compareOutputFolders(folder({ 'tables/articles.csv': longer }), fresh)[0]!.summary).toContain(
      `from byte ${3 << 20} (${(3 << 20) + 1} bytes committed`,
    );
  });
});

describe('pipeline --check', () => {
  let reference: string;

  function cli(args: string[]) {
    const r = spawnSync(TSX, [join(ROOT, 'src/cli.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    return { code: r.status, stderr: r.stderr };
  }

  /** A copy of the reference output (its cache too, so the check reads every record from it) changed by `edit`. */
  function outputWith(edit: (out: string) => void): string {
    const out = join(mkdtempSync(join(tmpdir(), 'check-out-')), 'out');
    cpSync(reference, out, { recursive: true });
    edit(out);
    return out;
  }

  /** Every path under a folder with its size and mtime, to see that the check wrote nothing there. */
  function snapshot(dir: string): string[] {
    return (readdirSync(dir, { recursive: true }) as string[]).sort().map((p) => {
      const st = statSync(join(dir, p));
      return `${p} ${st.size} ${st.mtimeMs}`;
    });
  }

  const page = 'report/articles/000_c15b9b24642192a5.html';

  beforeAll(() => {
    reference = join(mkdtempSync(join(tmpdir(), 'check-ref-')), 'out');
    expect(cli(['--input', join(ROOT, 'corpus'), '--output', reference, '--quiet']).code).toBe(0);
  }, 120_000); // one CLI run: seconds alone, far more on a busy shared machine

  it('passes on an untouched output, with a screenshot beside the report, and writes nothing into it', () => {
    const out = outputWith((o) => writeFileSync(join(o, 'report/screenshot.png'), 'not made by the run'));
    const before = snapshot(out);
    const r = cli(['--input', join(ROOT, 'corpus'), '--output', out, '--check']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('is up to date');
    expect(snapshot(out)).toEqual(before);
  });

  const cases: [string, string, (out: string) => void, RegExp][] = [
    [
      'a stale table CSV',
      'tables/quotes.csv',
      (o) => appendFileSync(join(o, 'tables/quotes.csv'), 'q99,stale\r\n'),
      /differs from the regenerated file/,
    ],
    [
      'a stale Parquet file',
      'tables/entities.parquet',
      (o) => {
        // one byte inside the file, its length unchanged: what an old writer's bytes look like to the check
        const bytes = readFileSync(join(o, 'tables/entities.parquet'));
        bytes[10] = bytes[10]! ^ 0xff;
        writeFileSync(join(o, 'tables/entities.parquet'), bytes);
      },
      /differs from the regenerated file from byte 10 /,
    ],
    [
      'a stale report page',
      page,
      (o) => writeFileSync(join(o, page), readFileSync(join(o, page), 'utf8').replace('Blinken', 'Blinkin')),
      /differs/,
    ],
    ['a missing report page', 'report/index.html', (o) => rmSync(join(o, 'report/index.html')), /missing/],
    ['a missing article page', page, (o) => rmSync(join(o, page)), /missing/],
    [
      'an article page the run would delete',
      'report/articles/old.html',
      (o) => writeFileSync(join(o, 'report/articles/old.html'), '<html></html>'),
      /extra/,
    ],
    [
      'a speaker page the run would delete',
      'report/speakers/person_nobody.html',
      (o) => writeFileSync(join(o, 'report/speakers/person_nobody.html'), '<html></html>'),
      /extra/,
    ],
    [
      'a stale speaker page',
      'report/speakers/person_antony-blinken.html',
      (o) => appendFileSync(join(o, 'report/speakers/person_antony-blinken.html'), '<!-- old -->'),
      /differs/,
    ],
  ];
  it.each(cases)('fails with exit 3 on %s, naming the file', (_, file, edit, summary) => {
    const out = outputWith(edit);
    const before = snapshot(out);
    const r = cli(['--input', join(ROOT, 'corpus'), '--output', out, '--check']);
    expect(r.code, r.stderr).toBe(3);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('  '));
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toContain(`${join(out, file)}: `);
    expect(lines[0]).toMatch(summary);
    expect(snapshot(out)).toEqual(before);
  });
});
