// Statistical named-entity tagger (PER/ORG/LOC/MISC, BILOU), an averaged perceptron over hashed features with
// greedy constrained decoding. Trained by scripts/train-ner.ts; see README.md in this folder.
import * as D from './decode.ts';
import * as FAST from './fast.ts';
import * as FAST_DOC from './fast-doc.ts';
import type { DocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import { spansFromTags, TYPES, type TagSpan, type NerType } from './labels.ts';
import { type NerModel, loadNerModel } from './model.ts';

export type { DocContext, NerModel, TaggerToken, TagSpan, NerType };
export { loadNerModel, spansFromTags, TYPES };

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call.
const tagFast = FAST.tagSentenceFast,
  spansFast = FAST.tagSpansFast,
  docSpansFast = FAST_DOC.tagDocumentSpansFast;

/** A fresh document memory: pass the same one to every tagSentence call of one article, in reading order. */
export function createDocContext(): DocContext {
  return D.createDocContext();
}

/**
 * Tags one sentence with BILOU labels ('B-PER', 'U-LOC', 'O', ...); updates docContext when given.
 * Runs the cached-score path of fast.ts, which gives exactly the labels of the reference path in reference.ts.
 */
export function tagSentence(model: NerModel, tokens: readonly TaggerToken[], docContext?: DocContext): string[] {
  return tagFast(model, tokens, docContext);
}

/**
 * Tags tokens [from, to) of an article as one sentence and calls `span` for each entity span (type index into
 * TYPES, token indexes relative to `from`, last exclusive): the spans spansFromTags(tagSentence(…)) gives, without
 * the label strings or a copy of the sentence's tokens. `wordIds[i]`, where not -1, is an id of token i's word
 * string in `idSpace` (wink's lexeme ids: src/stages/segment/nlp.ts readDocIn), which lets the tagger find its per-word cache
 * entry without hashing the string.
 */
export function tagSentenceSpans(
  model: NerModel,
  tokens: readonly TaggerToken[],
  from: number,
  to: number,
  docContext: DocContext | undefined,
  wordIds: Int32Array | undefined,
  idSpace: object | undefined,
  span: (type: number, first: number, last: number) => void,
): void {
  spansFast(model, tokens, from, to, docContext, wordIds, idSpace, span);
}

/**
 * Tags a whole document in two passes (the second with the non-local features of nonlocal.ts) and calls `span`
 * for each entity span (type index into TYPES, token indexes into `tokens`, last exclusive). Sentence s is tokens
 * [firsts[s], lasts[s]), in reading order; `wordIds` and `idSpace` as in tagSentenceSpans.
 */
export function tagDocumentSpans(
  model: NerModel,
  tokens: readonly TaggerToken[],
  firsts: ArrayLike<number>,
  lasts: ArrayLike<number>,
  wordIds: Int32Array | undefined,
  idSpace: object | undefined,
  span: (type: number, first: number, last: number) => void,
): void {
  docSpansFast(model, tokens, firsts, lasts, wordIds, idSpace, span);
}
