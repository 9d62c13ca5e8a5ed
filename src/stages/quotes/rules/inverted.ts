// Inverted attributions: the cue comes after its content ("The alliance is strong, Blinken said." / "…, said
// Secretary Blinken."), or in the middle of it ("The alliance, Blinken said, is strong": a parenthetical).
import { closes, contentEnd, finiteAt, isThat } from '../clauses.ts';
import { skipAdjuncts } from '../content.ts';
import type { Frame, FrameKind } from '../frame.ts';
import type { CueVerb } from '../lexicon.ts';
import { isDescription, npEndingAt, npStartingAt, onlyTime } from '../noun-phrases.ts';
import { CLAUSE_END, CLOSE_MARKS, OPEN_MARKS, OPENER_OF } from '../punctuation.ts';
import type { SentenceView } from '../sentence-view.ts';
import { ADJUNCT_OPENERS } from '../tags.ts';
import { looksLikeTitle } from '../title-case.ts';
import { LISTENER_VERBS, NEVER_INVERTED, RELATIVE_WORDS, SUBORDINATORS } from '../words.ts';
import type { CueRule, CueSite, Found } from './rule.ts';

/** "…, said Secretary Blinken.": the cue right after a comma, a dash or a closing quote, its subject after it.
 * "…, told AFP" names the listener, not the speaker (never-inverted verbs); "…, said Monday" names no one. */
export const cueThenSpeaker: CueRule = {
  name: 'cue-then-speaker',
  family: 'inverted',
  example: 'The vote would be close, said Jane Smith.',
  anchor: 'cue',
  match: (c) => {
    const { s, i, verb } = c;
    const prev = c.prev;
    const prevCloses = prev !== undefined && closes(s, i - 1);
    if (!prev || !(prev.value === ',' || prevCloses || prev.value === '—') || i - 1 <= s.first) return undefined;
    return NEVER_INVERTED.has(verb.lemma) ? undefined : speakerAfter(c, prevCloses);
  },
};

function speakerAfter(c: CueSite, prevCloses: boolean): Found {
  const { s, i, cueLast } = c;
  const np = npStartingAt(s, cueLast);
  // "Gov. John Kasich of Ohio, a Republican who …, said the Khan family deserved better": a person before the
  // comma is the subject, and the phrase after the cue no name, so this is no inverted attribution.
  const personBefore = np && !s.isName(np) ? c.subject() : null;
  if (
    !np ||
    (np[1] - np[0] === 1 && s.at(np[0]).pos === 'DET') ||
    onlyTime(s, np) ||
    (personBefore && s.isPerson(personBefore))
  )
    return undefined;
  const close = clauseEndsAt(s, np[1], null);
  // Right after a closing quote mark the attribution needs no clause end: ",” said Gil, 22, who …"; across a
  // sentence break it does ("“Why?” asked Smith." but not "“Why?” Asked about it, Smith …").
  const across = acrossBreak(s, i - 1);
  if ((close.end && !(across && close.quoteFollows)) || (prevCloses && !across))
    return inverted(c, np, i, np[1], across ? null : close.continues);
  return undefined;
}

/** "…, Blinken said." / "…, Blinken said, …": the subject right after a comma, a dash or a closing quote (not one
 * closing a quoted title: 'on “Fox News Sunday,” Pence said …'), the cue closing the clause. */
export const speakerThenCue: CueRule = {
  name: 'speaker-then-cue',
  family: 'inverted',
  example: 'The vote would be close, Jane Smith said.',
  anchor: 'cue',
  match: (c) => {
    const { s, cueLast, verb } = c;
    const subject = c.subject();
    if (!subject) return undefined;
    const before = subject[0] > s.first ? s.at(subject[0] - 1) : undefined;
    const beforeCloses = before !== undefined && closes(s, subject[0] - 1) && !quotedTitleEndsAt(s, subject[0] - 1);
    if (!before || !(before.value === ',' || beforeCloses || before.value === '—') || subject[0] - 1 <= s.first)
      return undefined;
    const close = clauseEndsAt(s, cueLast, verb);
    // A quote ended by its own ? or ! takes no bare clause after its attribution as more of the same speech.
    const across = acrossBreak(s, subject[0] - 1);
    const continues = across ? null : close.continues;
    const attrFirst = descriptionBefore(s, subject) ?? subject[0];
    const adjunct =
      !beforeCloses && before.value === ',' && continues === null && adjunctOnly(s, s.first, attrFirst - 1);
    if (((close.end && !(across && close.quoteFollows)) || (beforeCloses && !across)) && !adjunct)
      return inverted(c, subject, attrFirst, cueLast, continues);
    return undefined;
  },
};

/** Frame for a cue after its content: content is the sentence up to the attribution, and after it if it goes on. */
function inverted(
  c: CueSite,
  speaker: [number, number],
  attrFirst: number,
  attrLast: number,
  continues: number | null,
): Frame {
  const { s } = c;
  const base = c.base();
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

/** "“…,” the White House spokesman, Josh Earnest, said": the description before a name in commas belongs to the
 * attribution, not to the content. Returns where it starts, if there is one. */
function descriptionBefore(s: SentenceView, subject: [number, number]): number | null {
  if (subject[0] - 2 <= s.first || s.at(subject[0] - 1).value !== ',') return null;
  const desc = npEndingAt(s, subject[0] - 2);
  if (!desc || desc[0] - 1 <= s.first || !isDescription(s, desc)) return null;
  const mark = desc[0] - 1;
  return closes(s, mark) || s.at(mark).value === ',' ? desc[0] : null;
}

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

/** True when the tokens after `k` close the clause: sentence end, a comma, a quote, a colon. `continues` is where
 * reported content resumes after a parenthetical cue ("The plan, she said, is dead"). */
function clauseEndsAt(
  s: SentenceView,
  k: number,
  verb: CueVerb | null,
): { end: boolean; continues: number | null; quoteFollows?: boolean } {
  k = skipAdjuncts(s, k);
  if (verb && LISTENER_VERBS.has(verb.lemma) && k < s.last && !CLAUSE_END.has(s.at(k).value) && s.at(k).value !== ',') {
    // "Trump told NBC’s “Today” on Monday.": the listener, quoted titles included, then adjuncts.
    const np = npStartingAt(s, k);
    if (np) {
      k = np[1];
      while (k < s.last && (OPEN_MARKS.has(s.at(k).value) || CLOSE_MARKS.has(s.at(k).value) || s.at(k).pos === 'PROPN'))
        k++;
      k = skipAdjuncts(s, k);
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
