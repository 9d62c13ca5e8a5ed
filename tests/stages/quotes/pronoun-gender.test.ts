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
