// Greedy left-to-right decoding under BILOU constraints, shared by training and tagging so both see exactly
// the same features. Also the document memory (what earlier sentences were tagged).
import * as LB from './labels.ts';
import * as F from './features.ts';
import type { SentenceFeatures } from './features.ts';
import * as H from './hash.ts';
import * as NL from './nonlocal.ts';

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call, which costs a lot inside the per-feature loops.
const NUM_LABELS = LB.NUM_LABELS,
  typeOf = LB.typeOf;
const MAX_STATIC = F.MAX_STATIC,
  NUM_DYNAMIC = F.NUM_DYNAMIC,
  dynamicKeys = F.dynamicKeys;
const T_DOC = F.T_DOC,
  T_DOC_CAP = F.T_DOC_CAP,
  T_DOC_LOWER = F.T_DOC_LOWER,
  T_DOC_NEXT = F.T_DOC_NEXT,
  T_DOC_PREV = F.T_DOC_PREV;
const key1 = H.key1,
  key2 = H.key2;
const MAX_NL = NL.MAX_NL;

/** Maps a feature key to the offset of its weights (NUM_LABELS floats) in the weight array, -1 when absent. */
export interface FeatureIndex {
  get(key: number): number;
}

/**
 * Open-addressing hash table from feature key to weight offset, as [key, offset] pairs in one small array
 * (about 1 MB: it stays in cache, so the many look-ups of unknown features are cheap), beside dense int16
 * weight rows (one shared scale, which argmax does not need). Keys are already hashes; 0 marks an empty slot.
 */
