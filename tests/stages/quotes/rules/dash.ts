// Rows for the dash rules (src/stages/quotes/rules/dash.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { quoteDashName } from '../../../../src/stages/quotes/rules/dash.ts';
import type { RuleCases } from './cases.ts';

export const quoteDashNameCases: RuleCases = {
  rule: quoteDashName,
  fires: [
    {
      name: 'dash attribution after the quote',
      text: '“We will win the vote by a wide margin.” – Jane Smith',
      want: [{ type: 'direct', text: 'We will win the vote by a wide margin.', speaker: 'Jane Smith', cue: '–' }],
    },
  ],
  silent: [
    {
      name: 'a dash before a phrase that is no name: the quote floats',
      text: '“We will win the vote by a wide margin.” – a promise the party kept.',
      want: [{ type: 'direct', text: 'We will win the vote by a wide margin.', speaker: null, cue: null }],
    },
  ],
};
