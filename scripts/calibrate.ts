// Confidence calibration on a gold set (default polnear-train):
//   npx tsx scripts/calibrate.ts [set]           precision of quotes by confidence band (is the curve monotone?)
//   npx tsx scripts/calibrate.ts [set] --write   rewrite data/lexicon/confidence.json: precision by evidence
//                                                signature, each level smoothed toward the level above it
// A predicted quote counts as right when it covers more than 30% of a gold quote's span (the scorer's loose
// threshold), one to one, or lies mostly inside one (the fragments of a quote split by its cue count together). Tune on polnear-train; never on a test set.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { findEntities } from '../src/stages/entities/index.ts';
import { ingest } from '../src/stages/ingest/index.ts';
import { loadBoilerplateRules } from '../src/stages/ingest/boilerplate.ts';
import { findQuotes } from '../src/stages/quotes/index.ts';
import { segment } from '../src/stages/segment/index.ts';

const set = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'polnear-train';
const write = process.argv.includes('--write');
// --list SIG: print every candidate whose evidence key contains SIG, right or wrong, in its context.
const listAt = process.argv.indexOf('--list');
const list = listAt > 0 ? process.argv[listAt + 1] : undefined;
const dir = resolve(process.env.SHARED_DIR ?? '../shared', 'dev', set);
// Every candidate is calibrated and banded, whatever the shipped threshold drops: a signature that never reached
// the threshold must still get its own precision.
const shipped = loadConfig('pipeline.config.json', false);
const config = { ...shipped, quotes: { ...shipped.quotes, minConfidence: 0 } };
const rules = loadBoilerplateRules();
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”"‘’'`]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();

interface Seen {
  confidence: number;
  sigs: string[];
  lemma?: string;
  right: boolean;
}
const seen: Seen[] = [];
for (const f of readdirSync(join(dir, 'corpus')).sort()) {
  const id = f.replace(/\.txt$/, '');
  const gold = JSON.parse(readFileSync(join(dir, 'gold', `${id}.gold.json`), 'utf8')) as { quotes: { text: string }[] };
  const a = ingest({ id, path: f, bytes: readFileSync(join(dir, 'corpus', f)) }, config, rules);
  if (a.messages.some((m) => m.severity === 'error')) continue;
  const q = findQuotes(findEntities(segment(a, config), config), config);
  const text = norm(q.text);
  const spans = gold.quotes.map((g) => {
    const n = norm(g.text).replace(/^[\s",.;:]+|[\s",.;:]+$/g, '');
    const at = text.indexOf(n);
    return at < 0 ? null : ([at, at + n.length] as const);
  });
  const taken = new Set<number>();
  for (const quote of q.quotes) {
    const n = norm(quote.text);
    const at = text.indexOf(n);
    let right = false;
    spans.forEach((g, i) => {
      if (right || !g || at < 0) return;
      const inter = Math.max(0, Math.min(g[1], at + n.length) - Math.max(g[0], at));
      // A fragment lying mostly inside a gold quote is part of it (a quote split by its cue), as the scorer counts.
      if (inter / Math.max(1, n.length) >= 0.5) right = true;
      else if (!taken.has(i) && inter / (g[1] - g[0]) > 0.3) right = true;
      if (right) taken.add(i);
    });
    const [sig = '', lemma] = (quote.evidence ?? '').split('#');
    const parts = sig.split('|');
    const sigs = [sig, parts.slice(0, 3).join('|'), parts.slice(0, 2).join('|'), parts[0]!];
    seen.push({ confidence: quote.confidence, sigs, lemma, right });
    if (list !== undefined && (quote.evidence ?? '').includes(list)) {
      const before = q.text.slice(Math.max(0, quote.start - 120), quote.start).replace(/\s+/g, ' ');
      const after = q.text.slice(quote.end, quote.end + 80).replace(/\s+/g, ' ');
      console.log(
        `${right ? 'RIGHT' : 'WRONG'} [${id}] ${quote.evidence}\n   …${before}⟦${quote.text.slice(0, 160)}⟧${after}…`,
      );
    }
  }
}

