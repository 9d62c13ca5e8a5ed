// The documented multi-machine recipe, through the real commands: three `--shard i/3` runs plus
// `npm run merge` give exactly the bytes of one run, and `npm run tables` and `npm run report` on the merged dataset
// the single run's tables and report (the corpus pass over the merged records is the single run's); a merge with a
// shard missing is refused.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCorpus, tempDir } from './corpus.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const FILES = ['dataset.jsonl', 'schema.json', 'manifest.json'];

function tsx(script: string, args: string[]) {
  const r = spawnSync(TSX, [join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stderr: r.stderr };
}
const read = (dir: string, f: string) => readFileSync(join(dir, f), 'utf8');

describe('shards and merge', () => {
  let corpus: string;
  let single: string;
  const parts: string[] = [];

  beforeAll(() => {
    corpus = makeCorpus();
    single = tempDir();
    expect(tsx('src/cli.ts', ['--input', corpus, '--output', single, '--concurrency', 'off']).code).toBe(2); // empty.txt, dup.txt
    for (let i = 0; i < 3; i++) {
      const out = tempDir('shard-');
      const r = tsx('src/cli.ts', ['--input', corpus, '--output', out, '--shard', `${i}/3`, '--concurrency', 'off']);
      expect([0, 2]).toContain(r.code);
      parts.push(out);
    }
  }, 120_000); // four CLI runs, each loading wink

  it('splits the corpus into disjoint partial datasets', () => {
    const ids = parts.flatMap((p) =>
      (JSON.parse(read(p, 'manifest.json')) as { inputs: { id: string }[] }).inputs.map((x) => x.id),
    );
    const all = (JSON.parse(read(single, 'manifest.json')) as { inputs: { id: string }[] }).inputs.map((x) => x.id);
    expect(ids.slice().sort()).toEqual(all.slice().sort());
    for (const p of parts)
      expect((JSON.parse(read(p, 'manifest.json')) as { shard: { count: number } }).shard.count).toBe(3);
  });

  it('merges 3 shards into the bytes of a single run', () => {
    const merged = join(tempDir(), 'merged');
    const r = tsx('scripts/merge.ts', ['--output', merged, parts[2]!, parts[0]!, parts[1]!]);
    expect(r.code, r.stderr).toBe(2); // like the single run: some articles were rejected
    for (const f of FILES) expect(read(merged, f), f).toBe(read(single, f));
  });

  it("gives the single run's tables and report, corpus keys and speaker pages included, from the merged dataset", () => {
    const merged = join(tempDir(), 'merged');
    expect(tsx('scripts/merge.ts', ['--output', merged, parts[1]!, parts[2]!, parts[0]!]).code).toBe(2);
    expect(tsx('scripts/tables.ts', [join(merged, 'dataset.jsonl'), merged]).code).toBe(0);
    expect(tsx('scripts/report.ts', [join(merged, 'dataset.jsonl'), join(merged, 'report')]).code).toBe(0);
    const files = (dir: string) =>
      readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => join(d.parentPath, d.name).slice(dir.length + 1))
        .sort();
    for (const sub of ['tables', 'report']) {
      const got = files(join(merged, sub));
      expect(got).toEqual(files(join(single, sub)));
      for (const f of got)
        expect(readFileSync(join(merged, sub, f)).equals(readFileSync(join(single, sub, f))), f).toBe(true);
    }
    expect(files(join(single, 'tables'))).toContain('speakers.parquet');
    expect(files(join(single, 'report')).some((f) => f.startsWith('speakers/'))).toBe(true);
  }, 60_000);

  it('refuses a merge with a shard missing or given twice, writing nothing', () => {
    const merged = join(tempDir(), 'merged');
    const missing = tsx('scripts/merge.ts', ['--output', merged, parts[0]!, parts[1]!]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('shards missing: 2/3');
    const twice = tsx('scripts/merge.ts', ['--output', merged, parts[0]!, parts[1]!, parts[1]!]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('given twice');
    expect(tsx('scripts/merge.ts', ['--output', merged, single]).code).toBe(1); // not a shard output
    expect(existsSync(merged)).toBe(false);
  });

  it('rejects a malformed --shard with exit 1', () => {
    const r = tsx('src/cli.ts', ['--input', corpus, '--output', tempDir(), '--shard', '3/3']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('i/N');
  });
});
