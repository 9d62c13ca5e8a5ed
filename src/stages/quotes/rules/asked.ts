// Questions put without their asker: "when asked whether he would run, …", "Asked about the vagueness, McCain
// said": the question is reported, its speaker unknown.
import { clauseEndFrom } from '../clauses.ts';
import { ASKED_AFTER, WH_WORDS } from '../words.ts';
import type { CueRule, CueSite, Found } from './rule.ts';

/** A passive "asked" (opening the sentence or after "when", "after being", a comma …) and a question after it,
 * which runs to the next comma or the sentence's end. The rule owns every such "asked": one without a question
 * after it reports nothing. */
export const askedWithoutAsker: CueRule = {
  name: 'asked-without-asker',
  family: 'asked',
  example: 'Asked if the plan was illegal, 46 percent of voters said yes.',
  anchor: 'cue',
  match: (c) => {
    const { verb } = c;
    const prev = c.prev;
    if (verb.lemma !== 'ask' || (verb.form !== 'past' && verb.form !== 'participle')) return undefined;
    return !prev || ASKED_AFTER.has(prev.lower) ? question(c) : undefined;
  },
};

function question(c: CueSite): Found {
  const { s, i, cueLast } = c;
  let k = cueLast;
  while (k < s.last && s.at(k).pos === 'ADV' && s.at(k).lower.endsWith('ly')) k++;
  const t = s.tokens[k];
  const at =
    t?.lower === 'about' ? k + 1 : t && (WH_WORDS.has(t.lower) || t.lower === 'whom' || t.lower === 'which') ? k : -1;
  if (at < 0 || at >= s.last) return null;
  const end = clauseEndFrom(s, at, false);
  if (end - at < 2) return null;
  return {
    ...c.base(),
    kind: 'asked',
    speaker: null,
    content: [[s.at(at).start, s.at(end - 1).end]],
    attribution: [s.at(i).start, s.at(cueLast - 1).end],
    complementizer: true,
  };
}
