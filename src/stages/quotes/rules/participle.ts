// Participle clauses: ", saying (that) …", "and adding …" continue the clause before; the speaker is that clause's
// subject, which the quote stage resolves from the guess made here (or an earlier speaker of the sentence).
import { contentEnd } from '../clauses.ts';
import type { Frame } from '../frame.ts';
import { npEndingAt, npStartingAt } from '../noun-phrases.ts';
import type { SentenceView } from '../sentence-view.ts';
import { nearestSubject } from '../subjects.ts';
import { BE_FORMS, QUANTIFIERS } from '../words.ts';
import type { CueRule, CueSite, Found } from './rule.ts';

/** A gerund cue after another word that is no auxiliary ("…, saying", "and adding", "emailed supporters saying:"),
 * not a progressive ("was saying", read by the verb rules). The rule owns every such gerund: one without content
 * after it reports nothing. */
export const participleClause: CueRule = {
  name: 'participle-clause',
  family: 'participle',
  example: 'Jane Smith said the plan would fail, adding that the vote would be close.',
  anchor: 'cue',
  match: (c) => {
    const prev = c.prev;
    if (c.verb.form !== 'gerund' || !prev || prev.pos === 'AUX' || BE_FORMS.has(prev.lower)) return undefined;
    return participle(c);
  },
};

function participle(c: CueSite): Found {
  const { s, i, cueLast } = c;
  const content = c.content();
  if (!content || content.at >= s.last) return null;
  const frame: Frame = {
    ...c.base(),
    kind: 'participle',
    speaker: null,
    content: [[s.at(content.at).start, contentEnd(s)]],
    attribution: [s.at(i).start, s.at(cueLast - 1).end],
    complementizer: content.complementizer,
  };
  // "…, with 30 percent of voters saying they …": after "with" the participle has its own subject.
  const own = npEndingAt(s, i - 1);
  // Only people, organisations or a share of them ("with footage of Trump saying" is Trump, found as usual).
  if (own && own[0] - 1 > s.first && s.at(own[0] - 1).lower === 'with' && canSpeak(s, own))
    return { ...frame, speaker: own };
  let opening = npStartingAt(s, s.first);
  // "Hours later, Trump returned …, telling …": a time phrase and a comma open the sentence; the subject follows.
  if (opening && s.tokens[opening[1]]?.pos === 'ADV' && s.tokens[opening[1] + 1]?.value === ',')
    opening = npStartingAt(s, opening[1] + 2);
  const after = opening ? s.tokens[opening[1]] : undefined;
  if (opening && opening[1] < i && after && (after.pos === 'VERB' || after.pos === 'AUX' || after.pos === 'ADV'))
    frame.subjectGuess = opening;
  // "It was a potent punch, as Mrs. Clinton echoed the criticism, saying …": the participle belongs to the clause
  // right before it, whose subject is a name or a pronoun.
  const named = (np: [number, number] | null): np is [number, number] =>
    np !== null && (s.isName(np) || (np[1] - np[0] === 1 && s.at(np[0]).pos === 'PRON'));
  const near = nearestSubject(s, i - 1, named);
  if (near && (!frame.subjectGuess || near[0] > frame.subjectGuess[0])) frame.subjectGuess = near;
  return frame;
}

/** The head of a phrase (the word before its "of") names someone who can speak: a name, a noun for people or an
 * organisation, or a quantity of them ("30 percent of voters"). */
function canSpeak(s: SentenceView, np: [number, number]): boolean {
  let head = np[1] - 1;
  for (let k = np[0] + 1; k < np[1]; k++)
    if (s.at(k).lower === 'of') {
      head = k - 1;
      break;
    }
  const t = s.at(head);
  return (
    s.nameAt(head) ||
    s.lex.peopleNouns.has(t.lower) ||
    s.lex.organisationNouns.has(t.lower) ||
    QUANTIFIERS.has(t.lower) ||
    t.pos === 'NUM'
  );
}
