import { describe, expect, it } from 'vitest';
import { STOPS, stopAt } from '../../../src/stages/quotes/as-written.ts';
import { quoteLexicons } from '../../../src/stages/quotes/lexicon.ts';
import { quoted, segmented } from '../../helpers.ts';

// Each row: an article, the last quote's speaker name and its mention (the speaker as written), and the rule that
// ends the words kept before the name at `stopWord` (none: the phrase is kept to its start).
const CASES: { text: string; name: string; mention: string; rule?: string; stopWord?: string }[] = [
  {
    text: 'Clinton campaign spokesman Brian Fallon said the senator would return on Monday.',
    name: 'Brian Fallon',
    mention: 'Clinton campaign spokesman Brian Fallon',
  },
  {
    text: 'The nonpartisan Commission on Presidential Debates said there was a problem with the microphone.',
    name: 'Commission on Presidential Debates',
    mention: 'The nonpartisan Commission on Presidential Debates',
  },
  {
    text: '“It was a mistake,” said Los Angeles-based attorney Edgar Martirosyan.',
    name: 'Edgar Martirosyan',
    mention: 'Los Angeles-based attorney Edgar Martirosyan',
  },
  {
    text: 'Hillary Clinton’s campaign manager Robby Mook said the debate went well.',
    name: 'Robby Mook',
    mention: 'Hillary Clinton’s campaign manager Robby Mook',
  },
  {
    text: '“We are ready,” said his friend Mahamat Saleh Oumar.',
    name: 'Mahamat Saleh Oumar',
    mention: 'his friend Mahamat Saleh Oumar',
  },
  {
    text: 'Asked about the vote, Tulsa police Chief Chuck Jordan said the officers would be charged.',
    name: 'Chuck Jordan',
    mention: 'Tulsa police Chief Chuck Jordan',
  },
  {
    text: 'Democratic presidential candidate Sen. Bernie Sanders said the system was rigged.',
    name: 'Bernie Sanders',
    mention: 'Democratic presidential candidate Sen. Bernie Sanders',
  },
  {
    text: '“Our energy allies are laughing at us,” said oil and gas worker Mike Wipf.',
    name: 'Mike Wipf',
    mention: 'worker Mike Wipf',
    rule: 'a conjunction or a mark of punctuation',
    stopWord: 'and',
  },
  {
    text: 'Then Sen. Ted Cruz said he would vote no.',
    name: 'Ted Cruz',
    mention: 'Sen. Ted Cruz',
    rule: 'a verb, an adverb, a pronoun',
    stopWord: 'Then',
  },
  {
    text: 'At the state party convention Sen. Elizabeth Warren said the party was united.',
    name: 'Elizabeth Warren',
    mention: 'Sen. Elizabeth Warren',
    rule: 'a common noun before an abbreviated title',
    stopWord: 'convention',
  },
  {
    text: 'Some on Twitter said the advertisement was unfair.',
    name: 'Twitter',
    mention: 'Twitter',
    rule: 'a preposition',
    stopWord: 'on',
  },
];

describe('quotes: the speaker as written', () => {
  for (const c of CASES) {
    it(`${c.mention}${c.rule ? ` (${c.rule})` : ''}`, () => {
      const q = quoted(c.text).quotes.at(-1);
      expect(q?.speaker?.name).toBe(c.name);
      expect(q?.speaker?.mention?.text).toBe(c.mention);
      if (c.stopWord) {
        const { tokens } = segmented(c.text);
        const k = tokens.findIndex((t) => t.value === c.stopWord);
        expect(stopAt(tokens, k, quoteLexicons())).toBe(c.rule);
      }
    });
  }

  it('every stop rule has a row', () => {
    for (const s of STOPS) expect(CASES.some((c) => c.rule === s.rule)).toBe(true);
  });

  it('a preposition other than "of" stops the phrase; "of" inside a title does not', () => {
    const { tokens } = segmented('Officials at the agency and Secretary of State John Kerry spoke.');
    const lex = quoteLexicons();
    expect(
      stopAt(
        tokens,
        tokens.findIndex((t) => t.value === 'at'),
        lex,
      ),
    ).toBe('a preposition');
    expect(
      stopAt(
        tokens,
        tokens.findIndex((t) => t.value === 'of'),
        lex,
      ),
    ).toBeUndefined();
  });
});
