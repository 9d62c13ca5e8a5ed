// npm run bench:outputs [-- --rounds N] [--reps N] [--articles N]: what the flat tables and the HTML report cost
// next to the pipeline run that produced their dataset (issue 8's floor: under 10% of the pipeline's own time on
// 1,000 articles). The corpus is polnear-train (840 articles) plus polnear-dev (84), topped up to --articles with
// train articles repeated under other ids, all copied into a temp folder (never into the repo). Each round runs
// in its own child process: the pipeline once, the way the CLI runs it (a fresh pool, concurrency from
// pipeline.config.json, --force), then the outputs --reps times (median). The ratio is taken within a round, so
// both sides see the same machine load; the machine is shared, so several rounds are run and all are kept.
// Wall time decides; CPU time (all threads of the process) is printed beside it. Results: stdout and
// bench/outputs.json.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRAIN = join(ROOT, '../shared/dev/polnear-train/corpus');
const DEV = join(ROOT, '../shared/dev/polnear-dev/corpus');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Wall and CPU seconds of one timed step; CPU counts every thread of the process (workers included). */
interface Timing {
  wall: number;
  cpu: number;
}

interface RoundResult {
  articles: number;
  pipeline: Timing;
  /** One entry per repetition: writeTables alone (what the CLI does after a run), writeReport alone, and
   * writeOutputs (both from one read of the dataset: `npm run tables` and `npm run report` together). */
  tables: Timing[];
  report: Timing[];
  outputs: Timing[];
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function timed(f: () => unknown): Promise<Timing> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const c = process.cpuUsage(c0);
  return { wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6 };
}

// ---------------------------------------------------------------------------------------------- child

async function child(corpus: string, reps: number): Promise<RoundResult> {
  const { loadConfig } = await import('../src/config.ts');
  const { FolderSink } = await import('../src/run/outputs.ts');
  const { runPipelineAsync } = await import('../src/run/runner.ts');
  const { writeTables } = await import('../src/tables/index.ts');
  const { writeReport } = await import('../src/report/index.ts');
  const { writeOutputs } = await import('../src/tables/outputs.ts');
  const out = mkdtempSync(join(tmpdir(), 'bench-outputs-'));
  try {
    const config = loadConfig(join(ROOT, 'pipeline.config.json'), false);
    let articles = 0;
    // the CLI's run minus its table writing: the pipeline's own time
    const pipeline = await timed(async () => {
      const s = await runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), cacheDir: out, force: true });
      articles = s.ok;
    });
    const dataset = join(out, 'dataset.jsonl');
    const reportDir = join(out, 'report');
    const tables: Timing[] = [];
    const report: Timing[] = [];
    const outputs: Timing[] = [];
    // The first repetition writes into folders the run left without tables and report, as a first `npm run
    // report` does, with nothing warmed up (printed as "first call"); the others write over them, as after a
    // re-run, where report pages that did not change are left alone.
    for (let r = 0; r < reps; r++) {
      outputs.push(await timed(() => writeOutputs(dataset, { tablesOutDir: out, reportDir })));
      tables.push(await timed(() => writeTables(dataset, out)));
      report.push(await timed(() => writeReport(dataset, reportDir)));
    }
    return { articles, pipeline, tables, report, outputs };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------- parent

function corpusFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => /\.(txt|md|html?)$/i.test(n)).sort().map((n) => join(dir, n));
}

/** polnear-train + polnear-dev, topped up with train articles under rep-<k>_ ids, in a new temp folder. */
function buildCorpus(articles: number): string {
  if (!existsSync(TRAIN)) throw new Error(`${TRAIN} is missing: the benchmark needs the shared polnear corpus`);
  const train = corpusFiles(TRAIN);
  const base = [...train, ...(existsSync(DEV) ? corpusFiles(DEV) : [])];
  const dir = mkdtempSync(join(tmpdir(), 'bench-outputs-corpus-'));
  const names = new Set<string>();
  const add = (src: string, name: string): void => {
    if (names.has(name)) throw new Error(`duplicate corpus file ${name}`);
    names.add(name);
    copyFileSync(src, join(dir, name));
  };
  for (const f of base.slice(0, articles)) add(f, f.slice(f.lastIndexOf('/') + 1));
  for (let i = 0; names.size < articles; i++) {
    const f = train[i % train.length]!;
    add(f, `rep-${Math.floor(i / train.length)}_${f.slice(f.lastIndexOf('/') + 1)}`);
  }
  return dir;
}

