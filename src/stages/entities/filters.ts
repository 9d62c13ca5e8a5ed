// The named candidate filters: each rule trims a candidate name span or drops it (returns null), in table order.
// Each rule carries the cases it is for beside it (tests/stages/entities/filters.test.ts runs them through the
// whole stage): `text` the input, `keeps` a name the stage must still find, `drops` a span it must not give.
import type { Sentence, Token } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { startsAsciiAlnum, startsUpper } from './chars.ts';
import { itemAt, tokenAt } from './tokens.ts';
import { type CandidateRule, type RuleCase, type RuleContext, span } from './filter-rule.ts';
import { NAME_TYPE_RULES } from './type-rules.ts';

export type { CandidateRule, RuleCase, RuleContext };

/** Token bounds of the paragraphs of an article's sentences. */
export function paragraphBounds(sentences: readonly Sentence[]): { first: number; last: number }[] {
  const out: { first: number; last: number }[] = [];
  for (const s of sentences) {
    while (out.length <= s.paragraph) out.push({ first: s.firstToken, last: s.firstToken });
    const p = out[s.paragraph]!;
    if (p.last === p.first) p.first = s.firstToken;
    p.last = Math.max(p.last, s.lastToken);
  }
  return out;
}

/** The lower-cased words of tokens [from, to), single spaces between. */
function words(x: RuleContext, from: number, to: number): string {
  let out = '';
  for (let k = from; k < Math.min(to, x.tokens.length); k++) out += (k > from ? ' ' : '') + tokenAt(x.tokens, k).lower;
  return out;
}

const contributorLines = new WeakMap<Sentence, boolean>();

/** Whether a sentence credits contributors ("With files from …"), decided once per sentence: it reads the whole
 * sentence, and doing so for every name in it made a sentence of many names quadratic (25,000 capitalised words
 * without a period took 8 s). */
function isContributorLine(x: RuleContext, s: Sentence): boolean {
  let verdict = contributorLines.get(s);
  if (verdict === undefined) {
    let at = s.firstToken;
    while (at < s.lastToken && /^\p{P}+$/u.test(tokenAt(x.tokens, at).value)) at++;
    verdict = startsWithPhrase(x, at, s.lastToken, x.lex.contributorOpeners);
    if (!verdict) {
      const text = ` ${words(x, s.firstToken, s.lastToken)} `;
      for (const phrase of x.lex.contributorPhrases) if (text.includes(` ${phrase} `)) verdict = true;
    }
    contributorLines.set(s, verdict);
  }
  return verdict;
}

/** Whether the words from token `at` (to `to`) start with one of the phrases. */
function startsWithPhrase(x: RuleContext, at: number, to: number, phrases: ReadonlySet<string>): boolean {
  for (let n = 1; n <= 4 && at + n <= to; n++) if (phrases.has(words(x, at, at + n))) return true;
  return false;
}

const sentenceOf = (x: RuleContext, k: number): Sentence => itemAt(x.sentences, tokenAt(x.tokens, k).sentence);
const paragraphOf = (x: RuleContext, k: number) => itemAt(x.paragraphs, sentenceOf(x, k).paragraph);

type ParagraphBounds = RuleContext['paragraphs'][number];
const lastTwo = new WeakMap<RuleContext['paragraphs'], ParagraphBounds[]>();

/** The article's last two paragraphs that hold tokens, found once per article: filtering the paragraphs for every
 * candidate made the stage quadratic (20,000 one-line paragraphs, each starting with a name, took 26 s). */
function lastParagraphs(x: RuleContext): ParagraphBounds[] {
  let found = lastTwo.get(x.paragraphs);
  if (!found) {
    found = [];
    for (let i = x.paragraphs.length - 1; i >= 0 && found.length < 2; i--) {
      const q = x.paragraphs[i]!;
      if (q.last > q.first) found.unshift(q);
    }
    lastTwo.set(x.paragraphs, found);
  }
  return found;
}
const NOT_BYLINE_POS = new Set(['VERB', 'AUX']);

