// Data for training and checking the NER tagger: CoNLL-2003 train as documents of wink-tokenised sentences with
// BILOU gold labels, conll-valid as running text with gold spans, the gazetteer lists tokenised like run-time
// text, and exact-span scoring. Used by scripts/train-ner.ts.
import fs from 'node:fs';
import path from 'node:path';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractStatic, type TaggerToken } from '../src/stages/entities/tagger/features.ts';
import type { WordClusters } from '../src/stages/entities/tagger/clusters.ts';
import { GAZ_CLASSES, type Gazetteer, type GazetteerLists } from '../src/stages/entities/tagger/gazetteer.ts';
import { LABELS, spansFromTags } from '../src/stages/entities/tagger/labels.ts';
import type { TrainDoc } from '../src/stages/entities/tagger/train.ts';
import { tokensByLine, type WinkLike } from '../src/stages/entities/tagger/wink-tokens.ts';

const nlp = winkNLP(model) as unknown as WinkLike;
const its = nlp.its as { value: unknown };

/** The gazetteer file's entries tokenised with wink (so multi-token entries match run-time tokens), sorted. */
export function tokenisedGazetteer(file: string): GazetteerLists {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string[]>;
  const lists: GazetteerLists = {};
  for (const cls of GAZ_CLASSES) {
    const seen = new Set<string>();
    for (const e of raw[cls] ?? [])
      seen.add((nlp.readDoc(e).tokens().out(its.value) as string[]).map((t) => t.toLowerCase()).join(' '));
    lists[cls] = [...seen].sort();
  }
  return lists;
}

/** A document with its sentences' tokens beside the training sentences. */
export interface Doc {
  sentences: TrainDoc;
  tokens: TaggerToken[][];
}

/** IOB2 labels of wink tokens -> BILOU label indexes. */
function iobToBilou(iob: string[]): Int32Array {
  const out = new Int32Array(iob.length);
  for (let i = 0; i < iob.length; i++) {
    const t = iob[i]!;
    if (t === 'O') continue;
    const type = t.slice(2),
      begins = t.startsWith('B-') || iob[i - 1] === undefined || iob[i - 1]!.slice(2) !== type;
    const next = iob[i + 1];
    const ends = next === undefined || next !== `I-${type}`;
    const part = begins ? (ends ? 'U' : 'B') : ends ? 'L' : 'I';
    out[i] = LABELS.indexOf(`${part}-${type}`);
  }
  return out;
}

/** CoNLL column file -> documents of sentences of [token, IOB2 label]. */
export function readConll(file: string): [string, string][][][] {
  const docs: [string, string][][][] = [];
  let doc: [string, string][][] = [],
    sent: [string, string][] = [];
  const flush = (): void => {
    if (sent.length) doc.push(sent);
    sent = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (doc.length) docs.push(doc);
      doc = [];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const p = line.split(' ');
    sent.push([p[0]!, p[p.length - 1]!]);
  }
  flush();
  if (doc.length) docs.push(doc);
  return docs;
}

/** One CoNLL sentence as wink tokens with projected labels: each sentence is joined with single spaces and run
 * through wink; a CoNLL token wink splits ("Weston-super-Mare") gives its label to every piece. */
export function prepareSentence(
  s: [string, string][],
  gaz: Gazetteer,
  clusters?: WordClusters,
): { sentence: TrainDoc[number]; tokens: TaggerToken[] } {
  const text = s.map((t) => t[0]).join(' ');
  const starts: number[] = [];
  let o = 0;
  for (const [tok] of s) {
    starts.push(o);
    o += tok.length + 1;
  }
  const toks = tokensByLine(nlp, text)[0] ?? [];
  const iob: string[] = [];
  let c = 0,
    lastC = -1;
  for (const wt of toks) {
    while (c + 1 < starts.length && starts[c + 1]! <= wt.start) c++;
    const lab = s[c]![1];
    // The first wink piece of a CoNLL token keeps its label; later pieces continue the entity.
    iob.push(c === lastC && lab !== 'O' ? `I-${lab.slice(2)}` : lab);
    lastC = c;
  }
  const tokens: TaggerToken[] = toks.map((t) => ({ value: t.value, pos: t.pos }));
  return { sentence: { sf: extractStatic(tokens, gaz, clusters), gold: iobToBilou(iob) }, tokens };
}

/** conll-valid style running text (corpus/*.txt, gold/*.gold.json): documents of lines with gold span keys
 * ("PER:first:last" over the line's tokens). */
export function readRunningText(
  dir: string,
  gaz: Gazetteer,
  clusters?: WordClusters,
): { doc: Doc; gold: Set<string>[] }[] {
  const out: { doc: Doc; gold: Set<string>[] }[] = [];
  for (const f of fs
    .readdirSync(path.join(dir, 'corpus'))
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(dir, 'corpus', f), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(dir, 'gold', f.replace(/\.txt$/, '.gold.json')), 'utf8')) as {
      entities: { type: string; sentence: number; start: number; end: number }[];
    };
    const lines = tokensByLine(nlp, text);
    const lineStart: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStart.push(i + 1);
    const doc: Doc = { sentences: [], tokens: [] };
    const golds: Set<string>[] = [];
    lines.forEach((toks, li) => {
      if (!toks.length) return;
      const g = new Set<string>();
      for (const e of gold.entities) {
        if (e.sentence !== li || !['PER', 'ORG', 'LOC'].includes(e.type)) continue;
        const a = toks.findIndex((t) => t.start - lineStart[li]! === e.start),
          b = toks.findIndex((t) => t.end - lineStart[li]! === e.end);
        g.add(a >= 0 && b >= 0 ? `${e.type}:${a}:${b + 1}` : `${e.type}:unreachable:${e.start}`);
      }
      const tokens = toks.map((t) => ({ value: t.value, pos: t.pos }));
      doc.tokens.push(tokens);
      doc.sentences.push({ sf: extractStatic(tokens, gaz, clusters), gold: new Int32Array(tokens.length) });
      golds.push(g);
    });
    out.push({ doc, gold: golds });
  }
  return out;
}

/** PER/ORG/LOC span keys of label indexes. */
export function spanKeys(labels: Int32Array): string[] {
  return spansFromTags(Array.from(labels, (l) => LABELS[l]!))
    .filter((s) => s.type !== 'MISC')
    .map((s) => `${s.type}:${s.first}:${s.last}`);
}

/** Exact-span counts: true positives, predicted, gold. */
export class SpanScore {
  tp = 0;
  predicted = 0;
  gold = 0;
  /** Adds one sentence: predicted labels against gold span keys. */
  add(labels: Int32Array, gold: ReadonlySet<string>): void {
    const p = spanKeys(labels);
    this.predicted += p.length;
    this.gold += gold.size;
    for (const k of p) if (gold.has(k)) this.tp++;
  }
  /** F1 in percent. */
  f1(): number {
    const p = this.tp / (this.predicted || 1),
      r = this.tp / (this.gold || 1);
    return p + r ? (200 * p * r) / (p + r) : 0;
  }
}
