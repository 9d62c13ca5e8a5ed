// Statistical named-entity tagger (PER/ORG/LOC/MISC, BILOU), an averaged perceptron over hashed features with
// greedy constrained decoding. Trained by scripts/train-ner.ts; see README.md in this folder.
import * as D from './decode.ts';
import * as FAST from './fast.ts';
import type { DocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import { spansFromTags, type TagSpan, type NerType } from './labels.ts';
import { type NerModel, loadNerModel } from './model.ts';

export type { DocContext, NerModel, TaggerToken, TagSpan, NerType };
export { loadNerModel, spansFromTags };

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call.
const tagFast = FAST.tagSentenceFast;

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
