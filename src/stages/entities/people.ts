// People across the article: a name the tagger typed otherwise but the article names in full, an organisation
// name run into a person's surname, a lone capitalised word that is a known person's name.
import type { Token } from '../../types.ts';
import type { PendingMention } from './canonical.ts';
import type { Candidate } from './candidates.ts';
import { startsUpper } from './chars.ts';
import { spanKey } from './classify.ts';
import type { EntityLexicons } from './lexicons.ts';
import { mention } from './mention.ts';
import { tokenAt } from './tokens.ts';

/** The names (lower case, possessive dropped) and surnames of the people the article names in full: only a full
 * name is evidence, a lone word typed PERSON may itself be the mistake. */
function fullNamedPeople(mentions: readonly PendingMention[]): { names: Set<string>; surnames: Set<string> } {
  const names = new Set<string>();
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const words = m.text
      .toLowerCase()
      .replace(/['’]s$/, '')
      .split(/\s+/);
    if (words.length < 2) continue;
    names.add(words.join(' '));
    surnames.add(words.at(-1)!);
  }
  return { names, surnames };
}

/** "Trump" typed an organisation where the article names Donald Trump: the full name or surname of a person the
 * article names in full is that person, unless a lexicon typed the mention. */
export function personByName(mentions: PendingMention[]): void {
  const { names, surnames } = fullNamedPeople(mentions);
  for (const m of mentions) {
    const key = m.text.toLowerCase().replace(/['’]s$/, '');
    if (m.type === 'ORG' && !m.canonical && (names.has(key) || surnames.has(key))) m.type = 'PERSON';
  }
}

/** "the Washington Post Trump said" (a comma left out): an organisation of three or more words whose last word is the
 * surname of a person the article names in full is the organisation and then that person. */
export function splitOrgBeforePerson(
  mentions: PendingMention[],
  tokens: readonly Token[],
  text: string,
  lex: EntityLexicons,
): PendingMention[] {
  const { surnames } = fullNamedPeople(mentions);
  if (surnames.size === 0) return mentions;
  const out: PendingMention[] = [];
  for (const m of mentions) {
    const n = m.lastToken - m.firstToken;
    const last = tokenAt(tokens, m.lastToken - 1).lower;
    if (
      m.type === 'ORG' &&
      !m.canonical &&
      n >= 3 &&
      surnames.has(last) &&
      !lex.orgSuffixes.has(last) &&
      !lex.orgHeads.has(last) &&
      startsUpper(tokenAt(tokens, m.lastToken - 2).value)
    ) {
      out.push(mention(text, tokens, m.firstToken, m.lastToken - 1, 'ORG'));
      out.push(mention(text, tokens, m.lastToken - 1, m.lastToken, 'PERSON'));
    } else out.push(m);
  }
  return out;
}

/** A lone capitalised word nothing typed is a person when it names a known person's surname or first name. */
export function resolveSingles(
  singles: readonly Candidate[],
  found: readonly PendingMention[],
  text: string,
  tokens: readonly Token[],
  lex: EntityLexicons,
): PendingMention[] {
  const personParts = new Set<string>();
  for (const m of found) if (m.type === 'PERSON') for (const w of m.text.toLowerCase().split(/\s+/)) personParts.add(w);
  const out: PendingMention[] = [];
  for (const c of singles) {
    const key = spanKey(tokens, c.first, c.last).replace(/['’]s$/, '');
    if (personParts.has(key) && !lex.titles.has(key)) out.push(mention(text, tokens, c.first, c.last, 'PERSON'));
  }
  return out;
}
