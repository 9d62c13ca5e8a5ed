// --output -: the records as JSON lines on stdout, read here by a JSON-lines parser (readline over the child's
// stdout, one JSON.parse per line) while the command runs, equal to the folder run's dataset.jsonl; nothing else
// written anywhere.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, TSX, cleanEnv, cli } from './spawn.ts';

/** Runs the command with --output - and parses its stdout as JSON lines as they come. */
async function streamRecords(
  args: string[],
  cwd: string,
): Promise<{ records: unknown[]; raw: string; stderr: string; code: number | null }> {
  const child = spawn(TSX, [CLI, ...args, '--output', '-'], {
    cwd,
    env: cleanEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
  const records: unknown[] = [];
  let raw = '';
  for await (const line of createInterface({ input: child.stdout, crlfDelay: Infinity })) {
    raw += `${line}\n`;
    records.push(JSON.parse(line));
  }
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { records, raw, stderr, code };
}

describe('--output -', () => {
  let base: string;
  let corpus: string;
  beforeAll(() => {
    base = mkdtempSync(join(tmpdir(), 'stdout-'));
    corpus = join(base, 'corpus');
    mkdirSync(join(corpus, 'b'), { recursive: true });
    cpSync(join(ROOT, 'corpus/000_c15b9b24642192a5.txt'), join(corpus, 'seed.txt'));
    writeFileSync(
      join(corpus, 'b/second.txt'),
      'The vote would be close, said Senator Jane Smith.\n“We are ready,” she said.',
    );
    writeFileSync(join(corpus, 'a.md'), '# Title\n\nJohn Brown told reporters that the plan would fail.\n');
    writeFileSync(join(corpus, 'empty.txt'), '');
  });

  it('streams the records of the folder run, in its order, and writes nothing', async () => {
    const folder = await cli(['corpus', '-o', 'out', '--concurrency', 'off'], base);
    expect(folder.code).toBe(2); // empty.txt is rejected
    const dataset = readFileSync(join(base, 'out/dataset.jsonl'), 'utf8');
    const work = mkdtempSync(join(tmpdir(), 'stdout-cwd-'));
    const piped = await streamRecords([corpus], work);
    expect(piped.code, piped.stderr).toBe(2);
    expect(piped.raw).toBe(dataset);
    expect(piped.records).toEqual(
      dataset
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    );
    expect(piped.records.map((r) => (r as { id: string }).id)).toEqual(['a', 'b/second', 'seed']);
    expect(readdirSync(work)).toEqual([]); // no output folder, no folder named "-", no cache
    expect(readdirSync(corpus).sort()).toEqual(['a.md', 'b', 'empty.txt', 'seed.txt']);
    // the summary and the rejection go to stderr
    expect(piped.stderr).toMatch(/rejected empty\.txt: \[ingest\/empty\]/);
    expect(piped.stderr).toMatch(/^4 articles: 3 processed/m);
  });

  it('streams named files and globs in the order given', async () => {
    const piped = await streamRecords(['corpus/seed.txt', 'corpus/**/*.md', 'corpus/b/second.txt'], base);
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.records.map((r) => (r as { id: string }).id)).toEqual(['corpus/seed', 'a', 'corpus/b/second']);
  });
});
