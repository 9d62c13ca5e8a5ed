// Rows for the "according to" rules (src/stages/quotes/rules/according-to.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { accordingTo } from '../../../../src/stages/quotes/rules/according-to.ts';
import type { RuleCases } from './cases.ts';

export const accordingToCases: RuleCases = {
  rule: accordingTo,
  fires: [
    {
      name: 'according to, after',
      text: 'The vote will be close, according to Jane Smith.',
      want: [{ type: 'indirect', text: 'The vote will be close', speaker: 'Jane Smith', cue: 'according to' }],
    },
    {
      name: 'according to, before',
      text: 'According to Jane Smith, the vote will be close.',
      want: [{ type: 'indirect', text: 'the vote will be close', speaker: 'Jane Smith', cue: 'According to' }],
    },
    {
      name: 'a time phrase closing a source phrase is not part of it',
      text: 'Most voters dislike the plan, according to a phone poll last week.',
      want: [{ type: 'indirect', text: 'Most voters dislike the plan', speaker: 'a phone poll', cue: 'according to' }],
    },
    {
      name: 'after a closing mark: a direct quote, the source a name with a long apposition',
      text: '“Most patients never ask about it,” according to Dr. Jane Roe, a family doctor and researcher at McMaster University.',
      want: [{ type: 'direct', text: 'Most patients never ask about it,', speaker: 'Jane Roe', cue: 'according to' }],
    },
  ],
  silent: [
    {
      name: 'no source after the phrase',
      text: 'The vote will be close, according to.',
      want: [],
    },
    {
      name: 'an opening source with no comma after it',
      text: 'According to the plan the vote will be close.',
      want: [],
    },
  ],
};
