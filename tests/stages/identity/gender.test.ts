// How the evidence becomes a gender: a table of votes and the call each must give.
import { describe, expect, it } from 'vitest';
import { decideGender, majority, type GenderVotes } from '../../../src/stages/identity/gender.ts';

const v = (
  pronoun: [number, number, number] = [0, 0, 0],
  honorific: [number, number] = [0, 0],
  name?: 'm' | 'f',
): GenderVotes => ({
  pronoun: { m: pronoun[0], f: pronoun[1], they: pronoun[2] },
  honorific: { m: honorific[0], f: honorific[1] },
  ...(name ? { name } : {}),
});

const CASES: [string, GenderVotes, string, string | null][] = [
  ['nothing tells', v(), 'unknown', null],
  ['a first name alone', v(undefined, undefined, 'f'), 'female', 'name'],
  ['an honorific over the first name', v(undefined, [1, 0], 'f'), 'male', 'honorific'],
  ['pronouns over the first name ("Lindsey Graham": he)', v([3, 0, 0], undefined, 'f'), 'male', 'pronoun'],
  ['pronouns and an honorific that agree', v([2, 0, 0], [1, 0]), 'male', 'pronoun'],
  ['pronouns and an honorific that disagree', v([2, 0, 0], [0, 1]), 'unknown', null],
  ['a clear majority of pronouns', v([5, 2, 0]), 'male', 'pronoun'],
  ['pronouns with no clear majority', v([2, 1, 0], undefined, 'm'), 'unknown', null],
  ['honorifics that disagree', v(undefined, [1, 1], 'm'), 'unknown', null],
  ['singular "they" and nothing else, whatever the name', v([0, 0, 2], undefined, 'm'), 'unknown', null],
  ['"they" beside "she" (a group, not the person)', v([0, 3, 1]), 'female', 'pronoun'],
  ['singular "they" beside an honorific', v([0, 0, 1], [0, 1]), 'unknown', null],
];

describe('decideGender', () => {
  it.each(CASES)('%s', (_, votes, gender, evidence) => {
    expect(decideGender(votes)).toEqual({ gender, evidence });
  });
});

describe('majority', () => {
  it('needs twice the votes plus one', () => {
    expect(majority(0, 0)).toBeUndefined();
    expect(majority(1, 0)).toBe('m');
    expect(majority(0, 1)).toBe('f');
    expect(majority(2, 1)).toBe('conflict');
    expect(majority(3, 1)).toBe('m');
  });
});
