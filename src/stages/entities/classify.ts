// Gives a candidate span its contract type: lexicons first (aliases, gazetteers), then the tagger's label, then
// the shape of the name. Returns undefined when nothing says what the span is.
import { getGender } from 'gender-detection-from-name';
import type { EntityType, Token } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';
import { titleAt } from './titles.ts';
import { tokenAt } from './tokens.ts';

export interface Classified {
  type: EntityType;
  /** Canonical name from the alias table, when the span is a known alias. */
  canonical?: string;
  gender?: 'm' | 'f';
}

const ACRONYM = /^[A-Z][A-Z.&]{1,7}$/;
const TITLE_CASE = /^\p{Lu}[\p{Ll}’'.-]+$/u;

/** The span's text with single spaces, as lexicon keys are written. */
export function spanKey(tokens: readonly Token[], first: number, last: number): string {
  let key = '';
  for (let i = first; i < last; i++) {
    const t = tokenAt(tokens, i);
    key += i > first && tokenAt(tokens, i - 1).end < t.start ? ` ${t.lower}` : t.lower;
  }
  return key;
}

/** Gender of a first name, from the packaged name list; undefined when unknown. */
export function firstNameGender(name: string): 'm' | 'f' | undefined {
  const g = getGender(name);
  return g === 'male' ? 'm' : g === 'female' ? 'f' : undefined;
}

function placeType(key: string, lex: EntityLexicons): EntityType | undefined {
  if (lex.countries.has(key) || lex.regions.has(key) || lex.cities.has(key)) return 'GPE';
  return undefined;
}

/**
 * Type of a candidate name span [first, last) (title already split off). With `lexiconOnly`, a span the
 * tagger did not propose is typed only when a lexicon knows it: the tagger's silence is evidence too.
 */
export function classify(
  tokens: readonly Token[],
  c: Candidate,
  hasTitle: boolean,
  lex: EntityLexicons,
  lexiconOnly = false,
): Classified | undefined {
  const key = spanKey(tokens, c.first, c.last);
  const alias = lex.aliases.get(key);
  if (alias) return { type: alias.type, canonical: alias.name };
  const place = placeType(key, lex);
  // A country split off a longer tagger span ("the Quad with India") is a country whatever the span was.
  if (place && (c.split || (c.label !== 'PER' && c.label !== 'ORG'))) return { type: place };
  // "Louisiana Gov. John Bel Edwards": a lone country or state name right before a title is the place the title
  // belongs to, though the tagger read the whole as an organisation.
  if (
    c.label === 'ORG' &&
    c.last - c.first === 1 &&
    (lex.countries.has(key) || lex.regions.has(key)) &&
    titleAt(tokens, c.last, tokens.length, lex)
  )
    return { type: 'GPE' };
  if (lex.demonyms.has(key)) return { type: 'NORP' };
  if (lex.organizations.has(key)) return { type: 'ORG' };
  const n = c.last - c.first;
  const lastToken = tokenAt(tokens, c.last - 1);
  const firstToken = tokenAt(tokens, c.first);
  if (n > 1 && c.label !== 'PER' && lex.lawHeads.has(lastToken.lower)) return { type: 'LAW' };
  // "Trump Tower" is a building even when the tagger reads a person in it ("Arsenio Hall" keeps a first name);
  // a place the tagger found ("Wembley Stadium") stays a place. FAC is not emitted: on the judged sample
  // (eval/ontonotes-types.md) too few such spans were right, so the span is left untyped rather than a person.
  if (
    n > 1 &&
    lex.facHeads.has(lastToken.lower) &&
    !lex.firstNames.has(firstToken.lower) &&
    (c.label === 'PER' || c.label === undefined)
  )
    return undefined;

  // A title makes a person of an unlabelled name, not of one the tagger read as an organisation or a place.
  if (c.label === 'PER' || (hasTitle && c.label !== 'ORG' && c.label !== 'LOC'))
    return { type: 'PERSON', ...genderOf(firstToken, n) };
  if (c.label === 'ORG') return { type: 'ORG' };
  if (c.label === 'LOC') return { type: place ?? (lex.regions.has(key) ? 'GPE' : 'LOC') };
  if (c.label === 'MISC') return undefined;
  if (lexiconOnly) return hasTitle ? { type: 'PERSON', ...genderOf(firstToken, n) } : undefined;

  if (n > 1 && lex.orgSuffixes.has(lastToken.lower)) return { type: 'ORG' };
  if (n === 1 && ACRONYM.test(firstToken.value)) return { type: 'ORG' };
  if (lex.people.has(key)) return { type: 'PERSON', ...genderOf(firstToken, n) };
  if (n >= 2 && n <= 4 && lex.firstNames.has(firstToken.lower)) return { type: 'PERSON', ...genderOf(firstToken, n) };
  if (n >= 2 && n <= 3) {
    let allNames = true;
    for (let i = c.first; i < c.last; i++) if (!TITLE_CASE.test(tokenAt(tokens, i).value)) allNames = false;
    return { type: allNames ? 'PERSON' : 'ORG' };
  }
  if (n > 3) return { type: 'ORG' };
  return undefined;
}

function genderOf(first: Token, n: number): { gender?: 'm' | 'f' } {
  if (n < 2) return {};
  const g = firstNameGender(first.value);
  return g ? { gender: g } : {};
}
