// Statistical named-entity tagger (PER/ORG/LOC/MISC, BILOU), an averaged perceptron over hashed features with
// greedy constrained decoding. Trained by scripts/train-ner.ts; see README.md in this folder.
import * as D from './decode.ts';
import * as F from './features.ts';
import type { DocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import { LABELS, spansFromTags, type TagSpan, type NerType } from './labels.ts';
import { type NerModel, loadNerModel } from './model.ts';

export type { DocContext, NerModel, TaggerToken, TagSpan, NerType };
export { loadNerModel, spansFromTags };

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call, which costs a lot inside the per-feature loops.
const MAX_DOC = D.MAX_DOC, MAX_STATIC = F.MAX_STATIC, decodeSentence = D.decodeSentence, docKeys = D.docKeys, remember = D.remember;
const extractStatic = F.extractStatic;

/** A fresh document memory: pass the same one to every tagSentence call of one article, in reading order. */
export function createDocContext(): DocContext {
  return D.createDocContext();
}

/** Tags one sentence with BILOU labels ('B-PER', 'U-LOC', 'O', ...); updates docContext when given. */
export function tagSentence(model: NerModel, tokens: readonly TaggerToken[], docContext?: DocContext): string[] {
  const n = tokens.length;
  if (n === 0) return [];
  const sf = extractStatic(tokens, model.gaz);
  const sRows = new Int32Array(n * MAX_STATIC);
  for (let i = 0; i < n; i++) {
    const base = i * MAX_STATIC;
    for (let k = 0; k < sf.counts[i]!; k++) sRows[base + k] = model.table.get(sf.keys[base + k]!);
  }
  const dKeys = new Uint32Array(n * MAX_DOC), dCounts = new Uint8Array(n), dRows = new Int32Array(n * MAX_DOC);
  docKeys(sf, docContext, dKeys, dCounts);
  for (let i = 0; i < n; i++) for (let k = 0; k < dCounts[i]!; k++) dRows[i * MAX_DOC + k] = model.table.get(dKeys[i * MAX_DOC + k]!);
  const out = new Int32Array(n);
  decodeSentence(sf, sRows, dRows, dCounts, model.table, model.weights, out);
  if (docContext) remember(docContext, sf, out);
  return Array.from(out, (l) => LABELS[l]!);
}
