// Averaged-perceptron training over the shared decoder (used by scripts/train-ner.ts). Deterministic: rows are
// created in first-seen order and documents are shuffled with a seeded generator.
import {
  MAX_DOC,
  type FeatureIndex,
  type WeightHolder,
  createDocContext,
  decodeSentence,
  docKeys,
  remember,
} from './decode.ts';
import { MAX_STATIC, type SentenceFeatures } from './features.ts';
import { NUM_LABELS } from './labels.ts';

/** One training sentence: its static features and gold label indexes. */
export interface TrainSentence {
  sf: SentenceFeatures;
  gold: Int32Array;
}
/** A document is a list of sentences, decoded in order so the document memory fills as at run time. */
export type TrainDoc = TrainSentence[];

/** Seeded PRNG (mulberry32) so shuffles are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Averaged perceptron state: key -> row map, weights W and the timestamped sums U for averaging. */
export class Perceptron implements FeatureIndex {
  private readonly map = new Map<number, number>();
  keys: number[] = [];
  readonly holder: WeightHolder = { W: new Float32Array(NUM_LABELS * 1024) };
  private U = new Float64Array(NUM_LABELS * 1024);
  private c = 1;

  /** Row of a key, -1 when absent. */
  get(key: number): number {
    const r = this.map.get(key);
    return r === undefined ? -1 : r * NUM_LABELS;
  }

  /** Weight offset of a key, its row created (zero weights) when absent. */
  row(key: number): number {
    let r = this.map.get(key);
    if (r !== undefined) return r * NUM_LABELS;
    r = this.keys.length;
    this.map.set(key, r);
    this.keys.push(key);
    if ((r + 1) * NUM_LABELS > this.holder.W.length) {
      const W = new Float32Array(this.holder.W.length * 2);
      W.set(this.holder.W);
      this.holder.W = W;
      const U = new Float64Array(this.U.length * 2);
      U.set(this.U);
      this.U = U;
    }
    return r * NUM_LABELS;
  }

  /** Moves the weights at offset o toward gold and away from pred. */
  update(o: number, gold: number, pred: number): void {
    const W = this.holder.W;
    W[o + gold]! += 1;
    this.U[o + gold]! += this.c;
    W[o + pred]! -= 1;
    this.U[o + pred]! -= this.c;
  }

  /** Advances the averaging clock by one token. */
  tick(n: number): void {
    this.c += n;
  }

  /** The averaged weights (W - U / c). */
  averaged(): Float32Array {
    const n = this.keys.length * NUM_LABELS,
      A = new Float32Array(n),
      W = this.holder.W;
    for (let i = 0; i < n; i++) A[i] = W[i]! - this.U[i]! / this.c;
    return A;
  }
}

/** Counts static feature keys over the training set and creates rows for those seen at least minCount times. */
export function seedRows(p: Perceptron, docs: readonly TrainDoc[], minCount: number): void {
  const counts = new Map<number, number>();
  for (const d of docs)
    for (const s of d) {
      const { keys, counts: cnt, n } = s.sf;
      for (let i = 0; i < n; i++)
        for (let k = 0; k < cnt[i]!; k++) {
          const key = keys[i * MAX_STATIC + k]!;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
    }
  for (const [key, c] of counts) if (c >= minCount) p.row(key);
}

/** Static rows of a sentence under an index (-1 where absent). */
export function staticRows(sf: SentenceFeatures, index: FeatureIndex): Int32Array {
  const rows = new Int32Array(sf.n * MAX_STATIC);
  for (let i = 0; i < sf.n; i++)
    for (let k = 0; k < sf.counts[i]!; k++) rows[i * MAX_STATIC + k] = index.get(sf.keys[i * MAX_STATIC + k]!);
  return rows;
}

/** Runs one training epoch over docs (in the given order); returns the number of wrong tokens. */
export function trainEpoch(
  p: Perceptron,
  docs: readonly TrainDoc[],
  sRowsCache: Map<TrainSentence, Int32Array>,
): number {
  let errors = 0;
  let dKeys = new Uint32Array(0),
    dCounts = new Uint8Array(0),
    dRows = new Int32Array(0);
  for (const doc of docs) {
    const ctx = createDocContext();
    for (const s of doc) {
      const { sf, gold } = s;
      let sRows = sRowsCache.get(s);
      if (!sRows) {
        sRows = staticRows(sf, p);
        sRowsCache.set(s, sRows);
      }
      if (dCounts.length < sf.n) {
        dKeys = new Uint32Array(sf.n * MAX_DOC);
        dCounts = new Uint8Array(sf.n);
        dRows = new Int32Array(sf.n * MAX_DOC);
      }
      docKeys(sf, ctx, dKeys, dCounts);
      for (let i = 0; i < sf.n; i++)
        for (let k = 0; k < dCounts[i]!; k++) dRows[i * MAX_DOC + k] = p.get(dKeys[i * MAX_DOC + k]!);
      const out = new Int32Array(sf.n);
      const sR = sRows,
        dK = dKeys,
        dC = dCounts;
      decodeSentence(sf, sR, dRows, dCounts, p, p.holder, out, gold, (i, g, pr, dyn) => {
        errors++;
        for (let k = 0; k < sf.counts[i]!; k++) {
          const r = sR[i * MAX_STATIC + k]!;
          if (r >= 0) p.update(r, g, pr);
        }
        for (let k = 0; k < dC[i]!; k++) p.update(p.row(dK[i * MAX_DOC + k]!), g, pr);
        for (let k = 0; k < dyn.length; k++) p.update(p.row(dyn[k]!), g, pr);
      });
      // The clock counts tokens; updates inside the sentence used the clock at its start (a fine approximation).
      p.tick(sf.n);
      remember(ctx, sf, out);
    }
  }
  return errors;
}
