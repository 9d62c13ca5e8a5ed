// Attribution frames: where a sentence reports speech, who speaks (a token range) and what is reported (character
// ranges). The patterns, each tested in tests/stages/quotes.test.ts:
//   1. SUBJECT CUE [that|:] CONTENT          Blinken said (that) the alliance is strong.
//   2. CONTENT, SUBJECT CUE.                 The alliance is strong, Blinken said.
//   3. CONTENT, CUE SUBJECT.                 The alliance is strong, said Secretary Blinken.
//   4. CONTENT, SUBJECT CUE, CONTENT.        The alliance, Blinken said, is strong.
//   5. According to SOURCE, CONTENT. / CONTENT, according to SOURCE.
//   6. …, saying/adding (that) CONTENT       (the speaker is the subject of the clause before)
//   7. NAME: CONTENT                         Blumenthal: ‘No idea’ if I would have told her (headlines, transcripts)
//   8. “QUOTE” – NAME                         a dash after the closing mark names the speaker (captions, pull quotes)
// Quoted speech uses the same frames: the quoted span is the content, or lies inside it (a mixed quote).
import type { Token } from '../../types.ts';
import { compoundEnd, compoundStart } from './compounds.ts';
import type { CueVerb, QuoteLexicons } from './lexicon.ts';
import { NO_NAMES, SentenceView, type NameTests } from './sentence-view.ts';
import { looksLikeTitle } from './title-case.ts';
import { tok } from './tokens.ts';
import {
  ADJUNCT_BEFORE_VERB,
  ADJUNCT_PHRASE_LINKS,
  ADJUNCT_PREPS,
  APPROXIMATELY,
  ASIDE_OPENERS,
  ASKED_AFTER,
  BETWEEN_SUBJECT_AND_CUE,
  BE_FORMS,
  CLAUSE_OPENERS,
  CONJUNCTIONS,
  CONTENT_SUBORDINATORS,
  DAY_OPENERS,
  DAY_WORDS,
  DEGREE_QUANTITIES,
  LISTENER_VERBS,
  NEGATION,
  NEVER_INVERTED,
  NOT_CONTENT,
  NOUN_DETERMINERS,
  OBJECT_PRONOUNS,
  PLACE_TIME_PREPS,
  QUANTIFIERS,
  QUANTITY_SUBJECTS,
  RELATIVE_WORDS,
  SENTENCE_CONNECTORS,
  SEQUENCE_ADVERBS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  TIME_MODIFIERS,
  TIME_NOUNS,
  TIME_WORDS,
  WH_PHRASE_OPENERS,
  WH_WORDS,
} from './words.ts';

export type FrameKind =
  'subject-cue' | 'inverted' | 'parenthetical' | 'according-to' | 'participle' | 'colon' | 'dash' | 'asked';

export interface Frame {
  kind: FrameKind;
  sentence: number;
  /** Cue tokens [cueFirst, cueLast). */
  cueFirst: number;
  cueLast: number;
  verb: CueVerb | null;
  /** Speaker noun phrase tokens [first, last), or null when the frame names none (participles). */
  speaker: [number, number] | null;
  /** Reported content as character ranges (two for a parenthetical cue). */
  content: [number, number][];
  /** Characters [start, end) of the attribution itself (speaker and cue, with adjuncts). */
  attribution: [number, number];
  /** Content introduced by "that" or a colon: a surer sign of reported speech. */
  complementizer: boolean;
  /** Participles: the noun phrase that opens the sentence, when a verb follows it (its likely subject). */
  subjectGuess?: [number, number];
  /** The content is the paragraph after a colon that ends the attribution's paragraph: direct speech without marks. */
  block?: true;
  /** The content is a transcript paragraph after its speaker's label: quotation marks around it mark the transcript
   * (opened on every paragraph, closed on none), not this speech. */
  transcript?: true;
}

// wink may tag a lone dash as a proper noun ("PHILADELPHIA ― Hillary Clinton's campaign"): a phrase word has a letter or digit.
const WORDLIKE = /[\p{L}\p{N}]/u;
const NP_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
const HEAD_POS = new Set(['PROPN', 'NOUN', 'PRON', 'NUM']);
const NOUN_HEADS = new Set(['NOUN', 'PROPN', 'NUM']);
const CLAUSE_END = new Set(['.', '!', '?', '”', '"', '’', "''", ';']);
// wink splits the wire style ``…'' into single backticks and apostrophes.
const OPEN_MARKS = new Set(['“', '"', '‘', '«', '„', '``', '`']);
const CLOSE_MARKS = new Set(['”', '"', '’', '»', "''", "'"]);

/** The cue verb written at token i (longest form first), if any. */
export function cueAt(tokens: readonly Token[], i: number, lex: QuoteLexicons): CueVerb | undefined {
  const t = tok(tokens, i);
  const forms = lex.verbs.get(t.lower);
  if (!forms) return undefined;
  // "the claims", "a swing state": after an article or a possessive the form is a noun, and so is a form news
  // mostly writes as one; either still reports before "that" or a colon ("his claim that …", "the report states:").
  const clauseNext = tokens[i + 1]?.lower === 'that' || tokens[i + 1]?.value === ':';
  if (i > 0 && NOUN_DETERMINERS.has(tok(tokens, i - 1).lower) && !clauseNext) return undefined;
  // ("a swing state that Trump must win", "in nine states: Ohio, …": such a form reports only after a name or
  // pronoun.)
  if (lex.nounForms.has(t.lower) && !(clauseNext && ['PROPN', 'PRON'].includes(tokens[i - 1]?.pos ?? '')))
    return undefined;
  // "the said company", "a tweet": only verbs report.
  // wink tags some present forms after a name as nouns ("…,” Viguerie notes."; "the ad states."): after a noun,
  // right before the clause ends, such a form is the verb.
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    const before = i > 0 ? tok(tokens, i - 1).pos : '';
    const clauseEnds = ['.', ','].includes(tokens[i + 1]?.lower ?? '');
    // "About 4 in 10 say they …": after a number, before a pronoun or determiner starting a clause, likewise.
    const clauseFollows = before === 'NUM' && ['PRON', 'DET'].includes(tokens[i + 1]?.pos ?? '');
    // "Schweizer notes the foundation hid …", "advocacy groups note that …": after a name or a noun, before "that"
    // or a clause with its own verb.
    const clauseAfter =
      (before === 'PROPN' || before === 'NOUN') && (isThat(tokens[i + 1] ?? t) || clauseWithVerb(tokens, i + 1));
    if (!(
      t.pos === 'NOUN' &&
      (before === 'PRON' || clauseFollows || clauseAfter || ((before === 'PROPN' || before === 'NOUN') && clauseEnds))
    ))
      return undefined;
  }
  let best: CueVerb | undefined;
  for (const f of forms) {
    let ok = true;
    for (let k = 1; k < f.tokens.length; k++) if (tokens[i + k]?.lower !== f.tokens[k]) ok = false;
    if (ok && (!best || f.verb.length > best.length)) best = f.verb;
  }
  return best;
}

/** Tokens from `k` open a clause: a determiner, pronoun or name, then a finite verb within 8 tokens, before any
 * punctuation. */
