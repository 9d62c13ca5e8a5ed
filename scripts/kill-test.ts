// `npm run kill-test`: runs the CLI on a few hundred generated articles and SIGKILLs it at seeded random moments,
// at least 50 times, changing one article before each run so that every run has new output to commit. After each
// kill the output folder must hold one complete, consistent set: every file parses, the manifest's sha256 of
// dataset.jsonl and schema.json match, its counts match the dataset (a commit cut between its renames is finished
// by the next run's recovery, which is counted). Then a final run must complete and equal a clean run, byte for
// byte (so a kill never poisoned the cache either).
// Options: --kills N (60), --articles N (240), --seed N (9). Exit 1 on any torn or inconsistent output.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOURNAL, recoverFolder } from '../src/io/commit.ts';
import { checkOutputFolder } from '../src/outputs/sink.ts';
import { scriptHelp } from './help.ts';

scriptHelp(
  'kill-test',
  'SIGKILL the command at random moments and check the output folder is never torn.',
  [],
  ['0  every kill left a complete, consistent output folder', '1  a torn or stale output (listed)'],
);

const ROOT = new URL('..', import.meta.url).pathname;
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const KILLS = arg('--kills', 60);
const ARTICLES = arg('--articles', 240);
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

const PEOPLE = [
  'Jane Smith',
  'Paul Lee',
  'Antony Blinken',
  'Karen Bass',
  'Ann Lee',
  'Joe Biden',
  'Maria Garcia',
  'Olaf Scholz',
];
const TITLES = ['Senator', 'Mayor', 'Secretary', 'Governor', 'President', 'Dr.'];
const CLAIMS = [
  'the plan would fail',
  'the vote would be close',
  'taxes would rise',
  'the city would open new shelters',
  'the talks had stalled',
];
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

const sha = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const corpus = mkdtempSync(join(tmpdir(), 'kill-corpus-'));
const out = mkdtempSync(join(tmpdir(), 'kill-out-'));
const path = (i: number) => `${String(Math.floor(i / 50)).padStart(2, '0')}/a${String(i).padStart(4, '0')}.txt`;
for (let i = 0; i < ARTICLES; i++) {
  mkdirSync(join(corpus, path(i), '..'), { recursive: true });
  writeFileSync(join(corpus, path(i)), article(i, 0));
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

/** Runs the CLI (node itself, no wrapper process that would survive the kill) and SIGKILLs it after `ms`, or as
 * soon as a file whose name matches `trigger` appears in the output folder (to land kills inside the commit). */
function runAndKill(
  extra: string[],
  ms: number,
  trigger?: RegExp,
): Promise<{ killed: boolean; code: number | null; elapsed: number }> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, cliArgs(out, extra), { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    const watcher = trigger
      ? watch(out, (_event, name) => {
          if (name && trigger.test(name)) child.kill('SIGKILL');
        })
      : undefined;
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      watcher?.close();
      if (code !== null && code !== 0) console.log(`  run exited ${code}: ${stderr.slice(0, 300)}`);
      resolve({ killed: signal === 'SIGKILL', code, elapsed: performance.now() - t0 });
    });
  });
}

