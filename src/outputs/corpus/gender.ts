// A person's gender across the corpus, from the calls of the articles that name them: the calls the text made
// (pronouns, honorifics) decide when there are any, by a clear majority; only where no article's text told are the
// first-name calls counted. One stray call (a pronoun resolved to the wrong person in one article) does not undo
// fifty, and a name statistic never outweighs what the articles say ("Lindsey Graham": he).
import type { Gender, GenderEvidence } from '../../types.ts';
import { majority } from '../../stages/identity/gender.ts';

/** Article gender calls by evidence: [male, female]. */
export interface GenderCalls {
  pronoun: [number, number];
  honorific: [number, number];
  name: [number, number];
}

/** No calls yet. */
export function noCalls(): GenderCalls {
  return { pronoun: [0, 0], honorific: [0, 0], name: [0, 0] };
}

/** Adds `b`'s calls to `a`'s. */
export function addCalls(a: GenderCalls, b: GenderCalls): void {
  for (const level of ['pronoun', 'honorific', 'name'] as const) {
    a[level][0] += b[level][0];
    a[level][1] += b[level][1];
  }
}

/** The corpus gender of a person with these article calls. */
export function corpusGender(c: GenderCalls): { gender: Gender; evidence: GenderEvidence } {
  const male = c.pronoun[0] + c.honorific[0];
  const female = c.pronoun[1] + c.honorific[1];
  const text = majority(male, female);
  if (text === 'm' || text === 'f') {
    const side = text === 'm' ? 0 : 1;
    return { gender: text === 'm' ? 'male' : 'female', evidence: c.pronoun[side] > 0 ? 'pronoun' : 'honorific' };
  }
  if (text === 'conflict') return { gender: 'unknown', evidence: null };
  const name = majority(c.name[0], c.name[1]);
  if (name === 'm' || name === 'f') return { gender: name === 'm' ? 'male' : 'female', evidence: 'name' };
  return { gender: 'unknown', evidence: null };
}
