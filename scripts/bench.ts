// npm run bench [-- --big] [--runs N] [--copies N]: what a user of the command sees, against its floor (wink's own
// default pipe) and its peer (compromise), on real articles (../shared/dev/polnear-train/corpus, SHARED_DIR
// overrides ../shared, repeated --copies times under other ids, default 3; a generated corpus when that folder is
// absent). Every measurement is a whole process: the command as it ships (node dist/cli.js, compiled first from
// src/ when stale, with the shipped pipeline.config.json: tables, report and cache on) for --concurrency off, 1, 2
// and auto into a fresh output folder, a warm re-run into the same folder, and wink and compromise as a user's
// script would run them (scripts/bench-peer.mjs); wall seconds from spawn to exit, CPU seconds of every thread
// and peak RSS (scripts/bench-probe.mjs). Runs interleave mode by mode (A B C … A B C …), medians of --runs
// (default 1). Then: small batches (off against auto), what two threads give on this machine whatever our code
// does, the in-process stage profile, two HTML slices (the ingest fixtures repeated, and real-size news pages),
// and with --big 12.5 MB and 50 MB corpora on two workers for peak RSS. Every floor is printed with its figure and
// PASS or FAIL; results go to bench/results.json.
import { spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { scriptHelp } from './help.ts';
import { newsPages } from './bench-news.ts';

scriptHelp(
  'bench',
  "Whole-process time, CPU and peak RSS of the command against wink's default pipe and compromise; writes bench/results.json.",
  ['[--big] [--runs N] [--copies N]'],
);

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = resolve(ROOT, process.env.SHARED_DIR ?? '../shared');
const REAL = join(SHARED, 'dev/polnear-train/corpus');
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'dist/cli.js');
const PEER = join(ROOT, 'scripts/bench-peer.mjs');
const PROBE = pathToFileURL(join(ROOT, 'scripts/bench-probe.mjs')).href;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function corpusFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(txt|md|html?)$/i.test(n)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const bytesOf = (files: string[]) => files.reduce((n, f) => n + statSync(f).size, 0);

// ---------------------------------------------------------------------------------------------- whole processes

/** One process as its user sees it: wall seconds from spawn to exit, CPU seconds of all its threads, peak RSS. */
interface Proc {
  seconds: number;
  cpu: number;
  rssMb: number;
}

let probes = 0;
let scratch = '';

/** Runs `node ARGS` from the repository root with the probe loaded; exit codes 0 and 2 (some articles rejected)
 * count as a run. */
function proc(args: string[]): Proc {
  const probe = join(scratch, `probe-${probes++}.json`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--import', PROBE, ...args], {
    cwd: ROOT,
    env: { ...process.env, BENCH_PROBE_OUT: probe },
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0 && r.status !== 2) throw new Error(`node ${args.join(' ')} exited ${r.status}:\n${r.stderr}`);
  const u = JSON.parse(readFileSync(probe, 'utf8')) as { user: number; system: number; maxRssMb: number };
  return { seconds, cpu: u.user + u.system, rssMb: u.maxRssMb };
}

/** The command over `corpus` into `out` with the shipped config and this concurrency. */
const cliRun = (corpus: string, out: string, concurrency: string): Proc =>
  proc([CLI, '--input', corpus, '--output', out, '--concurrency', concurrency, '--quiet']);

/** Medians of a mode's runs. */
interface Row extends Proc {
  mbPerS: number;
  articlesPerS: number;
  runs: Proc[];
}

function row(runs: Proc[], mb: number, articles: number): Row {
  const seconds = median(runs.map((r) => r.seconds));
  return {
    seconds,
    cpu: median(runs.map((r) => r.cpu)),
    rssMb: Math.max(...runs.map((r) => r.rssMb)),
    mbPerS: mb / seconds,
    articlesPerS: articles / seconds,
    runs,
  };
}

// ---------------------------------------------------------------------------------------------- in-process profile