function clauseWithVerb(tokens: readonly Token[], k: number): boolean {
  const first = tokens[k];
  if (!first || !['DET', 'PRON', 'PROPN'].includes(first.pos)) return false;
  for (let m = k + 1; m < tokens.length && m < k + 9; m++) {
    const t = tok(tokens, m);
    if (t.pos === 'PUNCT' || t.sentence !== first.sentence) return false;
    if (
      t.pos === 'AUX' ||
      (t.pos === 'VERB' && !t.lower.endsWith('ing') && ['NOUN', 'PROPN', 'PRON'].includes(tok(tokens, m - 1).pos))
    )
      return true;
  }
  return false;
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

/** "Six in 10 voters", "four out of 10": the "in" or "out" of a ratio is inside the phrase. */
function inRatio(s: SentenceView, k: number): boolean {
  const w = s.at(k).lower;
  if (k <= s.first || s.at(k - 1).pos !== 'NUM') return false;
  return (
    (w === 'in' && s.tokens[k + 1]?.pos === 'NUM') ||
    (w === 'out' && s.tokens[k + 1]?.lower === 'of' && s.tokens[k + 2]?.pos === 'NUM')
  );
}

/** "Democratic registered voters", "newly elected officials": a participle between a modifier and a noun. */
function participleModifier(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (t.pos !== 'VERB' || !t.lower.endsWith('ed') || k <= s.first) return false;
  // "Texas-based Matt Mackowiak", "Chicago-born": a hyphened compound modifies whatever follows it.
  const dash = s.at(k - 1);
  if (dash.value === '-' && dash.end === t.start && k - 1 > s.first && s.at(k - 2).end === dash.start) return true;
  if (s.tokens[k + 1]?.pos !== 'NOUN') return false;
  return ['ADJ', 'ADV', 'DET', 'NUM', 'NOUN'].includes(s.at(k - 1).pos);
}

/** "a Downing Street spokesman": wink tags some capitalised words of a name as verbs; one written inside the
 * sentence right before a proper noun belongs to that name. */
function capitalisedBeforeName(s: SentenceView, k: number): boolean {
  return k > s.first && /^\p{Lu}\p{Ll}/u.test(s.at(k).value) && s.tokens[k + 1]?.pos === 'PROPN' && k + 1 < s.last;
}

/** Noun phrase ending at token j (inclusive), within the sentence, or null. */
function npEndingAt(s: SentenceView, j: number): [number, number] | null {
  if (j < s.first) return null;
  let a = j + 1;
  while (a - 1 >= s.first) {
    // "the self-taught resident", "The former sergeant-at-arms": a hyphenated compound is one word.
    const compound = compoundStart(s.tokens, a - 1, s.first);
    if (compound < a - 1) {
      a = compound;
      continue;
    }
    const t = s.at(a - 1);
    const inside =
      (NP_POS.has(t.pos) && WORDLIKE.test(t.value)) ||
      s.nameAt(a - 1) ||
      capitalisedBeforeName(s, a - 1) ||
      t.lower === "'s" ||
      t.lower === '’s' ||
      t.value === '%' ||
      inRatio(s, a - 1) ||
      participleModifier(s, a - 1) ||
      ((t.lower === 'of' || (t.lower === 'for' && s.tokens[a - 2]?.pos === 'NOUN')) &&
        a - 1 > s.first &&
        (HEAD_POS.has(s.at(a - 2).pos) || QUANTIFIERS.has(s.at(a - 2).lower) || inRatio(s, a - 2))) ||
      ((t.value === '.' || t.value === '-' || t.value === '&') && a - 1 > s.first && s.at(a - 2).end === t.start);
    // "which 67 percent of voters say": a relative word starts a clause, not the speaker's name.
    if (!inside || RELATIVE_WORDS.has(t.lower) || t.lower === 'that') break;
    // "… the Washington Post Trump said", "… the regional centers The S.E.C. said": a comma or full stop the writer
    // left out; the phrase starts at the person's name or at a capitalised determiner right after a noun ("the
    // head of The Heritage Foundation" goes on).
    if (a <= j && s.nameBreak(a)) break;
    a--;
    if (a > s.first && t.pos === 'DET' && /^\p{Lu}/u.test(t.value) && ['NOUN', 'PROPN'].includes(s.at(a - 1).pos))
      break;
    if (a - j > 12) break;
  }
  // "About 4 in 10 say": an approximation before a number belongs to it.
  if (a - 1 >= s.first && APPROXIMATELY.has(s.at(a - 1).lower) && s.tokens[a]?.pos === 'NUM') a--;
  // Trim connectors a phrase cannot start with.
  while (a <= j && (s.at(a).lower === 'of' || s.at(a).pos === 'PART' || s.at(a).value === '.' || s.at(a).value === '-'))
    a++;
  if (a > j) return null;
  let head = false;
  for (let k = a; k <= j; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) head = true;
  // "the premier said": wink reads some titles as adjectives; after a determiner the last word is the head.
  if (!head && j > a && s.at(a).pos === 'DET' && s.at(j).pos === 'ADJ') head = true;
  return head ? [a, j + 1] : null;
}

/** Noun phrase starting at token i, or null. Stops at a comma, a verb, a clause end, or a determiner after the
 * head ("told reporters the vote …": the listener ends where the clause begins). */
function npStartingAt(s: SentenceView, i: number): [number, number] | null {
  let b = i;
  let headSeen = false;
  while (b < s.last) {
    const t = s.at(b);
    if (headSeen && (t.pos === 'DET' || t.pos === 'PRON') && s.at(b - 1).lower !== 'of') break;
    // "the bow-tied maverick", "the self-described …": a hyphenated compound is one word, whatever its parts' tags.
    const compound = compoundEnd(s.tokens, b, s.last);
    if (compound > b + 1 && WORDLIKE.test(t.value)) {
      b = compound;
      continue;
    }
    if (HEAD_POS.has(t.pos) || s.nameAt(b)) headSeen = true;
    const inside =
      (NP_POS.has(t.pos) && WORDLIKE.test(t.value)) ||
      s.nameAt(b) ||
      capitalisedBeforeName(s, b) ||
      t.lower === "'s" ||
      t.lower === '’s' ||
      (t.lower === 'of' && b > i && b + 1 < s.last && NP_POS.has(s.at(b + 1).pos)) ||
      // a period, hyphen or ampersand only inside a name ("A.T.&T", "Ocasio-Cortez"), never the sentence's full stop
      ((t.value === '.' || t.value === '-' || t.value === '&') &&
        b > i &&
        s.at(b - 1).end === t.start &&
        b + 1 < s.last &&
        s.at(b + 1).start === t.end &&
        NP_POS.has(s.at(b + 1).pos)) ||
      // … or the period of a title abbreviation wink split off, before the name ("the Rev. Peter Wherry")
      (t.value === '.' &&
        b > i &&
        s.at(b - 1).end === t.start &&
        /^\p{Lu}\p{Ll}{1,3}$/u.test(s.at(b - 1).value) &&
        b + 1 < s.last &&
        (s.nameAt(b + 1) || s.at(b + 1).pos === 'PROPN'));
    if (!inside) break;
    b++;
    if (b - i > 12) break;
  }
  if (b === i) return null;
  let head = false;
  for (let k = i; k < b; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) head = true;
  return head ? [i, b] : null;
}

/** Subject of a cue at token i: skips adverbs and auxiliaries, and an apposition ("Doe, a professor at X, said"). */
function subjectBefore(s: SentenceView, i: number): [number, number] | null {
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

/** "an ABC News-Washington Post poll last week" -> "an ABC News-Washington Post poll": a time phrase closing a
 * source phrase says when, not who. */
function withoutTrailingTime(s: SentenceView, np: [number, number]): [number, number] {
  const [a, b] = np;
  if (
    b - a >= 3 &&
    TIME_NOUNS.has(s.at(b - 1).lower) &&
    (TIME_MODIFIERS.has(s.at(b - 2).lower) || s.at(b - 2).lower === 'that')
  )
    return [a, b - 2];
  if (b - a >= 2 && isDayWord(s.at(b - 1).lower) && s.at(b - 1).pos !== 'ADV') return [a, b - 1];
  return np;
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

function hasNameOrHead(s: SentenceView, np: [number, number]): boolean {
  for (let k = np[0]; k < np[1]; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) return true;
  return false;
}

/** "said Sunday", "A few weeks later … announced": a phrase of time words names no speaker. */
function onlyTime(s: SentenceView, np: [number, number]): boolean {
  for (let k = np[0]; k < np[1]; k++) {
    const t = s.at(k);
    if (!TIME_WORDS.has(t.lower) && t.pos !== 'NUM') return false;
  }
  return true;
}

/** Index after adjuncts following a cue ("Tuesday", "in a statement", "on CNN", "at a rally in Ohio"). */
function skipAdjuncts(s: SentenceView, k: number, lex: QuoteLexicons): number {
  let guard = 0;
  while (k < s.last && guard++ < 4) {
    const t = s.at(k);
    // "asked reporters rhetorically", "said angrily": a manner adverb says how, not what.
    // But "said nearly every voter …" starts the content with its adverb.
    const next = s.tokens[k + 1];
    if (
      t.pos === 'ADV' &&
      t.lower.length > 4 &&
      t.lower.endsWith('ly') &&
      t.lower !== 'only' &&
      (!next || k + 1 >= s.last || next.lower === 'that' || ['ADP', 'PUNCT', 'SCONJ', 'ADV', 'PART'].includes(next.pos))
    ) {
      k++;
      continue;
    }
    if (!ADJUNCT_PREPS.has(t.lower)) break;
    // "said about half of …" is a quantity opening the content, not an adjunct.
    if (APPROXIMATELY.has(t.lower) && (next?.pos === 'NUM' || QUANTIFIERS.has(next?.lower ?? ''))) break;
    // "to" before a verb is an infinitive ("declined to say"), not an adjunct.
    if (t.lower === 'to' && s.tokens[k + 1] && ['VERB', 'AUX'].includes(s.at(k + 1).pos)) break;
    // A day or an adverb ("said Tuesday it will …", "said later") is one word: what follows is the content.
    if (isDayWord(t.lower)) {
      // but "says too much is made of …": "too" belongs to the quantity after it
      if (t.lower === 'too' && DEGREE_QUANTITIES.has(next?.lower ?? '')) break;
      k++;
      continue;
    }
    let m = k + 1;
    // "said on Tuesday he would …", "said after the debate the country needed …": after a phrase of time or place, a
    // subject pronoun or a determiner right after its noun opens the content's subject (not after "of" or "with":
    // "at the beginning of the meeting that …"; nor after a pronoun: "what she told …"; nor without a verb soon
    // after: "announced on Friday the arrest of a man in …"; nor after "of" or "about", where it opens a relative
    // clause: "warned of the implications a Trump presidency would have").
    while (m < s.last && (NP_POS.has(s.at(m).pos) || ADJUNCT_PHRASE_LINKS.has(s.at(m).lower)) && !isThat(s.at(m))) {
      const u = s.at(m);
      const prev = s.at(m - 1);
      if (
        m > k + 1 &&
        PLACE_TIME_PREPS.has(t.lower) &&
        NOUN_HEADS.has(prev.pos) &&
        (u.pos === 'DET' || SUBJECT_PRONOUNS.has(u.lower)) &&
        finiteVerbWithin(s, m + 1, 6)
      )
        break;
      m++;
    }
    // "in a statement", "at Queen’s Park": a preposition and its phrase; a bare preposition is no adjunct.
    if (m === k + 1) break;
    void lex;
    k = m;
  }
  return k;
}

function isDayWord(w: string): boolean {
  return DAY_WORDS.has(w);
}

function isThat(t: Token): boolean {
  return t.lower === 'that';
}

/** Start of content after a cue ending at token k, or null when what follows is no reported clause. */
/** "said, “We’ll see,” when asked whether …": the quote opening at `open` ends the content when a subordinate
 * clause follows its closing mark (narration about the saying); undefined otherwise. */
function quoteThenNarration(s: SentenceView, open: number): number | undefined {
  for (let m = open + 1; m < s.last; m++) {
    const t = s.at(m);
    if (!CLOSE_MARKS.has(t.value) || !closes(s, m)) continue;
    const after = s.tokens[m + 1];
    return after && SUBORDINATORS.has(after.lower) ? m + 1 : undefined;
  }
  return undefined;
}

/** Where the content after a cue starts (and, for a one-word answer, where it ends). */
function contentAfter(
  s: SentenceView,
  k: number,
  verb: CueVerb,
  lex: QuoteLexicons,
): { at: number; complementizer: boolean; end?: number } | null {
  k = skipAdjuncts(s, k, lex);
  // "said — on Twitter, as it happens — that …": an aside between dashes right after the cue.
  if (k < s.last && DASHES.has(s.at(k).value)) {
    const m = pairedDash(s, k, 1);
    if (m >= 0) k = skipAdjuncts(s, m + 1, lex);
  }
  // "said Friday, as they bristled at the questions, that …": a subordinate clause in commas, then "that".
  if (k + 1 < s.last && s.at(k).value === ',' && ASIDE_OPENERS.has(s.at(k + 1).lower)) {
    for (let m = k + 2; m < s.last - 1 && m < k + 30; m++) {
      if (CLAUSE_END.has(s.at(m).value)) break;
      if (s.at(m).value === ',' && isThat(s.at(m + 1))) {
        k = m + 1;
        break;
      }
    }
  }
  // "said, among other things, that …", "said Sunday in Madison, Wisconsin, that …": words without a verb, then a
  // comma and "that".
  if (k < s.last && !isThat(s.at(k))) {
    for (let m = k; m < s.last && m < k + 12; m++) {
      const t = s.at(m);
      if (t.pos === 'VERB' || t.pos === 'AUX' || CLAUSE_END.has(t.value) || OPEN_MARKS.has(t.value)) break;
      if (t.value === ',' && m + 1 < s.last && isThat(s.at(m + 1))) {
        k = m + 1;
        break;
      }
    }
  }
  if (LISTENER_VERBS.has(verb.lemma) && !WH_WORDS.has(s.tokens[k]?.lower ?? '')) {
    // "told reporters (that)", "told CNN", "told him": skip the listener (but "asked what …" has none, and in
    // "warned it could be days", "warned Democrats would lose" the phrase is the subject of the content: a verb
    // follows it).
    const np = npStartingAt(s, k);
    const subjectOfClause =
      np &&
      ['AUX', 'VERB'].includes(s.tokens[np[1]]?.pos ?? '') &&
      !OBJECT_PRONOUNS.has(s.at(np[1] - 1).lower) &&
      !(s.at(np[1]).pos === 'VERB' && /ing$/.test(s.at(np[1]).lower));
    if (np && !subjectOfClause) k = skipAdjuncts(s, np[1], lex);
  }
  if (k >= s.last) return null;
  const t = s.at(k);
  // "urged voters to turn out", "told them to leave": the infinitive is what was asked for; "vowed to repeal …":
  // what was promised.
  if ((LISTENER_VERBS.has(verb.lemma) || verb.infinitive) && t.lower === 'to' && s.tokens[k + 1]?.pos === 'VERB')
    return { at: k, complementizer: true };
  if (isThat(t)) return k + 1 < s.last ? { at: k + 1, complementizer: true } : null;
  if (t.value === ':') return k + 1 < s.last ? { at: k + 1, complementizer: true } : null;
  if (t.value === ',') {
    // "said, “…”": the content is the quote after the comma.
    const next = s.tokens[k + 1];
    return next && OPEN_MARKS.has(next.value)
      ? { at: k + 1, complementizer: true, end: quoteThenNarration(s, k + 1) }
      : null;
  }
  if (OPEN_MARKS.has(t.value)) return { at: k, complementizer: true, end: quoteThenNarration(s, k) };
  // "said it" / "said this" report nothing, but "says it will shift staff" / "say this is a rough patch" do.
  // "said much of his discussion … was about Israel": a quantity word and "of" open a clause when a verb follows.
  const after = s.tokens[k + 1];
  const clauseFollows =
    ((t.lower === 'it' || t.lower === 'this') && ['AUX', 'VERB'].includes(after?.pos ?? '')) ||
    (after?.lower === 'of' && finiteVerbWithin(s, k + 2, 10)) ||
    // "said no decision had been made": "no" before a noun is a determiner; "says much is made of …", "said more
    // needs to be done": a quantity word right before a verb is the clause's subject.
    (t.lower === 'no' && ['NOUN', 'ADJ', 'PROPN'].includes(after?.pos ?? '') && finiteVerbWithin(s, k + 2, 10)) ||
    (QUANTITY_SUBJECTS.has(t.lower) && ['AUX', 'VERB'].includes(after?.pos ?? '') && !/ing$/.test(after?.lower ?? ''));
  // "46 percent of voters said yes", "the candidate said no": the answer is what was said.
  // (wink keeps "no." as one token, the abbreviation of "number", at a sentence's end.)
  const answer =
    (t.lower === 'yes' || t.lower === 'no' || t.lower === 'no.') &&
    (k + 1 >= s.last || [',', '.', ';'].includes(s.at(k + 1).value));
  if (answer) return { at: k, complementizer: false, end: k + 1 };
  // "said about half of the adjustment …", "said nearly 40 percent …": an approximate quantity opens a clause.
  if (APPROXIMATELY.has(t.lower) && (s.tokens[k + 1]?.pos === 'NUM' || QUANTIFIERS.has(s.tokens[k + 1]?.lower ?? '')))
    return { at: k, complementizer: false };
  if ((NOT_CONTENT.has(t.lower) && !clauseFollows) || CLAUSE_END.has(t.value)) return null;
  if (WH_WORDS.has(t.lower)) return { at: k, complementizer: verb.lemma === 'ask' };
  // "says running for president is tough": a gerund phrase as the subject, when a finite verb follows.
  if (t.pos === 'VERB' && t.lower.endsWith('ing') && finiteVerbWithin(s, k + 1, 8))
    return { at: k, complementizer: false };
  // "says despite being a Stanford alumna, she plans …", "said if elected, he would …": a subordinate clause
  // opening the content, then a comma and its main clause.
  if (CONTENT_SUBORDINATORS.has(t.lower)) {
    for (let m = k + 1; m < s.last && m < k + 12; m++) {
      if (CLAUSE_END.has(s.at(m).value)) break;
      if (s.at(m).value === ',' && ['PRON', 'DET', 'PROPN', 'NOUN'].includes(s.tokens[m + 1]?.pos ?? ''))
        return { at: k, complementizer: false };
    }
    return null;
  }
  // A bare clause must start like one: a pronoun, determiner, name or noun.
  if (!['PRON', 'DET', 'PROPN', 'NOUN', 'ADJ', 'NUM', 'ADV'].includes(t.pos)) return null;
  return { at: k, complementizer: false };
}

/** The first token from k that ends a clause: a comma, a clause-ending mark (or, with `dashes`, a dash); s.last
 * when none does. */
function clauseEndFrom(s: SentenceView, k: number, dashes: boolean): number {
  let end = k;
  while (
    end < s.last &&
    s.at(end).value !== ',' &&
    !CLAUSE_END.has(s.at(end).value) &&
    !(dashes && DASHES.has(s.at(end).value))
  )
    end++;
  return end;
}

/** The dash pairing the one at k, searched up to 15 tokens away in direction `step` (-1 back, 1 on), or -1. */
function pairedDash(s: SentenceView, k: number, step: 1 | -1): number {
  for (let m = k + step; m > s.first - 1 && m < s.last && Math.abs(m - k) <= 15; m += step)
    if (DASHES.has(s.at(m).value)) return m;
  return -1;
}

/** A finite verb (or auxiliary) among the `n` tokens from k, before the clause ends. */
function finiteVerbWithin(s: SentenceView, k: number, n: number): boolean {
  for (let m = k; m < s.last && m < k + n; m++) {
    const t = s.at(m);
    if (CLAUSE_END.has(t.value) || t.value === ',') return false;
    if (finiteAt(s.tokens, m, k)) return true;
  }
  return false;
}

/** Token m is a finite verb: an auxiliary, or a verb that is no gerund; a past form only after a noun or pronoun
 * (or first, at `first`), since after other words it may be a participle modifying them. */
function finiteAt(tokens: readonly Token[], m: number, first: number): boolean {
  const t = tok(tokens, m);
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB' || t.lower.endsWith('ing')) return false;
  return !t.lower.endsWith('ed') || m === first || ['NOUN', 'PROPN', 'PRON'].includes(tok(tokens, m - 1).pos);
}

/** End of the sentence's content: its last token, minus closing punctuation; with `cut`, before the first
 * ", saying/adding …" after `from` (a participle cue starts a report of its own). */
function contentEnd(s: SentenceView, from = s.first, cut = false): number {
  let e = s.last;
  if (cut) {
    // participleCuts is sorted: binary search for the first cut after `from`.
    let lo = 0;
    let hi = s.participleCuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const cut = s.participleCuts[mid];
      if (cut !== undefined && cut <= from) lo = mid + 1;
      else hi = mid;
    }
    const cut = s.participleCuts[lo];
    if (cut !== undefined) e = cut;
  }
  while (e > s.first && ['.', '!', '?', ';'].includes(s.at(e - 1).value)) e--;
  return s.at(e - 1).end;
}

/** True when the tokens after `k` close the clause: sentence end, a comma, a quote, a colon. `continues` is where
 * reported content resumes after a parenthetical cue ("The plan, she said, is dead"). */
function clauseEndsAt(
  s: SentenceView,
  k: number,
  lex: QuoteLexicons,
  verb: CueVerb | null,
): { end: boolean; continues: number | null; quoteFollows?: boolean } {
  k = skipAdjuncts(s, k, lex);
  if (verb && LISTENER_VERBS.has(verb.lemma) && k < s.last && !CLAUSE_END.has(s.at(k).value) && s.at(k).value !== ',') {
    // "Trump told NBC’s “Today” on Monday.": the listener, quoted titles included, then adjuncts.
    const np = npStartingAt(s, k);
    if (np) {
      k = np[1];
      while (k < s.last && (OPEN_MARKS.has(s.at(k).value) || CLOSE_MARKS.has(s.at(k).value) || s.at(k).pos === 'PROPN'))
        k++;
      k = skipAdjuncts(s, k, lex);
    }
  }
  if (k >= s.last) return { end: true, continues: null };
  const t = s.at(k);
  // 'said Trump's remarks "have had …"': a straight mark that opens a quote goes on with the clause.
  if (t.value === '"' && !s.quoteEndsAt(t.end)) return { end: false, continues: null };
  if (CLAUSE_END.has(t.value)) return { end: true, continues: null };
  if (t.value === ',' || t.value === '—' || t.value === '–') {
    const next = s.tokens[k + 1];
    if (!next) return { end: true, continues: null };
    // "He added, “…”": the quote after the comma is what the cue introduces.
    if (OPEN_MARKS.has(next.value)) return { end: true, continues: null, quoteFollows: true };
    return {
      end: true,
      continues: resumesContent(s, k + 1) && !(verb === null && describesSpeaker(s, k + 1)) ? k + 1 : null,
    };
  }
  return { end: false, continues: null };
}

/** "…,” said Jeff Patch, an Iowa Republican operative unaligned in 2016.", "…,” said Karen Janes, 67, of Exeter":
 * after an inverted speaker, an age, or a phrase whose first verb is a participle, describes the speaker. */
function describesSpeaker(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (t.pos === 'NUM' && s.tokens[k + 1]?.value === ',') return true;
  if (t.pos !== 'DET') return false;
  for (let m = k + 1; m < s.last; m++) {
    const w = s.at(m);
    if (w.pos === 'AUX' || CLAUSE_END.has(w.value)) return false;
    if (w.pos === 'VERB') return /(?:ed|ing)$/.test(w.lower);
  }
  return true;
}

/** After "The plan, she said, …" the content goes on as a clause, with a verb ("is dead", "Mr. Trump's jabs were
 * …"); an apposition ("a professor at X", no verb), a relative clause ("who …") or a participle ("referring to
 * …") says something about the speaker instead. */
function resumesContent(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (RELATIVE_WORDS.has(t.lower) || SUBORDINATORS.has(t.lower)) return false;
  if (t.pos === 'VERB' && t.lower.endsWith('ing')) return false;
  // "…,” McCain said, asked about the vagueness": a passive question put to the speaker, not more speech.
  if (t.lower === 'asked') return false;
  for (let i = k; i < s.last; i++) {
    const w = s.at(i);
    // "said Andrew Rice, a Democrat … who ran for the Senate": a verb after "who" belongs to the apposition (but
    // "…, Mr. Garin said, that Mrs. Clinton, who has …" goes on with its that-clause).
    if (RELATIVE_WORDS.has(w.lower) && !isThat(t)) return false;
    // "…, on condition of anonymity to speak freely": an infinitive is no clause of its own.
    if (w.pos === 'VERB' && s.tokens[i - 1]?.lower === 'to') continue;
    if (w.pos === 'AUX' || (w.pos === 'VERB' && !w.lower.endsWith('ing'))) return true;
  }
  return false;
}

/** Finds the attribution frames of one sentence. */
export function sentenceFrames(
  tokens: readonly Token[],
  first: number,
  last: number,
  index: number,
  text: string,
  lex: QuoteLexicons,
  names: NameTests = NO_NAMES,
  joinedAt = -1,
): Frame[] {
  const participleCuts: number[] = [];
  // Content stops where another report starts: ", saying …", "… and said …".
  for (let k = first + 1; k < last - 1; k++) {
    const v = tok(tokens, k).value;
    if (
      (v === ',' && cueAt(tokens, k + 1, lex)?.form === 'gerund') ||
      ((v === 'and' || v === 'but') && cueAt(tokens, k + 1, lex)?.form === 'past')
    )
      participleCuts.push(k);
  }
  const s = new SentenceView(tokens, first, last, index, text, names, joinedAt, participleCuts);
  // A joined view holds a quote sentence and the sentence after it: only cue verbs in the later one are looked
  // for (each sentence's own pass finds its colon, dash and other frames).
  const own = joinedAt >= 0 ? joinedAt : first;
  const frames: Frame[] = [];
  const taken = new Set<number>();
  if (joinedAt < 0) {
    const colon = colonFrame(s, lex);
    if (colon) frames.push(colon);
    const dash = dashFrame(s);
    if (dash) frames.push(dash);
  }
  for (let i = own; i < last; i++) {
    if (taken.has(i)) continue;
    const phrase = sourcePhraseAt(s, i, lex);
    if (phrase) {
      const f = accordingTo(s, i, phrase);
      if (f) frames.push(f);
      continue;
    }
    const verb = cueAt(tokens, i, lex);
    if (!verb) continue;
    const cueLast = i + verb.length;
    for (let k = i; k < cueLast; k++) taken.add(k);
    const f = frameAt(s, i, cueLast, verb, lex);
    if (f) frames.push(f);
  }
  // "The Latest: Mourners say …", "Update: Clinton tells voters …": when what follows the colon is itself a report
  // whose subject opens it, that report is the attribution, and the phrase before the colon is a rubric.
  const colon = frames.find((f) => f.kind === 'colon');
  if (colon && frames.some((f) => f !== colon && f.speaker?.[0] === colon.cueLast))
    frames.splice(frames.indexOf(colon), 1);
  return frames;
}

/** 7. "NAME: CONTENT": a name (and nothing else) opens the sentence, a colon follows, then what they said. */
function colonFrame(s: SentenceView, lex: QuoteLexicons): Frame | null {
  const transcript = transcriptLine(s, lex);
  if (transcript) return transcript === 'rubric' ? null : transcript;
  let c = -1;
  for (let k = s.first + 1; k < Math.min(s.last - 1, s.first + 7); k++)
    if (s.at(k).value === ':') {
      c = k;
      break;
    }
  if (c < 0) return null;
  const np: [number, number] = [s.first, c];
  const whole = npStartingAt(s, s.first);
  if (!whole || whole[1] !== c || !s.isName(np)) return null;
  // "The Latest: …", "Breaking: …": a rubric names no one, whatever the tagger made of it
  if (isRubric(s.text.slice(s.at(s.first).start, s.at(c - 1).end), lex)) return null;
  return {
    kind: 'colon',
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

// A transcript's speaker label: words in capitals ("PENCE", "MR. TRUMP", "CHRIS WALLACE"). An interview's "Q:" and
// "A:" are left alone: the gold sets annotate one Q-and-A interview of three (19 of 57 such paragraphs found were
// quotes there, against 16 of 20 for named labels).
const LABEL_WORD = /^(?:\p{Lu}[\p{Lu}.'’-]+|['’]S)$/u;
// Paragraphs opening with such a label and a colon; a transcript has at least two.
const LABEL_LINE = /^[ \t]*[“"]?\p{Lu}[\p{Lu}.'’ -]{1,40}:[ \t]+\S/gmu;
const MIN_LABEL_LINES = 2;

/** 7b. A transcript: a paragraph that opens with a speaker label in capitals and a colon ("WALLACE: Let’s start
 * …") is that speaker's words, to the paragraph's end, when the article has at least two such paragraphs. A rubric
 * ("UPDATE:", "EDITOR’S NOTE:") is nobody's label: 'rubric'. */
function transcriptLine(s: SentenceView, lex: QuoteLexicons): Frame | 'rubric' | null {
  let a = s.first;
  if (a < s.last && OPEN_MARKS.has(s.at(a).value)) a++;
  let c = a;
  while (c < s.last && c - a < 4 && LABEL_WORD.test(s.at(c).value)) c++;
  if (c === a || c >= s.last - 1 || s.at(c).value !== ':') return null;
  const { text } = s;
  const lineStart = text.lastIndexOf('\n', s.at(s.first).start - 1) + 1;
  if (text.slice(lineStart, s.at(a).start).replace(/[\s“"]/g, '') !== '') return null;
  const label = text.slice(s.at(a).start, s.at(c - 1).end);
  // "WHY IT MATTERS:", "WHAT'S NEXT:": the headings of an explainer, not names
  if (
    isRubric(label, lex) ||
    label
      .toLowerCase()
      .split(/\s+/)
      .some((w) => lex.headingWords.has(w))
  )
    return 'rubric';
  if (s.isPlace([a, c])) return null;
  if (!isTranscript(text)) return null;
  let end = paragraphEnd(text, s.at(c).end);
  // the last paragraph of a transcript in marks closes them
  if (a > s.first && CLOSE_MARKS.has(text.charAt(end - 1))) end--;
  const from = s.at(c + 1).start;
  if (end <= from) return null;
  return {
    kind: 'colon',
    sentence: s.index,
    cueFirst: c,
    cueLast: c + 1,
    verb: null,
    speaker: [a, c],
    content: [[from, end]],
    attribution: [s.at(a).start, s.at(c).end],
    complementizer: true,
    block: true,
    transcript: true,
  };
}

/** A label before a colon that names no one ("UPDATE", "The Latest", "Editor’s Note"). */
function isRubric(label: string, lex: QuoteLexicons): boolean {
  return lex.rubricLabels.has(label.toLowerCase());
}

/** Where the paragraph that holds offset `at` ends, trailing spaces left out. */
function paragraphEnd(text: string, at: number): number {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  while (end > at && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/** The text holds at least two paragraphs that open with a speaker label. */
function isTranscript(text: string): boolean {
  let n = 0;
  LABEL_LINE.lastIndex = 0;
  while (n < MIN_LABEL_LINES && LABEL_LINE.exec(text)) n++;
  return n >= MIN_LABEL_LINES;
}

const DASHES = new Set(['–', '—', '-', '―']);

/** 8. "“…” – Jane Smith": a closing mark, a dash, then a name and nothing but an apposition after it. */
function dashFrame(s: SentenceView): Frame | null {
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
  return null;
}

function sourcePhraseAt(s: SentenceView, i: number, lex: QuoteLexicons): number {
  for (const p of lex.sourcePhrases) {
    let ok = true;
    for (let k = 0; k < p.length; k++) if (s.tokens[i + k]?.lower !== p[k] || i + k >= s.last) ok = false;
    if (ok) return p.length;
  }
  return 0;
}

function accordingTo(s: SentenceView, i: number, length: number): Frame | null {
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
  // "CONTENT, according to X."
  const before = s.at(i - 1);
  if (before.value !== ',' && before.value !== '—' && before.value !== '(') return null;
  if (i - 1 <= s.first) return null;
  return {
    ...base,
    content: [[s.at(s.first).start, s.at(i - 2).end]],
    attribution: [s.at(i).start, s.at(np[1] - 1).end],
  };
}

/** Token k closes a quotation: ” and " always may; an apostrophe only where a quoted span really ends ("Sanders'
 * spokesman" is a possessive). */
function closes(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (!CLOSE_MARKS.has(t.value)) return false;
  if ((t.value !== "'" && t.value !== '’') || s.quoteEndsAt(t.end)) return true;
  // "… the word 'old-school,''' said Slayton": wire copy's ''' closes the inner quote and the outer one; an
  // apostrophe glued after a mark that closes a quote is part of that closing.
  const before = s.tokens[k - 1];
  return (
    k - 1 >= s.first &&
    before !== undefined &&
    before.end === t.start &&
    CLOSE_MARKS.has(before.value) &&
    closes(s, k - 1)
  );
}

// The opening mark of each closing one (an inner ‘…’ inside “…” is not the outer quote's opening).
const OPENER_OF: Record<string, string> = { '”': '“', '"': '"', '’': '‘', '»': '«', "''": '``', "'": '`' };

/** The quoted span closed by the mark at token k is a title in title case, the object of a preposition ("on this
 * weekend's broadcast of “Fox News Sunday,” Pence said his …", "in an interview with “CBS This Morning,” she said
 * …"): a show or a title, not speech, so the attribution after it does not report it. */
function quotedTitleEndsAt(s: SentenceView, k: number): boolean {
  const open = OPENER_OF[s.at(k).value];
  for (let m = k - 1; m > s.first && k - m <= 12; m--) {
    if (s.at(m).value !== open) continue;
    // "of “entrepreneurial risk-taking,” Carson said": a fragment in lower case is speech, part of a mixed quote.
    return s.at(m - 1).pos === 'ADP' && looksLikeTitle(s.text.slice(s.at(m).end, s.at(k).start));
  }
  return false;
}

/** Token k is the closing mark that ends the earlier sentence of a joined view. */
function acrossBreak(s: SentenceView, k: number): boolean {
  return s.joinedAt >= 0 && k === s.joinedAt - 1;
}

/** The frame a cue verb at [i, cueLast) heads; a speaker phrase of time words only ("said Sunday") is no speaker. */
function frameAt(s: SentenceView, i: number, cueLast: number, verb: CueVerb, lex: QuoteLexicons): Frame | null {
  const f = framePatterns(s, i, cueLast, verb, lex);
  if (f?.speaker && onlyTime(s, f.speaker)) f.speaker = null;
  return f;
}

const ADJUNCT_OPENERS = new Set(['ADP', 'SCONJ', 'CCONJ']);

/**
 * "Asked what he wanted in a nominee, Adelson said", "In her post about the tweet, Feinberg said", "Many of the
 * closures, Hedge said": what stands before the attribution's comma, tokens [a, b), is no clause of its own
 * when it opens with a preposition, conjunction or participle and holds no comma, or has no finite verb at all.
 */
function adjunctOnly(s: SentenceView, a: number, b: number): boolean {
  if (b <= a) return false;
  let comma = false;
  let finite = false;
  for (let k = a; k < b; k++) {
    const t = s.at(k);
    if (t.value === ',') comma = true;
    if (OPEN_MARKS.has(t.value) || CLOSE_MARKS.has(t.value)) return false;
    if (k > a && finiteAt(s.tokens, k, -1)) finite = true;
  }
  const first = s.at(a);
  // ("Shifting monsoon patterns … could affect": a gerund may open a clause that has its verb; "Asked" may not.)
  const opener =
    ADJUNCT_OPENERS.has(first.pos) ||
    (first.pos === 'VERB' && (first.lower.endsWith('ed') || (first.lower.endsWith('ing') && !finite)));
  return (opener && !comma) || !finite;
}

// A block quote is a paragraph of prose: a few words, ending like a sentence, opening with no quotation mark.
const BLOCK_MIN_WORDS = 4;

/** Characters [start, end) of the paragraph after a colon that ends the cue's paragraph (the colon at token k, after
 * adjuncts), when that paragraph reads as a block quote; else null. */
function blockAfterColon(s: SentenceView, k: number, lex: QuoteLexicons): [number, number] | null {
  k = skipAdjuncts(s, k, lex);
  if (k !== s.last - 1 || s.at(k).value !== ':') return null;
  const { text } = s;
  let at = s.at(k).end;
  while (at < text.length && text[at] !== '\n' && /\s/.test(text.charAt(at))) at++;
  if (text[at] !== '\n') return null;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  const para = text.slice(at, paragraphEnd(text, at));
  // (A paragraph in quotation marks is the same speech with its marks: the quoted span becomes the quote.)
  if (
    !/^[“"‘«]?[\p{Lu}\p{N}]/u.test(para) ||
    !/[.!?…][”"’»]?$/.test(para) ||
    para.split(/\s+/).length < BLOCK_MIN_WORDS
  )
    return null;
  return [at, at + para.length];
}

/** Pattern 10: SUBJECT NAMING-VERB OBJECT (as) (a) “QUOTE”, the quote closed in the sentence. */
function namingFrame(
  s: SentenceView,
  base: Pick<Frame, 'sentence' | 'cueFirst' | 'cueLast' | 'verb'>,
  i: number,
  cueLast: number,
): Frame | null {
  const subject = subjectBefore(s, i);
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
        ...base,
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

/** The frame a cue verb at [i, cueLast) heads, trying the patterns in order. */
function framePatterns(s: SentenceView, i: number, cueLast: number, verb: CueVerb, lex: QuoteLexicons): Frame | null {
  const base = { sentence: s.index, cueFirst: i, cueLast, verb };
  const prev = i > s.first ? s.at(i - 1) : undefined;

  // 10. "called the vote “a win for public safety”", "described his skills as a “work in progress”": a naming verb
  // whose object is given a quoted name; the object and the quote are what was said.
  if (verb.naming) {
    const f = namingFrame(s, base, i, cueLast);
    if (f || verb.strength === 0) return f;
  }

  // 9. "when asked whether he would run, …", "Asked about the vagueness, McCain said": a question put to someone,
  // reported without its asker; the question runs to the next comma or the sentence's end.
  if (
    verb.lemma === 'ask' &&
    (verb.form === 'past' || verb.form === 'participle') &&
    (!prev || ASKED_AFTER.has(prev.lower))
  ) {
    let k = cueLast;
    while (k < s.last && s.at(k).pos === 'ADV' && s.at(k).lower.endsWith('ly')) k++;
    const t = s.tokens[k];
    const at =
      t?.lower === 'about' ? k + 1 : t && (WH_WORDS.has(t.lower) || t.lower === 'whom' || t.lower === 'which') ? k : -1;
    if (at < 0 || at >= s.last) return null;
    const end = clauseEndFrom(s, at, false);
    if (end - at < 2) return null;
    return {
      ...base,
      kind: 'asked',
      speaker: null,
      content: [[s.at(at).start, s.at(end - 1).end]],
      attribution: [s.at(i).start, s.at(cueLast - 1).end],
      complementizer: true,
    };
  }

  // 6. ", saying (that) …": a participle continues the clause before; its speaker is that clause's subject.
  // "…, saying", "and adding", "emailed supporters saying:" — but not "was saying" (a progressive, pattern 1).
  if (verb.form === 'gerund' && prev && !['AUX'].includes(prev.pos) && !BE_FORMS.has(prev.lower)) {
    const c = contentAfter(s, cueLast, verb, lex);
    if (!c || c.at >= s.last) return null;
    const frame: Frame = {
      ...base,
      kind: 'participle',
      speaker: null,
      content: [[s.at(c.at).start, contentEnd(s)]],
      attribution: [s.at(i).start, s.at(cueLast - 1).end],
      complementizer: c.complementizer,
    };
    // "…, with 30 percent of voters saying they …": after "with" the participle has its own subject.
    const own = npEndingAt(s, i - 1);
    // Only people, organisations or a share of them ("with footage of Trump saying" is Trump, found as usual).
    if (own && own[0] - 1 > s.first && s.at(own[0] - 1).lower === 'with' && canSpeak(s, own, lex))
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

  // 3. "…, said Secretary Blinken." — cue right after a comma or closing quote, subject after the cue.
  const prevCloses = prev !== undefined && closes(s, i - 1);
  // "…, told AFP" names the listener, not the speaker; "…, said Monday" names no one (the subject comes before).
  if (
    prev &&
    (prev.value === ',' || prevCloses || prev.value === '—') &&
    i - 1 > s.first &&
    !NEVER_INVERTED.has(verb.lemma)
  ) {
    const np = npStartingAt(s, cueLast);
    // "Gov. John Kasich of Ohio, a Republican who …, said the Khan family deserved better": a person before the
    // comma is the subject, and the phrase after the cue no name, so this is no inverted attribution.
    const personBefore = np && !s.isName(np) ? subjectBefore(s, i) : null;
    if (
      np &&
      !(np[1] - np[0] === 1 && s.at(np[0]).pos === 'DET') &&
      !onlyTime(s, np) &&
      !(personBefore && s.isPerson(personBefore))
    ) {
      const close = clauseEndsAt(s, np[1], lex, null);
      // Right after a closing quote mark the attribution needs no clause end: ",” said Gil, 22, who …"; across a
      // sentence break it does ("“Why?” asked Smith." but not "“Why?” Asked about it, Smith …").
      const across = acrossBreak(s, i - 1);
      if ((close.end && !(across && close.quoteFollows)) || (prevCloses && !across))
        return inverted(s, base, np, i, np[1], across ? null : close.continues);
    }
  }

  const subject = subjectBefore(s, i);
  if (subject) {
    const before = subject[0] > s.first ? s.at(subject[0] - 1) : undefined;
    // 2./4. "…, Blinken said." / "…, Blinken said, …" — subject right after a comma or a closing quote.
    const beforeCloses = before !== undefined && closes(s, subject[0] - 1) && !quotedTitleEndsAt(s, subject[0] - 1);
    if (before && (before.value === ',' || beforeCloses || before.value === '—') && subject[0] - 1 > s.first) {
      const close = clauseEndsAt(s, cueLast, lex, verb);
      // A quote ended by its own ? or ! takes no bare clause after its attribution as more of the same speech.
      const across = acrossBreak(s, subject[0] - 1);
      const continues = across ? null : close.continues;
      const attrFirst = descriptionBefore(s, subject) ?? subject[0];
      const adjunct =
        !beforeCloses && before.value === ',' && continues === null && adjunctOnly(s, s.first, attrFirst - 1);
      if (((close.end && !(across && close.quoteFollows)) || (beforeCloses && !across)) && !adjunct) {
        return inverted(s, base, subject, attrFirst, cueLast, continues);
      }
    }
    // 1b. "The policy changes, which officials said will go into effect …", "what many analysts said was a sign of
    // …": a report inside a relative clause; its content is the rest of that clause.
    // (wink may read "what" as the phrase's first word: "what many analysts".)
    const relativeFirst = subject[1] - subject[0] > 1 && WH_PHRASE_OPENERS.has(s.at(subject[0]).lower);
    const inner: [number, number] = relativeFirst ? [subject[0] + 1, subject[1]] : subject;
    const opener = relativeFirst ? s.at(subject[0]).lower : subject[0] - 1 >= s.first ? s.at(subject[0] - 1).lower : '';
    const nextPos = s.tokens[cueLast]?.pos;
    if (
      (RELATIVE_WORDS.has(opener) || opener === 'what' || opener === 'that') &&
      (nextPos === 'AUX' || (nextPos === 'VERB' && !s.at(cueLast).lower.endsWith('ing')))
    ) {
      const end = clauseEndFrom(s, cueLast, true);
      if (end - cueLast >= 2)
        return {
          ...base,
          kind: 'subject-cue',
          speaker: inner,
          content: [[s.at(cueLast).start, s.at(end - 1).end]],
          attribution: [s.at(inner[0]).start, s.at(cueLast - 1).end],
          complementizer: false,
        };
    }
    // 1. "Blinken said (that) …"
    const c = contentAfter(s, cueLast, verb, lex);
    if (c && c.at < s.last && (verb.strength >= 1 || c.complementizer)) {
      const end = c.end !== undefined ? s.at(c.end - 1).end : contentEnd(s, c.at, true);
      return {
        ...base,
        kind: 'subject-cue',
        speaker: subject,
        content: [[s.at(c.at).start, end]],
        attribution: [s.at(subject[0]).start, s.at(c.at - 1).end],
        complementizer: c.complementizer,
      };
    }
    // 1c. "Cruz continued:" at the end of a paragraph, then a paragraph without quotation marks: a block quote (a
    // scraped <blockquote>, a letter, a transcript passage).
    const block = c === null ? blockAfterColon(s, cueLast, lex) : null;
    if (block)
      return {
        ...base,
        kind: 'subject-cue',
        speaker: subject,
        content: [block],
        attribution: [s.at(subject[0]).start, s.at(cueLast - 1).end],
        complementizer: true,
        block: true,
      };
  } else if (prev && (prev.lower === 'and' || prev.lower === 'but') && i - 1 > s.first) {
    // 1b. "Obama met survivors … and said (that) …": a second verb shares the first one's subject.
    const c = contentAfter(s, cueLast, verb, lex);
    const shared = c && c.at < s.last && (verb.strength >= 1 || c.complementizer) ? coordinatedSubject(s, i - 1) : null;
    if (c && shared) {
      return {
        ...base,
        kind: 'subject-cue',
        speaker: shared,
        content: [[s.at(c.at).start, contentEnd(s, c.at, true)]],
        attribution: [s.at(i).start, s.at(c.at - 1).end],
        complementizer: c.complementizer,
      };
    }
  }
  return null;
}

/** The head of a phrase (the word before its "of") names someone who can speak: a name, a noun for people or an
 * organisation, or a quantity of them ("30 percent of voters"). */
function canSpeak(s: SentenceView, np: [number, number], lex: QuoteLexicons): boolean {
  let head = np[1] - 1;
  for (let k = np[0] + 1; k < np[1]; k++)
    if (s.at(k).lower === 'of') {
      head = k - 1;
      break;
    }
  const t = s.at(head);
  return (
    s.nameAt(head) ||
    lex.peopleNouns.has(t.lower) ||
    lex.organisationNouns.has(t.lower) ||
    QUANTIFIERS.has(t.lower) ||
    t.pos === 'NUM'
  );
}

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

// "rejected the idea that the changes amounted to …": the subject of a complement or relative clause is not the
// subject of the clause around it.
const CLAUSE_START_POS = new Set(['PUNCT', 'CCONJ', 'SCONJ', 'ADV']);

/** The subject of the nearest verb before token `at` that passes `good`, skipping clauses opened by "that",
 * "which", "who" …; null past a quotation mark, a colon or a semicolon. */
function nearestSubject(
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

/** A phrase that describes someone rather than naming them: no person's name, and a common noun at its end or a
 * determiner at its start ("the White House spokesman", "the director of the Federal Bureau of Investigation"). */
function isDescription(s: SentenceView, np: [number, number]): boolean {
  // "One Republican presidential hopeful": a count or an adjectival head describes too.
  return (
    !s.isPerson(np) &&
    (s.at(np[1] - 1).pos === 'NOUN' ||
      s.at(np[1] - 1).pos === 'ADJ' ||
      s.at(np[0]).pos === 'DET' ||
      s.at(np[0]).pos === 'NUM')
  );
}

/** "“…,” the White House spokesman, Josh Earnest, said": the description before a name in commas belongs to the
 * attribution, not to the content. Returns where it starts, if there is one. */
function descriptionBefore(s: SentenceView, subject: [number, number]): number | null {
  if (subject[0] - 2 <= s.first || s.at(subject[0] - 1).value !== ',') return null;
  const desc = npEndingAt(s, subject[0] - 2);
  if (!desc || desc[0] - 1 <= s.first || !isDescription(s, desc)) return null;
  const mark = desc[0] - 1;
  return closes(s, mark) || s.at(mark).value === ',' ? desc[0] : null;
}

/** Frame for a cue after its content: content is the sentence up to the attribution, and after it if it goes on. */
function inverted(
  s: SentenceView,
  base: Pick<Frame, 'sentence' | 'cueFirst' | 'cueLast' | 'verb'>,
  speaker: [number, number],
  attrFirst: number,
  attrLast: number,
  continues: number | null,
): Frame {
  // The content ends before the comma (or quote) that precedes the attribution.
  let e = attrFirst - 1;
  while (e > s.first && [',', '—', '–'].includes(s.at(e).value)) e--;
  const content: [number, number][] = [[s.at(s.first).start, s.at(e).end]];
  if (continues !== null && continues < s.last) content.push([s.at(continues).start, contentEnd(s)]);
  const kind: FrameKind = continues !== null && continues < s.last ? 'parenthetical' : 'inverted';
  return {
    ...base,
    kind,
    speaker,
    content,
    attribution: [s.at(attrFirst).start, s.at(Math.max(attrLast, base.cueLast) - 1).end],
    complementizer: false,
  };
}
