// npm run bench:outputs [-- --rounds N] [--articles N] [--dir DIR]: what the flat tables and the HTML report cost next to the
// pipeline run that produces their dataset (issue 8's floor: under 10% of the pipeline's own time on 1,000
// articles). The corpus is polnear-train (840 articles) plus polnear-dev (84), topped up to --articles with train
// articles repeated under other ids, copied into a temp folder (never into the repo). Each measurement runs in a
// fresh child process, as the CLI does, with a fresh pool (concurrency from pipeline.config.json) and --force:
//   - "pipeline": the run without tables and report (the pipeline's own time), then writeOutputs once in the same
//     process, which is what the CLI did before the run wrote them itself (printed as "before");
//   - "with outputs": the run writing the tables and the report as the CLI now does (workers make and write each
//     article's page; the main thread builds the table rows, appends their CSV and gathers Parquet columns),
//     timed whole and from its last article to its return (what is left for the main thread after the run).
// The two children alternate in order from round to round; the machine is shared, so medians over the rounds are
// reported with the load average.
// No child deletes what it wrote: the output folders are all deleted at the end. On ext4 without a journal (this
// machine's root file system) every new file's inode is found by skipping, one by one from the start of its block
// group, the inodes deleted in the last minute (six while their inode table block is not yet written back): the
// kernel's recently_deleted(), seen with perf. A child that started right after the previous one had deleted its
// ~2,000 files paid 0.2–0.8 ms of system time per file it created, up to 0.8 s for the report's pages, and both
// kinds of run paid it unevenly. Deletions made before the bench (a test run leaves thousands) still count for
// some minutes: --dir DIR puts the corpus and the runs elsewhere (/dev/shm, a tmpfs, leaves this file system out).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptHelp } from './help.ts';

scriptHelp('bench:outputs', 'What the flat tables and the HTML report cost next to the pipeline run.', [
  '[--rounds N] [--articles N] [--dir DIR]',
]);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TRAIN = join(ROOT, '../shared/dev/polnear-train/corpus');
const DEV = join(ROOT, '../shared/dev/polnear-dev/corpus');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Wall and CPU seconds of one timed step; CPU counts every thread of the process (workers included). */
interface Timing {
  wall: number;
  cpu: number;
}

/** One run: whole, and from the arrival of its last article to its return (the commit, and whatever output
 * work the main thread still has then). */
interface RunTiming {
  articles: number;
  run: Timing;
  tail: Timing;
}

