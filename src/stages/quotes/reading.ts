// What the quote stage reads off an article once, before finding frames and drawing quotes: the quoted spans, a
// test for offsets inside them, the mentions that can speak by token, and the lexicons.
import type { EntityArticle } from '../../types.ts';
import { quoteLexicons, type QuoteLexicons } from './lexicon.ts';
import { findQuotedSpans, type QuotedSpan } from './marks.ts';
import { indexMentions, type MentionIndex } from './mention-index.ts';

export interface Reading {
  spans: QuotedSpan[];
  /** True when the offset lies inside a quoted span. */
  insideQuote: (offset: number) => boolean;
  index: MentionIndex;
  lex: QuoteLexicons;
}

/** Reads an article's quoted spans and speaking mentions. */
export function readArticle(article: EntityArticle): Reading {
  const { text, tokens, paragraphs, entities } = article;
  const spans = findQuotedSpans(text, paragraphs);
  const insideQuote = makeInsideTest(spans);
  return { spans, insideQuote, index: indexMentions(entities, insideQuote, tokens, text), lex: quoteLexicons() };
}

function makeInsideTest(spans: readonly QuotedSpan[]): (at: number) => boolean {
  return (at) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid];
      if (s === undefined || at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}
