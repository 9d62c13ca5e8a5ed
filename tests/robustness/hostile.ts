// Shared by the run-level robustness tests: two good articles that sit beside every hostile input, the records a
// clean run gives them, and the command line run as a user runs it, timed, with its peak memory.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCorpus, writeCorpus } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CLI = join(ROOT, 'src/cli.ts');
const TIME = '/usr/bin/time';

/** Two good articles: their records must come out of every hostile batch byte for byte as a clean run gives them. */
export const GOOD: Record<string, string> = {
  'good/one.txt':
    'Title: Budget vote\n\nThe vote would be close, said Senator Jane Smith.\n“We are ready,” she told reporters in Ohio.',
  'good/two.md': '# Shelters\n\nMayor Karen Bass said the city would open new shelters. “It is not over,” Bass said.',
};

let clean: Map<string, string> | undefined;

/** The dataset lines of a clean run over GOOD alone, by id. */
export function cleanGood(): Map<string, string> {
  clean ??= datasetLines(runCorpus(writeCorpus(GOOD)).out);
  return clean;
}

/** The dataset lines of an output folder, by id. */
export function datasetLines(out: string): Map<string, string> {
  const lines = new Map<string, string>();
  for (const line of readFileSync(join(out, 'dataset.jsonl'), 'utf8').split('\n'))
    if (line) lines.set((JSON.parse(line) as { id: string }).id, line);
  return lines;
}

/** The good articles' lines of an output folder, for comparison with cleanGood(). */
export function goodLines(out: string): Map<string, string> {
  return new Map([...datasetLines(out)].filter(([id]) => id.startsWith('good/')));
}

export interface CliResult {
  code: number | null;
  stderr: string;
  seconds: number;
  /** Peak resident memory of the run, MB (GNU time), when the system has it. */
  peakMb?: number;
}

const hasTime = existsSync(TIME);

/** The CLI as a user runs it (node with the tsx loader), with 2 workers unless told otherwise. */
export function cli(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): CliResult {
  const node = [process.execPath, '--import', 'tsx', CLI, '--concurrency', '2', ...args];
  // GNU time writes its figures (and "Command exited with non-zero status") to a file of its own, not to stderr
  const stats = join(mkdtempSync(join(tmpdir(), 'time-')), 'stats');
  const t0 = performance.now();
  const r = hasTime
    ? spawnSync(TIME, ['-o', stats, '-f', '%M', ...node], {
        cwd: opts.cwd ?? ROOT,
        encoding: 'utf8',
        timeout: opts.timeoutMs,
      })
    : spawnSync(node[0]!, node.slice(1), { cwd: opts.cwd ?? ROOT, encoding: 'utf8', timeout: opts.timeoutMs });
  const result: CliResult = { code: r.status, stderr: r.stderr ?? '', seconds: (performance.now() - t0) / 1000 };
  if (hasTime) {
    const kb = Number(readFileSync(stats, 'utf8').trim().split('\n').at(-1));
    if (Number.isFinite(kb)) result.peakMb = kb / 1024;
  }
  return result;
}

/** Starts the CLI without waiting for it (for two runs at once). */
export function cliAsync(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, '--concurrency', '2', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Every file under a folder with its bytes (hidden entries too, the cache excepted), for "nothing changed". */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.cache') continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p).toString('base64');
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

/** A figure for the log: seconds and peak MB of a CLI run. */
export const figure = (name: string, r: CliResult) =>
  console.log(`  ${name}: ${r.seconds.toFixed(1)} s, peak ${r.peakMb?.toFixed(0) ?? '?'} MB, exit ${r.code}`);
