// "According to" frames: a cue phrase whose source follows it (data/lexicon/cue-verbs.json, phrases of kind
// source-after), before the content or after it.
import { closes, contentEnd } from '../clauses.ts';
import { npStartingAt, withoutTrailingTime } from '../noun-phrases.ts';
import { CLAUSE_END } from '../punctuation.ts';
import type { SentenceView } from '../sentence-view.ts';
import { SENTENCE_CONNECTORS } from '../words.ts';
import type { Found, PhraseRule } from './rule.ts';

const NAME = 'according-to';

/** "According to SOURCE, CONTENT." / "CONTENT, according to SOURCE." */
export const accordingTo: PhraseRule = {
  name: NAME,
  family: 'according-to',
  example: 'The vote will be close, according to Jane Smith.',
  anchor: 'phrase',
  match: (s, i) => {
    const length = sourcePhraseAt(s, i);
    return length ? sourceFrame(s, i, length) : undefined;
  },
};

/** The length of the cue phrase at token i, within the sentence, or 0. */
function sourcePhraseAt(s: SentenceView, i: number): number {
  for (const p of s.lex.sourcePhrases) {
    let ok = true;
    for (let k = 0; k < p.length; k++) if (s.tokens[i + k]?.lower !== p[k] || i + k >= s.last) ok = false;
    if (ok) return p.length;
  }
  return 0;
}

function sourceFrame(s: SentenceView, i: number, length: number): Found {
  // The source may be any phrase ("exit polls", "fundraising reports filed Saturday"): up to a comma or the end.
  let np = npStartingAt(s, i + length);
  if (!np && i + length < s.last) {
    let e = i + length;
    while (e < s.last && s.at(e).value !== ',' && !CLAUSE_END.has(s.at(e).value)) e++;
    if (e > i + length && e - (i + length) <= 10) np = [i + length, e];
  }
  if (!np) return null;
  np = withoutTrailingTime(s, np);
  const cueEnd = i + length;
  const base = {
    kind: 'according-to' as const,
    rule: NAME,
    sentence: s.index,
    cueFirst: i,
    cueLast: cueEnd,
    verb: null,
    speaker: np,
    complementizer: true,
  };
  // "According to X, CONTENT."
  if (i === s.first || (i === s.first + 1 && SENTENCE_CONNECTORS.has(s.at(s.first).lower))) {
    let k = np[1];
    while (k < s.last && s.at(k).value !== ',') k++;
    if (k + 1 >= s.last) return null;
    return {
      ...base,
      content: [[s.at(k + 1).start, contentEnd(s)]],
      attribution: [s.at(i).start, s.at(k).end],
    };
  }
  // "CONTENT, according to X.", "“…,” according to X."
  const before = s.at(i - 1);
  if (before.value !== ',' && before.value !== '—' && before.value !== '(' && !closes(s, i - 1)) return null;
  if (i - 1 <= s.first) return null;
  return {
    ...base,
    content: [[s.at(s.first).start, s.at(i - 2).end]],
    attribution: [s.at(i).start, s.at(np[1] - 1).end],
  };
}