/** Time of one complete run, to spread the kills over it. */
function timeFullRun(extra: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, cliArgs(out, extra), { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reference run failed (${r.status}): ${r.stderr}`);
  return performance.now() - t0;
}

console.log(`kill-test: ${ARTICLES} articles, ${KILLS} kills, seed ${SEED}`);
const coldMs = timeFullRun(['--force']);
const warmMs = timeFullRun([]);
console.log(
  `  a full run takes ${(coldMs / 1000).toFixed(1)} s cold (--force), ${(warmMs / 1000).toFixed(1)} s warm (cache)`,
);

const COMMIT_FILES = [
  /^\.schema\.json\..*\.tmp$/,
  /^\.manifest\.json\..*\.tmp$/,
  /^\.\.commit\.json\..*\.tmp$/,
  /^\.commit\.json$/,
];
const tally = {
  mixedBeforeRecovery: 0,
  targeted: 0,
  kills: 0,
  finished: 0,
  torn: 0,
  inconsistent: 0,
  rolledForward: 0,
  staleTemps: 0,
  newSet: 0,
  previousSet: 0,
};
const t0 = performance.now();
for (let k = 1; tally.kills < KILLS; k++) {
  // a new version of one article: the run has something new to commit
  const changed = Math.floor(rand() * ARTICLES);
  const text = article(changed, k);
  writeFileSync(join(corpus, path(changed)), text);
  const cold = k % 2 === 0;
  const span = cold ? coldMs : warmMs;
  // a third of the kills anywhere in the run, a third in its last quarter, a third the moment a commit file
  // appears (the schema's or manifest's temporary file, the journal's, the journal): inside the commit itself
  const mode = rand();
  const at = mode < 1 / 3 ? rand() * span : mode < 2 / 3 ? span * (0.75 + rand() * 0.3) : span * 3;
  const trigger = mode < 2 / 3 ? undefined : pick(COMMIT_FILES);
  if (trigger) tally.targeted++;
  const r = await runAndKill(cold ? ['--force', '--concurrency', pick(['off', '2'])] : [], at, trigger);
  if (r.killed) tally.kills++;
  else tally.finished++;

  // what the kill left, before any recovery: a final file is never torn
  for (const f of ['dataset.jsonl', 'schema.json', 'manifest.json']) {
    if (!existsSync(join(out, f))) continue;
    const body = readFileSync(join(out, f), 'utf8');
    try {
      if (f.endsWith('.jsonl'))
        body
          .split('\n')
          .filter(Boolean)
          .forEach((l) => JSON.parse(l));
      else JSON.parse(body);
    } catch {
      tally.torn++;
      console.log(`  kill ${k} at ${at.toFixed(0)} ms: ${f} is torn`);
    }
  }
  if (existsSync(join(out, JOURNAL))) {
    // killed between the renames of a commit: the next run finishes it first (as the CLI's FolderSink does);
    // until then a reader that checks the hashes can tell the set is mid-commit
    tally.rolledForward++;
    if (checkOutputFolder(out).some((p) => !p.startsWith(JOURNAL))) tally.mixedBeforeRecovery++;
  }
  const rec = recoverFolder(out);
  tally.staleTemps += rec.removed.length;
  const problems = checkOutputFolder(out);
  if (problems.length) {
    tally.inconsistent++;
    console.log(`  kill ${k} at ${at.toFixed(0)} ms: ${problems.join('; ')}`);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
    inputs: { path: string; sha256: string }[];
  };
  if (manifest.inputs.find((x) => x.path === path(changed))?.sha256 === sha(text)) tally.newSet++;
  else tally.previousSet++;
}
console.log(
  `  ${tally.kills} kills (${tally.targeted} aimed at the commit; +${tally.finished} runs that finished before their kill) in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
);
console.log(
  `  after each: ${tally.previousSet} left the previous set, ${tally.newSet} the new set; ${tally.rolledForward} were cut inside a commit and rolled forward (${tally.mixedBeforeRecovery} of them with files of both sets before that); ${tally.staleTemps} stale temporary files removed`,
);
console.log(`  torn files: ${tally.torn}; inconsistent sets: ${tally.inconsistent}`);

// the final run completes, and equals a clean run over the same corpus byte for byte
const final = spawnSync(process.execPath, cliArgs(out, []), { cwd: ROOT, encoding: 'utf8' });
const clean = mkdtempSync(join(tmpdir(), 'kill-clean-'));
const reference = spawnSync(process.execPath, cliArgs(clean, ['--concurrency', 'off']), {
  cwd: ROOT,
  encoding: 'utf8',
});
const same = ['dataset.jsonl', 'schema.json', 'manifest.json'].every(
  (f) => readFileSync(join(out, f), 'utf8') === readFileSync(join(clean, f), 'utf8'),
);
const finalOk = final.status === 0 && reference.status === 0 && checkOutputFolder(out).length === 0 && same;
console.log(
  `  final run: exit ${final.status}, ${finalOk ? 'complete and byte-identical to a clean run' : `NOT OK (clean run exit ${reference.status}, same bytes: ${same}, ${checkOutputFolder(out).join('; ')})`}`,
);

const ok = tally.torn === 0 && tally.inconsistent === 0 && tally.kills >= Math.min(KILLS, 50) && finalOk;
console.log(ok ? 'kill-test: PASS' : 'kill-test: FAIL');
if (ok) for (const d of [corpus, out, clean, config]) rmSync(d, { recursive: true, force: true });
process.exitCode = ok ? 0 : 1;
