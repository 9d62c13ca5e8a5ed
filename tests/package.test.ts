// The package as a user gets it: `npm pack` (which builds dist/ first), the tarball installed with
// `npm install --omit=dev` into an empty project, then its command run on the founding article, the library
// imported from an .mjs file and a .ts file that uses it type-checked, all giving the records `npm run pipeline`
// gives. One tarball for every case.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../src/schema.ts';
import { ROOT, npmRunPipeline, run, type Ran } from './cli/spawn.ts';

const ARTICLE = '000_c15b9b24642192a5.txt';

const MJS = `import { readFileSync } from 'node:fs';
import { processArticle, ArticleRecordSchema, PIPELINE_VERSION } from 'quote-pipeline';
const r = processArticle({ bytes: readFileSync('${ARTICLE}'), path: '${ARTICLE}' });
if (r.status !== 'ok' || !ArticleRecordSchema.safeParse(r.record).success) process.exit(3);
process.stdout.write(JSON.stringify({ version: PIPELINE_VERSION, record: r.record }));
`;

const TS = `import { loadConfig, processArticle, runPipeline, type ArticleRecord, type RecordQuote } from 'quote-pipeline';
const result = processArticle({ text: '“We are ready,” said Senator Jane Smith.' }, loadConfig());
const record: ArticleRecord | undefined = result.record;
const quotes: RecordQuote[] = record?.quotes ?? [];
// @ts-expect-error an id is a string: proves the record's type resolved (an unresolved type would be any)
const wrong: number = record!.id;
const summary: Promise<{ ok: number }> = runPipeline({ input: ['a.txt'], output: 'out' });
export { quotes, wrong, summary };
`;

const TSCONFIG = {
  compilerOptions: {
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    target: 'ES2022',
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  files: ['use.ts'],
};

describe('the packed package, installed without devDependencies', () => {
  let project: string;
  let tarball: string;
  let reference: string;
  let bin: Ran;
  let mjs: Ran;
  let tsc: Ran;
  beforeAll(async () => {
    const packDir = mkdtempSync(join(tmpdir(), 'pack-'));
    const packed = await run('npm', ['pack', '--silent', '--pack-destination', packDir], ROOT);
    expect(packed.code, packed.stderr).toBe(0);
    tarball = join(packDir, packed.stdout.trim().split('\n').pop()!);
    project = mkdtempSync(join(tmpdir(), 'consumer-'));
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    const installed = await run(
      'npm',
      ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball],
      project,
    );
    expect(installed.code, installed.stderr).toBe(0);
    cpSync(join(ROOT, 'corpus', ARTICLE), join(project, ARTICLE));
    writeFileSync(join(project, 'use.mjs'), MJS);
    writeFileSync(join(project, 'use.ts'), TS);
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(TSCONFIG));
    const corpus = join(mkdtempSync(join(tmpdir(), 'ref-')), 'corpus');
    mkdirSync(corpus);
    cpSync(join(ROOT, 'corpus', ARTICLE), join(corpus, ARTICLE));
    reference = join(corpus, '..', 'out');
    const ran = await Promise.all([
      run(join(project, 'node_modules/.bin/quote-pipeline'), [ARTICLE, '-o', 'out', '--concurrency', 'off'], project),
      run('node', ['use.mjs'], project),
      run('node', [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', '.'], project),
      npmRunPipeline(['--input', corpus, '--output', reference, '--concurrency', 'off'], ROOT),
    ]);
    [bin, mjs, tsc] = ran;
    expect(ran[3].code, ran[3].stderr).toBe(0);
  }, 240_000);

  it('holds compiled JavaScript with types, the data, the model and the config schema, and no sources', async () => {
    const listed = await run('tar', ['tzf', tarball], ROOT);
    const files = listed.stdout.trim().split('\n');
    for (const f of [
      'package/dist/cli.js',
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/models/ner.model.json.gz',
      'package/data/lexicon/cue-verbs.json',
      'package/pipeline.config.json',
      'package/pipeline.config.schema.json',
      'package/LICENSE',
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);
  });

  it('installs no devDependency', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: object };
    const installed = new Set(readdirSync(join(project, 'node_modules')));
    const dev = Object.keys(pkg.devDependencies).map((d) => d.split('/')[0]!);
    expect(dev.filter((d) => installed.has(d) && !d.startsWith('@types'))).toEqual([]);
    expect(installed.has('quote-pipeline')).toBe(true);
  });

  it('runs its command on the founding article: the records of npm run pipeline', () => {
    expect(bin.code, bin.stderr).toBe(0);
    const got = readFileSync(join(project, 'out/dataset.jsonl'), 'utf8');
    expect(got).toBe(readFileSync(join(reference, 'dataset.jsonl'), 'utf8'));
    expect(readFileSync(join(project, 'out/schema.json'), 'utf8')).toBe(
      readFileSync(join(reference, 'schema.json'), 'utf8'),
    );
    expect((JSON.parse(got) as ArticleRecord).quotes).toHaveLength(8);
  });

  it('imports as a library from an .mjs file: the same record, in memory', () => {
    expect(mjs.code, mjs.stderr).toBe(0);
    const { record } = JSON.parse(mjs.stdout) as { record: unknown };
    expect(`${JSON.stringify(record)}\n`).toBe(readFileSync(join(reference, 'dataset.jsonl'), 'utf8'));
  });

  it('type-checks a .ts file that uses it', () => {
    expect(tsc.code, tsc.stdout + tsc.stderr).toBe(0);
  });
});