interface Profiled {
  articles: number;
  mb: number;
  /** Per stage: median ms over the profile runs, and its share of the median total. */
  stages: Record<string, { ms: number; share: number }>;
  ingestMsPerPage: number;
  /** The ingest share of each run, to show the spread on a shared machine. */
  ingestShares: number[];
}

/** Profiles an HTML slice `runs` times (one child each) and keeps the median of every stage. */
function profileSlice(dir: string, runs: number): Profiled {
  const files = corpusFiles(dir);
  const timings = Array.from({ length: runs }, () => measure('profile', dir, 1).timings!);
  const stages = Object.keys(timings[0]!);
  const ms = Object.fromEntries(stages.map((k) => [k, median(timings.map((t) => t[k] ?? 0))]));
  const total = Object.values(ms).reduce((a, b) => a + b, 0);
  const shareOf = (t: Record<string, number>) => (t.ingest ?? 0) / Object.values(t).reduce((a, b) => a + b, 0);
  return {
    articles: files.length,
    mb: bytesOf(files) / 1e6,
    stages: Object.fromEntries(stages.map((k) => [k, { ms: Math.round(ms[k]!), share: ms[k]! / total }])),
    ingestMsPerPage: ms.ingest! / files.length,
    ingestShares: timings.map(shareOf),
  };
}

// ---------------------------------------------------------------------------------------------- child modes

