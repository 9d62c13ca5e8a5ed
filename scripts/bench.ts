// npm run bench [-- --big] [--runs N]: throughput and memory of the batch pipeline against its floor (wink's own
// readDoc with the default pipe) and its peer (compromise), on real articles read in place
// (../shared/dev/polnear-train/corpus; a generated corpus when that folder is absent), plus an HTML slice made of
// the ingest fixtures. Each measurement runs in its own child process (this script with --child), so that peak
// RSS belongs to one mode and one mode's garbage does not slow the next. Medians of --runs runs (default 3).
// --big adds a 50 MB corpus (the real one repeated under other ids, in a temp folder) for peak RSS, and a
// quarter-size one beside it to show RSS stays flat. Results: the table on stdout and bench/results.json.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REAL = join(ROOT, '../shared/dev/polnear-train/corpus');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

interface ChildResult {
  /** Seconds per timed run. */
  times: number[];
  /** Peak resident set size of the child process, MB. */
  rssMb: number;
  extra?: Record<string, unknown>;
}

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

// ---------------------------------------------------------------------------------------------- child modes

async function child(mode: string, corpus: string, runs: number): Promise<ChildResult> {
  const files = corpusFiles(corpus);
  const times: number[] = [];
  const timed = async (f: () => unknown) => {
    const t0 = performance.now();
    await f();
    times.push((performance.now() - t0) / 1000);
  };
  const extra: Record<string, unknown> = {};
  if (mode === 'wink' || mode === 'compromise') {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    let each: (t: string) => void;
    if (mode === 'wink') {
      const { default: winkNLP } = await import('wink-nlp');
      const { default: model } = await import('wink-eng-lite-web-model');
      const nlp = winkNLP(model); // the default pipe: everything wink does
      each = (t) => void nlp.readDoc(t);
    } else {
      const { default: nlp } = await import('compromise');
      each = (t) => {
        const doc = nlp(t);
        doc.people().out('array');
        doc.places().out('array');
        doc.organizations().out('array');
        doc.quotations().out('array');
      };
    }
    texts.slice(0, 20).forEach(each); // warm-up: model load and JIT
    for (let r = 0; r < runs; r++) await timed(() => texts.forEach(each));
  } else {
    const { parseConfig } = await import('../src/config.ts');
    const { FolderSink } = await import('../src/run/outputs.ts');
    const { runPipeline, runPipelineAsync } = await import('../src/run/runner.ts');
    const { ArticlePool } = await import('../src/run/pool.ts');
    const out = mkdtempSync(join(tmpdir(), 'bench-out-'));
    const warmup = mkdtempSync(join(tmpdir(), 'bench-warmup-'));
    for (const f of files.slice(0, 16)) cpSync(f, join(warmup, f.slice(corpus.length)));
    try {
      if (mode === 'pipeline1' || mode === 'profile') {
        const config = parseConfig({ run: { concurrency: 'off', cache: false } });
        runPipeline({ input: warmup, config, sink: new FolderSink(join(out, 'w')) });
        if (mode === 'profile') {
          const timings: Record<string, number> = {};
          await timed(() => runPipeline({ input: corpus, config, sink: new FolderSink(out), timings }));
          extra.timings = timings;
        } else for (let r = 0; r < runs; r++) await timed(() => runPipeline({ input: corpus, config, sink: new FolderSink(out) }));
      } else if (mode === 'pipeline2' || mode === 'big') {
        const config = parseConfig({ run: { concurrency: 2, cache: false } });
        const t0 = performance.now();
        // one pool for all runs, as a long-lived service would have: its start-up is reported on its own
        const pool = new ArticlePool(2, config);
        await runPipelineAsync({ input: warmup, config, sink: new FolderSink(join(out, 'w')), pool });
        extra.poolStartSeconds = (performance.now() - t0) / 1000;
        for (let r = 0; r < (mode === 'big' ? 1 : runs); r++) await timed(() => runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), pool }));
        await pool.close();
        if (mode === 'pipeline2') {
          // and the way the CLI runs it: a pool started for the run, its start-up included
          await timed(() => runPipelineAsync({ input: corpus, config, sink: new FolderSink(join(out, 'fresh')) }));
          extra.freshPoolSeconds = times.pop();
        }
      } else if (mode === 'warm') {
        const config = parseConfig({ run: { concurrency: 2, cache: true } });
        await runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), cacheDir: out });
        const first = readFileSync(join(out, 'dataset.jsonl'));
        for (let r = 0; r < runs; r++) {
          await timed(async () => {
            const s = await runPipelineAsync({ input: corpus, config, sink: new FolderSink(out), cacheDir: out });
            extra.cached = s.cached;
          });
        }
        extra.identical = Buffer.compare(first, readFileSync(join(out, 'dataset.jsonl'))) === 0;
      } else throw new Error(`unknown mode ${mode}`);
    } finally {
      rmSync(out, { recursive: true, force: true });
      rmSync(warmup, { recursive: true, force: true });
    }
  }
  return { times, rssMb: process.resourceUsage().maxRSS / 1024, extra };
}

