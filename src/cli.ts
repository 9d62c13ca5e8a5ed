#!/usr/bin/env node
// The quote-pipeline command: a thin command line over the library (src/run/runner.ts). Relative paths are
// relative to where the user ran it (src/invocation.ts). Exit codes (shared/CONTRACT.md) are listed in --help.
import { Command, InvalidArgumentError, Option } from 'commander';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EXIT_CODES } from './cli/exit-codes.ts';
import { StdoutClosed, StreamSink, readStdin } from './cli/stdio.ts';
import { ConfigError, loadConfigFile, type Config, type ConfigSource } from './config.ts';
import { invocationFolder } from './invocation.ts';
import { liveHolder } from './io/lock.ts';
import { message, printable } from './messages.ts';
import { FolderSink } from './outputs/sink.ts';
import { compareOutputFolders } from './run/check.ts';
import { progressLine, summaryLine } from './run/progress.ts';
import { RunError, runPipelineAsync, type RunOptions } from './run/runner.ts';
import { parseShard, type Shard } from './run/shard.ts';
import type { SourceFormat } from './types.ts';
import { PACKAGE_NAME, PIPELINE_VERSION } from './version.ts';

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
  .name(PACKAGE_NAME)
  .description(
    'Turn news articles (plain text, Markdown, HTML) into a dataset of sentences, entities and attributed quotes.',
  )
  .argument('[inputs...]', "folders, files, globs ('feeds/**/*.html') or - for one article on standard input")
  .option('-i, --input <dir>', 'an input folder (the same as naming it as an input; default: corpus)')
  .option('-o, --output <dir>', 'output folder, or - for the records as JSON lines on stdout', 'output')
  .option(
    '-c, --config <file>',
    'config file (default: pipeline.config.json here if present, else the built-in defaults)',
  )
  .addOption(
    new Option('--format <format>', 'the format of standard input (default: sniffed)').choices([
      'text',
      'html',
      'markdown',
    ]),
  )
  .option('--print-config', 'print the effective config as JSON and exit')
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
  .version(PIPELINE_VERSION, '-V, --version', 'print the version and exit')
  .helpOption('-h, --help', 'print this help and exit')
  .addHelpText(
    'after',
    `
Examples:
  ${PACKAGE_NAME}                                   corpus/ into output/
  ${PACKAGE_NAME} article.html other.md 'feeds/**/*.html' -o out/
  curl -s URL | ${PACKAGE_NAME} - --format html -o - | jq .quotes

${EXIT_CODES}`,
  )
  .showHelpAfterError();

interface Options {
  input?: string;
  output: string;
  config?: string;
  format?: SourceFormat;
  printConfig?: boolean;
  concurrency?: 'off' | 'auto' | number;
  force?: boolean;
  shard?: Shard;
  check?: boolean;
  quiet?: boolean;
}

const fail = (text: string): number => {
  process.stderr.write(`error: ${text}\n`);
  return 1;
};

/** A warning of the run (not of an article) on stderr, one line. */
function warn(path: string, m: { id: string; text: string }): void {
  process.stderr.write(`warning ${printable(path)}: [${m.id}] ${printable(m.text)}\n`);
}

/** The config from --config, else pipeline.config.json in the folder the command was run from, else the defaults. */
function findConfig(opts: Options, cwd: string): { config: Config; from: ConfigSource } {
  const given = opts.config ?? 'pipeline.config.json';
  const { config, from } = loadConfigFile(resolve(cwd, given), opts.config !== undefined);
  if (opts.concurrency !== undefined) config.run.concurrency = opts.concurrency;
  return { config, from: from.source === 'file' ? { ...from, path: given } : from };
}

