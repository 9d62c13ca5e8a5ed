// Subjects: the noun phrase before a verb that says who does it, past adverbs, appositions, party tags and adjuncts,
// and names joined by "and".
import { isDayWord, pairedDash } from './clauses.ts';
import { hasNameOrHead, isDescription, npEndingAt, npStartingAt } from './noun-phrases.ts';
import { CLOSE_MARKS, DASHES, OPEN_MARKS } from './punctuation.ts';
import type { SentenceView } from './sentence-view.ts';
import { CLAUSE_START_POS } from './tags.ts';
import {
  ADJUNCT_BEFORE_VERB,
  BETWEEN_SUBJECT_AND_CUE,
  CLAUSE_OPENERS,
  CONJUNCTIONS,
  DAY_OPENERS,
  NEGATION,
  RELATIVE_WORDS,
  SEQUENCE_ADVERBS,
  TIME_MODIFIERS,
  TIME_NOUNS,
} from './words.ts';

/** Subject of a cue at token i: skips adverbs and auxiliaries, and an apposition ("Doe, a professor at X, said"). */
export function subjectBefore(s: SentenceView, i: number): [number, number] | null {
  let j = i - 1;
  while (j >= s.first && BETWEEN_SUBJECT_AND_CUE.has(s.at(j).lower)) {
    if (NEGATION.has(s.at(j).lower)) return null;
    j--;
  }
  if (j >= s.first && NEGATION.has(s.at(j).lower)) return null;
  // "said R. Gil Kerlikowske, the commissioner, who conceded that …", "Democrats who say …": a relative "who"
  // stands for the phrase before it.
  if (j > s.first && s.at(j).lower === 'who') return subjectBefore(s, j);
  j = skipBackOverAdjuncts(s, j);
  if (j < s.first) return null;
  // "Jason Sims — a teacher from Mount Pleasant — says": an apposition between dashes.
  if (DASHES.has(s.at(j).value)) {
    const k = pairedDash(s, j, -1);
    const np = k > s.first ? npEndingAt(s, k - 1) : null;
    return np && hasNameOrHead(s, np) ? np : null;
  }
  if (s.at(j).value === ',') {
    // An apposition or relative clause between commas, right before the cue ("Jane Doe, a professor at X, said";
    // "Harvey, a delegate from Houston, Texas, said"): the speaker is the phrase before the comma that opens it.
    // The nearest such phrase that holds a name wins; else the nearest phrase at all.
    let fallback: [number, number] | null = null;
    let orgName: [number, number] | null = null;
    for (let k = j - 1; k >= Math.max(s.first, j - 40); k--) {
      const t = s.at(k);
      // "Jeff Weaver, Sanders' campaign manager, said": an apostrophe that closes no quote is a possessive.
      if (
        (OPEN_MARKS.has(t.value) || CLOSE_MARKS.has(t.value)) &&
        !((t.value === "'" || t.value === '’') && !s.quoteEndsAt(t.end))
      )
        break;
      if (t.value !== ',') continue;
      // "Lindsey Graham, R-S.C., a candidate, said": a party tag between commas is skipped like an apposition.
      if (partyTagEndingAt(s, k - 1)) continue;
      const inner = s.at(k + 1);
      // "a professor at X", "45", "who …", and participles: "Trudeau, speaking in Ottawa, said"
      const participle = inner.pos === 'VERB' && /(ing|ed)$/.test(inner.lower);
      // wink may tag a first name as a verb ("Josh"): a name the entity stage found counts as a noun.
      // "Mr. Daniloff, now 81 and retired in Cambridge, said": an adverb may open the apposition too.
      // "Mr. Mahaney, of RBC Capital Markets, said": a place or employer after "of" or "from" too.
      const appositive =
        ['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN', 'ADV'].includes(inner.pos) ||
        s.nameAt(k + 1) ||
        RELATIVE_WORDS.has(inner.lower) ||
        participle ||
        inner.pos === 'ADP';
      if (!appositive) continue;
      // "A top strategist, John Weaver, said": the name in the commas is the speaker, not the description.
      const inside: [number, number] = [k + 1, j];
      // "Ayrault, the foreign minister of France, a permanent member of the Security Council, said": a phrase that
      // opens with a determiner is a description holding a name, not a name.
      if (k === j - 1 || !s.isName(inside) || inner.pos === 'DET') {
        /* not a name between the commas */
      } else if (npStartingAt(s, k + 1)?.[1] === j) {
        // "the White House spokesman, Josh Earnest, said": a description may hold an organisation, not a person.
        const before = npEndingAt(s, k - 1);
        if (before && isDescription(s, before)) return inside;
      }
      const np = npEndingAt(s, skipBackOverAdjuncts(s, k - 1));
      if (!np || !hasNameOrHead(s, np)) continue;
      if (s.isPerson(np)) return np;
      if (s.isName(np)) orgName ??= np;
      fallback ??= np;
    }
    return orgName ?? fallback;
  }
  let np = npEndingAt(s, j);
  if (np && s.isName(np)) np = coordinatedNames(s, np);
  // "Stacy Baker of Columbia, South Carolina said": a state or country after a comma completes a place, and the
  // speaker is the phrase before the place.
  if (np && s.isPlace(np) && np[0] - 2 >= s.first && s.at(np[0] - 1).value === ',') {
    const before = npEndingAt(s, np[0] - 2);
    if (before && s.isPerson(before)) np = before;
  }
  // "Trump at the time said", "Smith in a statement said": the phrase right before the verb is an adjunct.
  // But "after Trump said", "since he said": a person after the word is the subject of a clause it opens.
  if (
    np &&
    np[0] - 2 >= s.first &&
    ADJUNCT_BEFORE_VERB.has(s.at(np[0] - 1).lower) &&
    !s.isPerson(np) &&
    s.at(np[0]).pos !== 'PRON'
  ) {
    const subject = npEndingAt(s, np[0] - 2);
    if (subject && hasNameOrHead(s, subject)) return subject;
  }
  return np;
}

