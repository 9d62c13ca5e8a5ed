// Rows for the transcript rules (src/stages/quotes/rules/transcript.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { transcriptLabel } from '../../../../src/stages/quotes/rules/transcript.ts';
import type { RuleCases } from './cases.ts';

export const transcriptLabelCases: RuleCases = {
  rule: transcriptLabel,
  fires: [
    {
      name: 'a transcript: each labelled paragraph is its speaker’s, the marks that open every paragraph aside',
      text: 'Governor Mike Pence was interviewed on Sunday. A partial transcript follows.\n\n"WALLACE: Why would he do that? Will she be there?\n\n"PENCE: Well, look, this is serious business. She will not attend."',
      want: [
        { type: 'direct', text: 'Why would he do that? Will she be there?', speaker: 'WALLACE', cue: ':' },
        {
          type: 'direct',
          text: 'Well, look, this is serious business. She will not attend.',
          speaker: 'Mike Pence',
          cue: ':',
        },
      ],
    },
  ],
  silent: [
    {
      name: 'an interview’s Q and A are no speaker labels',
      text: 'Q: How did things go for you?\n\nA: I felt helpless, and I just felt alone.',
      want: [],
    },
    {
      name: 'rubrics in capitals are no transcript',
      text: 'UPDATE: The vote was delayed until Friday.\n\nEDITOR’S NOTE: This story has been corrected.',
      want: [],
    },
    {
      name: 'a market report’s headings in capitals name nobody the article names: no transcript',
      text: 'Stocks rose.\n\nENERGY: U.S. crude oil lost 21 cents to $52.43 per barrel.\n\nBONDS: Bond prices fell.',
      want: [],
    },
    {
      name: 'an explainer’s headings in capitals are no transcript',
      text: 'WHY IT MATTERS: The vote decides the budget for a year.\n\nWHAT’S NEXT: The senate votes on Friday.',
      want: [],
    },
    {
      name: 'one paragraph with a label is no transcript: the name and colon rule reads it',
      text: 'JANE SMITH: We will win the vote.',
      want: [{ type: 'indirect', text: 'We will win the vote', speaker: 'JANE SMITH', cue: ':' }],
    },
  ],
};
