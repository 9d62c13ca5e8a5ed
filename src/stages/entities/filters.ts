// The named candidate filters: each rule trims a candidate name span or drops it (returns null), in table order.
// Each rule carries the cases it is for beside it (tests/stages/entities/filters.test.ts runs them through the
// whole stage): `text` the input, `keeps` a name the stage must still find, `drops` a span it must not give.
import type { Token } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { startsAsciiAlnum, startsUpper } from './chars.ts';
import type { EntityLexicons } from './lexicons.ts';
import { tokenAt } from './tokens.ts';

/** What a rule may read besides the candidate. */
export interface RuleContext {
  tokens: readonly Token[];
  lex: EntityLexicons;
}

/** A case a rule is for: the stage's entities for `text` hold `keeps` as a mention and never `drops`. */
export interface RuleCase {
  text: string;
  keeps?: string;
  drops: string;
}

export interface CandidateRule {
  name: string;
  /** What the rule is for, in one line. */
  example: string;
  /** The candidate after the rule: itself (or a trimmed copy), or null when no name is left. */
  match: (c: Candidate, x: RuleContext) => Candidate | null;
  cases: readonly RuleCase[];
}

// A name never starts or ends with punctuation or a possessive ending.
const EDGE = /^(?:['’]s|\p{P}+)$/u;
const isEdge = (v: string) => !startsAsciiAlnum(v) && EDGE.test(v);
const INITIAL = /^\p{L}\.$/u;

/** The candidate over [first, last), or null when that is empty; the same object when nothing changed. */
function span(c: Candidate, first: number, last: number): Candidate | null {
  if (last <= first) return null;
  return first === c.first && last === c.last ? c : { ...c, first, last };
}

/** Token `k` follows a party letter and a hyphen ("R-Ariz.", "D-Calif."). */
function partyTagState(tokens: readonly Token[], k: number): boolean {
  const dash = tokens[k - 1];
  const party = tokens[k - 2];
  return (
    dash !== undefined &&
    party !== undefined &&
    dash.value === '-' &&
    /^[RDI]$/.test(party.value) &&
    party.end === dash.start &&
    dash.end === tokenAt(tokens, k).start
  );
}

export const CANDIDATE_RULES: readonly CandidateRule[] = [
  {
    name: 'leading-punctuation',
    example: '"(Smith" -> "Smith": punctuation or a possessive ending opens no name',
    match: (c, { tokens }) => {
      let first = c.first;
      while (first < c.last && isEdge(tokenAt(tokens, first).value)) first++;
      return span(c, first, c.last);
    },
    cases: [{ text: 'The deal (“Smith’s idea”) was signed by Anna Smith.', keeps: 'Anna Smith', drops: '(“Smith' }],
  },
  {
    name: 'sentence-opener',
    example: '"Even Lindsey Graham said" -> "Lindsey Graham": a capitalised adverb or conjunction opens the sentence',
    match: (c, { tokens, lex }) => {
      let first = c.first;
      while (c.last - first >= 2) {
        const t = tokenAt(tokens, first);
        if (!lex.openers.has(t.lower) || t.value === t.value.toUpperCase()) break;
        first++;
      }
      return span(c, first, c.last);
    },
    cases: [
      { text: 'Even Lindsey Graham said the bill was dead.', keeps: 'Lindsey Graham', drops: 'Even Lindsey Graham' },
    ],
  },
  {
    name: 'trailing-punctuation',
    example: '"Smith," -> "Smith": punctuation or a possessive ending ends no name (an initial keeps its period)',
    match: (c, { tokens }) => {
      let last = c.last;
      while (
        last > c.first &&
        isEdge(tokenAt(tokens, last - 1).value) &&
        !INITIAL.test(tokenAt(tokens, last - 1).value)
      )
        last--;
      return span(c, c.first, last);
    },
    cases: [
      {
        text: 'They called Anna Smith, who declined, and John F. Kerry.',
        keeps: 'John F. Kerry',
        drops: 'Anna Smith,',
      },
    ],
  },
  {
    name: 'headline-reporting-verb',
    example: '"Howard Dean Tells …" -> "Howard Dean": in a title-case headline the verb joins the name',
    match: (c, { tokens, lex }) => {
      const v = tokenAt(tokens, c.last - 1);
      return c.last - c.first >= 3 && lex.reportingVerbs.has(v.lower) && startsUpper(v.value)
        ? span(c, c.first, c.last - 1)
        : c;
    },
    cases: [
      { text: 'Trevor Noah Says Trump Is Wrong About Everything', keeps: 'Trevor Noah', drops: 'Trevor Noah Says' },
    ],
  },
  {
    name: 'headline-adverb',
    example: '"Rick Perry Just Said …" -> "Rick Perry": an adverb the headline capitalised ends no name',
    match: (c, { tokens, lex }) => {
      let last = c.last;
      while (last - c.first >= 3 && lex.openers.has(tokenAt(tokens, last - 1).lower)) last--;
      return span(c, c.first, last);
    },
    cases: [{ text: 'Rick Perry Just Said Something Odd About Coal', keeps: 'Rick Perry', drops: 'Rick Perry Just' }],
  },
  {
    name: 'lone-calendar-word',
    example: '"commander in chief Wednesday": a lone day or month name is a date (wink\'s); "May" is also a surname',
    match: (c, { tokens, lex }) => {
      const t = tokenAt(tokens, c.first);
      return c.last - c.first === 1 && lex.calendar.has(t.lower) && t.lower !== 'may' ? null : c;
    },
    cases: [{ text: 'The commander in chief spoke Wednesday in Ohio.', drops: 'Wednesday' }],
  },
  {
    name: 'party-tag-state',
    example: '"(R-Ariz.)": the state of a party tag is no name of its own here',
    match: (c, { tokens }) => (partyTagState(tokens, c.first) ? null : c),
    cases: [{ text: 'Sen. John McCain (R-Ariz.) said no.', keeps: 'John McCain', drops: 'Ariz.' }],
  },
];

/** The candidate after every rule of the table, or null when a rule dropped it. */
export function filterCandidate(c: Candidate, x: RuleContext): Candidate | null {
  let out: Candidate | null = c;
  for (const rule of CANDIDATE_RULES) {
    out = rule.match(out, x);
    if (!out) return null;
  }
  return out;
}