/** A party tag written between commas ends at token k: "R-S.C.", "D-Calif.", "I-Vt." (after a comma). */
function partyTagEndingAt(s: SentenceView, k: number): boolean {
  for (let j = k - 1; j >= Math.max(s.first + 1, k - 6); j--) {
    const t = s.at(j);
    if (t.value === ',') return false;
    if (
      (t.value === 'R' || t.value === 'D' || t.value === 'I') &&
      s.tokens[j + 1]?.value === '-' &&
      s.at(j - 1).value === ','
    )
      return true;
  }
  return false;
}

/** "Trump and Ryan said", "Carson, Fiorina and Huckabee say": names joined by "and" (and commas before it) speak
 * together; the phrase grows back over them. */
function coordinatedNames(s: SentenceView, np: [number, number]): [number, number] {
  const conj = np[0] - 1;
  if (conj - 1 < s.first || !CONJUNCTIONS.has(s.at(conj).lower)) return np;
  // An Oxford comma may stand before the conjunction.
  const end = s.at(conj - 1).value === ',' ? conj - 2 : conj - 1;
  let left = npEndingAt(s, end);
  if (!left || !s.isName(left)) return np;
  let a = left[0];
  while (a - 2 >= s.first && s.at(a - 1).value === ',') {
    left = npEndingAt(s, a - 2);
    if (!left || !s.isName(left)) break;
    a = left[0];
  }
  return [a, np[1]];
}

/** Steps back over what may stand between a subject and its verb: "(D-Calif.)", "on Tuesday", "last week". */
function skipBackOverAdjuncts(s: SentenceView, j: number): number {
  for (let guard = 0; guard < 3 && j >= s.first; guard++) {
    const t = s.at(j);
    if (t.value === ')') {
      let k = j - 1;
      while (k >= s.first && k > j - 12 && s.at(k).value !== '(') k--;
      if (k < s.first || s.at(k).value !== '(') return j;
      j = k - 1;
    } else if (isDayWord(t.lower) && !SEQUENCE_ADVERBS.has(t.lower)) {
      j--;
      if (j >= s.first && DAY_OPENERS.has(s.at(j).lower)) j--;
    } else if (TIME_NOUNS.has(t.lower) && j - 1 >= s.first && TIME_MODIFIERS.has(s.at(j - 1).lower)) {
      j -= 2;
    } else return j;
  }
  return j;
}

/** The subject of the nearest verb before token `at` that passes `good`, skipping clauses opened by "that",
 * "which", "who" …; null past a quotation mark, a colon or a semicolon. */
export function nearestSubject(
  s: SentenceView,
  at: number,
  good: (np: [number, number] | null) => np is [number, number],
): [number, number] | null {
  for (let k = at - 1; k > s.first && k >= at - 25; k--) {
    const t = s.at(k);
    if (t.value === ';' || t.value === ':' || OPEN_MARKS.has(t.value) || CLOSE_MARKS.has(t.value)) break;
    // A finite verb only: "Trump's persistent sniffing" has no subject.
    if (t.pos !== 'VERB' || s.nameAt(k) || t.lower.endsWith('ing')) continue;
    const np = subjectBefore(s, k);
    if (!good(np)) continue;
    if (np[0] - 1 >= s.first && CLAUSE_OPENERS.has(s.at(np[0] - 1).lower)) continue;
    // A subject opens its clause: "helping Mrs. Clinton succeed him" has an object before a bare infinitive.
    if (np[0] - 1 >= s.first && !CLAUSE_START_POS.has(s.at(np[0] - 1).pos)) continue;
    return np;
  }
  return null;
}
