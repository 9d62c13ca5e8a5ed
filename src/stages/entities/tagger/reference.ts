// The straightforward tagging path (static feature keys per token, one table look-up per key, the decoder shared
// with training). Kept as the reference the fast path in fast.ts must match label for label; not used at run time.
import * as D from './decode.ts';
import * as F from './features.ts';
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
  const sf = extractStatic(tokens, model.gaz);
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
  const sf = extractStatic(tokens, model.gaz);
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
