// Training of the second pass (used by scripts/train-ner.ts). The first-pass model stays as trained; the second
// pass adds the non-local features' weights (nonlocal.ts) to its scores. Those weights are learnt on first passes
// the training documents never saw: each document is tagged by a model trained without its fold (jackknifing),
// so the first-pass labels the features are built from make the mistakes they make on new text.
import { type FeatureIndex, MAX_DOC, createDocContext, decodeSentence, docKeys, remember } from './decode.ts';
import { MAX_STATIC, NUM_DYNAMIC, dynamicKeys } from './features.ts';
import { ALLOWED, FINAL, NUM_LABELS } from './labels.ts';
import { MAX_NL, isTitleCaseLine, nonLocalKeys } from './nonlocal.ts';
import { Perceptron, type TrainDoc, mulberry32, staticRows } from './train.ts';
import type { TaggerToken } from './features.ts';

const L = NUM_LABELS;

/** A model as training sees it: a key index and float weights (rows of NUM_LABELS). */
export interface FloatModel {
  index: FeatureIndex;
  W: Float32Array;
}

/** A document after a first pass: per sentence its static and document-memory scores and its labels, and the
 * non-local feature keys those labels give every token. */
export interface FirstPassDoc {
  doc: TrainDoc;
  model: FloatModel;
  base: Float32Array[];
  labels: Int32Array[];
  nlKeys: Uint32Array[];
  nlCounts: Uint8Array[];
}

/** Tags a document's sentences with a model (first pass, document memory as at run time) and derives the
 * non-local keys. `tokens` are the sentences' tokens (for the title-case test). */
export function firstPass(model: FloatModel, doc: TrainDoc, tokens: readonly (readonly TaggerToken[])[]): FirstPassDoc {
  const ctx = createDocContext();
  const holder = { W: model.W };
  const base: Float32Array[] = [],
    labels: Int32Array[] = [];
  for (const s of doc) {
    const { sf } = s,
      n = sf.n;
    const sRows = staticRows(sf, model.index);
    const dK = new Uint32Array(n * MAX_DOC),
      dC = new Uint8Array(n),
      dR = new Int32Array(n * MAX_DOC);
    docKeys(sf, ctx, dK, dC);
    for (let i = 0; i < dK.length; i++) dR[i] = model.index.get(dK[i]!);
    const b = new Float32Array(n * L);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < sf.counts[i]!; k++) addRow(b, i * L, model.W, sRows[i * MAX_STATIC + k]!);
      for (let k = 0; k < dC[i]!; k++) addRow(b, i * L, model.W, dR[i * MAX_DOC + k]!);
    }
    const out = new Int32Array(n);
    if (n) decodeSentence(sf, sRows, dR, dC, model.index, holder, out);
    remember(ctx, sf, out);
    base.push(b);
    labels.push(out);
  }
  const total = doc.reduce((a, s) => a + s.sf.n, 0);
  const lower = new Uint32Array(total),
    cap = new Uint8Array(total),
    all = new Int32Array(total),
    starts = new Int32Array(doc.length + 1);
  let off = 0;
  doc.forEach((s, k) => {
    starts[k] = off;
    lower.set(s.sf.lower, off);
    cap.set(s.sf.cap, off);
    all.set(labels[k]!, off);
    off += s.sf.n;
  });
  starts[doc.length] = off;
  const keys = new Uint32Array(total * MAX_NL),
    counts = new Uint8Array(total);
  const misleading = tokens.map((t) => (t.length && isTitleCaseLine(t, 0, t.length) ? 1 : 0));
  nonLocalKeys({ n: total, lower, cap, labels: all, starts, sentences: doc.length, misleading }, keys, counts);
  const nlKeys: Uint32Array[] = [],
    nlCounts: Uint8Array[] = [];
  doc.forEach((s, k) => {
    const a = starts[k]!;
    nlKeys.push(keys.slice(a * MAX_NL, (a + s.sf.n) * MAX_NL));
    nlCounts.push(counts.slice(a, a + s.sf.n));
  });
  return { doc, model, base, labels, nlKeys, nlCounts };
}

