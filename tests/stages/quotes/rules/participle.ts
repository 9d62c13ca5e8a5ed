// Rows for the participle rules (src/stages/quotes/rules/participle.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { participleClause } from '../../../../src/stages/quotes/rules/participle.ts';
import type { RuleCases } from './cases.ts';

export const participleClauseCases: RuleCases = {
  rule: participleClause,
  fires: [
    {
      name: 'a participle inside the phrase after a cue introduces the quote, not the cue before it',
      text: 'The spot concludes with footage of Donald Trump saying during the debate last week, “That makes me smart.”',
      want: [{ type: 'direct', text: 'That makes me smart.', speaker: 'Donald Trump', cue: 'saying' }],
    },
    {
      name: 'a participle speaks for the earlier speaker of its sentence',
      text: 'Jane Smith said the plan would fail, adding that the vote would be close.',
      want: [
        { type: 'indirect', text: 'the plan would fail', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'adding' },
      ],
    },
    {
      name: '"with NP saying": the participle has its own subject',
      text: 'Jane Smith has improved her standing, with 30 percent of voters saying they like her.',
      want: [{ type: 'indirect', text: 'they like her', speaker: '30 percent of voters', cue: 'saying' }],
    },
    {
      name: '"with footage of NAME saying" is still the named person',
      text: 'The ad ends with footage of Jane Smith saying that taxes are too high.',
      want: [{ type: 'indirect', text: 'taxes are too high', speaker: 'Jane Smith', cue: 'saying' }],
    },
    {
      name: "a time phrase opening the sentence is not the participle's subject",
      text: 'Hours later, Jane Smith returned the compliment, telling reporters that they were friends.',
      want: [{ type: 'indirect', text: 'they were friends', speaker: 'Jane Smith', cue: 'telling' }],
    },
    {
      name: 'a participle belongs to the clause right before it',
      text: 'John Brown spoke first. It was a strong attack, as Jane Smith echoed the criticism, saying the plan had failed.',
      want: [{ type: 'indirect', text: 'the plan had failed', speaker: 'Jane Smith', cue: 'saying' }],
    },
    {
      name: "a participle skips a gerund's owner",
      text: "Jane Smith, a former chairwoman, poked at John Brown's persistent sniffing during the debate, tweeting that he looked tired.",
      want: [{ type: 'indirect', text: 'he looked tired', speaker: 'Jane Smith', cue: 'tweeting' }],
    },
    {
      name: 'a participle skips the object before a bare infinitive',
      text: 'Jane Smith spoke. The president left no doubt of his commitment to helping Mrs. Smith succeed him, saying that she was ready.',
      want: [{ type: 'indirect', text: 'she was ready', speaker: 'The president', cue: 'saying' }],
    },
    {
      name: 'a participle speaks for the phrase opening the sentence, not a name after the verb',
      text: 'The senator criticized Jane Smith on Monday, noting that the budget was late.',
      want: [{ type: 'indirect', text: 'the budget was late', speaker: 'The senator', cue: 'noting' }],
    },
  ],
  silent: [],
};