// The thread of the scaling mode (plain CommonJS, eval'd): loads its share of the corpus, says ready, and on "go"
// does its share of the work and replies with the seconds it took.
const SCALING_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { part, parts, kind, files, root } = workerData;
let work;
if (kind === 'wink') {
  const req = createRequire(root + '/package.json');
  const nlp = req('wink-nlp')(req('wink-eng-lite-web-model'));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  texts.slice(0, 60).forEach((t) => nlp.readDoc(t));
  const mine = texts.filter((_, i) => i % parts === part);
  work = () => { for (const t of mine) nlp.readDoc(t); };
} else {
  const n = 4e8 / parts;
  work = () => { let x = 1; for (let i = 0; i < n; i++) x = (Math.imul(x, 1103515245) + 12345) | 0; return x; };
  work();
}
parentPort.postMessage('ready');
parentPort.once('message', () => { const t0 = performance.now(); work(); parentPort.postMessage({ seconds: (performance.now() - t0) / 1000 }); });
`;

interface ChildResult {
  timings?: Record<string, number>;
  scaling?: Record<string, { oneThread: number[]; twoThreads: number[]; twoVsOne: number }>;
}

/** A child of this script (under tsx): the stage profile of one in-process run (the compiled stages, as the
 * command runs them), or what two threads give on this machine. */
async function child(mode: string, corpus: string, runs: number): Promise<ChildResult> {
  const files = corpusFiles(corpus);
  if (mode === 'scaling') {
    // What two threads give on this machine at this moment, whatever our code does: wink's readDoc over the corpus
    // on one thread against the same documents split over two, and an arithmetic loop likewise (runs
    // interleaved, medians); the 2-worker ratio is read against these.
    const run = async (parts: number, kind: string): Promise<number> => {
      const ws = Array.from(
        { length: parts },
        (_, part) => new Worker(SCALING_WORKER, { eval: true, workerData: { part, parts, kind, files, root: ROOT } }),
      );
      await Promise.all(ws.map((w) => new Promise((res) => w.once('message', res))));
      const done = ws.map((w) => new Promise<{ seconds: number }>((res) => w.once('message', res)));
      for (const w of ws) w.postMessage('go');
      const rs = await Promise.all(done);
      for (const w of ws) await w.terminate();
      return Math.max(...rs.map((r) => r.seconds));
    };
    const scaling: ChildResult['scaling'] = {};
    for (const kind of ['wink', 'arithmetic']) {
      const one: number[] = [],
        two: number[] = [];
      for (let r = 0; r < runs; r++) {
        one.push(await run(1, kind));
        two.push(await run(2, kind));
      }
      scaling[kind] = { oneThread: one, twoThreads: two, twoVsOne: median(one) / median(two) };
    }
    return { scaling };
  }
  if (mode !== 'profile') throw new Error(`unknown mode ${mode}`);
  const dist = '../dist/';
  const { parseConfig } = (await import(`${dist}config.js`)) as typeof import('../src/config.ts');
  const { FolderSink } = (await import(`${dist}outputs/sink.js`)) as typeof import('../src/outputs/sink.ts');
  const { runPipeline } = (await import(`${dist}run/in-process.js`)) as typeof import('../src/run/in-process.ts');
  const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
  const warmup = mkdtempSync(join(tmpdir(), 'bench-warmup-'));
  for (const f of files.slice(0, 16)) cpSync(f, join(warmup, f.slice(corpus.length)));
  try {
    const config = parseConfig({ run: { concurrency: 'off', cache: false } });
    runPipeline({ input: warmup, config, sink: new FolderSink(join(out, 'w')) });
    const timings: Record<string, number> = {};
    runPipeline({ input: corpus, config, sink: new FolderSink(out), timings });
    return { timings };
  } finally {
    rmSync(out, { recursive: true, force: true });
    rmSync(warmup, { recursive: true, force: true });
  }
}

/** Runs a child mode of this script in its own process. */
function measure(mode: string, corpus: string, runs: number): ChildResult {
  process.stderr.write(`  ${mode} on ${corpus} ...`);
  const t0 = performance.now();
  const r = spawnSync(
    TSX,
    [fileURLToPath(import.meta.url), '--child', mode, '--corpus', corpus, '--runs', String(runs)],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 },
  );
  if (r.status !== 0) throw new Error(`bench child ${mode} failed:\n${r.stderr}`);
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
  const last = r.stdout.trimEnd().split('\n').pop()!;
  return JSON.parse(last) as ChildResult;
}

/** Writes `copies` copies of the corpus under rep<k>/ ids into a new temp folder. */
function repeatCorpus(source: string[], base: string, copies: number, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (let k = 0; k < copies; k++) {
    mkdirSync(join(dir, `rep${k}`));
    for (const f of source) cpSync(f, join(dir, `rep${k}`, f.slice(base.length + 1).replaceAll('/', '_')));
  }
  return dir;
}

/** The first `n` files of a corpus, in a new temp folder. */
function firstFiles(files: string[], n: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-small-'));
  files
    .slice(0, n)
    .forEach((f, i) => cpSync(f, join(dir, `${String(i).padStart(4, '0')}-${f.slice(f.lastIndexOf('/') + 1)}`)));
  return dir;
}
/** A stand-in corpus when the real one is absent: varied sentences with quotes, names and places. */
function generatedCorpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bench-gen-'));
  const names = ['Jane Smith', 'John Brown', 'Antony Blinken', 'Ann Lee', 'Karen Bass', 'Joe Biden'];
  const places = ['Ohio', 'Paris', 'Texas', 'Japan', 'Los Angeles', 'Brussels'];
  for (let i = 0; i < 800; i++) {
    const lines: string[] = [];
    for (let p = 0; p < 12; p++) {
      const n = names[(i + p) % names.length]!;
      const pl = places[(i * 7 + p) % places.length]!;
      lines.push(
        `“We will not wait for ${pl} to act,” ${n} said on Monday. ${n.split(' ')[1]} told reporters that the plan, announced in ${pl} last week, would cost $${(i % 9) + 1} million. According to officials, ${p + 3} percent of voters agreed.`,
      );
    }
    writeFileSync(join(dir, `gen-${String(i).padStart(4, '0')}.txt`), lines.join('\n'));
  }
  return dir;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const opt = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const runs = Math.max(1, Number(opt('--runs') ?? 1));
  if (args.includes('--child')) {
    const result = await child(opt('--child')!, opt('--corpus')!, Math.max(1, Number(opt('--runs') ?? 3)));
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }
  const copies = Math.max(1, Number(opt('--copies') ?? 3));
  // the command as it ships: dist/, compiled from whatever in src/ changed
  const compiled = spawnSync(process.execPath, [join(ROOT, 'scripts/compile.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (compiled.status !== 0) throw new Error('compiling src/ into dist/ failed');

  const temps: string[] = [];
  scratch = mkdtempSync(join(tmpdir(), 'bench-scratch-'));
  temps.push(scratch);
  const real = existsSync(REAL);
  const source = real ? REAL : generatedCorpus();
  if (!real) temps.push(source);
  const corpus = repeatCorpus(corpusFiles(source), source, copies, 'bench-corpus-');
  temps.push(corpus);
  const files = corpusFiles(corpus);
  const list = join(scratch, 'files.txt');
  writeFileSync(list, `${files.join('\n')}\n`);
  const mb = bytesOf(files) / 1e6;
  const htmlSources = readdirSync(join(ROOT, 'tests/fixtures/ingest'))
    .map((d) => join(ROOT, 'tests/fixtures/ingest', d, 'source.html'))
    .filter(existsSync);
  const html = repeatCorpus(htmlSources, join(ROOT, 'tests/fixtures/ingest'), 30, 'bench-html-');
  temps.push(html);
  // Real-size pages too: the fixtures are 0.6-6.6 KB, a tenth of what a news site serves.
  const news = newsPages(corpusFiles(source), 7);
  temps.push(news);
  const load0 = loadavg();
  process.stderr.write(
    `bench: ${files.length} articles, ${mb.toFixed(2)} MB (${real ? `polnear-train x${copies}` : 'generated'}); ${cpus().length} cpus, load ${load0.map((x) => x.toFixed(2)).join(' ')}\n`,
  );

  try {
    // The modes, interleaved run by run; each cold run writes into a fresh folder, the warm re-run into the auto
    // run's folder (nothing changed: every article from the cache).
    const modes = ['wink', 'compromise', 'off', '1', '2', 'auto', 'warm'] as const;
    const measured = Object.fromEntries(modes.map((m) => [m, [] as Proc[]])) as Record<(typeof modes)[number], Proc[]>;
    for (let r = 0; r < runs; r++) {
      let autoOut = '';
      for (const m of modes) {
        process.stderr.write(`  run ${r + 1}/${runs}: ${m} ...`);
        let p: Proc;
        if (m === 'wink' || m === 'compromise') p = proc([PEER, m, list]);
        else if (m === 'warm') p = cliRun(corpus, autoOut, 'auto');
        else {
          const out = mkdtempSync(join(scratch, `out-${m}-`));
          p = cliRun(corpus, out, m);
          if (m === 'auto') autoOut = out;
          else rmSync(out, { recursive: true, force: true });
        }
        measured[m].push(p);
        process.stderr.write(` ${p.seconds.toFixed(1)} s, CPU ${p.cpu.toFixed(1)} s, ${p.rssMb.toFixed(0)} MB\n`);
      }
      rmSync(autoOut, { recursive: true, force: true });
    }
    const names: Record<(typeof modes)[number], string> = {
      wink: "wink's default pipe",
      compromise: 'compromise (peer)',
      off: '--concurrency off',
      '1': '--concurrency 1',
      '2': '--concurrency 2',
      auto: `--concurrency auto (${availableParallelism()})`,
      warm: 're-run, warm cache',
    };
    const rows = Object.fromEntries(modes.map((m) => [names[m], row(measured[m], mb, files.length)]));
    const R = (m: (typeof modes)[number]) => rows[names[m]]!;

    // Small batches: auto against off on the first n articles (auto stays in process below the pool's minimum).
    const small: { articles: number; off: Proc; auto: Proc }[] = [];
    for (const n of [8, 24, 64, 160]) {
      const dir = firstFiles(files, n);
      temps.push(dir);
      const out = () => mkdtempSync(join(scratch, 'out-small-'));
      process.stderr.write(`  small batch of ${n} ...\n`);
      small.push({ articles: n, off: cliRun(dir, out(), 'off'), auto: cliRun(dir, out(), 'auto') });
    }

    const scaling = measure('scaling', source, 3).scaling!;
    const profile = measure('profile', corpus, 1).timings!;
    const htmlProfile = { fixtures: profileSlice(html, 3), news: profileSlice(news, 3) };
    let big:
      { mb: number; articles: number; seconds: number; cpu: number; mbPerS: number; rssMb: number }[] | undefined;
    if (args.includes('--big')) {
      big = [];
      for (const target of [12.5, 50]) {
        const dir = repeatCorpus(
          corpusFiles(source),
          source,
          Math.max(1, Math.ceil(target / (bytesOf(corpusFiles(source)) / 1e6))),
          'bench-big-',
        );
        temps.push(dir);
        const f = corpusFiles(dir);
        const megabytes = bytesOf(f) / 1e6;
        process.stderr.write(`  big: ${megabytes.toFixed(1)} MB on 2 workers ...\n`);
        const p = cliRun(dir, mkdtempSync(join(scratch, 'out-big-')), '2');
        big.push({
          mb: megabytes,
          articles: f.length,
          seconds: p.seconds,
          cpu: p.cpu,
          mbPerS: megabytes / p.seconds,
          rssMb: p.rssMb,
        });
        rmSync(dir, { recursive: true, force: true });
      }
    }

    const ratios = {
      twoVsInProcess: R('off').seconds / R('2').seconds,
      twoVsInProcessCpu: R('2').cpu / R('off').cpu,
      autoVsInProcess: R('off').seconds / R('auto').seconds,
      inProcessVsWink: R('wink').seconds / R('off').seconds,
      inProcessVsWinkCpu: R('wink').cpu / R('off').cpu,
      inProcessVsCompromise: R('compromise').seconds / R('off').seconds,
      inProcessVsCompromiseCpu: R('compromise').cpu / R('off').cpu,
      warmVsCold: R('warm').seconds / R('auto').seconds,
      // what two threads gave wink's readDoc and an arithmetic loop in the same sitting (the machine's ceiling)
      winkTwoThreadsVsOne: scaling.wink!.twoVsOne,
      arithmeticTwoThreadsVsOne: scaling.arithmetic!.twoVsOne,
    };
    const stageShare = (t: Record<string, number>) => {
      const total = Object.values(t).reduce((a, b) => a + b, 0);
      return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ms: Math.round(v), share: v / total }]));
    };
    const slowestSmall = Math.max(...small.map((s) => s.auto.seconds / s.off.seconds));
    const floor = (value: number, pass: boolean, wanted: string) => ({ value, wanted, pass });
    const floors: Record<string, { value: number; wanted: string; pass: boolean }> = {
      '--concurrency 2 vs in process (wall)': floor(ratios.twoVsInProcess, ratios.twoVsInProcess >= 1.6, '>= 1.6x'),
      '2 workers CPU / in-process CPU': floor(ratios.twoVsInProcessCpu, ratios.twoVsInProcessCpu <= 1.15, '<= 1.15'),
      'in process vs wink default pipe': floor(ratios.inProcessVsWink, ratios.inProcessVsWink >= 0.35, '>= 0.35'),
      'in process vs compromise': floor(ratios.inProcessVsCompromise, ratios.inProcessVsCompromise >= 7, '>= 7x'),
      'warm re-run / cold (auto)': floor(ratios.warmVsCold, ratios.warmVsCold <= 0.1, '<= 0.10'),
      'auto / in process, slowest size': floor(
        Math.max(R('auto').seconds / R('off').seconds, slowestSmall),
        Math.max(R('auto').seconds / R('off').seconds, slowestSmall) <= 1,
        '<= 1 (never slower)',
      ),
      ...(big
        ? {
            'peak RSS, 2 workers, 50 MB': floor(big[1]!.rssMb, big[1]!.rssMb <= 500, '<= 500 MB'),
            'peak RSS 50 MB / 12.5 MB': floor(
              big[1]!.rssMb / big[0]!.rssMb,
              big[1]!.rssMb / big[0]!.rssMb <= 1.1,
              '<= 1.1 (flat)',
            ),
          }
        : {}),
      // Judged on the real-size news pages; the fixture pages are reported beside them.
      'ingest share, HTML news pages': floor(
        htmlProfile.news.stages.ingest!.share,
        htmlProfile.news.stages.ingest!.share <= 0.25,
        '<= 0.25',
      ),
      'ingest share, HTML fixture pages': floor(
        htmlProfile.fixtures.stages.ingest!.share,
        htmlProfile.fixtures.stages.ingest!.share <= 0.25,
        '<= 0.25',
      ),
    };
    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        availableParallelism: availableParallelism(),
        model: cpus()[0]?.model,
        loadBefore: load0,
        loadAfter: loadavg(),
        node: process.version,
      },
      corpus: { source: real ? 'polnear-train' : 'generated', copies, articles: files.length, mb },
      runs,
      rows,
      ratios,
      floors,
      small,
      scaling,
      profile: { corpus: stageShare(profile), html: htmlProfile.fixtures, htmlNews: htmlProfile.news },
      ...(big ? { big } : {}),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (x: number, d = 2) => x.toFixed(d).padStart(9);
    console.log(
      `\n${files.length} articles, ${mb.toFixed(2)} MB; whole processes, median of ${runs} run${runs === 1 ? '' : 's'}; load ${load0.map((x) => x.toFixed(1)).join('/')} → ${loadavg()
        .map((x) => x.toFixed(1))
        .join(
          '/',
        )} on ${cpus().length} cpus (two threads gave wink's readDoc ${ratios.winkTwoThreadsVsOne.toFixed(2)}x one, an arithmetic loop ${ratios.arithmeticTwoThreadsVsOne.toFixed(2)}x)\n`,
    );
    console.log(
      `${pad('mode', 28)}${'wall s'.padStart(9)}${'CPU s'.padStart(9)}${'MB/s'.padStart(9)}${'art/s'.padStart(9)}${'RSS MB'.padStart(9)}`,
    );
    for (const [name, r] of Object.entries(rows))
      console.log(
        `${pad(name, 28)}${num(r.seconds)}${num(r.cpu)}${num(r.mbPerS, 3)}${num(r.articlesPerS, 1)}${num(r.rssMb, 0)}`,
      );
    console.log('\nsmall batches (wall s, CPU s):');
    for (const s of small)
      console.log(
        `  ${String(s.articles).padStart(4)} articles: off ${s.off.seconds.toFixed(2)} s (CPU ${s.off.cpu.toFixed(2)}), auto ${s.auto.seconds.toFixed(2)} s (CPU ${s.auto.cpu.toFixed(2)})`,
      );
    if (big) {
      console.log('\nbig corpora (--concurrency 2):');
      for (const s of big)
        console.log(
          `  ${s.mb.toFixed(1).padStart(6)} MB, ${s.articles} articles: ${s.seconds.toFixed(1)} s, CPU ${s.cpu.toFixed(1)} s, ${s.mbPerS.toFixed(3)} MB/s, peak RSS ${s.rssMb.toFixed(0)} MB`,
        );
    }
    console.log(
      `\nby CPU time: in process ${(ratios.inProcessVsWinkCpu * 100).toFixed(1)}% of wink, ${ratios.inProcessVsCompromiseCpu.toFixed(1)}x compromise`,
    );
    console.log('\nfloors:');
    for (const [name, f] of Object.entries(floors))
      console.log(`  ${f.pass ? 'PASS' : 'FAIL'}  ${pad(name, 36)} ${f.value.toFixed(3).padStart(8)}  (${f.wanted})`);
    console.log('\nper-stage profile (in process, compiled):');
    for (const [k, v] of Object.entries(results.profile.corpus))
      console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    for (const [label, slice] of [
      ['HTML slice, fixture pages', htmlProfile.fixtures],
      ['HTML slice, news pages', htmlProfile.news],
    ] as const) {
      console.log(
        `${label} (${slice.articles} pages, ${slice.mb.toFixed(2)} MB; medians of ${slice.ingestShares.length} runs; ingest ${slice.ingestMsPerPage.toFixed(2)} ms/page, share per run ${slice.ingestShares.map((x) => (x * 100).toFixed(1)).join(' / ')} %):`,
      );
      for (const [k, v] of Object.entries(slice.stages))
        console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    }
    console.log('\nwritten: bench/results.json');
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}

await main();
