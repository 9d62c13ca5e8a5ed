// Rows for the colon rules (src/stages/quotes/rules/colon.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { nameColon } from '../../../../src/stages/quotes/rules/colon.ts';
import type { RuleCases } from './cases.ts';

export const nameColonCases: RuleCases = {
  rule: nameColon,
  fires: [
    {
      name: 'colon attribution',
      text: 'Jane Smith: “We will win the vote by a wide margin.”',
      want: [{ type: 'direct', text: 'We will win the vote by a wide margin.', speaker: 'Jane Smith', cue: ':' }],
    },
    {
      name: 'a headline in title case keeps its capitalised quoted words',
      text: 'Jane Smith: Donald Trump Is a ‘Proven Failure’ in Business\n\nThe senator spoke on Saturday.',
      want: [
        { type: 'mixed', text: 'Donald Trump Is a ‘Proven Failure’ in Business', speaker: 'Jane Smith', cue: ':' },
      ],
    },
  ],
  silent: [
    {
      name: 'a rubric before a colon is no speaker',
      text: 'The Latest: Trump’s taxes were not leaked from Connecticut.',
      want: [],
    },
    {
      name: 'a rubric before a colon gives way to the report after it',
      text: 'The Latest: Jane Smith tells voters she is with them.\n\nWASHINGTON (AP) — The Latest on the campaign.',
      want: [{ type: 'indirect', text: 'she is with them', speaker: 'Jane Smith', cue: 'tells' }],
    },
    {
      name: 'a phrase that names no one before the colon',
      text: 'The economy: a new report shows growth.',
      want: [],
    },
  ],
};
