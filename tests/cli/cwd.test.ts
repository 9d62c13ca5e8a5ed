// Same result from any folder: one corpus run from the repository root and from a folder inside it (both with npm
// run, whose scripts start in the package's folder) and from a folder outside it (without npm), every path given
// relative to where the command was started, gives the same bytes.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cli, npmRunPipeline, type Ran } from './spawn.ts';

const files = (dir: string, sub = ''): string[] =>
  readdirSync(join(dir, sub), { withFileTypes: true })
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) => (e.isDirectory() ? files(dir, join(sub, e.name)) : [join(sub, e.name)]))
    .sort();

describe('the same corpus from three working folders', () => {
  let base: string;
  const outs: Record<string, string> = {};
  const runs: Record<string, Ran> = {};
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'cwd-'));
    const corpus = join(base, 'corpus');
    mkdirSync(join(corpus, 'b'), { recursive: true });
    cpSync(join(ROOT, 'corpus/000_c15b9b24642192a5.txt'), join(corpus, 'seed.txt'));
    writeFileSync(
      join(corpus, 'b/second.txt'),
      'The vote would be close, said Senator Jane Smith.\n“We are ready,” she said.',
    );
    writeFileSync(join(corpus, 'a.md'), '# Title\n\nJohn Brown told reporters that the plan would fail.\n');
    // repository root, with npm run: the shipped pipeline.config.json is found there
    outs.root = join(base, 'out-root');
    runs.root = await npmRunPipeline(['--input', relative(ROOT, corpus), '--output', relative(ROOT, outs.root)], ROOT);
    // a folder inside the repository, with npm run: paths relative to it (INIT_CWD), no config there: the defaults
    outs.docs = join(base, 'out-docs');
    const docs = join(ROOT, 'docs');
    runs.docs = await npmRunPipeline(['--input', relative(docs, corpus), '--output', relative(docs, outs.docs)], docs);
    // a folder outside, without npm: relative names, positional input
    outs.outside = join(base, 'out-outside');
    runs.outside = await cli(['corpus', '-o', 'out-outside', '--concurrency', 'off'], base);
  }, 180_000);

  it('succeeds in each', () => {
    for (const [where, r] of Object.entries(runs)) expect(r.code, `${where}: ${r.stderr}`).toBe(0);
  });

  it('writes the same files with the same bytes (the manifest apart from where its config came from)', () => {
    const list = files(outs.root!);
    expect(list).toContain('dataset.jsonl');
    expect(list).toContain(join('tables', 'quotes.csv'));
    for (const where of ['docs', 'outside']) {
      expect(files(outs[where]!), where).toEqual(list);
      for (const f of list) {
        const a = readFileSync(join(outs.root!, f));
        const b = readFileSync(join(outs[where]!, f));
        if (f !== 'manifest.json') expect(b.equals(a), `${where}: ${f}`).toBe(true);
      }
    }
    expect(readFileSync(join(outs.root!, 'dataset.jsonl'), 'utf8').trimEnd().split('\n')).toHaveLength(3);
    const manifest = (where: string) =>
      JSON.parse(readFileSync(join(outs[where]!, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const { config: fromRoot, outputs: o1, ...root } = manifest('root');
    expect(fromRoot).toMatchObject({ source: 'file', path: 'pipeline.config.json' });
    for (const where of ['docs', 'outside']) {
      const { config, outputs, ...rest } = manifest(where);
      expect(config, where).toEqual({ source: 'defaults' });
      expect(rest, where).toEqual(root);
      expect(outputs, where).toEqual(o1);
    }
  });

  it('never reads or writes the repository root for paths given elsewhere', () => {
    expect(runs.docs!.stderr).toMatch(/^3 articles: 3 processed/m);
    expect(runs.outside!.stderr).toMatch(/^3 articles: 3 processed/m);
  });
});
