// Non-local (document-level) features of the second tagging pass, after Ratinov & Roth (2009): the same word
// tends to keep one type across a document. After a first pass over the whole article, each token gets features
// from the labels that pass gave the word's other occurrences (the majority type) and the longer names that hold
// the word (their type, and where in them the word stands: "Vickers" after "Kevin Vickers"), and whether the
// article writes the word in lower case somewhere. Headlines and other title-case or all-caps lines mislead (every
// word capitalised), so their labels are not counted, and features of tokens inside them are kept apart.
import * as H from './hash.ts';
import * as LB from './labels.ts';

const key2 = H.key2,
  key3 = H.key3;
const typeOf = LB.typeOf,
  partOf = LB.partOf;

// Template ids (apart from those of features.ts).
export const T_NL_TYPE = 70,
  T_NL_LONG = 71,
  T_NL_LOWER = 72,
  T_NL_AGREE = 73;
/** Most non-local features a token gets. */
export const MAX_NL = 4;

/** A document after the first pass: per token its lower-case hash, capital flag and label; sentence bounds. */
export interface FirstPass {
  /** Tokens in the document (the arrays may be longer). */
  n: number;
  lower: ArrayLike<number>;
  cap: ArrayLike<number>;
  labels: ArrayLike<number>;
  /** Sentence s is tokens [starts[s], starts[s + 1]). */
  starts: ArrayLike<number>;
  sentences: number;
  /** 1 where sentence s is written in title case or capitals (a headline, a byline, a caption credit). */
  misleading: ArrayLike<number>;
}

/** Lettered words of four letters or more: if every one of at least three starts with a capital, the line is in
 * title case (or capitals) and its capitals say nothing about names. */
export function isTitleCaseLine(values: readonly { value: string }[], from: number, to: number): boolean {
  let long = 0;
  for (let i = from; i < to; i++) {
    const v = values[i]!.value;
    if (v.length < 4) continue;
    const c = v.charCodeAt(0);
    const upper = c >= 65 && c <= 90 ? true : c >= 97 && c <= 122 ? false : v[0] !== v[0]!.toLowerCase();
    const letter = upper || (c >= 97 && c <= 122) || v[0] !== v[0]!.toUpperCase();
    if (!letter) continue;
    if (!upper) return false;
    long++;
  }
  return long >= 3;
}

const PARTS = 3; // first, inside, last word of a longer name

/**
 * Writes the non-local feature keys of every token (MAX_NL per token, `counts[i]` used) and returns how many
 * tokens got any. Keys depend only on the first-pass labels and the words, so both tagging paths agree.
 */
export function nonLocalKeys(d: FirstPass, out: Uint32Array, counts: Uint8Array): number {
  counts.fill(0, 0, d.n);
  const types = new Map<number, Int32Array>();
  const longer = new Map<number, Int32Array>();
  const lowerSeen = new Set<number>();
  for (let s = 0; s < d.sentences; s++) {
    const a = d.starts[s]!,
      b = d.starts[s + 1]!,
      counted = !d.misleading[s];
    let open = -1;
    for (let i = a; i < b; i++) {
      const l = d.labels[i]!,
        h = d.lower[i]!;
      if (l === 0) {
        if (!d.cap[i]) lowerSeen.add(h);
        continue;
      }
      if (!counted) continue;
      let c = types.get(h);
      if (!c) types.set(h, (c = new Int32Array(4)));
      c[typeOf(l)]!++;
      const part = partOf(l);
      if (part === 0) open = i;
      if (part === 2 && open >= 0) {
        const t = typeOf(l);
        for (let k = open; k <= i; k++) {
          let g = longer.get(d.lower[k]!);
          if (!g) longer.set(d.lower[k]!, (g = new Int32Array(4 * PARTS)));
          g[t * PARTS + (k === open ? 0 : k === i ? 2 : 1)]!++;
        }
        open = -1;
      }
    }
  }
  let any = 0;
  for (let s = 0; s < d.sentences; s++) {
    const a = d.starts[s]!,
      b = d.starts[s + 1]!,
      mis = d.misleading[s] ? 1 : 0;
    for (let i = a; i < b; i++) {
      const h = d.lower[i]!,
        l = d.labels[i]!,
        cap = d.cap[i] ? 1 : 0;
      let m = i * MAX_NL;
      // The token's own label is no evidence about itself: it is taken out of the counts.
      const own = l !== 0 && !mis ? typeOf(l) : -1;
      const c = types.get(h);
      if (c) {
        let best = -1,
          bestN = 0;
        for (let t = 0; t < 4; t++) {
          const k = c[t]! - (t === own ? 1 : 0);
          if (k > bestN) {
            bestN = k;
            best = t;
          }
        }
        if (best >= 0) {
          out[m++] = key3(T_NL_TYPE, best + 1, cap, mis);
          // Whether the first pass gave this token the same type (0: it gave none).
          out[m++] = key3(T_NL_AGREE, best + 1, l === 0 ? 0 : typeOf(l) + 1, mis);
        }
      }
      const g = longer.get(h);
      if (g) {
        const ownSlot = own >= 0 ? ownLongSlot(d, a, b, i) : -1;
        let best = -1,
          bestN = 0;
        for (let k = 0; k < 4 * PARTS; k++) {
          const v = g[k]! - (k === ownSlot ? 1 : 0);
          if (v > bestN) {
            bestN = v;
            best = k;
          }
        }
        if (best >= 0) out[m++] = key3(T_NL_LONG, best + 1, cap, mis);
      }
      if (cap && lowerSeen.has(h)) out[m++] = key2(T_NL_LOWER, i === a ? 1 : 0, mis);
      counts[i] = m - i * MAX_NL;
      if (counts[i]) any++;
    }
  }
  return any;
}

/** The longer-name slot (type * PARTS + part) token i fills in its own sentence's first-pass span, -1 if none. */
function ownLongSlot(d: FirstPass, a: number, b: number, i: number): number {
  const l = d.labels[i]!,
    part = partOf(l);
  if (part === 3) return -1;
  // Find the span's ends: B ... L of one type (the decoder only makes valid sequences).
  let first = i,
    last = i;
  while (first > a && partOf(d.labels[first]!) !== 0) first--;
  while (last < b - 1 && partOf(d.labels[last]!) !== 2) last++;
  if (partOf(d.labels[first]!) !== 0 || partOf(d.labels[last]!) !== 2) return -1;
  return typeOf(l) * PARTS + (i === first ? 0 : i === last ? 2 : 1);
}