function round(corpus: string, reps: number): RoundResult {
  const r = spawnSync(TSX, [fileURLToPath(import.meta.url), '--child', corpus, '--reps', String(reps)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`bench child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trimEnd().split('\n').pop()!) as RoundResult;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Math.max(1, Number(args[i + 1])) : d;
  };
  const reps = opt('--reps', 3);
  if (args.includes('--child')) {
    const result = await child(args[args.indexOf('--child') + 1]!, reps);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  const rounds = opt('--rounds', 3);
  const articles = opt('--articles', 1000);
  const corpus = buildCorpus(articles);
  const files = corpusFiles(corpus);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const load0 = loadavg();
  try {
    const results: (RoundResult & { load: number[] })[] = [];
    for (let i = 0; i < rounds; i++) {
      process.stderr.write(`round ${i + 1}/${rounds} ...`);
      const r = round(corpus, reps);
      results.push({ ...r, load: loadavg() });
      process.stderr.write(` pipeline ${r.pipeline.wall.toFixed(1)} s\n`);
    }
    const summary = results.map((r) => {
      const pick = (ts: Timing[]) => ({ wall: median(ts.map((t) => t.wall)), cpu: median(ts.map((t) => t.cpu)) });
      const tables = pick(r.tables);
      const report = pick(r.report);
      const outputs = pick(r.outputs);
      return {
        pipeline: r.pipeline, tables, report, outputs,
        firstOutputs: r.outputs[0]!,
        ratio: outputs.wall / r.pipeline.wall,
        cpuRatio: outputs.cpu / r.pipeline.cpu,
        firstRatio: r.outputs[0]!.wall / r.pipeline.wall,
        load: r.load,
      };
    });
    const worst = Math.max(...summary.map((s) => s.ratio));
    const med = median(summary.map((s) => s.ratio));
    const cpuMed = median(summary.map((s) => s.cpuRatio));
    const firstMed = median(summary.map((s) => s.firstRatio));
    const results_ = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, availableParallelism: availableParallelism(), model: cpus()[0]?.model, loadBefore: load0, loadAfter: loadavg(), node: process.version },
      corpus: { source: 'polnear-train + polnear-dev, topped up with repeated train articles', articles: files.length, mb },
      reps,
      rounds: summary,
      ratio: { median: med, worst, cpuMedian: cpuMed, firstCallMedian: firstMed },
      floor: { 'tables + report < 10% of the pipeline': { value: med, pass: med < 0.1 } },
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/outputs.json'), `${JSON.stringify(results_, null, 2)}\n`);

    const s = (t: Timing) => `${t.wall.toFixed(2).padStart(6)} s (cpu ${t.cpu.toFixed(2).padStart(5)})`;
    console.log(`\n${files.length} articles, ${mb.toFixed(2)} MB; ${cpus().length} cpus; outputs: median of ${reps}\n`);
    console.log(`${'round'.padEnd(6)}${'pipeline'.padEnd(24)}${'tables alone'.padEnd(24)}${'report alone'.padEnd(24)}${'tables + report'.padEnd(24)}${'first call'.padEnd(24)}ratio (cpu)`);
    summary.forEach((r, i) => console.log(`${String(i + 1).padEnd(6)}${s(r.pipeline).padEnd(24)}${s(r.tables).padEnd(24)}${s(r.report).padEnd(24)}${s(r.outputs).padEnd(24)}${s(r.firstOutputs).padEnd(24)}${(r.ratio * 100).toFixed(1)}% (${(r.cpuRatio * 100).toFixed(1)}%)`));
    console.log(`\ntables + report / pipeline, wall: median ${(med * 100).toFixed(1)}%, worst ${(worst * 100).toFixed(1)}%, first call ${(firstMed * 100).toFixed(1)}%; cpu: median ${(cpuMed * 100).toFixed(1)}% (floor: under 10%)`);
    console.log('written: bench/outputs.json');
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
}

await main();
