// Dash frames: a dash after a closing quotation mark names the speaker (captions, pull quotes).
import { npStartingAt } from '../noun-phrases.ts';
import { CLAUSE_END, CLOSE_MARKS, DASHES } from '../punctuation.ts';
import type { SentenceView } from '../sentence-view.ts';
import type { Found, SentenceRule } from './rule.ts';

const NAME = 'quote-dash-name';

/** "“…” – Jane Smith": a closing mark, a dash, then a name and nothing but an apposition after it. */
export const quoteDashName: SentenceRule = {
  name: NAME,
  family: 'dash',
  example: '“We will win the vote by a wide margin.” – Jane Smith',
  anchor: 'sentence',
  match: dashAfterQuote,
};

function dashAfterQuote(s: SentenceView): Found {
  // wink often ends the sentence at the closing mark, so the dash may open the next one.
  for (let k = Math.max(s.first, 1); k < s.last - 1; k++) {
    const mark = s.at(k - 1);
    if (
      !DASHES.has(s.at(k).value) ||
      !CLOSE_MARKS.has(mark.value) ||
      s.text.slice(mark.end, s.at(k).start).includes('\n')
    )
      continue;
    const np = npStartingAt(s, k + 1);
    if (!np || !s.isName(np)) continue;
    const rest = np[1];
    if (rest < s.last && !CLAUSE_END.has(s.at(rest).value) && s.at(rest).value !== ',') continue;
    return {
      kind: 'dash',
      rule: NAME,
      sentence: s.index,
      cueFirst: k,
      cueLast: k + 1,
      verb: null,
      speaker: np,
      // The content is the quote the mark closes: its closing mark stands for it.
      content: [[k - 1 >= s.first ? s.at(s.first).start : mark.start, mark.end]],
      attribution: [s.at(k).start, s.at(np[1] - 1).end],
      complementizer: true,
    };
  }
  return undefined;
}
