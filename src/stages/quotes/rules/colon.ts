// Colon frames: a name (and nothing else) opens the sentence, a colon follows, then what they said (headlines,
// captions: "Blumenthal: ‘No idea’ if I would have told her").
import { contentEnd } from '../clauses.ts';
import { isRubric } from '../lexicon.ts';
import { npStartingAt } from '../noun-phrases.ts';
import type { SentenceView } from '../sentence-view.ts';
import type { Found, OpeningRule } from './rule.ts';

const NAME = 'name-colon';

/** "NAME: CONTENT", the colon within the sentence's first seven tokens. */
export const nameColon: OpeningRule = {
  name: NAME,
  family: 'colon',
  example: 'Jane Smith: “We will win the vote by a wide margin.”',
  anchor: 'opening',
  match: nameThenColon,
};

function nameThenColon(s: SentenceView): Found {
  let c = -1;
  for (let k = s.first + 1; k < Math.min(s.last - 1, s.first + 7); k++)
    if (s.at(k).value === ':') {
      c = k;
      break;
    }
  if (c < 0) return undefined;
  const np: [number, number] = [s.first, c];
  const whole = npStartingAt(s, s.first);
  if (!whole || whole[1] !== c || !s.isName(np)) return undefined;
  // "The Latest: …", "Breaking: …": a rubric names no one, whatever the tagger made of it
  if (isRubric(s.text.slice(s.at(s.first).start, s.at(c - 1).end), s.lex)) return undefined;
  return {
    kind: 'colon',
    rule: NAME,
    sentence: s.index,
    cueFirst: c,
    cueLast: c + 1,
    verb: null,
    speaker: np,
    content: [[s.at(c + 1).start, contentEnd(s)]],
    attribution: [s.at(s.first).start, s.at(c).end],
    complementizer: true,
  };
}