// ---------------------------------------------------------------------------------------------- parent

function measure(mode: string, corpus: string, runs: number): ChildResult {
  process.stderr.write(`  ${mode} on ${corpus} ...`);
  const t0 = performance.now();
  const r = spawnSync(TSX, [fileURLToPath(import.meta.url), '--child', mode, '--corpus', corpus, '--runs', String(runs)], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
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
      lines.push(`“We will not wait for ${pl} to act,” ${n} said on Monday. ${n.split(' ')[1]} told reporters that the plan, announced in ${pl} last week, would cost $${(i % 9) + 1} million. According to officials, ${p + 3} percent of voters agreed.`);
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
  const runs = Math.max(1, Number(opt('--runs') ?? 3));
  if (args.includes('--child')) {
    const result = await child(opt('--child')!, opt('--corpus')!, runs);
    process.stdout.write(`\n${JSON.stringify(result)}\n`);
    return;
  }

  const temps: string[] = [];
  const real = existsSync(REAL);
  const corpus = real ? REAL : generatedCorpus();
  if (!real) temps.push(corpus);
  const files = corpusFiles(corpus);
  const mb = bytesOf(files) / 1e6;
  const htmlSources = readdirSync(join(ROOT, 'tests/fixtures/ingest')).map((d) => join(ROOT, 'tests/fixtures/ingest', d, 'source.html')).filter(existsSync);
  const html = repeatCorpus(htmlSources, join(ROOT, 'tests/fixtures/ingest'), 30, 'bench-html-');
  temps.push(html);
  const htmlFiles = corpusFiles(html);
  const htmlMb = bytesOf(htmlFiles) / 1e6;
  const load0 = loadavg();
  process.stderr.write(`bench: ${files.length} articles, ${mb.toFixed(2)} MB (${real ? 'real' : 'generated'}); ${cpus().length} cpus, load ${load0.map((x) => x.toFixed(2)).join(' ')}\n`);

  try {
    const rows: Record<string, { seconds: number; mbPerS: number; articlesPerS: number; rssMb: number; runs: number[] }> = {};
    const row = (name: string, r: ChildResult, megabytes = mb, articles = files.length) => {
      const s = median(r.times);
      rows[name] = { seconds: s, mbPerS: megabytes / s, articlesPerS: articles / s, rssMb: r.rssMb, runs: r.times };
    };
    const wink = measure('wink', corpus, runs);
    row('wink readDoc (floor)', wink);
    const p1 = measure('pipeline1', corpus, runs);
    row('pipeline, 1 worker', p1);
    const p2 = measure('pipeline2', corpus, runs);
    row('pipeline, 2 workers', p2);
    const warm = measure('warm', corpus, runs);
    row('re-run, warm cache', warm);
    const peer = measure('compromise', corpus, runs);
    row('compromise (peer)', peer);
    const profile = measure('profile', corpus, 1);
    const htmlProfile = measure('profile', html, 1);
    let big: Record<string, unknown> | undefined;
    if (args.includes('--big')) {
      const quarter = repeatCorpus(files, corpus, Math.max(1, Math.ceil(12.5 / mb)), 'bench-big-');
      temps.push(quarter);
      const full = repeatCorpus(files, corpus, Math.max(1, Math.ceil(50 / mb)), 'bench-big-');
      temps.push(full);
      const sizes: Record<string, unknown>[] = [];
      for (const dir of [quarter, full]) {
        const f = corpusFiles(dir);
        const r = measure('big', dir, 1);
        const megabytes = bytesOf(f) / 1e6;
        sizes.push({ mb: megabytes, articles: f.length, seconds: r.times[0], mbPerS: megabytes / r.times[0]!, rssMb: r.rssMb });
      }
      big = { sizes };
    }

    const sp = (name: string) => rows[name]!;
    const ratios = {
      pipeline1VsWink: sp('pipeline, 1 worker').mbPerS / sp('wink readDoc (floor)').mbPerS,
      twoVsOneWorker: sp('pipeline, 2 workers').mbPerS / sp('pipeline, 1 worker').mbPerS,
      pipeline1VsCompromise: sp('pipeline, 1 worker').mbPerS / sp('compromise (peer)').mbPerS,
      pipeline2VsCompromise: sp('pipeline, 2 workers').mbPerS / sp('compromise (peer)').mbPerS,
      warmVsCold: sp('re-run, warm cache').seconds / sp('pipeline, 2 workers').seconds,
    };
    const stageShare = (t: Record<string, number>) => {
      const total = Object.values(t).reduce((a, b) => a + b, 0);
      return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, { ms: Math.round(v), share: v / total }]));
    };
    const bigRss = big ? Math.max(...(big.sizes as { rssMb: number }[]).map((s) => s.rssMb)) : undefined;
    const floors = {
      'pipeline 1 worker >= 50% of wink': { value: ratios.pipeline1VsWink, pass: ratios.pipeline1VsWink >= 0.5 },
      '2 workers >= 1.7x 1 worker': { value: ratios.twoVsOneWorker, pass: ratios.twoVsOneWorker >= 1.7 },
      'pipeline >= 15x compromise': { value: ratios.pipeline1VsCompromise, pass: ratios.pipeline1VsCompromise >= 15 },
      'warm re-run <= 10% of cold': { value: ratios.warmVsCold, pass: ratios.warmVsCold <= 0.1 },
      ...(bigRss !== undefined ? { 'peak RSS <= 500 MB on 50 MB': { value: bigRss, pass: bigRss <= 500 } } : {}),
    };
    const results = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, availableParallelism: availableParallelism(), model: cpus()[0]?.model, loadBefore: load0, loadAfter: loadavg(), node: process.version },
      corpus: { source: real ? '../shared/dev/polnear-train/corpus' : 'generated', articles: files.length, mb },
      runs,
      rows,
      ratios,
      floors,
      pool: p2.extra,
      warm: warm.extra,
      profile: { corpus: stageShare(profile.extra!.timings as Record<string, number>), html: { articles: htmlFiles.length, mb: htmlMb, stages: stageShare(htmlProfile.extra!.timings as Record<string, number>) } },
      ...(big ? { big } : {}),
    };
    mkdirSync(join(ROOT, 'bench'), { recursive: true });
    writeFileSync(join(ROOT, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

    const pad = (s: string, n: number) => s.padEnd(n);
    const num = (x: number, d = 2) => x.toFixed(d).padStart(9);
    console.log(`\n${files.length} articles, ${mb.toFixed(2)} MB; median of ${runs} runs; load ${load0.map((x) => x.toFixed(1)).join('/')} → ${loadavg().map((x) => x.toFixed(1)).join('/')} on ${cpus().length} cpus\n`);
    console.log(`${pad('mode', 24)}${'seconds'.padStart(9)}${'MB/s'.padStart(9)}${'art/s'.padStart(9)}${'RSS MB'.padStart(9)}`);
    for (const [name, r] of Object.entries(rows)) console.log(`${pad(name, 24)}${num(r.seconds)}${num(r.mbPerS, 3)}${num(r.articlesPerS, 1)}${num(r.rssMb, 0)}`);
    console.log(`\npool start-up (2 workers, model load): ${(p2.extra!.poolStartSeconds as number).toFixed(2)} s; one CLI-style run with a fresh pool: ${(p2.extra!.freshPoolSeconds as number).toFixed(2)} s`);
    console.log(`warm re-run: ${warm.extra!.cached} articles from cache, output identical: ${warm.extra!.identical}`);
    console.log('\nfloors:');
    for (const [name, f] of Object.entries(floors)) console.log(`  ${f.pass ? 'PASS' : 'FAIL'}  ${pad(name, 32)} ${f.value.toFixed(3)}`);
    console.log('\nper-stage profile (1 worker):');
    for (const [k, v] of Object.entries(results.profile.corpus)) console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    console.log(`HTML slice (${htmlFiles.length} pages, ${htmlMb.toFixed(2)} MB):`);
    for (const [k, v] of Object.entries(results.profile.html.stages)) console.log(`  ${pad(k, 10)}${String(v.ms).padStart(8)} ms ${(v.share * 100).toFixed(1).padStart(6)} %`);
    if (big) {
      console.log('\nbig corpus (2 workers):');
      for (const s of big.sizes as { mb: number; articles: number; seconds: number; mbPerS: number; rssMb: number }[]) {
        console.log(`  ${s.mb.toFixed(1).padStart(6)} MB, ${s.articles} articles: ${s.seconds.toFixed(1)} s, ${s.mbPerS.toFixed(3)} MB/s, peak RSS ${s.rssMb.toFixed(0)} MB`);
      }
    }
    console.log('\nwritten: bench/results.json');
  } finally {
    for (const t of temps) rmSync(t, { recursive: true, force: true });
  }
}

await main();
