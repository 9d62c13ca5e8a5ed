#!/usr/bin/env node
// Thin command line over the library (src/run/runner.ts). Exit codes (shared/CONTRACT.md): 0 every article
// processed; 1 the run itself failed (bad config, missing input, unwritable output); 2 some articles rejected;
// 3 (--check only) the committed output is stale.
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from './config.ts';
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
        const drift = compareOutputFolders(opts.output, fresh);
        if (drift.length) {
          process.stderr.write(
            `error: ${opts.output}/ is stale (${drift.length} file${drift.length === 1 ? '' : 's'}); regenerate it with \`npm run pipeline\` and commit:\n`,
          );
          for (const d of drift) process.stderr.write(`  ${join(opts.output, d.file)}: ${d.summary}\n`);
          return 3;
        }
        if (!opts.quiet)
          process.stderr.write(
            `${opts.output}/ is up to date (${summaryLine(summary, (performance.now() - t0) / 1000)})\n`,
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
    for (const r of summary.rejectedArticles) {
      for (const m of r.messages.filter((x) => x.severity === 'error'))
        process.stderr.write(`rejected ${r.path}: [${m.id}] ${m.text}\n`);
    }
    if (!opts.quiet) process.stderr.write(`${summaryLine(summary, (performance.now() - t0) / 1000)}\n`);
    return summary.rejected > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof RunError) {
      process.stderr.write(`error: ${err.message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (
      e.code === 'EACCES' ||
      e.code === 'EROFS' ||
      e.code === 'ENOSPC' ||
      e.code === 'ENOTDIR' ||
      e.code === 'EEXIST'
    ) {
      process.stderr.write(
        opts.check
          ? `error: cannot write --check's temporary folder under ${tmpdir()}: ${e.code}\n`
          : `error: cannot write the output folder ${opts.output}: ${e.code}\n`,
      );
      return 1;
    }
    throw err;
  }
}

process.exitCode = await main();
