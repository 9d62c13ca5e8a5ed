// The identity stage on whole texts: each person's gender from the article's own words, keys on every entity and
// speaker.
import { describe, expect, it } from 'vitest';
import { identify } from '../../../src/stages/identity/index.ts';
import type { IdentifiedArticle } from '../../../src/types.ts';
import { quoted, record } from '../../helpers.ts';

const identified = (text: string): IdentifiedArticle => identify(quoted(text));
const person = (a: IdentifiedArticle, name: string) => {
  const e = a.entities.find((x) => x.type === 'PERSON' && x.name === name);
  if (!e) throw new Error(`no ${name} in ${a.entities.map((x) => x.name).join(', ')}`);
  return e.person;
};

// Texts and the gender each named person must get, with its evidence.
const CASES: [string, string, [string, string, string | null][]][] = [
  [
    'a pronoun the article uses of the subject',
    'Jordan Ellis said she would run for mayor next year.',
    [['Jordan Ellis', 'female', 'pronoun']],
  ],
  [
    'a pronoun opening the next sentence',
    'Robin Hale is a nurse in Ottawa. She has worked there for ten years.',
    [['Robin Hale', 'female', 'pronoun']],
  ],
  [
    'a speaker pronoun the quote stage resolved',
    'Kim Park spoke at the rally. “We will win,” he said.',
    [['Kim Park', 'male', 'pronoun']],
  ],
  ['an honorific title', 'Mrs. Alex Morgan declined to comment on the vote.', [['Alex Morgan', 'female', 'honorific']]],
  [
    'a gendered noun in apposition',
    'Taylor Quinn, a spokeswoman for the ministry, declined to comment.',
    [['Taylor Quinn', 'female', 'honorific']],
  ],
  [
    'a kin noun before the name',
    'The senator arrived with his wife Casey Lee on Monday.',
    [['Casey Lee', 'female', 'honorific']],
  ],
  ['a first name alone', 'Margaret Hollis declined to comment.', [['Margaret Hollis', 'female', 'name']]],
  ['no evidence at all', 'Dr. Xylo Brandt declined to comment.', [['Xylo Brandt', 'unknown', null]]],
  [
    'the pronoun over the first name',
    'Lindsey Graham said he would vote against the bill.',
    [['Lindsey Graham', 'male', 'pronoun']],
  ],
  [
    'singular "they": no guess from the first name',
    'Michael Reyes said they would run again. Reyes added that themself and the team were ready.',
    [['Michael Reyes', 'unknown', null]],
  ],
  [
    'an object pronoun is someone else ("Sanders beat her")',
    'Bernie Sanders beat her in the primary.',
    [['Bernie Sanders', 'male', 'name']],
  ],
  [
    'a pronoun after another person is not the subject’s',
    'Harold Finch met Grace Hendricks, and she said the plan was sound.',
    [
      ['Harold Finch', 'male', 'name'],
      ['Grace Hendricks', 'female', 'pronoun'],
    ],
  ],
  [
    'a person noun in the sentence before takes the next sentence’s pronoun',
    'Officers found a 39-year-old woman in the house, Tim Lohmar said. She was taken to a hospital.',
    [['Tim Lohmar', 'male', 'name']],
  ],
];

describe('gender', () => {
  it.each(CASES)('%s', (_, text, want) => {
    const a = identified(text);
    for (const [name, gender, evidence] of want) expect(person(a, name), name).toEqual({ gender, evidence });
  });

  it('gives every PERSON a gender, and nothing else one', () => {
    const a = identified('Margaret Hollis of Acme Corp. flew to Canada with Dr. Xylo Brandt.');
    for (const e of a.entities) expect(e.person !== undefined, e.name).toBe(e.type === 'PERSON');
  });
});

describe('keys', () => {
  it('keys every named entity, none of the values, and every speaker by its entity', () => {
    const r = record(
      '“We are ready,” President Donald J. Trump said on Monday at the White House. Acme Corp. said it paid $5 million.',
    );
    const trump = r.entities.find((e) => e.type === 'PERSON')!;
    expect(trump.key).toBe('person:donald-trump');
    for (const e of r.entities) {
      if (['DATE', 'MONEY', 'CARDINAL'].includes(e.type)) expect(e.key, e.name).toBeNull();
      else expect(e.key, e.name).toMatch(/^[a-z_]+:/);
    }
    expect(r.quotes.length).toBeGreaterThan(0);
    for (const q of r.quotes) {
      const e = r.entities.find((x) => x.id === q.speaker?.entityId);
      expect(q.speaker?.key ?? null).toBe(e?.key ?? null);
    }
  });

  it('gives a phrase speaker no key', () => {
    const r = record('Aides said the plan would fail.');
    expect(r.quotes[0]?.speaker).toMatchObject({ name: 'Aides', entityId: null, key: null });
  });
});
