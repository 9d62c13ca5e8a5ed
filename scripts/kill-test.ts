// `npm run kill-test`: runs the pipeline on a few hundred generated articles and SIGKILLs it, at least 100 times,
// changing, adding or removing an article before each run so that every run has a new set to commit (a page to
// write, a page to delete, every table to replace). The kills land
//   - at seeded random moments of a CLI run (anywhere, and in its last quarter),
//   - the moment a file of the commit appears in the output folder (a staged table, report page or index, the
//     schema or manifest under its temporary name, the journal), watched through fs.watch,
//   - at exact points of the commit through its hooks (tests/robustness/kill-run-child.ts: every file staged and
//     no journal yet, the journal written, after the Kth of its renames).
// After each kill the folder is judged twice. As the kill left it: no final file torn (every JSON file parses,
// every dataset line too). After what the next run does first (the lock taken, the journal rolled forward, stale
// temporary files removed): one set, never a mix: the manifest's hashes and counts match the dataset and schema,
// and the tables and the report are byte for byte those made from that dataset. Then a final run must complete and
// equal a clean run over the same corpus, every file of the output byte for byte (so a kill never poisoned the
// cache either). Options: --kills N (100), --articles N (200), --seed N (9). Exit 1 on any torn or mixed set.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { JOURNAL, recoverFolder } from '../src/io/commit.ts';
import { checkOutputFolder, OUTPUT_FOLDERS } from '../src/outputs/sink.ts';
import { writeOutputs } from '../src/outputs/write-outputs.ts';
import { scriptHelp } from './help.ts';

scriptHelp(
  'kill-test',
  'SIGKILL the pipeline at random moments and inside its commit; the output folder is never torn or mixed.',
  ['[--kills N] [--articles N] [--seed N]'],
  ['0  every kill left one complete set, and the last run equals a clean run', '1  a torn or mixed output (listed)'],
);

const ROOT = new URL('..', import.meta.url).pathname;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = arg('--kills', 100);
const ARTICLES = arg('--articles', 200);
const SEED = arg('--seed', 9);

/** mulberry32: a small seeded PRNG, so a failing kill schedule can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = prng(SEED);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;

const PEOPLE = ['Jane Smith', 'Paul Lee', 'Antony Blinken', 'Karen Bass', 'Ann Lee', 'Maria Garcia', 'Olaf Scholz'];
const TITLES = ['Senator', 'Mayor', 'Secretary', 'Governor', 'President', 'Dr.'];
const CLAIMS = ['the plan would fail', 'the vote would be close', 'taxes would rise', 'the talks had stalled'];
const QUOTES = ['We are ready', 'This is a historic day', 'We cannot wait', 'It is not over', 'We will win this'];

function article(i: number, version: number): string {
  const who = pick(PEOPLE);
  const lines = [
    `Title: Report ${i} v${version}`,
    '',
    `${pick(TITLES)} ${who} said ${pick(CLAIMS)}, according to officials in Ohio.`,
  ];
  for (let k = 0; k < 3 + Math.floor(rand() * 5); k++) {
    lines.push(
      `“${pick(QUOTES)},” ${who.split(' ')[1]} said on Tuesday. ${pick(PEOPLE)} told reporters that ${pick(CLAIMS)}.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

const corpus = mkdtempSync(join(tmpdir(), 'kill-corpus-'));
const out = mkdtempSync(join(tmpdir(), 'kill-out-'));
const path = (i: number) => `${String(Math.floor(i / 50)).padStart(2, '0')}/a${String(i).padStart(4, '0')}.txt`;
const present = new Set<number>();
for (let i = 0; i < ARTICLES; i++) {
  mkdirSync(join(corpus, path(i), '..'), { recursive: true });
  writeFileSync(join(corpus, path(i)), article(i, 0));
  present.add(i);
}

// its own config (built-in defaults): the repository's pipeline.config.json may be mid-edit by someone else
const config = join(corpus, '..', `kill-config-${process.pid}.json`);
writeFileSync(config, '{}\n');
const cliArgs = (dir: string, extra: string[]) => [
  '--import',
  'tsx',
  join(ROOT, 'src/cli.ts'),
  '--input',
  corpus,
  '--output',
  dir,
  '--config',
  config,
  '--quiet',
  ...extra,
];

interface Ended {
  killed: boolean;
  code: number | null;
}

/** Runs the CLI (node itself, no wrapper process that would survive the kill) and SIGKILLs it after `ms`, or as
 * soon as a file whose name matches `trigger` appears in the output folder or one of its sub-folders. */