async function main(): Promise<number> {
  program.parse();
  const opts = program.opts<Options>();
  const cwd = invocationFolder();
  const t0 = performance.now();
  let found;
  try {
    found = findConfig(opts, cwd);
  } catch (err) {
    if (err instanceof ConfigError) return fail(`bad config: ${err.message}`);
    throw err;
  }
  const { config, from } = found;
  if (opts.printConfig) {
    process.stderr.write(from.source === 'file' ? `config: ${from.path}\n` : 'config: the built-in defaults\n');
    process.stdout.write(`${JSON.stringify(config, null, 2)}\n`);
    return 0;
  }
  const inputs = [...(opts.input !== undefined ? [opts.input] : []), ...program.args];
  if (!inputs.length) inputs.push('corpus');
  const toStdout = opts.output === '-';
  if (toStdout && opts.check) return fail('--check compares an output folder: it cannot be used with --output -');
  if (opts.format && !inputs.includes('-')) return fail('--format is for standard input (-) only');
  const output = resolve(cwd, opts.output);
  const onArticle = process.stderr.isTTY === true ? progressLine(process.stderr, t0) : undefined;
  const common = {
    input: inputs,
    cwd,
    config,
    configSource: from,
    force: opts.force === true,
    ...(inputs.includes('-') ? { stdin: await readStdin() } : {}),
    ...(opts.format ? { stdinFormat: opts.format } : {}),
    ...(opts.shard ? { shard: opts.shard } : {}),
    ...(onArticle ? { onArticle } : {}),
  } satisfies Partial<RunOptions>;
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
  try {
    if (opts.check) return await check(opts, output, common, outputsIn, t0);
    // --output -: the records on stdout in input order, and nothing written anywhere (no cache either)
    const summary = await runPipelineAsync(
      toStdout
        ? { ...common, sink: new StreamSink(1), order: 'input' }
        : { ...common, cacheDir: output, sink: new FolderSink(output), outputs: outputsIn(output) },
    );
    for (const r of summary.rejectedArticles) {
      for (const m of r.messages.filter((x) => x.severity === 'error'))
        process.stderr.write(`rejected ${printable(r.path)}: [${m.id}] ${printable(m.text)}\n`);
    }
    if (!opts.quiet) process.stderr.write(`${summaryLine(summary, (performance.now() - t0) / 1000)}\n`);
    return summary.rejected > 0 ? 2 : 0;
  } catch (err) {
    if (err instanceof RunError) return fail(`[${err.id}] ${err.message}`);
    if (err instanceof StdoutClosed) return fail(err.message);
    const e = err as NodeJS.ErrnoException;
    if (opts.check && typeof e.code === 'string') {
      // --check's temporary folder (the run's own write errors are RunErrors)
      const m = message('run/output-unwritable', 'run', { path: e.path ?? tmpdir(), reason: e.code });
      return fail(`[${m.id}] ${m.text}`);
    }
    throw err;
  }
}

/** --check: makes every file a run would write, the same way, into a temporary folder outside the output folder
 * (which it never writes), then compares the two folders file by file (src/run/check.ts). On disk rather than in
 * memory: a big corpus's dataset, tables and pages need not fit in memory. */
async function check(
  opts: Options,
  output: string,
  common: Omit<RunOptions, 'sink'>,
  outputsIn: (dir: string) => RunOptions['outputs'],
  t0: number,
): Promise<number> {
  // a folder another run is writing cannot be judged: it may be between the renames of its commit
  const holder = liveHolder(output);
  if (holder)
    throw new RunError('run/output-locked', {
      pid: holder.pid,
      host: holder.host,
      output: opts.output,
      lock: join(opts.output, '.lock'),
    });
  const fresh = mkdtempSync(join(tmpdir(), 'pipeline-check-'));
  try {
    // the cache lives in the output folder; --check may read it (entries are keyed on code, model and config)
    // but never writes there
    const summary = await runPipelineAsync({
      ...common,
      cacheDir: output,
      sink: new FolderSink(fresh),
      outputs: outputsIn(fresh),
      readOnlyCache: true,
    });
    // the cache's warnings first: a corrupt entry explains a drift it would otherwise hide
    for (const w of summary.warnings) warn(w.path, w.message);
    const drift = compareOutputFolders(output, fresh);
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

process.exitCode = await main();