function addRow(dst: Float32Array, d: number, W: Float32Array, o: number): void {
  if (o < 0) return;
  for (let l = 0; l < L; l++) dst[d + l]! += W[o + l]!;
}

const dyn = new Uint32Array(NUM_DYNAMIC);

/**
 * Second-pass decoding of one sentence: first-pass scores, the first-pass model's tag-history rows and the
 * non-local rows of `nl` (created as needed when `create`), greedy under the BILOU constraints. Calls onError
 * for each token whose label differs from gold, with the token's non-local row offsets.
 */
function secondPassSentence(
  fp: FirstPassDoc,
  s: number,
  nl: { W: Float32Array | Int16Array },
  out: Int32Array,
  rowOf: (key: number) => number,
  gold?: Int32Array,
  onError?: (i: number, g: number, p: number, rows: number[]) => void,
): void {
  const { sf } = fp.doc[s]!,
    base = fp.base[s]!,
    keys = fp.nlKeys[s]!,
    counts = fp.nlCounts[s]!;
  const Wm = fp.model.W;
  const scores = new Float64Array(L);
  let p1 = L,
    p2 = L;
  for (let i = 0; i < sf.n; i++) {
    const W2 = nl.W;
    for (let l = 0; l < L; l++) scores[l] = base[i * L + l]!;
    dynamicKeys(sf, i, p1, p2, dyn);
    for (let k = 0; k < NUM_DYNAMIC; k++) {
      const o = fp.model.index.get(dyn[k]!);
      if (o >= 0) for (let l = 0; l < L; l++) scores[l]! += Wm[o + l]!;
    }
    const rows: number[] = [];
    for (let k = 0; k < counts[i]!; k++) {
      const o = rowOf(keys[i * MAX_NL + k]!);
      if (o < 0) continue;
      rows.push(o);
      for (let l = 0; l < L; l++) scores[l]! += W2[o + l]!;
    }
    const last = i === sf.n - 1;
    let best = -1,
      bs = -Infinity;
    for (let l = 0; l < L; l++) {
      if (!ALLOWED[p1 * L + l] || (last && !FINAL[l])) continue;
      if (scores[l]! > bs) {
        bs = scores[l]!;
        best = l;
      }
    }
    out[i] = best;
    if (gold && onError && gold[i] !== best) onError(i, gold[i]!, best, rows);
    p2 = p1;
    p1 = best;
  }
}

/** Learns the non-local weights over first passes (averaged perceptron, seeded shuffles); returns the keys and
 * their averaged weights. */
export function trainNonLocal(
  passes: readonly FirstPassDoc[],
  epochs: number,
  seed: number,
): { keys: Uint32Array; W: Float32Array } {
  const p = new Perceptron();
  const order = passes.slice();
  const rand = mulberry32(seed);
  let out = new Int32Array(256);
  for (let ep = 0; ep < epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const fp of order) {
      fp.doc.forEach((s, k) => {
        if (out.length < s.sf.n) out = new Int32Array(s.sf.n * 2);
        secondPassSentence(
          fp,
          k,
          p.holder,
          out,
          (key) => p.row(key),
          s.gold,
          (_i, g, pr, rows) => {
            for (const o of rows) p.update(o, g, pr);
          },
        );
        p.tick(s.sf.n);
      });
    }
  }
  return { keys: Uint32Array.from(p.keys), W: p.averaged() };
}

/** Second-pass labels of every sentence of a first pass, with trained non-local weights. */
export function secondPass(fp: FirstPassDoc, nl: FloatModel): Int32Array[] {
  return fp.doc.map((s, k) => {
    const out = new Int32Array(s.sf.n);
    secondPassSentence(fp, k, nl, out, (key) => nl.index.get(key));
    return out;
  });
}
