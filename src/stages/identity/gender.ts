// A person's gender from the evidence the article gives, strongest first: the pronouns it uses of the person, then
// honorifics and gendered nouns, and only then first-name statistics. The text outranks the name list: a name is a
// statistic about many people, a pronoun is what the article says of this one. "unknown" when nothing tells, when
// the text contradicts itself (pronouns one way, an honorific the other; votes with no clear majority), and when
// the article refers to the person as "they": then no name statistic is consulted either.
import type { Gender, GenderEvidence } from '../../types.ts';

export interface GenderVotes {
  pronoun: { m: number; f: number; they: number };
  honorific: { m: number; f: number };
  /** The first name's gender by the name list, when the name has a first name and the list knows it. */
  name?: 'm' | 'f';
}

export interface GenderCall {
  gender: Gender;
  evidence: GenderEvidence;
}

const UNKNOWN: GenderCall = { gender: 'unknown', evidence: null };
const WORD: Record<'m' | 'f', Gender> = { m: 'male', f: 'female' };

/** 'm' or 'f' when one side outweighs the other clearly (at least twice as many votes, plus one), 'conflict' when
 * both have votes and neither does, undefined when there are none. */
export function majority(m: number, f: number): 'm' | 'f' | 'conflict' | undefined {
  if (m + f === 0) return undefined;
  if (m >= 2 * f + 1) return 'm';
  if (f >= 2 * m + 1) return 'f';
  return 'conflict';
}

/** The gender the votes give, and the evidence it rests on. */
export function decideGender(v: GenderVotes): GenderCall {
  const pronoun = majority(v.pronoun.m, v.pronoun.f);
  const honorific = majority(v.honorific.m, v.honorific.f);
  if (pronoun === 'conflict' || honorific === 'conflict') return UNKNOWN;
  if (pronoun && honorific && pronoun !== honorific) return UNKNOWN;
  if (pronoun) return { gender: WORD[pronoun], evidence: 'pronoun' };
  // Only "they" and nothing else: the article's own choice, which no name statistic overrides.
  if (v.pronoun.they > 0) return UNKNOWN;
  if (honorific) return { gender: WORD[honorific], evidence: 'honorific' };
  if (v.name) return { gender: WORD[v.name], evidence: 'name' };
  return UNKNOWN;
}
