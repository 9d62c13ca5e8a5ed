// Rows for the naming-verb rules (src/stages/quotes/rules/naming.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { namingVerb } from '../../../../src/stages/quotes/rules/naming.ts';
import type { RuleCases } from './cases.ts';

export const namingVerbCases: RuleCases = {
  rule: namingVerb,
  fires: [
    {
      name: 'a naming verb with a quoted name for its object',
      text: 'Jeb Bush described his leadership skills as a “work in progress.”',
      want: [
        {
          type: 'mixed',
          text: 'his leadership skills as a “work in progress.”',
          speaker: 'Jeb Bush',
          cue: 'described',
        },
      ],
    },
  ],
  silent: [
    {
      name: '"called" with no quoted name reports nothing',
      text: 'Mayor Tom Richards called reporters on Monday.',
      want: [],
    },
  ],
};
