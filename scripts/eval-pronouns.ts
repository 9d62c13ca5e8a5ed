// Pronoun speakers against hand-judged referents (eval/pronouns/SET.json): PolNeAR leaves the speaker empty when
// the source is a pronoun, so its gold cannot tell whether "“…,” he said" went to the right person. These files
// are our own judgments of a sample of such pronouns (see docs/quality.md). `npm run eval` prints the figure for
// each set that has a file; alone:
//   npx tsx scripts/eval-pronouns.ts polnear-dev path/to/dataset.jsonl [-v]
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

interface Judged {
  id: string;
  offset: number;
  pronoun: string;
  referent: string | null;
  unsure?: boolean;
}
interface Quote {
  speaker: { name: string; entityId: string | null; mention: { start: number; text: string } | null } | null;
}

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The judged file of a dev set, or null when there is none. */
export function judgedPronouns(set: string): Judged[] | null {
  const path = join(ROOT, 'eval/pronouns', `${set}.json`);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { items: Judged[] }).items : null;
}

// The scorer's way of comparing names (../shared/eval/score.mjs): titles dropped, a lone surname matches.
const TITLES = new Set(['mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov', 'president', 'the']);
function words(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9' -]/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && !TITLES.has(w));
}
function sameName(pred: string, gold: string): boolean {
  const p = words(pred);
  const g = words(gold);
  if (!p.length || !g.length) return false;
  if (p.join(' ') === g.join(' ')) return true;
  return p.at(-1) === g.at(-1) && (p.length === 1 || g.length === 1 || p.length === g.length);
}

export interface PronounScore {
  named: number;
  right: number;
  wrong: number;
  lost: number;
  unnamed: number;
  unnamedLeft: number;
  errors: string[];
}

/** Scores the pronoun speakers of a dataset against the judged referents. */
export function scorePronouns(judged: readonly Judged[], datasetPath: string): PronounScore {
  const quotes = new Map<string, Quote[]>();
  for (const line of readFileSync(datasetPath, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as { id: string; quotes: Quote[] };
    quotes.set(r.id, r.quotes);
  }
  const s: PronounScore = { named: 0, right: 0, wrong: 0, lost: 0, unnamed: 0, unnamedLeft: 0, errors: [] };
  for (const j of judged) {
    const q = quotes.get(j.id)?.find((x) => x.speaker?.mention?.start === j.offset);
    const name = q?.speaker?.name ?? null;
    if (j.referent === null) {
      s.unnamed++;
      // Right when the pipeline linked no entity: the speaker is a phrase ("a representative for Mr. Pinchuk") or
      // the pronoun as written, or there is no quote.
      if (!q || !q.speaker?.entityId) s.unnamedLeft++;
      else s.errors.push(`${j.id}@${j.offset} ${j.pronoun}: ${name}, judged unnamed`);
      continue;
    }
    s.named++;
    // "Sarah Silverman and Al Franken": a pair is judged right when the pipeline names either.
    const right = name !== null && j.referent.split(/ and /).some((r) => sameName(name, r));
    if (!q) {
      s.lost++;
      s.errors.push(`${j.id}@${j.offset} ${j.pronoun}: no longer a quote's speaker, judged ${j.referent}`);
    } else if (right) s.right++;
    else {
      s.wrong++;
      s.errors.push(`${j.id}@${j.offset} ${j.pronoun}: ${name}, judged ${j.referent}`);
    }
  }
  return s;
}

export function formatPronounScore(s: PronounScore): string {
  const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
  return `pronoun speakers (hand-judged): ${s.right}/${s.named} named referents right (${pct(s.right, s.named)}%), ${s.wrong} wrong, ${s.lost} no longer found; ${s.unnamedLeft}/${s.unnamed} unnamed referents left unlinked`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [set, dataset] = process.argv.slice(2);
  const judged = set ? judgedPronouns(set) : null;
  if (!judged || !dataset) {
    console.error(
      'usage: npx tsx scripts/eval-pronouns.ts SET dataset.jsonl [-v]  (SET must have eval/pronouns/SET.json)',
    );
    process.exit(1);
  }
  const s = scorePronouns(judged, dataset);
  console.log(formatPronounScore(s));
  if (process.argv.includes('-v')) for (const e of s.errors) console.log(`  ${e}`);
}
