// The speaker as written: a named speaker's mention is the name with the words before it that describe its bearer
// ("Clinton campaign spokesman Brian Fallon", "Former Florida Gov. Jeb Bush", "The nonpartisan Commission on
// Presidential Debates"), as a reader marks the source of a quote; the canonical name stays the entity's. The words
// are read from the name leftwards to the start of the speaker phrase, and stop where a rule below says the
// phrase no longer describes the name (each rule is a row with its test in tests/stages/quotes/as-written.test.ts).
import type { Token } from '../../types.ts';
import { isJoiningHyphen } from './compounds.ts';
import { descriptionWords } from './description-words.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { tok } from './tokens.ts';

/** What a stop rule reads: token k, the token after it (already part of the phrase), and the lexicons. */
interface At {
  tokens: readonly Token[];
  k: number;
  lex: QuoteLexicons;
}

const POSSESSIVE = /^['’]s?$/;
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their', 'our', 'my']);
const OPENERS = new Set(['the', 'a', 'an', 'this', 'that', 'one', 'another']);
// Parts of speech that never describe the name after them: a clause or an adverbial has begun.
const CLAUSE = new Set(['VERB', 'AUX', 'ADV', 'PRON', 'SCONJ', 'PART', 'INTJ']);

/** A word that names a role or a kind of person ("spokesman", "Sen.", "neurosurgeon"). */
export function isRoleWord(w: string, lex: QuoteLexicons): boolean {
  const words = descriptionWords();
  const l = w.toLowerCase();
  const full = lex.titleWords.get(l) ?? l;
  return lex.peopleNouns.has(full) || words.people.has(full) || words.titles.has(full) || words.honorifics.has(l);
}

/** Rows: why the phrase stops before token k. The first that applies ends the scan; none applies: k is kept. */
export const STOPS: { rule: string; applies: (a: At) => boolean }[] = [
  {
    // "Gates" in "the AP's questions and Gates", "oil and gas worker Mike Wipf": what a conjunction joins is
    // another phrase.
    rule: 'a conjunction or a mark of punctuation',
    applies: ({ tokens, k }) => {
      const t = tok(tokens, k);
      if (isJoiningHyphen(tokens, k) || POSSESSIVE.test(t.value)) return false;
      return t.pos === 'CCONJ' || t.pos === 'PUNCT' || /^\p{P}+$/u.test(t.value);
    },
  },
  {
    // "pleased Ms. Friedan", "also Sen. Ted Cruz": a verb or an adverb is no description (a part of a hyphened
    // compound is: "Los Angeles-based attorney").
    rule: 'a verb, an adverb, a pronoun',
    applies: ({ tokens, k }) => {
      const t = tok(tokens, k);
      if (POSSESSIVE_DETERMINERS.has(t.lower) || OPENERS.has(t.lower) || POSSESSIVE.test(t.value)) return false;
      return CLAUSE.has(t.pos) && !isJoiningHyphen(tokens, k - 1) && !isJoiningHyphen(tokens, k + 1);
    },
  },
  {
    // "at the convention Sen. Warren": a preposition other than "of" inside a name's title ("Secretary of State").
    rule: 'a preposition',
    applies: ({ tokens, k }) => tok(tokens, k).pos === 'ADP' && tok(tokens, k).lower !== 'of',
  },
  {
    // "the state party convention Sen. Elizabeth Warren": a common noun right before an abbreviated title is no
    // part of it unless it names a role or a body itself ("presidential candidate Sen. Bernie Sanders", "Tulsa
    // police Chief", "panel Chairman Rep. Jason Chaffetz").
    rule: 'a common noun before an abbreviated title',
    applies: ({ tokens, k, lex }) => {
      const t = tok(tokens, k);
      const next = tok(tokens, k + 1);
      return (
        t.pos === 'NOUN' &&
        /^\p{Ll}/u.test(t.value) &&
        next.value.endsWith('.') &&
        isRoleWord(next.value, lex) &&
        !isRoleWord(t.value, lex) &&
        !lex.organisationNouns.has(t.lower)
      );
    },
  },
];

/** The rule that stops the phrase before token k, or undefined. */
export function stopAt(tokens: readonly Token[], k: number, lex: QuoteLexicons): string | undefined {
  return STOPS.find((s) => s.applies({ tokens, k, lex }))?.rule;
}

/** First token of the speaker as written: from the name's first token `name` leftwards, no further than `first`. */
export function writtenStart(tokens: readonly Token[], first: number, name: number, lex: QuoteLexicons): number {
  let start = name;
  for (let k = name - 1; k >= first; k--) {
    const rule = stopAt(tokens, k, lex);
    if (rule) {
      // "oil and gas worker": the nouns after a conjunction belong with the words before it, both gone.
      if (rule === STOPS[0]!.rule && tok(tokens, k).pos === 'CCONJ')
        while (start < name && tok(tokens, start).pos === 'NOUN' && !isRoleWord(tok(tokens, start).value, lex)) start++;
      break;
    }
    start = k;
    // A determiner opens the phrase.
    if (OPENERS.has(tok(tokens, k).lower) || POSSESSIVE_DETERMINERS.has(tok(tokens, k).lower)) break;
  }
  return start;
}
