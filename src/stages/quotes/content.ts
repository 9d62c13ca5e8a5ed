// Reported content after a cue: past adjuncts ("said Tuesday", "said in a statement"), asides and the listener
// ("told reporters"), where the clause that was said starts, or that nothing reported follows.
import { closes, finiteAt, finiteVerbWithin, isDayWord, isThat, pairedDash } from './clauses.ts';
import type { CueVerb } from './lexicon.ts';
import { npStartingAt } from './noun-phrases.ts';
import { CLAUSE_END, CLOSE_MARKS, DASHES, OPEN_MARKS } from './punctuation.ts';
import type { SentenceView } from './sentence-view.ts';
import { NOUN_HEADS, NP_POS } from './tags.ts';
import {
  ADJUNCT_PHRASE_LINKS,
  ADJUNCT_PREPS,
  APPROXIMATELY,
  ASIDE_OPENERS,
  CONTENT_SUBORDINATORS,
  DEGREE_QUANTITIES,
  LISTENER_VERBS,
  NOT_CONTENT,
  OBJECT_PRONOUNS,
  PLACE_TIME_PREPS,
  QUANTIFIERS,
  QUANTITY_SUBJECTS,
  SUBJECT_PRONOUNS,
  SUBORDINATORS,
  WH_WORDS,
} from './words.ts';

/** Index after adjuncts following a cue ("Tuesday", "in a statement", "on CNN", "at a rally in Ohio"). */
export function skipAdjuncts(s: SentenceView, k: number): number {
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
    k = m;
  }
  return k;
}

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

/** "joked in his turn to answer the question, “…”", "claimed of the complex, “…”": a phrase opened by a preposition
 * right after the cue, with no clause of its own, then a comma and a quote: the quote is what was said. Returns the
 * opening mark's token, or null. */
function quoteAfterPhrase(s: SentenceView, k: number): number | null {
  if (k >= s.last || s.at(k).pos !== 'ADP' || isThat(s.at(k))) return null;
  for (let m = k + 1; m + 1 < s.last && m < k + 16; m++) {
    const t = s.at(m);
    if (CLAUSE_END.has(t.value) || OPEN_MARKS.has(t.value) || t.pos === 'AUX') return null;
    // A verb after a subject, or a participle ("with footage of Trump saying, “…”"), has a clause of its own.
    const before = s.at(m - 1);
    if (
      t.pos === 'VERB' &&
      (t.lower.endsWith('ing') || SUBJECT_PRONOUNS.has(before.lower) || ['NOUN', 'PROPN'].includes(before.pos))
    )
      return null;
    // ("said on Monday, in Ottawa, “…”": another such phrase may follow the comma.)
    if (t.value === ',' && OPEN_MARKS.has(s.at(m + 1).value)) return m + 1;
    if (t.value === ',' && s.at(m + 1).pos !== 'ADP') return null;
  }
  return null;
}

/** A finite verb among the `n` tokens from k before the clause ends, an infinitive's ("to replace") not counted. */
function ownVerbWithin(s: SentenceView, k: number, n: number): boolean {
  for (let m = k; m < s.last && m < k + n; m++) {
    const t = s.at(m);
    if (CLAUSE_END.has(t.value) || t.value === ',') return false;
    if (finiteAt(s.tokens, m, k) && s.at(m - 1).lower !== 'to') return true;
  }
  return false;
}

/** Where reported content starts after a cue: token `at`, introduced by "that", a colon or a quotation mark
 * (`complementizer`), and for a one-word answer or a quote followed by narration, the token it ends before. */
export interface Content {
  at: number;
  complementizer: boolean;
  end?: number | undefined;
}

/** Where the content after a cue ending at token k starts (and, for a one-word answer, where it ends), or null when
 * what follows is no reported clause. */
export function contentAfter(s: SentenceView, k: number, verb: CueVerb): Content | null {
  const quote = quoteAfterPhrase(s, k);
  if (quote !== null) return { at: quote, complementizer: true, end: quoteThenNarration(s, quote) };
  k = skipAdjuncts(s, k);
  // "said — on Twitter, as it happens — that …": an aside between dashes right after the cue.
  if (k < s.last && DASHES.has(s.at(k).value)) {
    const m = pairedDash(s, k, 1);
    if (m >= 0) k = skipAdjuncts(s, m + 1);
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
    if (np && !subjectOfClause) k = skipAdjuncts(s, np[1]);
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
  // "denied Mr. Hemming's request for phone numbers, …", "added 10 points, or 0.7 per cent", "wrote her first
  // cookbook in 1991": after a verb whose object may be a thing, a phrase with no verb of its own before the clause
  // ends is what was done, not what was said.
  if (verb.objects && !ownVerbWithin(s, k, 30)) return null;
  return { at: k, complementizer: false };
}
