// The straightforward tagging path (static feature keys per token, one table look-up per key, the decoder shared
// with training). Kept as the reference the fast path in fast.ts must match label for label; not used at run time.
import * as D from './decode.ts';
import * as F from './features.ts';
import * as NL from './nonlocal.ts';
import type { DocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import { LABELS } from './labels.ts';
import type { NerModel } from './model.ts';

const MAX_DOC = D.MAX_DOC,
  MAX_STATIC = F.MAX_STATIC,
  decodeSentence = D.decodeSentence,
  docKeys = D.docKeys,
  remember = D.remember;
const extractStatic = F.extractStatic;

/** Static plus document-memory scores (NUM_LABELS per token) of a sentence, before decoding (for checks). */
export function referenceStaticScores(
  model: NerModel,
  tokens: readonly TaggerToken[],
  docContext?: DocContext,
): Int32Array {
  const n = tokens.length,
    L = LABELS.length,
    W = model.table.W;
  const out = new Int32Array(n * L);
  if (n === 0) return out;
  const sf = extractStatic(tokens, model.gaz, model.clusters);
  const dKeys = new Uint32Array(n * MAX_DOC),
    dCounts = new Uint8Array(n);
  docKeys(sf, docContext, dKeys, dCounts);
  for (let i = 0; i < n; i++) {
    const add = (key: number): void => {
      const o = model.table.get(key);
      if (o >= 0) for (let l = 0; l < L; l++) out[i * L + l]! += W[o + l]!;
    };
    for (let k = 0; k < sf.counts[i]!; k++) add(sf.keys[i * MAX_STATIC + k]!);
    for (let k = 0; k < dCounts[i]!; k++) add(dKeys[i * MAX_DOC + k]!);
  }
  return out;
}

/** Tags one sentence the reference way (same contract as tagSentence in index.ts). */
export function tagSentenceReference(
  model: NerModel,
  tokens: readonly TaggerToken[],
  docContext?: DocContext,
): string[] {
  const n = tokens.length;
  if (n === 0) return [];
  const sf = extractStatic(tokens, model.gaz, model.clusters);
  const sRows = new Int32Array(n * MAX_STATIC);
  for (let i = 0; i < n; i++) {
    const base = i * MAX_STATIC;
    for (let k = 0; k < sf.counts[i]!; k++) sRows[base + k] = model.table.get(sf.keys[base + k]!);
  }
  const dKeys = new Uint32Array(n * MAX_DOC),
    dCounts = new Uint8Array(n),
    dRows = new Int32Array(n * MAX_DOC);
  docKeys(sf, docContext, dKeys, dCounts);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < dCounts[i]!; k++) dRows[i * MAX_DOC + k] = model.table.get(dKeys[i * MAX_DOC + k]!);
  const out = new Int32Array(n);
  decodeSentence(sf, sRows, dRows, dCounts, model.table, model.weights, out);
  if (docContext) remember(docContext, sf, out);
  return Array.from(out, (l) => LABELS[l]!);
}

/** Tags a document (its sentences in reading order) in two passes the reference way: the first with the document
 * memory, the second with the non-local features the first pass's labels give (same labels as
 * tagDocumentSpansFast). */
export function tagDocumentReference(model: NerModel, sentences: readonly (readonly TaggerToken[])[]): string[][] {
  const ctx = D.createDocContext();
  const passes = sentences.map((tokens) => {
    const n = tokens.length;
    const sf = extractStatic(tokens, model.gaz, model.clusters);
    const sRows = new Int32Array(n * MAX_STATIC);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < sf.counts[i]!; k++) sRows[i * MAX_STATIC + k] = model.table.get(sf.keys[i * MAX_STATIC + k]!);
    const dKeys = new Uint32Array(n * MAX_DOC),
      dCounts = new Uint8Array(n),
      dRows = new Int32Array(n * MAX_DOC);
    docKeys(sf, ctx, dKeys, dCounts);
    for (let i = 0; i < dKeys.length; i++) dRows[i] = model.table.get(dKeys[i]!);
    const out = new Int32Array(n);
    if (n) decodeSentence(sf, sRows, dRows, dCounts, model.table, model.weights, out);
    remember(ctx, sf, out);
    return { sf, sRows, dRows, dCounts, out, misleading: n > 0 && NL.isTitleCaseLine(tokens, 0, n) ? 1 : 0 };
  });
  const total = passes.reduce((a, p) => a + p.sf.n, 0);
  const lower = new Uint32Array(total),
    cap = new Uint8Array(total),
    labels = new Int32Array(total),
    starts = new Int32Array(passes.length + 1);
  let off = 0;
  passes.forEach((p, s) => {
    starts[s] = off;
    lower.set(p.sf.lower, off);
    cap.set(p.sf.cap, off);
    labels.set(p.out, off);
    off += p.sf.n;
  });
  starts[passes.length] = off;
  const keys = new Uint32Array(total * NL.MAX_NL),
    counts = new Uint8Array(total);
  NL.nonLocalKeys(
    { n: total, lower, cap, labels, starts, sentences: passes.length, misleading: passes.map((p) => p.misleading) },
    keys,
    counts,
  );
  return passes.map((p, s) => {
    const a = starts[s]!,
      n = p.sf.n;
    const nRows = new Int32Array(n * NL.MAX_NL).fill(-1),
      nCounts = counts.slice(a, a + n);
    let touched = false;
    for (let i = 0; i < n; i++)
      for (let k = 0; k < nCounts[i]!; k++) {
        const o = model.table.get(keys[(a + i) * NL.MAX_NL + k]!);
        nRows[i * NL.MAX_NL + k] = o;
        if (o >= 0) touched = true;
      }
    const out = p.out;
    if (touched && model.nonLocal)
      decodeSentence(
        p.sf,
        p.sRows,
        p.dRows,
        p.dCounts,
        model.table,
        model.weights,
        out,
        undefined,
        undefined,
        nRows,
        nCounts,
      );
    return Array.from(out, (l) => LABELS[l]!);
  });
}