export class KeyTable implements FeatureIndex {
  readonly W: Int16Array;
  /** [key, offset] pairs (read directly by the fast tagging path in fast.ts). */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Builds the table from keys and their quantised weight rows (row r at r * NUM_LABELS). */
  constructor(keys: Uint32Array, W: Int16Array) {
    let cap = 1024;
    while (cap < keys.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
    this.W = W;
    for (let r = 0; r < keys.length; r++) {
      const key = keys[r]! | 0;
      let s = key & this.mask;
      while (this.slots[s * 2] !== 0 && this.slots[s * 2] !== key) s = (s + 1) & this.mask;
      this.slots[s * 2] = key;
      this.slots[s * 2 + 1] = r * NUM_LABELS;
    }
  }
  /** Offset of a key's weights in W, or -1. */
  get(key: number): number {
    const S = this.slots,
      k32 = key | 0;
    let s = key & this.mask;
    for (;;) {
      const k = S[s * 2]!;
      if (k === k32) return S[s * 2 + 1]!;
      if (k === 0) return -1;
      s = (s + 1) & this.mask;
    }
  }
}

/** Document memory: entity types earlier sentences gave each lower-cased word, and words seen in lower case. */
export interface DocContext {
  typeCounts: Map<number, Int32Array>;
  seenLower: Set<number>;
}

/** A fresh, empty document memory. */
export function createDocContext(): DocContext {
  return { typeCounts: new Map(), seenLower: new Set() };
}

function docType(ctx: DocContext, h: number): number {
  const c = ctx.typeCounts.get(h);
  if (!c) return 0;
  let best = 0,
    bestN = 0;
  for (let t = 0; t < 4; t++)
    if (c[t]! > bestN) {
      bestN = c[t]!;
      best = t + 1;
    }
  return best;
}

/** Max document features per token. */
export const MAX_DOC = 5;

/** Document-memory feature keys for every token of a sentence (fixed while the sentence is decoded). */
export function docKeys(sf: SentenceFeatures, ctx: DocContext | undefined, out: Uint32Array, counts: Uint8Array): void {
  counts.fill(0, 0, sf.n);
  if (!ctx || (ctx.typeCounts.size === 0 && ctx.seenLower.size === 0)) return;
  for (let i = 0; i < sf.n; i++) {
    let m = i * MAX_DOC;
    const t0 = docType(ctx, sf.lower[i]!);
    if (t0) {
      out[m++] = key1(T_DOC, t0);
      out[m++] = key2(T_DOC_CAP, t0, sf.cap[i]!);
    }
    const tn = i + 1 < sf.n ? docType(ctx, sf.lower[i + 1]!) : 0;
    if (tn) out[m++] = key1(T_DOC_NEXT, tn);
    const tp = i > 0 ? docType(ctx, sf.lower[i - 1]!) : 0;
    if (tp) out[m++] = key1(T_DOC_PREV, tp);
    if (sf.cap[i] && ctx.seenLower.has(sf.lower[i]!)) out[m++] = key1(T_DOC_LOWER, 1);
    counts[i] = m - i * MAX_DOC;
  }
}

/** Records a decoded sentence in the document memory. */
export function remember(ctx: DocContext, sf: SentenceFeatures, labels: Int32Array): void {
  for (let i = 0; i < sf.n; i++) {
    const l = labels[i]!;
    if (l !== 0) {
      let c = ctx.typeCounts.get(sf.lower[i]!);
      if (!c) {
        c = new Int32Array(4);
        ctx.typeCounts.set(sf.lower[i]!, c);
      }
      c[typeOf(l)]!++;
    } else if (!sf.cap[i]) ctx.seenLower.add(sf.lower[i]!);
  }
}

/** Weights live behind a holder so training can grow the array while decoding. */
export interface WeightHolder {
  W: Float32Array | Int16Array;
}

/** Called by decodeSentence on each wrong token when training: gold and predicted labels, and the dynamic rows. */
export type OnError = (i: number, gold: number, pred: number, dynKeys: Uint32Array) => void;

const dyn = new Uint32Array(NUM_DYNAMIC);
let offs = new Int32Array(256);

/**
 * Greedy constrained decoding: for each token, sums the weights of its static, document, non-local (second pass,
 * `nRows`: MAX_NL per token) and tag-history features over the labels allowed after the previous one (two after B-x/I-x, nine otherwise; sums are
 * unrolled into locals, the hot loop of the tagger) and picks the best. Writes label indexes to `out`.
 */
export function decodeSentence(
  sf: SentenceFeatures,
  sRows: Int32Array,
  dRows: Int32Array,
  dCounts: Uint8Array,
  index: FeatureIndex,
  weights: WeightHolder,
  out: Int32Array,
  gold?: Int32Array,
  onError?: OnError,
  nRows?: Int32Array,
  nCounts?: Uint8Array,
): void {
  const L = NUM_LABELS;
  let p1 = L,
    p2 = L; // L stands for "before the sentence"
  if (offs.length < MAX_STATIC + MAX_DOC + MAX_NL + NUM_DYNAMIC)
    offs = new Int32Array(MAX_STATIC + MAX_DOC + MAX_NL + NUM_DYNAMIC);
  for (let i = 0; i < sf.n; i++) {
    const W = weights.W;
    let m = 0;
    const base = i * MAX_STATIC,
      cnt = sf.counts[i]!;
    for (let k = 0; k < cnt; k++) {
      const o = sRows[base + k]!;
      if (o >= 0) offs[m++] = o;
    }
    const dbase = i * MAX_DOC,
      dcnt = dCounts[i]!;
    for (let k = 0; k < dcnt; k++) {
      const o = dRows[dbase + k]!;
      if (o >= 0) offs[m++] = o;
    }
    if (nRows !== undefined && nCounts !== undefined) {
      const nbase = i * MAX_NL,
        ncnt = nCounts[i]!;
      for (let k = 0; k < ncnt; k++) {
        const o = nRows[nbase + k]!;
        if (o >= 0) offs[m++] = o;
      }
    }
    dynamicKeys(sf, i, p1, p2, dyn);
    for (let k = 0; k < NUM_DYNAMIC; k++) {
      const o = index.get(dyn[k]!);
      if (o >= 0) offs[m++] = o;
    }
    const last = i === sf.n - 1;
    let best = 0;
    const prevPart = p1 === L || p1 === 0 ? -1 : (p1 - 1) & 3;
    if (prevPart === 0 || prevPart === 1) {
      // Inside an entity: only I-x or L-x (L-x alone at the sentence end).
      const a = p1 - prevPart + 1,
        b = a + 1;
      let sa = 0,
        sb = 0;
      for (let k = 0; k < m; k++) {
        const o = offs[k]!;
        sa += W[o + a]!;
        sb += W[o + b]!;
      }
      best = last || sb >= sa ? b : a;
    } else {
      // Outside: O, B-x or U-x (no B-x at the sentence end). Label order: O, then B I L U per type.
      let s0 = 0,
        s1 = 0,
        s4 = 0,
        s5 = 0,
        s8 = 0,
        s9 = 0,
        s12 = 0,
        s13 = 0,
        s16 = 0;
      for (let k = 0; k < m; k++) {
        const o = offs[k]!;
        s0 += W[o]!;
        s1 += W[o + 1]!;
        s4 += W[o + 4]!;
        s5 += W[o + 5]!;
        s8 += W[o + 8]!;
        s9 += W[o + 9]!;
        s12 += W[o + 12]!;
        s13 += W[o + 13]!;
        s16 += W[o + 16]!;
      }
      let bs = s0;
      if (!last && s1 > bs) {
        bs = s1;
        best = 1;
      }
      if (s4 > bs) {
        bs = s4;
        best = 4;
      }
      if (!last && s5 > bs) {
        bs = s5;
        best = 5;
      }
      if (s8 > bs) {
        bs = s8;
        best = 8;
      }
      if (!last && s9 > bs) {
        bs = s9;
        best = 9;
      }
      if (s12 > bs) {
        bs = s12;
        best = 12;
      }
      if (!last && s13 > bs) {
        bs = s13;
        best = 13;
      }
      if (s16 > bs) best = 16;
    }
    out[i] = best;
    if (gold && onError && gold[i] !== best) onError(i, gold[i]!, best, dyn);
    p2 = p1;
    p1 = best;
  }
}
