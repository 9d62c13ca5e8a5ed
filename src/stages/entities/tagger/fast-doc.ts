// Tagging a whole document in two passes on the fast path (fast.ts): the first pass tags sentence by sentence with
// the document memory, keeping each sentence's scores; the second adds the non-local features (nonlocal.ts) the
// first pass's labels give and decodes again only the sentences where some token got one. The model is linear,
// so the second pass reuses the first pass's sums: its extra cost is the non-local rows and a second decoding.
import * as FA from './fast.ts';
import * as LB from './labels.ts';
import * as NL from './nonlocal.ts';
import { createDocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import type { NerModel } from './model.ts';

const L = LB.NUM_LABELS,
  MAX_NL = NL.MAX_NL;
const stateOf = FA.stateOf,
  staticScores = FA.staticScores,
  copyTokenRows = FA.copyTokenRows,
  decodeScores = FA.decodeScores,
  remember = FA.remember,
  newTokenRows = FA.newTokenRows,
  nonLocalKeys = NL.nonLocalKeys,
  isTitleCaseLine = NL.isTitleCaseLine;

/** Per-document buffers, grown as needed and reused across documents. */
class DocBuffers {
  cap = 0;
  acc = new Int32Array(0);
  rows = newTokenRows(0);
  labels = new Int32Array(0);
  nlKeys = new Uint32Array(0);
  nlCounts = new Uint8Array(0);
  starts = new Int32Array(0);
  misleading = new Uint8Array(0);
  grow(tokens: number, sentences: number): void {
    if (this.starts.length < sentences + 1) {
      this.starts = new Int32Array(sentences + 1);
      this.misleading = new Uint8Array(sentences);
    }
    if (this.cap >= tokens) return;
    let c = Math.max(1024, this.cap);
    while (c < tokens) c *= 2;
    this.cap = c;
    this.acc = new Int32Array(c * L);
    this.rows = newTokenRows(c);
    this.labels = new Int32Array(c);
    this.nlKeys = new Uint32Array(c * MAX_NL);
    this.nlCounts = new Uint8Array(c);
  }
}
const buffers = new DocBuffers();

/**
 * Tags a document given as sentences [firsts[s], lasts[s]) of `tokens` and calls `span` for each entity span
 * (type index into TYPES, document token indexes, last exclusive). `wordIds`/`idSpace` as in tagSpansFast.
 * Gives exactly the labels of tagDocumentReference.
 */
export function tagDocumentSpansFast(
  model: NerModel,
  tokens: readonly TaggerToken[],
  firsts: ArrayLike<number>,
  lasts: ArrayLike<number>,
  wordIds: Int32Array | undefined,
  idSpace: object | undefined,
  span: (type: number, first: number, last: number) => void,
): void {
  const st = stateOf(model);
  const ids = wordIds !== undefined && idSpace !== undefined ? wordIds : undefined;
  if (ids !== undefined) st.useIds(idSpace!);
  const S = firsts.length;
  let total = 0;
  for (let s = 0; s < S; s++) total += Math.max(0, lasts[s]! - firsts[s]!);
  const d = buffers;
  d.grow(total, S);
  const ctx = createDocContext();
  // First pass: each sentence's scores kept, its labels into the document memory.
  let off = 0;
  for (let s = 0; s < S; s++) {
    const from = firsts[s]!,
      n = Math.max(0, lasts[s]! - from);
    d.starts[s] = off;
    d.misleading[s] = n > 0 && isTitleCaseLine(tokens, from, from + n) ? 1 : 0;
    if (n === 0) continue;
    staticScores(st, tokens, from, n, ctx, ids);
    d.acc.set(st.acc.subarray(0, n * L), off * L);
    copyTokenRows(st, n, d.rows, off);
    const out = st.out;
    decodeScores(st, st.acc, 0, d.rows, off, n, out);
    remember(ctx, d.rows, off, n, out);
    d.labels.set(out.subarray(0, n), off);
    off += n;
  }
  d.starts[S] = off;
  // Second pass: the sentences where the first pass's labels elsewhere give some token a non-local feature.
  const first = { n: off, lower: d.rows.lower, cap: d.rows.cap, labels: d.labels, starts: d.starts, sentences: S };
  if (model.nonLocal && nonLocalKeys({ ...first, misleading: d.misleading }, d.nlKeys, d.nlCounts) > 0) {
    const W = st.W,
      acc = d.acc,
      keys = d.nlKeys,
      counts = d.nlCounts,
      out = st.out;
    for (let s = 0; s < S; s++) {
      const a = d.starts[s]!,
        n = d.starts[s + 1]! - a;
      let touched = false;
      for (let i = a; i < a + n; i++) {
        for (let k = 0; k < counts[i]!; k++) {
          const o = st.row(keys[i * MAX_NL + k]!);
          if (o < 0) continue;
          touched = true;
          const base = i * L;
          for (let l = 0; l < L; l++) acc[base + l]! += W[o + l]!;
        }
      }
      if (!touched) continue;
      decodeScores(st, acc, a, d.rows, a, n, out);
      d.labels.set(out.subarray(0, n), a);
    }
  }
  emitSpans(d.labels, d.starts, S, firsts, span);
}

/** Spans of each sentence's labels, as document token indexes (decoding only makes I-x/L-x after B-x/I-x). */
function emitSpans(
  labels: Int32Array,
  starts: Int32Array,
  S: number,
  firsts: ArrayLike<number>,
  span: (type: number, first: number, last: number) => void,
): void {
  for (let s = 0; s < S; s++) {
    const a = starts[s]!,
      n = starts[s + 1]! - a,
      base = firsts[s]!;
    let open = -1,
      start = 0;
    for (let i = 0; i < n; i++) {
      const l = labels[a + i]!;
      if (l === 0) {
        if (open >= 0) {
          span(open, base + start, base + i);
          open = -1;
        }
        continue;
      }
      const type = (l - 1) >> 2,
        part = (l - 1) & 3;
      if (!(open === type && (part === 1 || part === 2))) {
        if (open >= 0) span(open, base + start, base + i);
        open = type;
        start = i;
      }
      if (part === 3 || part === 2) {
        span(open, base + start, base + i + 1);
        open = -1;
      }
    }
    if (open >= 0) span(open, base + start, base + n);
  }
}
