#!/usr/bin/env node
// Thin command line over the library (src/run/runner.ts). Exit codes (shared/CONTRACT.md): 0 every article
// processed; 1 the run itself failed (bad config, missing input, unwritable output); 2 some articles rejected;
// 3 (--check only) the committed output is stale.
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
import { compareWithFolder, FolderSink, MemorySink } from './run/outputs.ts';
import { RunError, runPipeline, type RunSummary } from './run/runner.ts';

function parseConcurrency(value: string): 'off' | 'auto' | number {
  if (value === 'off' || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('use off, auto or a positive integer');
  return n;
}

const program = new Command()
  .name('pipeline')
  .description('Turn a folder of news articles into a dataset of sentences, entities and attributed quotes.')
  .option('--input <dir>', 'corpus folder', 'corpus')
  .option('--output <dir>', 'output folder', 'output')
  .option('--config <file>', 'config file (built-in defaults when the default file is absent)')
  .option('--concurrency <n>', 'off | auto | N worker threads', parseConcurrency)
  .option('--force', 'ignore the cache and process every article')
  .option('--check', 'regenerate in memory and fail (exit 3) if the output folder is stale')
  .option('--quiet', 'no summary line')
  .showHelpAfterError();

function summaryLine(s: RunSummary, seconds: number): string {
  return `${s.inputs} articles: ${s.ok} processed, ${s.rejected} rejected; ${s.quotes} quotes, ${s.entities} entities in ${seconds.toFixed(1)} s`;
}

function main(): number {
  program.parse();
  const opts = program.opts<{ input: string; output: string; config?: string; concurrency?: 'off' | 'auto' | number; force?: boolean; check?: boolean; quiet?: boolean }>();
  const t0 = performance.now();
  let config;
  try {
    config = loadConfig(opts.config ?? 'pipeline.config.json', opts.config !== undefined);
    if (opts.concurrency !== undefined) config.run.concurrency = opts.concurrency;
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`error: bad config: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const interactive = process.stderr.isTTY === true;
  const onArticle = interactive
    ? (done: number, total: number) => {
        const secs = (performance.now() - t0) / 1000;
        const rate = done / Math.max(secs, 1e-3);
        const eta = (total - done) / Math.max(rate, 1e-9);
        process.stderr.write(`\r${done}/${total} articles, ${rate.toFixed(1)}/s, ETA ${eta.toFixed(0)} s   `);
        if (done === total) process.stderr.write('\n');
      }
    : undefined;

  try {
    if (opts.check) {
      const sink = new MemorySink();
      const summary = runPipeline({ input: opts.input, config, sink, ...(onArticle ? { onArticle } : {}) });
      const drift = compareWithFolder(opts.output, sink, []);
      if (drift.length) {
        process.stderr.write(`error: ${opts.output}/ is stale; regenerate it with \`npm run pipeline\` and commit:\n`);
        for (const d of drift) process.stderr.write(`  ${d.file}: ${d.summary}\n`);
        return 3;
      }
      if (!opts.quiet) process.stderr.write(`${opts.output}/ is up to date (${summaryLine(summary, (performance.now() - t0) / 1000)})\n`);
      return 0;
    }
    const summary = runPipeline({ input: opts.input, config, sink: new FolderSink(opts.output), ...(onArticle ? { onArticle } : {}) });
    for (const r of summary.rejectedArticles) {
      for (const m of r.messages.filter((x) => x.severity === 'error')) process.stderr.write(`rejected ${r.path}: [${m.id}] ${m.text}\n`);
    }
    if (!opts.quiet) process.stderr.write(`${summaryLine(summary, (performance.now() - t0) / 1000)}\n`);
    return summary.rejected > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof RunError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EACCES' || e.code === 'EROFS' || e.code === 'ENOSPC' || e.code === 'ENOTDIR' || e.code === 'EEXIST') {
      process.stderr.write(`error: cannot write the output folder ${opts.output}: ${e.code}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = main();
