import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../src/stages/quotes/marks.ts';
import { findParagraphs } from '../../src/stages/segment/index.ts';
import { parseConfig } from '../../src/config.ts';
import { quoted, record } from '../helpers.ts';
import { expectQuotes } from './quotes/expect-quotes.ts';
import type { Row } from './quotes/rules/cases.ts';
import { RULE_CASES } from './quotes/rules/index.ts';

// Table of text -> expected quotes, for what the stage does around its rules: quotation marks, speaker resolution
// (names, titles, pronouns), floating quotes, titles in marks, cue forms. Each rule's own rows are under
// tests/stages/quotes/rules/.
const CASES: Row[] = [
  {
    name: 'straight quotes',
    text: '"We will win the vote," said Jane Smith.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'guillemets',
    text: '«We will win the vote,» said Jane Smith.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'wire-style double apostrophes',
    text: "``We will win the vote,'' said Jane Smith.",
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'quote split by its cue: both fragments, same speaker, cue outside',
    text: '“We will,” said Jane Smith, “win this vote by a wide margin.”',
    want: [
      { type: 'direct', text: 'We will,', speaker: 'Jane Smith', cue: 'said' },
      { type: 'direct', text: 'win this vote by a wide margin.', speaker: 'Jane Smith', cue: null },
    ],
  },
  {
    name: 'multi-paragraph quote: opening mark repeated, no closing mark until the last; a quote per paragraph',
    text: 'Jane Smith said: “The first paragraph of the quote goes here.\n“The second paragraph ends it.”',
    want: [
      { type: 'direct', text: 'The first paragraph of the quote goes here.', speaker: 'Jane Smith', cue: 'said' },
      { type: 'direct', text: 'The second paragraph ends it.', speaker: 'Jane Smith', cue: 'said' },
    ],
  },
  {
    name: 'multi-paragraph quote before its attribution: every paragraph takes the speaker after the last',
    text: 'The vote was close.\n\n“We lost the first count by a handful of ballots. Nobody saw that coming.\n\n“We will win the recount,” Jane Smith added.',
    want: [
      {
        type: 'direct',
        text: 'We lost the first count by a handful of ballots. Nobody saw that coming.',
        speaker: 'Jane Smith',
        cue: 'added',
      },
      { type: 'direct', text: 'We will win the recount,', speaker: 'Jane Smith', cue: 'added' },
    ],
  },
  {
    name: 'a paragraph linking another story or a video gives no quote',
    text: 'READ MORE: Jane Smith says the budget will balance itself\n\nWATCH BELOW: “We are ready,” Jane Smith said in Ottawa.\n\nJane Smith said the vote would be close.',
    want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'two closing apostrophes close a double quote',
    text: '“We dedicate ourselves to local creators,’’ says Jane Smith, the founder. “If you want Marvel, go elsewhere.”',
    want: [
      { type: 'direct', text: 'We dedicate ourselves to local creators,', speaker: 'Jane Smith', cue: 'says' },
      { type: 'direct', text: 'If you want Marvel, go elsewhere.', speaker: 'Jane Smith', cue: null },
    ],
  },
  {
    name: 'pronoun speaker resolved by gender',
    text: 'John Brown met Jane Smith on Monday. “We talked about the budget for hours,” she said.',
    want: [{ type: 'direct', text: 'We talked about the budget for hours,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'floating paragraph inherits the last speaker',
    text: 'The budget is balanced, said Senator Jane Smith.\n“We have worked on it for a very long time and it shows.”',
    want: [
      { type: 'indirect', text: 'The budget is balanced', speaker: 'Jane Smith', cue: 'said' },
      {
        type: 'direct',
        text: 'We have worked on it for a very long time and it shows.',
        speaker: 'Jane Smith',
        cue: null,
      },
    ],
  },
  {
    name: 'a quote right after a sentence opening with another person’s name is that person’s',
    text: '“I always felt it deserved to be longer,” says John Brown. Jane Smith did not need much coaxing. “I’m thankful for the invitation and this chance to explore it.”',
    want: [
      { type: 'direct', text: 'I always felt it deserved to be longer,', speaker: 'John Brown', cue: 'says' },
      {
        type: 'direct',
        text: 'I’m thankful for the invitation and this chance to explore it.',
        speaker: 'Jane Smith',
        cue: null,
      },
    ],
  },
  {
    name: 'a paragraph in marks after narration naming its speaker first',
    text: 'Jane Smith, a senior analyst, outlined how the policy works.\n\n“Who may be included in a plan is at the discretion of the decision-maker.”',
    want: [
      {
        type: 'direct',
        text: 'Who may be included in a plan is at the discretion of the decision-maker.',
        speaker: 'Jane Smith',
        cue: null,
      },
    ],
  },
  {
    name: 'organisation as speaker',
    text: 'The ministry said the border would stay closed.',
    want: [{ type: 'indirect', text: 'the border would stay closed', speaker: 'The ministry', cue: 'said' }],
  },
  {
    name: 'a title in quotation marks is no quote',
    text: 'She wrote “The Lives of the Super Rich” in 2010.',
    want: [],
  },
  {
    name: '“it” after a nameless organisation',
    text: 'The ministry issued a statement on Monday. It said the border would stay closed.',
    want: [{ type: 'indirect', text: 'the border would stay closed', speaker: 'The ministry', cue: 'said' }],
  },
  {
    name: 'a possessive apostrophe is no closing mark',
    text: "Sanders' spokesman Michael Briggs said the meeting went well.",
    want: [{ type: 'indirect', text: 'the meeting went well', speaker: 'Michael Briggs', cue: 'said' }],
  },
  {
    name: 'British single marks, a phrase as speaker without its full stop',
    text: '‘It’s the players’ fault,’ said the coach.',
    want: [{ type: 'direct', text: 'It’s the players’ fault,', speaker: 'the coach', cue: 'said' }],
  },
  {
    name: 'the title names the person who holds it',
    text: 'Secretary of State Antony Blinken met Wang Yi. The secretary said the meeting was productive.',
    want: [{ type: 'indirect', text: 'the meeting was productive', speaker: 'Antony Blinken', cue: 'said' }],
  },
  {
    name: 'a spokesperson for an organisation',
    text: 'A spokesperson for the ministry said the border would reopen.',
    want: [
      { type: 'indirect', text: 'the border would reopen', speaker: 'A spokesperson for the ministry', cue: 'said' },
    ],
  },
  {
    name: 'belief verbs are not speech',
    text: 'Jane Smith thinks the vote will be close. Jane Smith wants a recount.',
    want: [],
  },
  { name: 'a scare quote is no quote', text: 'The so-called “deal” fell apart on Tuesday.', want: [] },
  {
    name: 'a clause around a quoted title is indirect; a title alone is nothing',
    text: 'John Brown said he made a new “Twin Peaks” only because Jane Smith agreed. Smith wrote “The Lives of the Rich” in 2010.',
    want: [
      {
        type: 'indirect',
        text: 'he made a new “Twin Peaks” only because Jane Smith agreed',
        speaker: 'John Brown',
        cue: 'said',
      },
    ],
  },
  {
    name: 'a short quote with names and "I" is speech, not a title',
    text: '“Yes, I support Ted Cruz,” Jane Smith, founder of the Media Research Center, tells Breitbart News.',
    want: [{ type: 'direct', text: 'Yes, I support Ted Cruz,', speaker: 'Jane Smith', cue: 'tells' }],
  },
  {
    name: "a name used as a modifier is no pronoun's referent",
    text: 'John Brown said late Wednesday that he would attend the John Smith meeting. “It will be useful,” he said.',
    want: [
      { type: 'indirect', text: 'he would attend the John Smith meeting', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'It will be useful,', speaker: 'John Brown', cue: 'said' },
    ],
  },
  {
    name: 'a spokeswoman for a person is not that person',
    text: 'Jane Smith will not speak this year. A spokeswoman for Smith said the schedule was full.',
    want: [{ type: 'indirect', text: 'the schedule was full', speaker: 'A spokeswoman for Smith', cue: 'said' }],
  },
  {
    name: 'a sentence ending in a colon introduces the quote after it',
    text: 'John Brown said the budget was late. Jane Smith put it more bluntly:\n“We will not wait for them to act on this budget.”',
    want: [
      { type: 'indirect', text: 'the budget was late', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'We will not wait for them to act on this budget.', speaker: 'Jane Smith', cue: null },
    ],
  },
  {
    name: 'a pronoun never refers to a name inside the quote',
    text: 'John Brown spoke to reporters on Monday. “Voters reject insiders. George Bush got fewer votes than Al Gore in 2000,” he pointed out.',
    want: [
      {
        type: 'direct',
        text: 'Voters reject insiders. George Bush got fewer votes than Al Gore in 2000,',
        speaker: 'John Brown',
        cue: 'pointed out',
      },
    ],
  },
  {
    name: 'a present form wink tags as a noun, after the name, ends the attribution',
    text: '“Cruz could win the general election in a landslide,” Viguerie notes.',
    want: [
      {
        type: 'direct',
        text: 'Cruz could win the general election in a landslide,',
        speaker: 'Viguerie',
        cue: 'notes',
      },
    ],
  },
  {
    name: 'a pronoun takes the topic of the nearest sentence, not a name in its relative clause',
    text: 'Scott Reed, who managed Bob Dole’s campaign, said the fear was high. “I am amazed,” he said.',
    want: [
      { type: 'indirect', text: 'the fear was high', speaker: 'Scott Reed', cue: 'said' },
      { type: 'direct', text: 'I am amazed,', speaker: 'Scott Reed', cue: 'said' },
    ],
  },
  {
    name: 'a name of unknown gender that its own clause calls "he" stays the referent over an earlier speaker',
    text: 'John Brown said the test was a provocation.\n\nSecretary General Ban Ki-moon condemned what he called a breach of the rules.\n\n“I count on the council,” he told reporters.',
    want: [
      { type: 'indirect', text: 'the test was a provocation', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'I count on the council,', speaker: 'Ban Ki-moon', cue: 'told' },
    ],
  },
  {
    name: 'a pronoun takes the subject, not the object, of the sentence before',
    text: 'John Bryant said he will still back Donald Trump. “I am a team player,” he said.',
    want: [
      { type: 'indirect', text: 'he will still back Donald Trump', speaker: 'John Bryant', cue: 'said' },
      { type: 'direct', text: 'I am a team player,', speaker: 'John Bryant', cue: 'said' },
    ],
  },
  {
    name: 'a sentence whose subject is the same pronoun carries the referent on',
    text: 'Lance Beebe said Hillary Clinton should be ready. He attended the rally, though he may vote for Bernie Sanders. “It will be hard,” he said.',
    want: [
      { type: 'indirect', text: 'Hillary Clinton should be ready', speaker: 'Lance Beebe', cue: 'said' },
      { type: 'direct', text: 'It will be hard,', speaker: 'Lance Beebe', cue: 'said' },
    ],
  },
  {
    name: 'a pronoun never refers to a name used as a modifier',
    text: 'Clinton communication director Jennifer Palmieri met reporters on Monday. “This man is running for president,” she said.',
    want: [{ type: 'direct', text: 'This man is running for president,', speaker: 'Jennifer Palmieri', cue: 'said' }],
  },
  {
    name: 'a cue form used as a noun reports nothing',
    text: 'The campaign will air a new ad as soon as Monday in Ohio, Pennsylvania, Virginia, Iowa and Nevada — all battleground states.',
    want: [],
  },
  {
    name: 'a cue form used as a noun is no cue inside an apposition',
    text: 'Sen. Chuck Grassley, facing a spirited Democratic challenge in Iowa, a swing state, said he would welcome Cruz.',
    want: [{ type: 'indirect', text: 'he would welcome Cruz', speaker: 'Chuck Grassley', cue: 'said' }],
  },
  {
    name: 'a noun form still reports before that',
    text: 'Jane Smith repeated her claim that the vote was rigged. She states that the count was wrong.',
    want: [
      { type: 'indirect', text: 'the vote was rigged', speaker: 'Jane Smith', cue: 'claim' },
      { type: 'indirect', text: 'the count was wrong', speaker: 'Jane Smith', cue: 'states' },
    ],
  },
  {
    name: 'a wire dateline is not reported content',
    text: 'BRUSSELS (Reuters) - EU leaders agreed on Thursday to extend sanctions, officials said.\n\nWASHINGTON, Nov. 3 (AP) — The Senate will vote next week, Chuck Schumer said.',
    want: [
      {
        type: 'indirect',
        text: 'EU leaders agreed on Thursday to extend sanctions',
        speaker: 'officials',
        cue: 'said',
      },
      { type: 'indirect', text: 'The Senate will vote next week', speaker: 'Chuck Schumer', cue: 'said' },
    ],
  },
  {
    name: 'a definite title names the person titled with its abbreviation',
    text: 'Louisiana Gov. John Bel Edwards met reporters. The governor said the roads were closed.',
    want: [{ type: 'indirect', text: 'the roads were closed', speaker: 'John Bel Edwards', cue: 'said' }],
  },
  {
    name: 'a single closing mark after an s closes before punctuation',
    text: 'Wes Streeting accused ministers of ‘sleepwalking into a crisis’. He told Sky News: ‘This is the worst the NHS has been.’',
    want: [{ type: 'direct', text: 'This is the worst the NHS has been.', speaker: 'Wes Streeting', cue: 'told' }],
  },
  {
    name: 'a pronoun after a speaker phrase no entity holds refers to that phrase',
    text: 'The NHS is under strain. A hospital spokesperson said the government was investing more. ‘We are making progress,’ they added.',
    want: [
      {
        type: 'indirect',
        text: 'the government was investing more',
        speaker: 'A hospital spokesperson',
        cue: 'said',
      },
      { type: 'direct', text: 'We are making progress,', speaker: 'A hospital spokesperson', cue: 'added' },
    ],
  },
  {
    name: 'a pronoun after a speaker phrase resolved to an organisation refers to that organisation',
    text: 'The NHS is under strain. A Department of Health spokesperson said the government was investing more. ‘We are making progress,’ they added.',
    want: [
      { type: 'indirect', text: 'the government was investing more', speaker: 'Department of Health', cue: 'said' },
      { type: 'direct', text: 'We are making progress,', speaker: 'Department of Health', cue: 'added' },
    ],
  },
  {
    name: 'a possessive ending is no part of a speaker phrase',
    text: 'The video shows that Crutcher had his hands in the air, contradicting Tulsa police’s earlier claim that Crutcher had refused to keep his hands up.',
    want: [
      { type: 'indirect', text: 'Crutcher had refused to keep his hands up', speaker: 'Tulsa police', cue: 'claim' },
    ],
  },
  {
    name: 'a present form wink tags as a noun reports before a clause',
    text: 'Peter Schweizer notes the foundation hid four donations. Patient advocacy groups note that Sanders co-sponsored bans. The campaign notes were leaked.',
    want: [
      { type: 'indirect', text: 'the foundation hid four donations', speaker: 'Peter Schweizer', cue: 'notes' },
      { type: 'indirect', text: 'Sanders co-sponsored bans', speaker: 'Patient advocacy groups', cue: 'note' },
    ],
  },
  {
    name: 'a pronoun opening a subordinate clause refers to the subject of the clause it hangs on',
    text: 'Retired Lt. Gen. Michael Flynn said Donald Trump was right when he said the generals had been reduced to rubble.',
    want: [
      {
        type: 'indirect',
        text: 'Donald Trump was right when he said the generals had been reduced to rubble',
        speaker: 'Michael Flynn',
        cue: 'said',
      },
      { type: 'indirect', text: 'the generals had been reduced to rubble', speaker: 'Donald Trump', cue: 'said' },
    ],
  },
];

describe('quotes: patterns', () => {
  for (const c of CASES) it(c.name, () => expectQuotes(quoted(c.text), c.want));
});

describe('quotes: naming verbs', () => {
  it('reports "called X “Y”" with a calibrated confidence below the shipped threshold, and "called" alone not at all', () => {
    const all = parseConfig({ quotes: { minConfidence: 0 } });
    const q = quoted(
      'Mayor Tom Richards called the vote “a win for public safety.” He called reporters on Monday.',
      all,
    ).quotes;
    expect(q.map((x) => [x.type, x.text, x.speaker?.name, x.cue?.text])).toEqual([
      ['mixed', 'the vote “a win for public safety.”', 'Tom Richards', 'called'],
    ]);
    const shipped = JSON.parse(readFileSync('pipeline.config.json', 'utf8')) as { quotes: { minConfidence: number } };
    expect(q[0]!.confidence).toBeLessThan(shipped.quotes.minConfidence);
  });
});

describe('quotes: direct quotes and the threshold', () => {
  const text = 'The council met on Monday.\n\n“We have waited long enough for this and it is time to act.”';
  it('keeps a direct quote nobody is found to say, with a null speaker and a confidence under the threshold', () => {
    const shipped = parseConfig(JSON.parse(readFileSync('pipeline.config.json', 'utf8')));
    expect(shipped.quotes.keepDirect).toBe(true);
    const q = quoted(text, shipped).quotes;
    expect(q.map((x) => [x.type, x.text, x.speaker])).toEqual([
      ['direct', 'We have waited long enough for this and it is time to act.', null],
    ]);
    expect(q[0]!.confidence).toBeLessThan(shipped.quotes.minConfidence);
  });
  it('drops it under the threshold when keepDirect is false', () => {
    expect(quoted(text, parseConfig({ quotes: { keepDirect: false } })).quotes).toEqual([]);
  });
});

describe('quotes: promises', () => {
  it('reports the infinitive of vow, pledge, promise and threaten', () => {
    const q = quoted(
      'Hillary Clinton has vowed to repeal the Hyde Amendment.',
      parseConfig({ quotes: { minConfidence: 0 } }),
    ).quotes;
    expect(q.map((x) => [x.type, x.text, x.speaker?.name, x.cue?.text])).toEqual([
      ['indirect', 'to repeal the Hyde Amendment', 'Hillary Clinton', 'vowed'],
    ]);
  });
});

describe('quotes: far pronouns', () => {
  it('links "they" to no organisation named more than the look-back before it', () => {
    const q = quoted(
      'Officials at the Federal Reserve met in March.\nRates were high. Prices rose. Markets fell. Jobs grew. Wages lagged. Homes cost more. Cars cost more too. They added that rates would rise.',
    ).quotes;
    expect(q.map((x) => [x.text, x.speaker?.entityId ?? null])).toEqual([['rates would rise', null]]);
  });
});

describe('quotes: invariants', () => {
  it('never puts the cue inside the quote text', () => {
    for (const c of [...CASES, ...RULE_CASES.flatMap((r) => [...r.fires, ...r.silent])]) {
      for (const q of quoted(c.text).quotes) {
        if (q.cue) expect(q.cue.end <= q.start || q.cue.start >= q.end, `${c.name}: cue inside quote`).toBe(true);
      }
    }
  });

  it('a quote that never closes ends at its paragraph', () => {
    const text = '“This never closes and keeps going\nNext paragraph has no mark.';
    const spans = findQuotedSpans(text, findParagraphs(text));
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('This never closes and keeps going');
    expect(spans[0]!.closed).toBe(false);
  });

  it('two right single marks close a double quote; of three, the first closes an inner quote', () => {
    const text = '“I would use the word ‘old-school,’’’ said Jane. “Fine,’’ she said.';
    const spans = findQuotedSpans(text, findParagraphs(text));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['I would use the word ‘old-school,’', 'Fine,']);
  });

  it('apostrophes are not closing marks', () => {
    const text = 'She said ‘we don’t know’ and left.';
    const spans = findQuotedSpans(text, findParagraphs(text));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['we don’t know']);
  });
});

describe('quotes: the founding article', () => {
  const text = readFileSync(new URL('../../corpus/000_c15b9b24642192a5.txt', import.meta.url), 'utf8');
  const gold = JSON.parse(readFileSync(new URL('../fixtures/seed-quotes.json', import.meta.url), 'utf8')) as {
    type: string;
    text: string;
    cue: string | null;
  }[];
  const r = record(text);

  it('finds its eight quotes, in order, with types and cues, and nothing else', () => {
    expect(r.quotes.map((q) => q.text.replace(/[\s,.]+$/, ''))).toEqual(
      gold.map((g) => g.text.replace(/[\s,.]+$/, '')),
    );
    expect(r.quotes.map((q) => q.type)).toEqual(gold.map((g) => g.type));
    expect(r.quotes.map((q) => q.cue?.text ?? null)).toEqual(gold.map((g) => g.cue));
  });

  it('attributes every quote to Antony Blinken, linked to his entity', () => {
    const blinken = r.entities.find((e) => e.name === 'Antony Blinken');
    expect(blinken?.type).toBe('PERSON');
    for (const q of r.quotes) {
      expect(q.speaker?.name).toBe('Antony Blinken');
      expect(q.speaker?.entityId).toBe(blinken!.id);
    }
  });
});
