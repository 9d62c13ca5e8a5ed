// Development tool: lists quote errors on a gold set (missed gold quotes, extra predictions, wrong speakers)
// with context, for error analysis. Matching follows ../shared/eval/score.mjs loosely (coverage of the gold span).
//   npx tsx scripts/quote-errors.ts polnear-train|ggt-dev [--limit 40] [--kind missed|extra|speaker] [--strict]
// The sets are read from $SHARED_DIR/dev (default ../shared/dev).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { processArticle } from '../src/pipeline.ts';

interface GoldQuote {
  type: string;
  text: string;
  speaker: string | null;
  /** GGT gold: the speaker as written, when `speaker` is resolved. */
  speakerText?: string;
  cue: string | null;
  start?: number;
  end?: number;
}
const set = process.argv[2] ?? 'polnear-train';
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const limit = Number(arg('--limit') ?? 30);
const kind = arg('--kind');
// --strict: list the speakers the scorer counts wrong (GGT's gold resolves names, so relaxed matching hides little).
const strictOnly = process.argv.includes('--strict');
const dir = resolve(process.env.SHARED_DIR ?? '../shared', 'dev', set);
const config = loadConfig('pipeline.config.json', false);
// The scorer's name comparison (../shared/eval/score.mjs): titles and descriptors dropped, a lone surname matches.
const TITLES = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady rev gen general sen senator rep representative gov governor ' +
    'president vice prime minister secretary premier mayor chief justice judge officer constable sgt sergeant capt captain lt col st the hon ' +
    'spokesman spokeswoman spokesperson congressman congresswoman chairman chairwoman ceo director attorney former mp mpp coach'
  ).split(' '),
);
function nameTokens(name: string): string[] {
  const bare = (name || '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .split(/,| \(| of /)[0]!;
  return bare
    .replace(/[^a-z0-9' -]/g, ' ')
    .split(/[\s-]+/)
    .filter((t) => t && !TITLES.has(t));
}
function sameName(pred: string, gold: string): boolean {
  const p = nameTokens(pred),
    g = nameTokens(gold);
  if (!p.length || !g.length) return false;
  if (p.join(' ') === g.join(' ')) return true;
  if (p.at(-1) !== g.at(-1)) return false;
  return p.length === 1 || g.length === 1;
}
// Relaxed: every word of the predicted name is in the gold phrase, ending the same ("Republican pollster Daron
// Shaw" ~ "Daron Shaw"). PolNeAR writes speakers as the article does, descriptors and all; the held-out set's
// canonical names are what we aim at, so both figures are printed.
function relaxedName(pred: string, gold: string): boolean {
  if (sameName(pred, gold)) return true;
  const p = nameTokens(pred);
  const g = new Set(nameTokens(gold.split(/,| \(/)[0]!));
  return p.length > 0 && p.every((t) => g.has(t));
}
let matchedNamed = 0,
  strictOk = 0,
  relaxedOk = 0;
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”"‘’'`]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
const out: { missed: string[]; extra: string[]; speaker: string[] } = { missed: [], extra: [], speaker: [] };
const tally: Record<string, number> = {};
const files = readdirSync(join(dir, 'corpus')).sort();
const sample = arg('--every') ? files.filter((_, i) => i % Number(arg('--every')) === 0) : files;
for (const f of sample) {
  const id = f.replace(/\.txt$/, '');
  const gold = JSON.parse(readFileSync(join(dir, 'gold', `${id}.gold.json`), 'utf8')) as { quotes: GoldQuote[] };
  const r = processArticle({ id, path: f, bytes: readFileSync(join(dir, 'corpus', f)) }, config).record;
  if (!r) continue;
  const text = norm(r.text);
  const cps = [...r.text];
  const preds = r.quotes.map((q) => ({ q, n: norm(cps.slice(q.start, q.end).join('')), used: false }));
  for (const g of gold.quotes) {
    const gn = norm(g.text).replace(/^[\s",.;:]+|[\s",.;:]+$/g, '');
    const at = text.indexOf(gn);
    const span = (p: (typeof preds)[number]) => {
      const pAt = text.indexOf(p.n);
      return pAt < 0 ? [0, 0] : [pAt, pAt + p.n.length];
    };
    const inter = (p: (typeof preds)[number]) => {
      const [a, b] = span(p);
      return Math.max(0, Math.min(at + gn.length, b!) - Math.max(at, a!));
    };
    let best: (typeof preds)[number] | undefined;
    let cov = 0;
    for (const p of preds) {
      if (p.used || at < 0) continue;
      const c = inter(p) / Math.max(1, gn.length);
      if (c > cov) {
        cov = c;
        best = p;
      }
    }
    // Fragments of one gold quote (interrupted by its cue) count together, as the scorer does.
    const inside = at < 0 ? [] : preds.filter((p) => !p.used && inter(p) / Math.max(1, p.n.length) >= 0.5);
    const union = inside.reduce((n, p) => n + inter(p), 0) / Math.max(1, gn.length);
    if (inside.length > 1 && union > cov + 0.05) {
      cov = union;
      for (const p of inside.slice(1)) p.used = true;
      best = inside[0];
    }
    if (!best || cov <= 0.3) {
      const key = `missed ${g.type} cue=${(g.cue ?? 'none').toLowerCase()}`;
      tally[key] = (tally[key] ?? 0) + 1;
      out.missed.push(`[${id}] MISSED ${g.type} cue=${g.cue} spk=${g.speaker}\n   ${g.text.slice(0, 220)}`);
      continue;
    }
    best.used = true;
    const name = best.q.speaker?.name ?? '';
    // The scorer counts the canonical name or the mention as written.
    const said = best.q.speaker?.mention?.text ?? '';
    const strict = (gold: string) => sameName(name, gold) || sameName(said, gold);
    const relaxed = (gold: string) => relaxedName(name, gold) || relaxedName(said, gold);
    if (g.speaker) {
      matchedNamed++;
      if (strict(g.speaker)) strictOk++;
      if (relaxed(g.speaker)) relaxedOk++;
    }
    if (g.speaker && !(strictOnly ? strict(g.speaker) : relaxed(g.speaker))) {
      const key = `speaker ${best.q.speaker ? 'wrong' : 'none'} (${g.type})`;
      tally[key] = (tally[key] ?? 0) + 1;
      out.speaker.push(
        `[${id}] SPEAKER gold=${g.speaker}${g.speakerText && g.speakerText !== g.speaker ? ` (as written: ${g.speakerText})` : ''} pred=${name || 'null'} via cue=${best.q.cue?.text ?? 'none'} mention=${best.q.speaker?.mention?.text ?? '-'}\n   ${g.text.slice(0, 160)}`,
      );
    }
  }
  for (const p of preds)
    if (!p.used) {
      const key = `extra ${p.q.type} cue=${p.q.cue?.text.toLowerCase() ?? 'none'}`;
      tally[key] = (tally[key] ?? 0) + 1;
      out.extra.push(
        `[${id}] EXTRA ${p.q.type} cue=${p.q.cue?.text} spk=${p.q.speaker?.name} conf=${p.q.confidence}\n   ${p.q.text.slice(0, 220)}`,
      );
    }
}
console.log(
  `speaker accuracy on matched quotes with a named gold speaker: scorer-strict ${((100 * strictOk) / matchedNamed).toFixed(1)}, relaxed ${((100 * relaxedOk) / matchedNamed).toFixed(1)} (${matchedNamed})`,
);
const sorted = Object.entries(tally).sort((a, b) => b[1] - a[1]);
console.log(
  sorted
    .slice(0, 40)
    .map(([k, v]) => `${String(v).padStart(5)}  ${k}`)
    .join('\n'),
);
for (const k of kind ? [kind] : Object.keys(out)) {
  const list = out[k as keyof typeof out];
  console.log(`\n### ${k} (${list.length})`);
  const step = Math.max(1, Math.floor(list.length / limit));
  for (let i = 0; i < list.length && i / step < limit; i += step) console.log(list[i]);
}
