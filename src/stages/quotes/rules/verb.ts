// Verb frames: the subject before its cue and the content after it ("Blinken said (that) the alliance is strong"),
// a report inside a relative clause, and a second verb that shares the first one's subject.
import { clauseEndFrom, contentEnd } from '../clauses.ts';
import { npStartingAt } from '../noun-phrases.ts';
import type { SentenceView } from '../sentence-view.ts';
import { nearestSubject } from '../subjects.ts';
import { RELATIVE_WORDS, WH_PHRASE_OPENERS } from '../words.ts';
import type { CueRule } from './rule.ts';

/** "The policy changes, which officials said will go into effect …", "what many analysts said was a sign of …": a
 * report inside a relative clause, a verb right after the cue; its content is the rest of that clause. (wink may
 * read "what" as the speaker phrase's first word: "what many analysts".) */
export const relativeClauseReport: CueRule = {
  name: 'relative-clause-report',
  family: 'verb',
  example: 'The policy changes, which officials said will go into effect in a few months, will not apply to all.',
  anchor: 'cue',
  match: (c) => {
    const { s, cueLast } = c;
    const subject = c.subject();
    if (!subject) return undefined;
    const relativeFirst = subject[1] - subject[0] > 1 && WH_PHRASE_OPENERS.has(s.at(subject[0]).lower);
    const inner: [number, number] = relativeFirst ? [subject[0] + 1, subject[1]] : subject;
    const opener = relativeFirst ? s.at(subject[0]).lower : subject[0] - 1 >= s.first ? s.at(subject[0] - 1).lower : '';
    const nextPos = s.tokens[cueLast]?.pos;
    if (
      !(RELATIVE_WORDS.has(opener) || opener === 'what' || opener === 'that') ||
      !(nextPos === 'AUX' || (nextPos === 'VERB' && !s.at(cueLast).lower.endsWith('ing')))
    )
      return undefined;
    const end = clauseEndFrom(s, cueLast, true);
    if (end - cueLast < 2) return undefined;
    return {
      ...c.base(),
      kind: 'subject-cue',
      speaker: inner,
      content: [[s.at(cueLast).start, s.at(end - 1).end]],
      attribution: [s.at(inner[0]).start, s.at(cueLast - 1).end],
      complementizer: false,
    };
  },
};

/** "Blinken said (that) …": the subject before the cue, the content after it to the sentence's end (or to where
 * another report starts: ", adding …", "… and said …"). A weak cue ("suggested") reports only with "that", a
 * colon or a quote after it. */
export const subjectCue: CueRule = {
  name: 'subject-cue',
  family: 'verb',
  example: 'Jane Smith said that the vote would be close.',
  anchor: 'cue',
  match: (c) => {
    const { s, verb } = c;
    const subject = c.subject();
    const content = subject ? c.content() : null;
    if (!subject || !content || content.at >= s.last || (verb.strength < 1 && !content.complementizer))
      return undefined;
    const end = content.end !== undefined ? s.at(content.end - 1).end : contentEnd(s, content.at, true);
    return {
      ...c.base(),
      kind: 'subject-cue',
      speaker: subject,
      content: [[s.at(content.at).start, end]],
      attribution: [s.at(subject[0]).start, s.at(content.at - 1).end],
      complementizer: content.complementizer,
    };
  },
};

/** "Obama met survivors … and said (that) …": a cue after "and" or "but", with no subject of its own, shares the
 * subject of the verb before it. */
export const sharedSubject: CueRule = {
  name: 'shared-subject',
  family: 'verb',
  example: 'Jane Smith met survivors of the flood on Thursday and said the city must act.',
  anchor: 'cue',
  match: (c) => {
    const { s, i, verb } = c;
    const prev = c.prev;
    if (c.subject() || !prev || (prev.lower !== 'and' && prev.lower !== 'but') || i - 1 <= s.first) return undefined;
    const content = c.content();
    const shared =
      content && content.at < s.last && (verb.strength >= 1 || content.complementizer)
        ? coordinatedSubject(s, i - 1)
        : null;
    if (!content || !shared) return null;
    return {
      ...c.base(),
      kind: 'subject-cue',
      speaker: shared,
      content: [[s.at(content.at).start, contentEnd(s, content.at, true)]],
      attribution: [s.at(i).start, s.at(content.at - 1).end],
      complementizer: content.complementizer,
    };
  },
};

/** The subject a verb coordinated at `conj` ("… and said") shares: the phrase opening the sentence when a verb
 * follows it ("The spokesman refused … but said"), else the subject of the nearest verb before the conjunction
 * ("Some booed, and when Rubio thanked Miami and said"). Only a name, a pronoun or a noun phrase with a
 * determiner counts. */
function coordinatedSubject(s: SentenceView, conj: number): [number, number] | null {
  const good = (np: [number, number] | null): np is [number, number] =>
    np !== null &&
    (s.isName(np) || s.at(np[0]).pos === 'PRON' || (s.at(np[0]).pos === 'DET' && s.at(np[1] - 1).pos === 'NOUN'));
  const opening = npStartingAt(s, s.first);
  const after = opening ? s.tokens[opening[1]] : undefined;
  if (
    opening &&
    opening[1] < conj &&
    after &&
    (after.pos === 'VERB' || after.pos === 'AUX' || after.pos === 'ADV') &&
    good(opening)
  )
    return opening;
  return nearestSubject(s, conj, good);
}