interface BaselineResult extends RunTiming {
  /** writeOutputs (tables + report from dataset.jsonl) right after the run, in the same process: the old CLI. */
  after: Timing;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const now = (): { t: number; c: NodeJS.CpuUsage } => ({ t: performance.now(), c: process.cpuUsage() });
const since = (a: { t: number; c: NodeJS.CpuUsage }): Timing => {
  const c = process.cpuUsage(a.c);
  return { wall: (performance.now() - a.t) / 1000, cpu: (c.user + c.system) / 1e6 };
};

// ---------------------------------------------------------------------------------------------- child

async function child(mode: 'baseline' | 'outputs', corpus: string, out: string): Promise<BaselineResult | RunTiming> {
  const { loadConfig } = await import('../src/config.ts');
  const { FolderSink } = await import('../src/outputs/sink.ts');
  const { runPipelineAsync } = await import('../src/run/runner.ts');
  const { writeOutputs } = await import('../src/outputs/write-outputs.ts');
  mkdirSync(out, { recursive: true });
  {
    const config = loadConfig(join(ROOT, 'pipeline.config.json'), false);
    const reportDir = join(out, 'report');
    const outputs = mode === 'outputs' ? { tablesOutDir: out, reportDir } : {};
    let last = now();
    const start = now();
    const s = await runPipelineAsync({
      input: corpus,
      config,
      sink: new FolderSink(out),
      cacheDir: out,
      force: true,
      outputs,
      onArticle: (done, total) => {
        if (done === total) last = now();
      },
    });
    const tail = since(last);
    const run = since(start);
    if (mode === 'outputs') return { articles: s.ok, run, tail };
    const t = now();
    await writeOutputs(join(out, 'dataset.jsonl'), { tablesOutDir: out, reportDir });
    return { articles: s.ok, run, tail, after: since(t) };
  }
}

// ---------------------------------------------------------------------------------------------- parent

function corpusFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.(txt|md|html?)$/i.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** polnear-train + polnear-dev, topped up with train articles under rep-<k>_ ids, in a new temp folder. */
function buildCorpus(articles: number, into: string): string {
  if (!existsSync(TRAIN)) throw new Error(`${TRAIN} is missing: the benchmark needs the shared polnear corpus`);
  const train = corpusFiles(TRAIN);
  const base = [...train, ...(existsSync(DEV) ? corpusFiles(DEV) : [])];
  const dir = mkdtempSync(join(into, 'bench-outputs-corpus-'));
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

function spawnChild(mode: string, corpus: string, out: string): unknown {
  const r = spawnSync(TSX, [fileURLToPath(import.meta.url), '--child', mode, corpus, out], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  if (r.status !== 0) throw new Error(`bench child failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trimEnd().split('\n').pop()!);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Math.max(1, Number(args[i + 1])) : d;
  };
  if (args.includes('--child')) {
    const i = args.indexOf('--child');
    const result = await child(args[i + 1] as 'baseline' | 'outputs', args[i + 2]!, args[i + 3]!);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  const rounds = opt('--rounds', 3);
  const articles = opt('--articles', 1000);
  const dirArg = args.indexOf('--dir');
  const base = dirArg >= 0 ? args[dirArg + 1]! : tmpdir();
  const corpus = buildCorpus(articles, base);
  // every child's output folder, kept until the end (see the top of this file)
  const runs = mkdtempSync(join(base, 'bench-outputs-runs-'));
  const files = corpusFiles(corpus);
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  const load0 = loadavg();
  try {
    const results: { baseline: BaselineResult; outputs: RunTiming; load: number[] }[] = [];
    for (let i = 0; i < rounds; i++) {
      process.stderr.write(`round ${i + 1}/${rounds} ...`);
      // alternate which goes first, so that neither always meets the other's leftovers (page cache, load)
      const order = i % 2 ? ['outputs', 'baseline'] : ['baseline', 'outputs'];
      const got: Record<string, unknown> = {};
      for (const mode of order) got[mode] = spawnChild(mode, corpus, join(runs, `${i}-${mode}`));
      const baseline = got.baseline as BaselineResult;
      const outputs = got.outputs as RunTiming;
      results.push({ baseline, outputs, load: loadavg() });
      process.stderr.write(
        ` pipeline ${baseline.run.wall.toFixed(1)} s, with outputs ${outputs.run.wall.toFixed(1)} s, load ${loadavg()[0]!.toFixed(1)}\n`,
      );
    }
    const rows = results.map((r) => {
      const p = r.baseline.run;
      return {
        pipeline: p,
        before: r.baseline.after,
        withOutputs: r.outputs.run,
        tail: r.outputs.tail,
        baselineTail: r.baseline.tail,
        /** Old CLI: tables + report after the run, share of the pipeline's own time. */
        beforeShare: { wall: r.baseline.after.wall / p.wall, cpu: r.baseline.after.cpu / p.cpu },
        /** New: main-thread time after the last article beyond the plain run's commit. */
        afterRunShare: {
          wall: (r.outputs.tail.wall - r.baseline.tail.wall) / p.wall,
          cpu: (r.outputs.tail.cpu - r.baseline.tail.cpu) / p.cpu,
        },
        /** New: everything the outputs add to the run, per-article work in the workers included. */
        totalShare: { wall: (r.outputs.run.wall - p.wall) / p.wall, cpu: (r.outputs.run.cpu - p.cpu) / p.cpu },
        /** Dataset, tables and report, start to finish: the run then writeOutputs (before) against one run (now). */
        endToEnd: {
          before: { wall: p.wall + r.baseline.after.wall, cpu: p.cpu + r.baseline.after.cpu },
          now: r.outputs.run,
        },
        load: r.load,
      };
    });
    const med = (f: (r: (typeof rows)[number]) => number): number => median(rows.map(f));
    const summary = {
      pipeline: { wall: med((r) => r.pipeline.wall), cpu: med((r) => r.pipeline.cpu) },
      before: {
        wall: med((r) => r.before.wall),
        cpu: med((r) => r.before.cpu),
        shareWall: med((r) => r.beforeShare.wall),
        shareCpu: med((r) => r.beforeShare.cpu),
      },
      withOutputs: {
        wall: med((r) => r.withOutputs.wall),
        cpu: med((r) => r.withOutputs.cpu),
        shareWall: med((r) => r.totalShare.wall),
        shareCpu: med((r) => r.totalShare.cpu),
      },
      endToEnd: {
        before: { wall: med((r) => r.endToEnd.before.wall), cpu: med((r) => r.endToEnd.before.cpu) },
        now: { wall: med((r) => r.endToEnd.now.wall), cpu: med((r) => r.endToEnd.now.cpu) },
        /** Median of the per-round ratios now / before. */
        ratio: {
          wall: med((r) => r.endToEnd.now.wall / r.endToEnd.before.wall),
          cpu: med((r) => r.endToEnd.now.cpu / r.endToEnd.before.cpu),
        },
      },
      afterRun: {
        wall: med((r) => r.tail.wall - r.baselineTail.wall),
        cpu: med((r) => r.tail.cpu - r.baselineTail.cpu),
        shareWall: med((r) => r.afterRunShare.wall),
        shareCpu: med((r) => r.afterRunShare.cpu),
      },
    };
    const out = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        availableParallelism: availableParallelism(),
        model: cpus()[0]?.model,
        loadBefore: load0,
        loadAfter: loadavg(),
        node: process.version,
      },
      corpus: {
        source: 'polnear-train + polnear-dev, topped up with repeated train articles',
        articles: files.length,
        mb,
        folder: base,
      },
      rounds: rows,
      median: summary,
      floor: {
        'tables + report < 10% of the pipeline (what the run adds, wall)': {
          value: summary.withOutputs.shareWall,
          pass: summary.withOutputs.shareWall < 0.1,
        },
        'tables + report after the run < 10% of the pipeline (wall)': {
          value: summary.afterRun.shareWall,
          pass: summary.afterRun.shareWall < 0.1,
        },
      },
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/outputs.json'), `${JSON.stringify(out, null, 2)}\n`);

    const t = (x: Timing) => `${x.wall.toFixed(2).padStart(6)} s (cpu ${x.cpu.toFixed(2).padStart(5)})`;
    const pct = (x: { wall: number; cpu: number }) =>
      `${(x.wall * 100).toFixed(1)}% (cpu ${(x.cpu * 100).toFixed(1)}%)`;
    console.log(
      `\n${files.length} articles, ${mb.toFixed(2)} MB; ${cpus().length} cpus; load ${load0.map((l) => l.toFixed(1)).join(' ')} -> ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}\n`,
    );
    console.log(
      `${'round'.padEnd(6)}${'pipeline'.padEnd(24)}${'before: after it'.padEnd(24)}${'run with outputs'.padEnd(24)}${'after last article'.padEnd(24)}${'(plain run)'.padEnd(24)}load`,
    );
    rows.forEach((r, i) =>
      console.log(
        `${String(i + 1).padEnd(6)}${t(r.pipeline).padEnd(24)}${t(r.before).padEnd(24)}${t(r.withOutputs).padEnd(24)}${t(r.tail).padEnd(24)}${t(r.baselineTail).padEnd(24)}${r.load[0]!.toFixed(1)}`,
      ),
    );
    console.log(`\nmedians, share of the pipeline's own time (${t(summary.pipeline)}):`);
    console.log(
      `  before (tables + report after the run):        ${t(summary.before)}  ${pct({ wall: summary.before.shareWall, cpu: summary.before.shareCpu })}`,
    );
    console.log(
      `  now, what the outputs add to the run:           ${pct({ wall: summary.withOutputs.shareWall, cpu: summary.withOutputs.shareCpu })}`,
    );
    console.log(
      `  now, main thread after the last article (extra): ${t(summary.afterRun)}  ${pct({ wall: summary.afterRun.shareWall, cpu: summary.afterRun.shareCpu })}`,
    );
    const e = summary.endToEnd;
    console.log(
      `  dataset + tables + report end to end: before ${t(e.before)}, now ${t(e.now)}; now/before ${e.ratio.wall.toFixed(2)} (cpu ${e.ratio.cpu.toFixed(2)})`,
    );
    console.log('written: bench/outputs.json');
  } finally {
    rmSync(corpus, { recursive: true, force: true });
    rmSync(runs, { recursive: true, force: true });
  }
}

await main();
