// Rows for the rules of questions put without their asker (src/stages/quotes/rules/asked.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { askedWithoutAsker } from '../../../../src/stages/quotes/rules/asked.ts';
import type { RuleCases } from './cases.ts';

export const askedWithoutAskerCases: RuleCases = {
  rule: askedWithoutAsker,
  fires: [
    {
      name: 'an answer is what was said (and the question put is reported too)',
      text: 'Asked if the plan was illegal, 46 percent of voters said yes, compared with 23 percent last month.',
      want: [
        { type: 'indirect', text: 'if the plan was illegal', speaker: null, cue: 'Asked' },
        { type: 'indirect', text: 'yes', speaker: '46 percent of voters', cue: 'said' },
      ],
    },
    {
      name: '"when asked whether …": the question is reported, its asker unknown; the quote before it ends at its mark',
      text: 'Jane Smith had said, “We will see,” when asked whether she would raise money for other candidates.',
      want: [
        { type: 'direct', text: 'We will see,', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'whether she would raise money for other candidates', speaker: null, cue: 'asked' },
      ],
    },
    {
      name: '", asked about …" after an attribution is a question put to the speaker, not more speech',
      text: '“It has been seven years,” Jane Smith said, asked about the delay in an interview.',
      want: [
        { type: 'direct', text: 'It has been seven years,', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'the delay in an interview', speaker: null, cue: 'asked' },
      ],
    },
  ],
  silent: [
    {
      name: 'an active "asked" has its asker: the verb rules read it',
      text: 'Jane Smith asked reporters whether they had questions.',
      want: [{ type: 'indirect', text: 'whether they had questions', speaker: 'Jane Smith', cue: 'asked' }],
    },
  ],
};
