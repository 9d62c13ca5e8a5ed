#!/usr/bin/env node
// Thin command line over the library (src/run/runner.ts). Exit codes (shared/CONTRACT.md): 0 every article
// processed; 1 the run itself failed (bad config, missing input, unwritable output); 2 some articles rejected;
// 3 (--check only) the committed output is stale.
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
import { liveHolder } from './io/lock.ts';
import { message, printable } from './messages.ts';
import { compareOutputFolders } from './run/check.ts';
import { FolderSink } from './outputs/sink.ts';
import { progressLine, summaryLine } from './run/progress.ts';
import { RunError, runPipelineAsync } from './run/runner.ts';
import { parseShard, type Shard } from './run/shard.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function parseConcurrency(value: string): 'off' | 'auto' | number {
  if (value === 'off' || value === 'auto') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('use off, auto or a positive integer');
  return n;
}

function parseShardOption(value: string): Shard {
  try {
    return parseShard(value);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

const program = new Command()
  .name('pipeline')
  .description('Turn a folder of news articles into a dataset of sentences, entities and attributed quotes.')
  .option('--input <dir>', 'corpus folder', 'corpus')
  .option('--output <dir>', 'output folder', 'output')
  .option('--config <file>', 'config file (built-in defaults when the default file is absent)')
  .option('--concurrency <n>', 'off | auto | N worker threads', parseConcurrency)
  .option('--force', 'ignore the cache and process every article')
  .option(
    '--shard <i/N>',
    'process only shard i of N (0-based) into a partial output; combine with `npm run merge`',
    parseShardOption,
  )
  .option(
    '--check',
    'regenerate into a temporary folder and fail (exit 3) if any file the run writes into the output folder is stale, missing or extra',
  )
  .option('--quiet', 'no summary line')
  .showHelpAfterError();

/** A warning of the run (not of an article) on stderr, one line. */
function warn(path: string, m: { id: string; text: string }): void {
  process.stderr.write(`warning ${printable(path)}: [${m.id}] ${printable(m.text)}\n`);
}

async function main(): Promise<number> {
  program.parse();
  const opts = program.opts<{
    input: string;
    output: string;
    config?: string;
    concurrency?: 'off' | 'auto' | number;
    force?: boolean;
    shard?: Shard;
    check?: boolean;
    quiet?: boolean;
  }>();
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
  const onArticle = process.stderr.isTTY === true ? progressLine(process.stderr, t0) : undefined;
  // the cache lives in the output folder; --check may read it (entries are keyed on code, model and config) but
  // never writes there
  const common = {
    input: opts.input,
    config,
    cacheDir: opts.output,
    force: opts.force === true,
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(onArticle ? { onArticle } : {}),
  };

  try {
    // The flat tables (for analytics imports) and the report are written in the same pass as the dataset, each
    // article's share made by the worker that processed it; a shard's partial output gets neither (`npm run
    // tables` and `npm run report` make them from the merged dataset).
    const outputsIn = (dir: string) =>
      opts.shard
        ? {}
        : {
            ...(config.run.tables ? { tablesOutDir: dir } : {}),
            ...(config.run.report ? { reportDir: join(dir, 'report') } : {}),
          };
    if (opts.check) {
      // a folder another run is writing cannot be judged: it may be between the renames of its commit
      const holder = liveHolder(opts.output);
      if (holder)
        throw new RunError('run/output-locked', {
          pid: holder.pid,
          host: holder.host,
          output: opts.output,
          lock: join(opts.output, '.lock'),
        });
      // The check makes every file a run would write, the same way, into a temporary folder outside the output
      // folder (which it never writes), then compares the two folders file by file (src/run/check.ts). On disk
      // rather than in memory: a big corpus's dataset, tables and pages need not fit in memory.
      const fresh = mkdtempSync(join(tmpdir(), 'pipeline-check-'));
      try {
        const summary = await runPipelineAsync({
          ...common,
          sink: new FolderSink(fresh),
          outputs: outputsIn(fresh),
          readOnlyCache: true,
        });
        for (const w of summary.warnings) warn(w.path, w.message);
        const drift = compareOutputFolders(opts.output, fresh);
        if (drift.length) {
          process.stderr.write(
            `error: ${printable(opts.output)}/ is stale (${drift.length} file${drift.length === 1 ? '' : 's'}); regenerate it with \`npm run pipeline\` and commit:\n`,
          );
          for (const d of drift)
            process.stderr.write(`  ${printable(join(opts.output, d.file))}: ${printable(d.summary)}\n`);
          return 3;
        }
        if (!opts.quiet)
          process.stderr.write(
            `${printable(opts.output)}/ is up to date (${summaryLine(summary, (performance.now() - t0) / 1000)})\n`,
          );
        return 0;
      } finally {
        rmSync(fresh, { recursive: true, force: true });
      }
    }
    const summary = await runPipelineAsync({
      ...common,
      sink: new FolderSink(opts.output),
      outputs: outputsIn(opts.output),
    });
    for (const w of summary.warnings) warn(w.path, w.message);
    for (const r of summary.rejectedArticles) {
      for (const m of r.messages.filter((x) => x.severity === 'error'))
        process.stderr.write(`rejected ${printable(r.path)}: [${m.id}] ${printable(m.text)}\n`);
    }
    if (!opts.quiet) process.stderr.write(`${summaryLine(summary, (performance.now() - t0) / 1000)}\n`);
    return summary.rejected > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof RunError) {
      process.stderr.write(`error: [${err.id}] ${printable(err.message)}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (opts.check && typeof e.code === 'string') {
      // --check's temporary folder (the run's own write errors are RunErrors)
      const m = message('run/output-unwritable', 'run', { path: e.path ?? tmpdir(), reason: e.code });
      process.stderr.write(`error: [${m.id}] ${m.text}\n`);
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
