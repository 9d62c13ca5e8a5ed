// Candidate spans from the trained sequence tagger (src/stages/entities/tagger), sentence by sentence with one
// document memory per article, so that a surname alone later in the text is known from its full name before.
import type { SegmentedArticle } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { createDocContext, loadNerModel, spansFromTags, tagSentence, type NerModel } from './tagger/index.ts';

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
  for (const s of article.sentences) {
    const tokens = article.tokens.slice(s.firstToken, s.lastToken);
    const tags = tagSentence(m, tokens, ctx);
    for (const sp of spansFromTags(tags)) out.push({ first: s.firstToken + sp.first, last: s.firstToken + sp.last, label: sp.type });
  }
  return out;
}
