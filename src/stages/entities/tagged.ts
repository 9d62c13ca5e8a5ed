// Candidate spans from the trained sequence tagger (src/stages/entities/tagger): the whole article in two passes,
// so that a surname alone is known from its full name elsewhere in the text.
import type { SegmentedArticle, TokenWordIds } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { itemAt } from './tokens.ts';
import { loadNerModel, tagDocumentSpans, TYPES, type NerModel } from './tagger/index.ts';

let model: NerModel | undefined;

/** The shipped model, loaded once per process (worker). */
function nerModel(): NerModel {
  model ??= loadNerModel();
  return model;
}

/** Spans the trained tagger proposes, with their CoNLL labels; `wordIds` (segment's, when at hand) only make it
 * faster. */
export function taggerCandidates(article: SegmentedArticle, wordIds?: TokenWordIds): Candidate[] {
  const { sentences } = article;
  const firsts = new Int32Array(sentences.length),
    lasts = new Int32Array(sentences.length);
  sentences.forEach((s, k) => {
    firsts[k] = s.firstToken;
    lasts[k] = s.lastToken;
  });
  const out: Candidate[] = [];
  const push = (type: number, first: number, last: number) =>
    void out.push({ first, last, label: itemAt(TYPES, type) });
  tagDocumentSpans(nerModel(), article.tokens, firsts, lasts, wordIds?.ids, wordIds?.lexicon, push);
  return out;
}
