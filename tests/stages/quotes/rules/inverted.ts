// Rows for the inverted-attribution rules (src/stages/quotes/rules/inverted.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { cueThenSpeaker, speakerThenCue } from '../../../../src/stages/quotes/rules/inverted.ts';
import type { RuleCases } from './cases.ts';

export const cueThenSpeakerCases: RuleCases = {
  rule: cueThenSpeaker,
  fires: [
    {
      name: 'direct, cue after, name after cue',
      text: '“We will win the vote,” said Jane Smith.',
      want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'indirect, inverted cue',
      text: 'The vote would be close, said Jane Smith.',
      want: [{ type: 'indirect', text: 'The vote would be close', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'an apposition after the speaker is not content',
      text: '“We will win,” said Jane Smith, a professor at Yale University.',
      want: [{ type: 'direct', text: 'We will win,', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a quote ended by !, then cue and name',
      text: '"That was great!!!" wrote Jane Smith in an email.',
      want: [{ type: 'direct', text: 'That was great!!!', speaker: 'Jane Smith', cue: 'wrote' }],
    },
    {
      name: 'an apposition with a relative clause after "said NAME" is no content',
      text: '“Reagan Democrats have left the party,” said Jane Smith, a Democrat and former state senator who ran for the Senate in 2008.',
      want: [{ type: 'direct', text: 'Reagan Democrats have left the party,', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: "wire copy's ''' closes an inner and the outer quote before the attribution",
      text: "Voters spoke. ''I would use the word 'old-school,''' said Jane Smith, who now backs John Brown.",
      want: [{ type: 'direct', text: "I would use the word 'old-school,", speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a capitalised word wink reads as a verb, inside a name, stays in the speaker',
      text: '‘It is the right thing to do,’ said a Downing Street spokesman.',
      want: [
        { type: 'direct', text: 'It is the right thing to do,', speaker: 'a Downing Street spokesman', cue: 'said' },
      ],
    },
    {
      name: 'a title abbreviation wink splits ends neither the sentence nor the speaker',
      text: '"This is a good thing," said the Rev. Peter Wherry, of Mayfield Memorial Missionary Baptist Church.',
      want: [{ type: 'direct', text: 'This is a good thing,', speaker: 'Peter Wherry', cue: 'said' }],
    },
    {
      name: 'an apposition after an inverted speaker describes the speaker',
      text: '“You want to go where the voters are,” said Jeff Patch, an Iowa Republican operative unaligned in 2016. “He keeps to the facts,” said Karen Janes, 67, of Exeter, N.H., after listening to him speak.',
      want: [
        { type: 'direct', text: 'You want to go where the voters are,', speaker: 'Jeff Patch', cue: 'said' },
        { type: 'direct', text: 'He keeps to the facts,', speaker: 'Karen Janes', cue: 'said' },
      ],
    },
    {
      name: 'a long speaker phrase: a role word wink tags as a verb, a title, a name, an apposition with a clause',
      text: '“Exercise cuts the risk by half,” said lead author Dr. Jane Roe, a cardiologist at the University of Toronto who led the study.',
      want: [{ type: 'direct', text: 'Exercise cuts the risk by half,', speaker: 'Jane Roe', cue: 'said' }],
    },
    {
      name: 'a present form wink tags as a noun, right after the closing mark',
      text: '“I’m a comic book creator myself,” notes Jane Roe, who launched her career as a teenager in Mexico.',
      want: [{ type: 'direct', text: 'I’m a comic book creator myself,', speaker: 'Jane Roe', cue: 'notes' }],
    },
    {
      name: 'a two-word cue wink tags as a noun, then a description',
      text: '“You’re talking about one genre only,” points out the laid-back Cambridge resident, who moved to Canada 15 years ago.',
      want: [
        {
          type: 'direct',
          text: 'You’re talking about one genre only,',
          speaker: 'the laid-back Cambridge resident',
          cue: 'points out',
        },
      ],
    },
    {
      name: 'a phrasal speech verb from the lexicon',
      text: '“We saw the losses coming,” blurted out Jane Roe.',
      want: [{ type: 'direct', text: 'We saw the losses coming,', speaker: 'Jane Roe', cue: 'blurted out' }],
    },
  ],
  silent: [
    {
      name: 'told never inverts: the name after it is the listener',
      text: '“We will win the vote,” Senator Jane Smith, a close ally of the mayor, told Reuters.',
      want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'told' }],
    },
    {
      name: 'a person before the comma beats a phrase after the cue',
      text: 'Gov. Jane Smith of Ohio, a Republican who has refused to endorse John Brown, said the Khan family deserved better.',
      want: [{ type: 'indirect', text: 'the Khan family deserved better', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a day after the cue names no one',
      text: 'The vote would be close, said Monday.',
      want: [],
    },
  ],
};

export const speakerThenCueCases: RuleCases = {
  rule: speakerThenCue,
  fires: [
    {
      name: 'direct, cue after, name before cue',
      text: 'Jane Smith spoke. “We will win the vote,” Smith said.',
      want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'indirect, cue after',
      text: 'The vote would be close, Jane Smith said.',
      want: [{ type: 'indirect', text: 'The vote would be close', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'parenthetical cue joins the content on both sides',
      text: 'The plan, Jane Smith said, is dead.',
      want: [
        { type: 'indirect', text: 'The plan', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'is dead', speaker: 'Jane Smith', cue: 'said' },
      ],
    },
    {
      name: 'a title wink reads as an adjective',
      text: '“This is a great day,” the premier said in a news release.',
      want: [{ type: 'direct', text: 'This is a great day,', speaker: 'the premier', cue: 'said' }],
    },
    {
      name: 'a quoted question, then its speaker and cue as the next sentence',
      text: 'Jane Smith spoke first. “Why would we wait?” Smith asked reporters angrily.',
      want: [{ type: 'direct', text: 'Why would we wait?', speaker: 'Jane Smith', cue: 'asked' }],
    },
    {
      name: 'a quoted fragment in lower case after a preposition is speech',
      text: 'Donald Trump plans to help by fostering an environment of "entrepreneurial risk-taking," Ben Carson said Monday.',
      want: [
        {
          type: 'mixed',
          text: 'Donald Trump plans to help by fostering an environment of "entrepreneurial risk-taking,"',
          speaker: 'Ben Carson',
          cue: 'said',
        },
      ],
    },
    {
      name: 'a description, then the name in commas',
      text: '“We will win the vote,” the White House spokesman, Josh Earnest, said Monday.',
      want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Josh Earnest', cue: 'said' }],
    },
    {
      name: 'an apposition may open with "of"',
      text: "Acme grew. ''We survey advertisers,'' Mr. John Brown, of Acme Capital Markets, said.",
      want: [{ type: 'direct', text: 'We survey advertisers,', speaker: 'John Brown', cue: 'said' }],
    },
    {
      name: 'a possessive apostrophe inside an apposition closes no quote',
      text: '"This campaign is winning," Jeff Weaver, Sanders\' campaign manager, said in a statement.',
      want: [{ type: 'direct', text: 'This campaign is winning,', speaker: 'Jeff Weaver', cue: 'said' }],
    },
    {
      name: 'a hyphened place modifier before the name',
      text: '“Carson is cratering,” Ohio-based pollster John Smith said.',
      want: [{ type: 'direct', text: 'Carson is cratering,', speaker: 'John Smith', cue: 'said' }],
    },
    {
      name: 'a question, then an apposition and "into the phone" after the cue',
      text: '“How are you today?” Jane Miller, a retired worker, said pleasantly into the phone.',
      want: [{ type: 'direct', text: 'How are you today?', speaker: 'Jane Miller', cue: 'said' }],
    },
    {
      name: 'an apposition opened by an adverb',
      text: '“We would have waited a long time,” Mr. John Brown, now 81 and retired in Cambridge, Mass., said.',
      want: [{ type: 'direct', text: 'We would have waited a long time,', speaker: 'John Brown', cue: 'said' }],
    },
    {
      name: 'a phrase before the attribution that is no clause is not what was said',
      text: 'In her post about the tweet, Ashley Feinberg said. Holding open a book, Glenn Beck said. Shifting monsoon patterns could affect a billion people, Barack Obama said.',
      want: [
        {
          type: 'indirect',
          text: 'Shifting monsoon patterns could affect a billion people',
          speaker: 'Barack Obama',
          cue: 'said',
        },
      ],
    },
    {
      name: 'a long apposition between the name and a listener verb',
      text: '“We saw the losses coming months before,” Jane Roe, the firm’s then-chief risk officer, told the inquiry.',
      want: [{ type: 'direct', text: 'We saw the losses coming months before,', speaker: 'Jane Roe', cue: 'told' }],
    },
    {
      name: 'a passive cue whose subject speaks: "was quoted as saying"',
      text: 'Jane Roe issued a statement. “I was deeply dismayed,” she was quoted as saying in the release.',
      want: [{ type: 'direct', text: 'I was deeply dismayed,', speaker: 'Jane Roe', cue: 'quoted as saying' }],
    },
    {
      name: 'a document that reads: a weak cue after a quote',
      text: '“We will not be silenced by anyone,” the letter reads.',
      want: [{ type: 'direct', text: 'We will not be silenced by anyone,', speaker: 'the letter', cue: 'reads' }],
    },
    {
      name: 'a subordinate clause after the attribution is narration',
      text: '“We will win the vote,” Jane Smith said, as the crowd cheered.',
      want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
    },
  ],
  silent: [
    {
      name: 'a show title in marks before the subject is no quote of it',
      text: 'On this weekend’s broadcast of “Fox News Sunday,” Governor Mike Pence said the tweet was a joke.',
      want: [{ type: 'indirect', text: 'the tweet was a joke', speaker: 'Mike Pence', cue: 'said' }],
    },
  ],
};
