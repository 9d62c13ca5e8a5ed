import { describe, expect, it } from 'vitest';
import { quoted } from '../../helpers.ts';

// Each row: an article, and the speaker the last quote's pronoun must resolve to.
const CASES: { name: string; text: string; speaker: string | null }[] = [
  {
    name: "the article's pronouns override a first name's usual gender",
    text:
      'Darian Lonechild is new to advocacy work. Lonechild said she started her work with police early.\n' +
      'Lonechild said she is hopeful for the future.\n' +
      '“It is important to come together,” she said.',
    speaker: 'Darian Lonechild',
  },
  {
    name: "a pronoun after someone else's name is no vote ('Warren told Stumpf, after he admitted')",
    text:
      'Elizabeth Warren grilled John Stumpf on Tuesday.\n' +
      'Warren told Stumpf, after he admitted it, that he should resign. Warren’s grilling he did not enjoy.\n' +
      '“This just isn’t right,” she said.',
    speaker: 'Elizabeth Warren',
  },
];

describe('quotes: the gender an article gives a person', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const q = quoted(c.text).quotes;
      expect(q.at(-1)?.speaker?.name ?? null).toBe(c.speaker);
    });
  }
});

describe('quotes: what a pronoun never refers to', () => {
  it('a photographer in a credit line', () => {
    const q = quoted(
      'Kim Jong Un arrived in Beijing on Tuesday.\n' +
        'A train arrives at the station. (Mark Schiefelbein/Associated Press)\n' +
        'The visit coincides with talks. Officials met. Talks went on.\n' +
        'He warned that he may seek an alternative path.',
    ).quotes;
    expect(q.at(-1)?.speaker?.name ?? null).not.toBe('Mark Schiefelbein');
  });

  it('a person named in an earlier sentence only as a possessor, when the topic was named before', () => {
    const q = quoted(
      'Dorie Greenspan wrote her first cookbook in 1991.\n' +
        'Greenspan also co-wrote a book with Julia Child.\n' +
        'Greenspan’s name could be seen on Child’s phone. “I love doing this work,” she says.',
    ).quotes;
    expect(q.at(-1)?.speaker?.name).toBe('Dorie Greenspan');
  });
});

describe('quotes: a pronoun with nobody fitting named near it', () => {
  it('is the last speaker, when it fits', () => {
    const q = quoted(
      'The Parole Board of Canada met on Monday. Its members heard the case.\n' +
        'The board said he had behaved well. Shrubsall was quiet. He took courses. He read books. He wrote letters. ' +
        'He saw a counsellor. He made plans.\n' +
        'It also said these factors were not enough.',
    ).quotes;
    expect(q.at(-1)?.speaker?.name).toBe('Parole Board of Canada');
  });
});
