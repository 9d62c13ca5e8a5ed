// End to end through the command line: exit codes, byte-identical reruns, --check, bad input and bad config.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Manifest } from '../src/outputs/manifest.ts';
import { folderWith } from './helpers.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(TSX, [join(ROOT, 'src/cli.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FORCE_COLOR: '0' },
  });
  return { code: r.status, stderr: r.stderr, stdout: r.stdout };
}

const corpusWith = (files: Record<string, string | Buffer>): string => folderWith(files, 'corpus-');

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

describe('cli', () => {
  let input: string;
  beforeAll(() => {
    input = corpusWith({
      'b/second.txt': 'The vote would be close, said Senator Jane Smith.\n“We are ready,” she said.',
      'a.md': '# Title\n\nJohn Brown told reporters that the plan would fail.',
    });
    cpSync(join(ROOT, 'corpus/000_c15b9b24642192a5.txt'), join(input, 'seed.txt'));
  });

  it('writes the dataset, schema and manifest, and the same bytes on a second run', () => {
    const out1 = mkdtempSync(join(tmpdir(), 'out-'));
    const out2 = mkdtempSync(join(tmpdir(), 'out-'));
    expect(run(['--input', input, '--output', out1]).code).toBe(0);
    expect(run(['--input', input, '--output', out2, '--concurrency', 'off']).code).toBe(0);
    for (const f of ['dataset.jsonl', 'schema.json', 'manifest.json']) expect(read(out1, f)).toBe(read(out2, f));
    const lines = read(out1, 'dataset.jsonl')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string });
    expect(lines.map((l) => l.id)).toEqual(['a', 'b/second', 'seed']);
    const manifest = JSON.parse(read(out1, 'manifest.json')) as Manifest;
    expect(manifest.counts).toMatchObject({ inputs: 3, ok: 3, rejected: 0 });
    // the tables and the report come with the run, the same bytes with workers or without
    for (const f of ['tables/quotes.csv', 'report/index.html', 'report/articles/seed.html'])
      expect(read(out1, f), f).toBe(read(out2, f));
    expect(read(out1, 'report/articles/seed.html')).toContain('Antony Blinken');
  });

  it('writes a JSON Schema that every dataset line validates against', () => {
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    expect(run(['--input', input, '--output', out]).code).toBe(0);
    const validate = new Ajv2020({ strict: false }).compile(JSON.parse(read(out, 'schema.json')));
    for (const line of read(out, 'dataset.jsonl').trimEnd().split('\n'))
      expect(validate(JSON.parse(line)), JSON.stringify(validate.errors)).toBe(true);
    // and it is no rubber stamp
    expect(validate({ id: 'x' })).toBe(false);
  });

  it('rejects bad articles with exit 2 and processes the rest', () => {
    const dir = corpusWith({
      'empty.txt': '',
      'ok.txt': 'Jane Smith said the vote would be close.',
      'dup.md': 'x',
      'dup.txt': 'Jane said so.',
      'bin.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]),
    });
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    const r = run(['--input', dir, '--output', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    const manifest = JSON.parse(read(out, 'manifest.json')) as Manifest;
    const status = Object.fromEntries(manifest.inputs.map((i: { path: string; status: string }) => [i.path, i.status]));
    expect(status).toEqual({
      'bin.txt': 'rejected',
      'dup.md': 'ok',
      'dup.txt': 'rejected',
      'empty.txt': 'rejected',
      'ok.txt': 'ok',
    });
    const dup = manifest.inputs.find((i: { path: string }) => i.path === 'dup.txt')!;
    expect(dup.messages[0]?.id).toBe('ingest/duplicate-id');
    expect(dup.messages[0]?.text).toContain('dup.md');
    expect(read(out, 'dataset.jsonl').trimEnd().split('\n')).toHaveLength(2);
  });

  it('fails with exit 1 and writes nothing on a bad config, naming the field', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'out-')), 'never');
    const cfg = join(mkdtempSync(join(tmpdir(), 'cfg-')), 'c.json');
    writeFileSync(cfg, JSON.stringify({ limits: { maxBytes: 'big' } }));
    const r = run(['--input', input, '--output', out, '--config', cfg]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('limits.maxBytes');
    expect(existsSync(out)).toBe(false);
    writeFileSync(cfg, '{ not json');
    const invalid = run(['--input', input, '--output', out, '--config', cfg]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('not valid JSON');
    writeFileSync(cfg, JSON.stringify({ quotes: { surprise: true } }));
    const unknown = run(['--input', input, '--output', out, '--config', cfg]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('surprise');
    const missing = run(['--input', input, '--output', out, '--config', join(cfg, 'missing.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('missing.json');
    // one clear error line each, no stack trace, and still nothing written
    for (const r of [invalid, unknown, missing]) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^error: bad config: /);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('fails with exit 1 on a missing input folder', () => {
    expect(
      run(['--input', join(tmpdir(), 'no-such-corpus-here'), '--output', mkdtempSync(join(tmpdir(), 'out-'))]).code,
    ).toBe(1);
  });

  it('--check passes on a fresh output and fails with a summary when it is stale', () => {
    const out = mkdtempSync(join(tmpdir(), 'out-'));
    expect(run(['--input', input, '--output', out]).code).toBe(0);
    expect(run(['--input', input, '--output', out, '--check']).code).toBe(0);
    const lines = read(out, 'dataset.jsonl').split('\n');
    lines[0] = lines[0]!.replace('"quotes":[', '"quotes":[ ');
    writeFileSync(join(out, 'dataset.jsonl'), lines.join('\n'));
    const r = run(['--input', input, '--output', out, '--check']);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('1 records changed (a)');
    // .cache: the run's incremental cache; tables/ and report/: the flat tables and the report a run writes
    expect(
      readdirSync(out)
        .filter((n) => n !== '.cache')
        .sort(),
    ).toEqual(['dataset.jsonl', 'manifest.json', 'report', 'schema.json', 'tables']);
  });
});