if (write) {
  // Precision by signature, each level smoothed toward its parent with weight M, kept when seen MIN times.
  const M = 10,
    MIN = 8;
  const prior = seen.filter((s) => s.right).length / Math.max(1, seen.length);
  const levels: Record<string, number>[] = [];
  const stats = (level: number) => {
    const m = new Map<string, [number, number]>();
    for (const s of seen) {
      const k = s.sigs[level]!;
      const v = m.get(k) ?? [0, 0];
      v[0] += s.right ? 1 : 0;
      v[1]++;
      m.set(k, v);
    }
    return m;
  };
  const parentOf = (level: number, key: string) => {
    for (let l = level + 1; l < 4; l++) {
      const p =
        levels[l]?.[
          key
            .split('|')
            .slice(0, 4 - l)
            .join('|')
        ];
      if (p !== undefined) return p;
    }
    return prior;
  };
  for (let level = 3; level >= 0; level--) {
    const table: Record<string, number> = {};
    for (const [k, [hit, n]] of [...stats(level)].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
      if (n < MIN) continue;
      table[k] = Math.round(((hit + M * parentOf(level, k)) / (n + M)) * 1000) / 1000;
    }
    levels[level] = table;
  }
  // Precision by cue lemma and type, smoothed toward the mean of what the signatures give those same quotes.
  const bySignature = (s: Seen) => {
    for (let l = 0; l < 4; l++) {
      const p = levels[l]![s.sigs[l]!];
      if (p !== undefined) return p;
    }
    return prior;
  };
  const lemmaStats = new Map<string, [number, number, number]>();
  for (const s of seen) {
    if (!s.lemma) continue;
    const v = lemmaStats.get(s.lemma) ?? [0, 0, 0];
    v[0] += s.right ? 1 : 0;
    v[1]++;
    v[2] += bySignature(s);
    lemmaStats.set(s.lemma, v);
  }
  const lemmas: Record<string, number> = {};
  for (const [k, [hit, n, base]] of [...lemmaStats].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
    if (n < MIN) continue;
    lemmas[k] = Math.round(((hit + M * (base / n)) / (n + M)) * 1000) / 1000;
  }
  writeFileSync(
    'data/lexicon/confidence.json',
    `${JSON.stringify({ $comment: `Written by scripts/calibrate.ts ${set} --write: precision of quotes by evidence signature (kind|type|speakerVia|extra), most specific level first, and by cue lemma and type (lemmas, used first when listed), on development data.`, levels, lemmas, prior: Math.round(prior * 1000) / 1000 }, null, 1)}\n`,
  );
  console.log(`data/lexicon/confidence.json written from ${seen.length} quotes`);
} else if (process.argv.includes('--signatures')) {
  // Precision by the most specific signature (and lemma), to compare how evidence fares across sets.
  const m = new Map<string, [number, number, number]>();
  for (const s of seen) {
    const k = s.lemma ? `${s.sigs[0]}#${s.lemma}` : s.sigs[0]!;
    const v = m.get(k) ?? [0, 0, 0];
    v[0] += s.right ? 1 : 0;
    v[1]++;
    v[2] += s.confidence;
    m.set(k, v);
  }
  console.log(`signature                                   quotes  precision  mean confidence   (${set})`);
  for (const [k, [hit, n, c]] of [...m].sort((x, y) => y[1][1] - x[1][1]))
    console.log(
      `${k.padEnd(44)} ${String(n).padStart(6)}  ${((100 * hit) / n).toFixed(1).padStart(9)}  ${(c / n).toFixed(3)}`,
    );
} else {
  const bands = [0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01];
  console.log(`confidence band   quotes  precision   (${set})`);
  for (let i = 0; i < bands.length - 1; i++) {
    const inBand = seen.filter((s) => s.confidence >= bands[i]! && s.confidence < bands[i + 1]!);
    const p = inBand.length ? ((100 * inBand.filter((s) => s.right).length) / inBand.length).toFixed(1) : '-';
    console.log(
      `[${bands[i]!.toFixed(1)}, ${Math.min(1, bands[i + 1]!).toFixed(1)}${i === bands.length - 2 ? ']' : ')'}   ${String(inBand.length).padStart(6)}  ${p}`,
    );
  }
}
