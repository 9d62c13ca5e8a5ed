// Candidate rules that tell by a name's words or surroundings that it is no person's: a place ("Fraser Highway",
// "Prince George, B.C."), an organisation ("Veterans Affairs"), a law ("Bill C-48"), a title of a work ("The Kid Who
// Would Be King") or a credit ("/ Waterloo Region Record"). Rows of the table in filters.ts, in its order.
import type { Token } from '../../types.ts';
import { startsUpper } from './chars.ts';
import { type CandidateRule, span } from './filter-rule.ts';
import { tokenAt } from './tokens.ts';

const BILL_NUMBER = /^(?:[A-Z]{1,2}-?\d+|\d+)$/;
const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);
/** Most words between a credit's opening parenthesis and its slash ("(Peter Lee / …"). */
const MAX_CREDIT_TOKENS = 6;

/** Token `at` follows an opening parenthesis of its own sentence, a few words back, with no closing one between. */
function insideParentheses(tokens: readonly Token[], at: number): boolean {
  const sentence = tokenAt(tokens, at).sentence;
  for (let k = at; k >= Math.max(0, at - MAX_CREDIT_TOKENS); k--) {
    const t = tokenAt(tokens, k);
    if (t.sentence !== sentence || t.value === ')') return false;
    if (t.value === '(') return true;
  }
  return false;
}

/** Most words of a quoted title. */
const MAX_TITLE_TOKENS = 10;

/** Tokens [first, last) lie strictly inside a short quoted phrase of capitalised words (a title: "The Kid Who
 * Would Be King"), which holds more than them. */
function insideQuotedTitle(tokens: readonly Token[], first: number, last: number): boolean {
  const sentence = tokenAt(tokens, first).sentence;
  let open = -1;
  for (let k = first - 1; k >= Math.max(0, first - MAX_TITLE_TOKENS); k--) {
    const t = tokenAt(tokens, k);
    if (t.sentence !== sentence || CLOSE_QUOTES.has(t.value) || /^[.!?;]$/.test(t.value)) break;
    if (OPEN_QUOTES.has(t.value)) {
      open = k;
      break;
    }
  }
  if (open < 0) return false;
  let close = -1;
  for (let k = last; k < Math.min(tokens.length, open + MAX_TITLE_TOKENS + 2); k++) {
    const t = tokenAt(tokens, k);
    if (t.sentence !== sentence || OPEN_QUOTES.has(t.value)) break;
    if (CLOSE_QUOTES.has(t.value)) {
      close = k;
      break;
    }
  }
  if (close < 0 || (open === first - 1 && close === last)) return false;
  for (let k = open + 1; k < close; k++) {
    const v = tokenAt(tokens, k).value;
    // Commas and other punctuation end a title's words ("“The Kid Who Would Be King,”").
    if (/^\p{P}+$/u.test(v) && k === close - 1) continue;
    if (!startsUpper(v) && !TITLE_SMALL_WORDS.has(v)) return false;
  }
  return true;
}
const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'from',
  'by',
]);

