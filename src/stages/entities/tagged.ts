// Candidate spans from the trained sequence tagger (src/stages/entities/tagger), sentence by sentence with one
// document memory per article, so that a surname alone later in the text is known from its full name before.
import type { SegmentedArticle } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { createDocContext, loadNerModel, tagSentenceSpans, TYPES, type NerModel } from './tagger/index.ts';

let model: NerModel | undefined;

/** The shipped model, loaded once per process (worker). */
function nerModel(): NerModel {
  model ??= loadNerModel();
  return model;
}

/** Spans the trained tagger proposes, with their CoNLL labels. */
export function taggerCandidates(article: SegmentedArticle): Candidate[] {
  const m = nerModel();
  const ctx = createDocContext();
  const out: Candidate[] = [];
  let base = 0;
  const push = (type: number, first: number, last: number) =>
    void out.push({ first: base + first, last: base + last, label: TYPES[type]! });
  for (const s of article.sentences) {
    base = s.firstToken;
    tagSentenceSpans(m, article.tokens, s.firstToken, s.lastToken, ctx, article.wordIds, article.lexicon, push);
  }
  return out;
}