function cliKilled(extra: string[], ms: number, trigger?: RegExp): Promise<Ended> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, cliArgs(out, extra), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    const watchers = trigger
      ? OUTPUT_FOLDERS.filter((f) => existsSync(join(out, f))).map((f) =>
          watch(join(out, f), (_event, name) => {
            if (name && trigger.test(name)) child.kill('SIGKILL');
          }),
        )
      : [];
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
      if (code !== null && code !== 0 && code !== 2) console.log(`  run exited ${code}: ${stderr.slice(0, 300)}`);
      resolve({ killed: signal === 'SIGKILL', code });
    });
  });
}

/** Runs the pipeline in a child that kills itself at a point of its commit (tests/robustness/kill-run-child.ts). */
function hookKilled(point: string, force: boolean): Ended {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'tests/robustness/kill-run-child.ts'),
      corpus,
      out,
      point,
      config,
      ...(force ? ['force'] : []),
    ],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (r.status !== null && r.status !== 0) console.log(`  child exited ${r.status}: ${r.stderr.slice(0, 300)}`);
  return { killed: r.signal === 'SIGKILL', code: r.status };
}

/** Time of one complete run, to spread the kills over it. */
function timeFullRun(extra: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cliArgs(out, extra), { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reference run failed (${r.status}): ${r.stderr}`);
  return performance.now() - t0;
}

/** Every file of an output folder with its bytes (the cache, the lock and the journal excepted). */
function filesOf(dir: string, only?: RegExp): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      if (name === '.cache' || name === '.lock' || name === JOURNAL) continue;
      const p = join(d, name);
      const rel = relative(dir, p);
      if (statSync(p).isDirectory()) walk(p);
      else if (!only || only.test(rel)) files.set(rel, createHash('sha256').update(readFileSync(p)).digest('hex'));
    }
  };
  walk(dir);
  return files;
}

const same = (a: Map<string, string>, b: Map<string, string>) =>
  a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

/** Files a kill left torn: a JSON file or a dataset line that does not parse. */
function torn(): string[] {
  const bad: string[] = [];
  for (const f of ['dataset.jsonl', 'schema.json', 'manifest.json']) {
    if (!existsSync(join(out, f))) continue;
    const body = readFileSync(join(out, f), 'utf8');
    try {
      if (f.endsWith('.jsonl'))
        body
          .split('\n')
          .filter(Boolean)
          .forEach((l) => void JSON.parse(l));
      else JSON.parse(body);
    } catch {
      bad.push(f);
    }
  }
  return bad;
}

/** Whether the tables and the report in the folder are exactly those made from its dataset. */
async function outputsMatchDataset(): Promise<string[]> {
  const derived = mkdtempSync(join(tmpdir(), 'kill-derived-'));
  try {
    writeFileSync(join(derived, 'dataset.jsonl'), readFileSync(join(out, 'dataset.jsonl')));
    await writeOutputs(join(derived, 'dataset.jsonl'), { tablesOutDir: derived, reportDir: join(derived, 'report') });
    const only = /^(tables|report)\//;
    const have = filesOf(out, only);
    const want = filesOf(derived, only);
    const diff = [...new Set([...have.keys(), ...want.keys()])].filter((f) => have.get(f) !== want.get(f));
    return diff.sort();
  } finally {
    rmSync(derived, { recursive: true, force: true });
  }
}

console.log(`kill-test: ${ARTICLES} articles, ${KILLS} kills, seed ${SEED}`);
const coldMs = timeFullRun(['--force']);
const warmMs = timeFullRun([]);
console.log(
  `  a full run takes ${(coldMs / 1000).toFixed(1)} s cold (--force), ${(warmMs / 1000).toFixed(1)} s warm (cache)`,
);

// files that appear only inside the commit: staged tables, pages and index, the schema's and manifest's
// temporary files, the journal's, the journal
const COMMIT_FILES = [
  /^\.articles\.csv\..*\.tmp$/,
  /^\.quotes\.parquet\..*\.tmp$/,
  /^\.index\.html\..*\.tmp$/,
  /^\.\d\d_a\d+.*\.html\..*\.tmp$/,
  /^\.schema\.json\..*\.tmp$/,
  /^\.manifest\.json\..*\.tmp$/,
  /^\.\.commit\.json\..*\.tmp$/,
  /^\.commit\.json$/,
];
const tally = {
  kills: 0,
  finished: 0,
  byMode: { random: 0, late: 0, watched: 0, hooked: 0 },
  torn: 0,
  mixed: 0,
  inconsistent: 0,
  cutInsideCommit: 0,
  staleTemps: 0,
};
const t0 = performance.now();
for (let k = 1; tally.kills < KILLS; k++) {
  // a new set to commit: one article changed, and now and then one removed (its page deleted) or put back
  const changed = Math.floor(rand() * ARTICLES);
  if (present.has(changed) && rand() < 0.15) {
    rmSync(join(corpus, path(changed)));
    present.delete(changed);
  } else {
    writeFileSync(join(corpus, path(changed)), article(changed, k));
    present.add(changed);
  }
  const mode = pick(['random', 'late', 'watched', 'hooked'] as const);
  let r: Ended;
  if (mode === 'hooked') {
    // a warm run renames a dozen files or so (8 tables, the changed pages, the index, dataset, schema, manifest),
    // a forced one every page too: the Kth anywhere among them, or before the journal, or right after it
    const force = rand() < 0.3;
    const renames = force ? ARTICLES + 12 : 14;
    r = hookKilled(pick(['staged', 'journal', `rename:${1 + Math.floor(rand() * renames)}`]), force);
  } else {
    const cold = k % 4 === 0;
    const span = cold ? coldMs : warmMs;
    const extra = cold ? ['--force', '--concurrency', pick(['off', '2'])] : [];
    const at = mode === 'random' ? rand() * span : mode === 'late' ? span * (0.75 + rand() * 0.3) : span * 3;
    r = await cliKilled(extra, at, mode === 'watched' ? pick(COMMIT_FILES) : undefined);
  }
  if (!r.killed) {
    tally.finished++;
    continue;
  }
  tally.kills++;
  tally.byMode[mode]++;

  // what the kill left, before any recovery: a final file is never torn
  const tornNow = torn();
  if (tornNow.length) {
    tally.torn++;
    console.log(`  kill ${k} (${mode}): torn ${tornNow.join(', ')}`);
  }
  if (existsSync(join(out, JOURNAL))) tally.cutInsideCommit++;
  // what the next run does first, under the folder's lock (its holder is dead)
  const rec = recoverFolder(out, { exclusive: true, folders: OUTPUT_FOLDERS });
  tally.staleTemps += rec.removed.length;
  const problems = checkOutputFolder(out);
  if (problems.length) {
    tally.inconsistent++;
    console.log(`  kill ${k} (${mode}): ${problems.join('; ')}`);
  }
  const mixed = await outputsMatchDataset();
  if (mixed.length) {
    if (process.env.KILL_KEEP) cpSync(out, `${process.env.KILL_KEEP}-${k}`, { recursive: true });
    tally.mixed++;
    console.log(`  kill ${k} (${mode}): tables or report not of the dataset: ${mixed.slice(0, 5).join(', ')}`);
  }
}
console.log(
  `  ${tally.kills} kills (${tally.byMode.random} random, ${tally.byMode.late} late in the run, ${tally.byMode.watched} on a commit file appearing, ${tally.byMode.hooked} at a point of the commit; +${tally.finished} runs that finished first) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(
  `  ${tally.cutInsideCommit} cut between a commit's journal and its end (rolled forward by the next run); ${tally.staleTemps} stale temporary files removed`,
);
console.log(
  `  torn files: ${tally.torn}; inconsistent sets: ${tally.inconsistent}; mixed sets (tables or report not of the dataset): ${tally.mixed}`,
);

// the final run completes, and equals a clean run over the same corpus, every file byte for byte
const final = spawnSync(process.execPath, cliArgs(out, []), { cwd: ROOT, encoding: 'utf8' });
const clean = mkdtempSync(join(tmpdir(), 'kill-clean-'));
const reference = spawnSync(process.execPath, cliArgs(clean, ['--concurrency', 'off']), {
  cwd: ROOT,
  encoding: 'utf8',
});
const identical = same(filesOf(out), filesOf(clean));
const finalOk = final.status === 0 && reference.status === 0 && checkOutputFolder(out).length === 0 && identical;
console.log(
  `  final run: exit ${final.status}, ${finalOk ? `complete and byte-identical to a clean run (${filesOf(clean).size} files)` : `NOT OK (clean run exit ${reference.status}, same bytes: ${identical}, ${checkOutputFolder(out).join('; ')})`}`,
);

const ok =
  tally.torn === 0 && tally.inconsistent === 0 && tally.mixed === 0 && tally.kills >= Math.min(KILLS, 100) && finalOk;
console.log(ok ? 'kill-test: PASS' : 'kill-test: FAIL');
if (ok) for (const d of [corpus, out, clean, config]) rmSync(d, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