// A name never starts or ends with punctuation or a possessive ending.
const EDGE = /^(?:['’]s|\p{P}+)$/u;
const isEdge = (v: string) => !startsAsciiAlnum(v) && EDGE.test(v);
const INITIAL = /^\p{L}\.$/u;

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
  {
    name: 'photo-credit',
    example: '"(Mark Schiefelbein/Associated Press)": a name before a slash credits a photo',
    match: (c, x) => (x.tokens[c.last]?.value === '/' ? null : c),
    cases: [
      {
        text: 'Xi Jinping greets Kim Jong-un in Beijing. (Mark Schiefelbein/Associated Press)',
        keeps: 'Xi Jinping',
        drops: 'Mark Schiefelbein',
      },
    ],
  },
  {
    name: 'byline',
    example: '"Greg Beacham, The Associated Press": a short paragraph of a name, a comma and no verb signs the story',
    match: (c, x) => {
      const p = paragraphOf(x, c.first);
      if (c.first !== p.first || x.tokens[c.last]?.value !== ',' || p.last - p.first > 10) return c;
      // A verb in lower case says sentence ("Greg Beacham, who covers the Angels, said …"); capitals are a name.
      for (let k = p.first; k < p.last; k++) {
        const t = tokenAt(x.tokens, k);
        if (NOT_BYLINE_POS.has(t.pos) && !startsUpper(t.value)) return c;
      }
      return null;
    },
    cases: [
      {
        text: 'Shohei Ohtani signed with the Angels on Friday.\n\nGreg Beacham, The Associated Press',
        keeps: 'Shohei Ohtani',
        drops: 'Greg Beacham',
      },
    ],
  },
  {
    name: 'contributor-line',
    example: '"With files from Kyle Benning": reporters credited for the story are no part of it',
    match: (c, x) => (isContributorLine(x, sentenceOf(x, c.first)) ? null : c),
    cases: [
      {
        text: 'Mayor Anna Lopez opened the bridge.\n\nWith files from Kyle Benning and Michael King',
        keeps: 'Anna Lopez',
        drops: 'Michael King',
      },
    ],
  },
  {
    name: 'related-link',
    example: '"READ MORE: Justin Trudeau says …": a paragraph that links another article',
    match: (c, x) => {
      const p = paragraphOf(x, c.first);
      for (let n = 1; n <= 3 && p.first + n < p.last; n++)
        if (x.tokens[p.first + n]?.value === ':' && x.lex.relatedLinkHeads.has(words(x, p.first, p.first + n)))
          return null;
      return c;
    },
    cases: [
      {
        text: 'Ottawa protested the detention.\n\nREAD MORE: Justin Trudeau says the world is disturbed',
        drops: 'Justin Trudeau',
      },
    ],
  },
  {
    name: 'video-teaser',
    example: '"Tom Vernon has the latest.": a reporter who presents a video',
    match: (c, x) => {
      const s = sentenceOf(x, c.first);
      return c.first === s.firstToken &&
        s.lastToken - c.last <= 8 &&
        startsWithPhrase(x, c.last, s.lastToken, x.lex.teaserTails)
        ? null
        : c;
    },
    cases: [{ text: 'The plan divides ranchers in Alberta. Tom Vernon has the latest.', drops: 'Tom Vernon' }],
  },
  {
    name: 'author-bio',
    example: '"Adrienne Tanner is a Vancouver journalist …" as the last paragraph: the author, not the story',
    match: (c, x) => {
      const p = paragraphOf(x, c.first);
      if (c.first !== p.first || !lastParagraphs(x).includes(p)) return c;
      if (words(x, c.last, c.last + 2) !== 'is a' && words(x, c.last, c.last + 2) !== 'is an') return c;
      for (let k = c.last; k < p.last; k++) if (x.lex.bioNouns.has(tokenAt(x.tokens, k).lower)) return null;
      return c;
    },
    cases: [
      {
        text: 'Council voted for the tower on Monday.\n\nAdrienne Tanner is a Vancouver journalist who writes about civic affairs.',
        drops: 'Adrienne Tanner',
      },
    ],
  },
  ...NAME_TYPE_RULES,
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
