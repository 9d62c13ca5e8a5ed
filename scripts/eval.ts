// npm run eval: runs the pipeline over the gold-annotated development sets in ../shared/dev into a temporary
// folder and prints the scorer's figures (../shared/eval/score.mjs). Says so, and exits 0, when ../shared is
// absent (a clone outside the workplace).
//   npm run eval                      seed, polnear-dev, ggt-dev, conll-valid
//   npm run eval -- polnear-train     any set names under ../shared/dev
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { FolderSink } from '../src/outputs/sink.ts';
import { runPipeline } from '../src/run/in-process.ts';
import { formatPronounScore, judgedPronouns, scorePronouns } from './eval-pronouns.ts';
import { scriptHelp } from './help.ts';

scriptHelp(
  'eval',
  'Score the pipeline on the gold development sets in ../shared/dev (exit 0 with a note when absent).',
  ['[SET ...] [--json] [--keep]   (default: seed polnear-dev ggt-dev conll-valid)'],
);

const SHARED = resolve(process.env.SHARED_DIR ?? '../shared');
const SCORER = join(SHARED, 'eval/score.mjs');
// What each set is scored on: the scorer's tasks that its gold supports.
const TASKS: Record<string, string[]> = {
  seed: ['quotes', 'mentions', 'people'],
  'polnear-dev': ['quotes'],
  'polnear-train': ['quotes'],
  'conll-valid': ['ner'],
  'ggt-dev': ['quotes', 'people', 'sources'],
};

const args = process.argv.slice(2);
const sets = args.filter((a) => !a.startsWith('--'));
const chosen = sets.length ? sets : ['seed', 'polnear-dev', 'ggt-dev', 'conll-valid'];

if (!existsSync(SCORER)) {
  console.log(`eval: ${SHARED} is not here (no scorer at ${SCORER}); nothing to evaluate.`);
  process.exit(0);
}

const config = loadConfig('pipeline.config.json', false);
const tmp = mkdtempSync(join(tmpdir(), 'eval-'));
try {
  for (const set of chosen) {
    const dir = join(SHARED, 'dev', set);
    if (!existsSync(join(dir, 'corpus'))) {
      console.log(`${set}: not found under ${SHARED}/dev, skipped`);
      continue;
    }
    const out = join(tmp, set);
    const t0 = performance.now();
    const s = runPipeline({ input: join(dir, 'corpus'), config, sink: new FolderSink(out) });
    const secs = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(`== ${set}: ${s.ok}/${s.inputs} articles, ${s.quotes} quotes, ${s.entities} entities (${secs} s)`);
    for (const task of TASKS[set] ?? ['quotes']) {
      const outText = execFileSync(
        'node',
        [SCORER, task, join(dir, 'gold'), join(out, 'dataset.jsonl'), ...(args.includes('--json') ? ['--json'] : [])],
        { encoding: 'utf8' },
      );
      process.stdout.write(outText);
    }
    const judged = judgedPronouns(set);
    if (judged) console.log(formatPronounScore(scorePronouns(judged, join(out, 'dataset.jsonl'))));
  }
} finally {
  if (!args.includes('--keep')) rmSync(tmp, { recursive: true, force: true });
  else console.log(`outputs kept in ${tmp}`);
}
