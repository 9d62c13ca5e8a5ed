// Rows for the block-quote rules (src/stages/quotes/rules/block.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { blockAfterColon } from '../../../../src/stages/quotes/rules/block.ts';
import type { RuleCases } from './cases.ts';

export const blockAfterColonCases: RuleCases = {
  rule: blockAfterColon,
  fires: [
    {
      name: 'a paragraph after "X continued:" is a block quote, marks or not',
      text: 'Ted Cruz spoke at length.\nCruz continued:\nYou look at the questions. Are you a comic book villain? Can you do math?\nHe later said:\n“How about talking about the issues people care about?”\nHe listed the reasons:\nTaxes, growth and jobs.',
      want: [
        {
          type: 'direct',
          text: 'You look at the questions. Are you a comic book villain? Can you do math?',
          speaker: 'Ted Cruz',
          cue: 'continued',
        },
        {
          type: 'direct',
          text: 'How about talking about the issues people care about?',
          speaker: 'Ted Cruz',
          cue: 'said',
        },
      ],
    },
  ],
  silent: [
    {
      name: 'a paragraph of fewer than four words is no block quote',
      text: 'Jane Smith said:\nYes.',
      want: [],
    },
  ],
};
