// Naming verbs: a verb whose object is given a quoted name ("called the vote “a win for public safety”", "described
// his skills as a “work in progress”"); the object and the quote are what was said.
import { npStartingAt } from '../noun-phrases.ts';
import { CLOSE_MARKS, OPEN_MARKS } from '../punctuation.ts';
import type { CueRule, CueSite, Found } from './rule.ts';

/** SUBJECT NAMING-VERB OBJECT (as) (a) “QUOTE”, the quote closed in the sentence. A naming verb that reports
 * nothing else (strength 0: "called") stops here when it names nothing; another ("described") goes on to the
 * rules after this one. */
export const namingVerb: CueRule = {
  name: 'naming-verb',
  family: 'naming',
  example: 'Jeb Bush described his leadership skills as a “work in progress.”',
  anchor: 'cue',
  match: (c) => {
    if (!c.verb.naming) return undefined;
    const f = quotedName(c);
    return f || c.verb.strength === 0 ? f : undefined;
  },
};

function quotedName(c: CueSite): Found {
  const { s, cueLast } = c;
  const subject = c.subject();
  const object = npStartingAt(s, cueLast);
  if (!subject || !object) return null;
  let k = object[1];
  if (s.tokens[k]?.lower === 'as') k++;
  // "as a “work in progress”": a determiner or adjective may stand before the mark.
  for (let n = 0; n < 2 && k < s.last && ['DET', 'ADJ'].includes(s.at(k).pos); n++) k++;
  if (k >= s.last || !OPEN_MARKS.has(s.at(k).value)) return null;
  for (let m = k + 2; m < s.last; m++) {
    const t = s.at(m);
    if (CLOSE_MARKS.has(t.value) && s.quoteEndsAt(t.end)) {
      return {
        ...c.base(),
        kind: 'subject-cue',
        speaker: subject,
        content: [[s.at(cueLast).start, t.end]],
        attribution: [s.at(subject[0]).start, s.at(cueLast - 1).end],
        complementizer: false,
      };
    }
  }
  return null;
}