export const NAME_TYPE_RULES: readonly CandidateRule[] = [
  {
    name: 'title-at-end',
    example: '"Jim Eglinski, Yellowhead MP": a title after a name (no first name) ends no name of a person',
    match: (c, { tokens, lex }) =>
      c.label === 'PER' &&
      c.last - c.first >= 2 &&
      lex.titles.has(tokenAt(tokens, c.last - 1).lower) &&
      // "Larry King", "Jim Justice": a title word after a first name is a surname.
      !lex.firstNames.has(tokenAt(tokens, c.first).lower)
        ? span(c, c.first, c.last - 1)
        : c,
    cases: [
      {
        text: 'Jim Eglinski, Yellowhead MP, said he drove around with signs.',
        keeps: 'Jim Eglinski',
        drops: 'Yellowhead MP',
      },
      { text: 'Larry King interviewed Jim Justice on Monday.', keeps: 'Larry King', drops: 'Larry' },
    ],
  },
  {
    name: 'bill-number',
    example: '"Bill C-48", "Bill 21": a bill by its number is a law, not a man called Bill',
    match: (c, { tokens }) => {
      const t = tokenAt(tokens, c.first);
      const next = tokens[c.first + 1];
      return (t.value === 'Bill' || t.value === 'Bills') && next !== undefined && BILL_NUMBER.test(next.value)
        ? null
        : c;
    },
    cases: [
      {
        text: 'Jim Eglinski said the convoy was protesting Bill C-48 and Bill C-69 in Ottawa.',
        keeps: 'Jim Eglinski',
        drops: 'Bill C-48',
      },
    ],
  },
  {
    name: 'credit-after-slash',
    example: '"(Peter Lee / Waterloo Region Record)", "REUTERS/Moe Doiron": a name after a slash in a credit',
    // A place may follow a slash in running text ("Toronto/Ottawa"); inside parentheses the slash is a credit's,
    // and what follows it is the outlet, whatever the tagger took it for.
    match: (c, { tokens }) => {
      const slash = tokens[c.first - 1],
        before = tokens[c.first - 2];
      if (slash?.value !== '/' || before === undefined || !startsUpper(before.value)) return c;
      return c.label !== 'LOC' || insideParentheses(tokens, c.first - 2) ? null : c;
    },
    cases: [
      {
        text: 'Anna Lopez opened the store on Friday. (Peter Lee / Waterloo Region Record)',
        keeps: 'Anna Lopez',
        drops: 'Waterloo Region Record',
      },
    ],
  },
  {
    name: 'place-before-region',
    example: '"Prince George, B.C.", "Trout Brook, N.B.": a name before a comma and a state or province is a place',
    match: (c, { tokens, lex }) => {
      const comma = tokens[c.last],
        region = tokens[c.last + 1];
      return c.label !== 'ORG' &&
        comma?.value === ',' &&
        region !== undefined &&
        lex.regionAbbreviations.has(region.lower)
        ? { ...c, label: 'LOC' }
        : c;
    },
    cases: [
      {
        text: 'The camp sits about 300 kilometres west of Prince George, B.C., said Anna Lopez.',
        keeps: 'Anna Lopez',
        notPerson: 'George',
      },
    ],
  },
  {
    name: 'place-head',
    example: '"Fraser Highway", "Clayton Heights", "Trout Brook": a name ending in a place word is a place',
    match: (c, { tokens, lex }) => {
      if (c.last - c.first < 2 || (c.label !== 'PER' && c.label !== undefined)) return c;
      const head = tokenAt(tokens, c.last - 1).lower;
      const place =
        lex.placeHeads.has(head) ||
        (lex.placeHeadsAlsoSurnames.has(head) && !lex.firstNames.has(tokenAt(tokens, c.first).lower));
      return place ? { ...c, label: 'LOC' } : c;
    },
    cases: [
      {
        text: 'The line would run along Fraser Highway to Clayton Heights, Anna Lopez said.',
        keeps: 'Anna Lopez',
        notPerson: 'Fraser Highway',
      },
    ],
  },
  {
    name: 'org-head',
    example: '"Veterans Affairs", "Trade Bureau": a name ending in an organisation word is an organisation',
    match: (c, { tokens, lex }) => {
      const n = c.last - c.first;
      if (n < 2 || (c.label !== 'PER' && c.label !== undefined)) return c;
      const head = tokenAt(tokens, c.last - 1).lower;
      if (!lex.orgHeads.has(head) && !lex.orgSuffixes.has(head)) return c;
      // "John Court" may be a man.
      return lex.firstNames.has(tokenAt(tokens, c.first).lower) ? c : { ...c, label: 'ORG' };
    },
    cases: [
      {
        text: 'Veterans Affairs was funding the treatment, said Anna Lopez, who runs the clinic.',
        keeps: 'Anna Lopez',
        notPerson: 'Veterans Affairs',
      },
      { text: 'Bill O’Reilly of Fox News said so on Monday.', keeps: 'Bill O’Reilly', drops: 'Bill' },
    ],
  },
  {
    name: 'event-head',
    example: '"Francophonie Games", "Arnold Palmer Invitational": a name ending in an event word names no person',
    match: (c, { tokens, lex }) =>
      c.last - c.first >= 2 &&
      (c.label === 'PER' || c.label === undefined) &&
      lex.eventHeads.has(tokenAt(tokens, c.last - 1).lower)
        ? null
        : c,
    cases: [
      {
        text: 'Woods won the Arnold Palmer Invitational eight times, Anna Lopez said.',
        keeps: 'Anna Lopez',
        drops: 'Arnold Palmer Invitational',
      },
    ],
  },
  {
    name: 'only-titles',
    example: '"Attorney-General": titles and hyphens alone name nobody',
    match: (c, { tokens, lex }) => {
      for (let k = c.first; k < c.last; k++) {
        const t = tokenAt(tokens, k);
        if (!lex.titles.has(t.lower) && !/^\p{Pd}$/u.test(t.value)) return c;
      }
      return null;
    },
    cases: [
      {
        text: 'Ban Ki-moon, the Secretary-General, said so.',
        keeps: 'Ban Ki-moon',
        drops: '-General',
      },
    ],
  },
  {
    name: 'quoted-title',
    example: '"spin in “The Kid Who Would Be King,”": a name inside a quoted title is part of the title',
    match: (c, { tokens }) => (insideQuotedTitle(tokens, c.first, c.last) ? null : c),
    cases: [
      {
        text: 'Joe Cornish directs “The Kid Who Would Be King,” a film about Arthur.',
        keeps: 'Joe Cornish',
        drops: 'The Kid',
      },
    ],
  },
];
