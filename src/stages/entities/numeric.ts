// Numbers, dates and amounts come from wink's own entity recogniser, renamed to the contract's types.
import type { EntityType, SegmentedArticle } from '../../types.ts';
import type { PendingMention } from './canonical.ts';
import type { EntityLexicons } from './lexicons.ts';
import { tokenAt } from './tokens.ts';

// wink type -> contract type; wink types absent here (EMAIL, URL, HASHTAG, EMOJI, …) are not entities of ours.
const WINK_TYPES: Record<string, EntityType> = {
  DATE: 'DATE',
  DURATION: 'DATE',
  TIME: 'TIME',
  MONEY: 'MONEY',
  PERCENT: 'PERCENT',
  CARDINAL: 'CARDINAL',
  ORDINAL: 'ORDINAL',
};

// A duration that is only a unit ("for years") names no date.
const BARE_UNITS = /^(years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries|century)$/i;

/** wink's DATE, TIME, MONEY, … entities as mentions. */
export function numericMentions(article: SegmentedArticle, lex: EntityLexicons): PendingMention[] {
  const { tokens, text } = article;
  const out: PendingMention[] = [];
  for (const e of article.winkEntities) {
    const type = WINK_TYPES[e.type];
    if (!type) continue;
    let first = e.firstToken;
    while (first < e.lastToken - 1 && lex.datePrepositions.has(tokenAt(tokens, first).lower)) first++;
    if (e.type === 'DURATION') {
      if (e.lastToken - first === 1 && BARE_UNITS.test(tokenAt(tokens, first).value)) continue;
      if (
        first >= 2 &&
        lex.dateRelative.has(tokenAt(tokens, first - 1).lower) &&
        tokenAt(tokens, first - 2).lower === 'the'
      )
        first -= 2;
    }
    const start = tokenAt(tokens, first).start;
    const end = tokenAt(tokens, e.lastToken - 1).end;
    out.push({ type, start, end, text: text.slice(start, end), firstToken: first, lastToken: e.lastToken });
  }
  return out;
}
