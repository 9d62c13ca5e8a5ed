// Rows for the verb-frame rules (src/stages/quotes/rules/verb.ts).
// fires: the rule finds an attribution in the text; silent: it finds none (another rule may). Either way the
// stage gives exactly the quotes listed.
import { relativeClauseReport, sharedSubject, subjectCue } from '../../../../src/stages/quotes/rules/verb.ts';
import type { RuleCases } from './cases.ts';

export const relativeClauseReportCases: RuleCases = {
  rule: relativeClauseReport,
  fires: [
    {
      name: 'a report inside a relative clause',
      text: 'The policy changes, which officials said will go into effect in a few months, will not apply to all.',
      want: [{ type: 'indirect', text: 'will go into effect in a few months', speaker: 'officials', cue: 'said' }],
    },
  ],
  silent: [
    {
      name: 'no verb after the cue in the relative clause',
      text: 'The report, which officials said, was long.',
      want: [],
    },
  ],
};

export const subjectCueCases: RuleCases = {
  rule: subjectCue,
  fires: [
    {
      name: 'direct, cue before with colon',
      text: 'Jane Smith said: “We will win the vote.”',
      want: [{ type: 'direct', text: 'We will win the vote.', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'indirect with that',
      text: 'Jane Smith said that the vote would be close.',
      want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a prepositional phrase with no clause of its own, a comma, then the quote',
      text: 'Rival candidate Jane Roe joked in her turn to answer the question, “It was a twinkle in some engineer’s eye.” John Brown also claimed of the complex, “The land underneath is very unstable.”',
      want: [
        { type: 'direct', text: 'It was a twinkle in some engineer’s eye.', speaker: 'Jane Roe', cue: 'joked' },
        { type: 'direct', text: 'The land underneath is very unstable.', speaker: 'John Brown', cue: 'claimed' },
      ],
    },
    {
      name: 'the same verbs report a clause with a verb of its own',
      text: 'The company denied its staff were paid less than others.',
      want: [{ type: 'indirect', text: 'its staff were paid less than others', speaker: 'The company', cue: 'denied' }],
    },
    {
      name: 'an adverb of time or sequence between the subject and the cue',
      text: 'Jane Smith finally said “no more.” John Brown eventually said the vote would be close.',
      want: [
        { type: 'direct', text: 'no more.', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'the vote would be close', speaker: 'John Brown', cue: 'said' },
      ],
    },
    {
      name: 'told reporters',
      text: 'Jane Smith told reporters the vote would be close.',
      want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'told' }],
    },
    {
      name: 'mixed',
      text: 'Jane Smith said the plan was “a disaster for everyone” and had to go.',
      want: [
        {
          type: 'mixed',
          text: 'the plan was “a disaster for everyone” and had to go',
          speaker: 'Jane Smith',
          cue: 'said',
        },
      ],
    },
    {
      name: 'apposition',
      text: 'Jane Smith, a professor at Yale University, said the vote would be close.',
      want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'urged … to (an infinitive is what was asked for)',
      text: 'Jane Smith urged voters to turn out on Tuesday.',
      want: [{ type: 'indirect', text: 'to turn out on Tuesday', speaker: 'Jane Smith', cue: 'urged' }],
    },
    {
      name: 'the name between commas speaks, not its description',
      text: 'A top strategist, John Weaver, told reporters that the vote would be close.',
      want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'John Weaver', cue: 'told' }],
    },
    {
      name: '“says it will …” reports; “said it.” does not',
      text: 'The campaign says it will shift staff to Iowa. Jane Smith said it.',
      want: [{ type: 'indirect', text: 'it will shift staff to Iowa', speaker: 'The campaign', cue: 'says' }],
    },
    {
      name: 'time words are no speaker',
      text: 'A few weeks later Barack Obama announced that he would run.',
      want: [{ type: 'indirect', text: 'he would run', speaker: 'Barack Obama', cue: 'announced' }],
    },
    {
      name: 'an apposition after a parenthetical party tag',
      text: 'Sen. Johnny Isakson (R-Ga.), one of the bill’s authors, said he remembers the night.',
      want: [{ type: 'indirect', text: 'he remembers the night', speaker: 'Johnny Isakson', cue: 'said' }],
    },
    {
      name: 'a participle apposition',
      text: 'Justin Trudeau, speaking in Ottawa on Tuesday, said the deal was fair.',
      want: [{ type: 'indirect', text: 'the deal was fair', speaker: 'Justin Trudeau', cue: 'said' }],
    },
    {
      name: 'a day between cue and content',
      text: 'The Ontario government announced Tuesday it will close schools.',
      want: [{ type: 'indirect', text: 'it will close schools', speaker: 'The Ontario government', cue: 'announced' }],
    },
    {
      name: 'a listener and a place after told',
      text: 'Doug Ford told reporters at Queen’s Park that the province would not budge.',
      want: [{ type: 'indirect', text: 'the province would not budge', speaker: 'Doug Ford', cue: 'told' }],
    },
    {
      name: 'after a quote sentence, "He added, “…”" introduces the next quote',
      text: 'Jane Smith said the plan was dead. “We lost the vote on the floor today.” John Brown added, “We will try again next year.”',
      want: [
        { type: 'indirect', text: 'the plan was dead', speaker: 'Jane Smith', cue: 'said' },
        { type: 'direct', text: 'We lost the vote on the floor today.', speaker: 'Jane Smith', cue: null },
        { type: 'direct', text: 'We will try again next year.', speaker: 'John Brown', cue: 'added' },
      ],
    },
    {
      name: 'a manner adverb after the cue is no content',
      text: 'Jane Smith said quietly that the vote would be close.',
      want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'two appositions in commas: the name before them speaks',
      text: 'Jean Dupont, the foreign minister of France, a permanent member of the Security Council, said the test was a provocation.',
      want: [{ type: 'indirect', text: 'the test was a provocation', speaker: 'Jean Dupont', cue: 'said' }],
    },
    {
      name: '"no" and "much" open a clause when a noun or a verb follows',
      text: 'David Schulz said no decision had been made. Mike Pence says too much is made of the tweets. Jane Smith said nothing.',
      want: [
        { type: 'indirect', text: 'no decision had been made', speaker: 'David Schulz', cue: 'said' },
        { type: 'indirect', text: 'too much is made of the tweets', speaker: 'Mike Pence', cue: 'says' },
      ],
    },
    {
      name: 'a clause right after a phrase of time or place, without "that"',
      text: 'Jane Smith said on Tuesday she would run. John Brown said after the debate the country needed change. The police announced on Friday the arrest of a man in the shooting.',
      want: [
        { type: 'indirect', text: 'she would run', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'the country needed change', speaker: 'John Brown', cue: 'said' },
      ],
    },
    {
      name: 'a part of the day after the day, and an aside in commas before "that"',
      text: 'Top lawmakers said Friday afternoon, as they bristled at the questions, that the remarks were an insult.',
      want: [{ type: 'indirect', text: 'the remarks were an insult', speaker: 'Top lawmakers', cue: 'said' }],
    },
    {
      name: 'a description ending in a name, then the name in commas',
      text: 'The director of the European Centre, Ina Kirsch, said the rules were clear.',
      want: [{ type: 'indirect', text: 'the rules were clear', speaker: 'Ina Kirsch', cue: 'said' }],
    },
    {
      name: 'a dateline is not part of the speaker',
      text: 'PHILADELPHIA ― The Clinton campaign said it raised more money.',
      want: [{ type: 'indirect', text: 'it raised more money', speaker: 'The Clinton campaign', cue: 'said' }],
    },
    {
      name: 'names joined by "and" speak together, as written',
      text: 'Jane Smith and John Brown met on Monday. Later, Smith, Brown and Mary Jones said they would vote against it.',
      want: [
        { type: 'indirect', text: 'they would vote against it', speaker: 'Smith, Brown and Mary Jones', cue: 'said' },
      ],
    },
    {
      name: '"after NAME said": the name opens a clause, it is no adjunct',
      text: 'Jane Smith denounced the regime after John Brown said he was open to a deal with it.',
      want: [{ type: 'indirect', text: 'he was open to a deal with it', speaker: 'John Brown', cue: 'said' }],
    },
    {
      name: 'a gerund phrase may open the content',
      text: 'Jane Smith says running for president is tough and mean.',
      want: [{ type: 'indirect', text: 'running for president is tough and mean', speaker: 'Jane Smith', cue: 'says' }],
    },
    {
      name: 'an aside in commas before "that"',
      text: 'Jane Smith said, among other things, that the plan was dead.',
      want: [{ type: 'indirect', text: 'the plan was dead', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a place after the cue, then "that"',
      text: 'Jane Smith said Sunday in Madison, Wisconsin, that she was hoping for a large turnout.',
      want: [{ type: 'indirect', text: 'she was hoping for a large turnout', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'an aside in dashes after the cue',
      text: 'Jane Smith said — on Twitter, as it happens — that the campaign raised $4 million.',
      want: [{ type: 'indirect', text: 'the campaign raised $4 million', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a prepositional aside between subject and cue',
      text: 'Jane Smith, in a brief interview on Saturday, said her plane was a great aircraft.',
      want: [{ type: 'indirect', text: 'her plane was a great aircraft', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'an apposition between dashes',
      text: 'Jane Smith — a teacher from Mount Pleasant — says she made a late decision.',
      want: [{ type: 'indirect', text: 'she made a late decision', speaker: 'Jane Smith', cue: 'says' }],
    },
    {
      name: 'a subordinate clause may open the content',
      text: 'One Republican hopeful, Jane Smith, says despite being a Stanford alumna, she plans to root for Iowa.',
      want: [
        {
          type: 'indirect',
          text: 'despite being a Stanford alumna, she plans to root for Iowa',
          speaker: 'Jane Smith',
          cue: 'says',
        },
      ],
    },
    {
      name: 'a quantity "N in 10" before a present cue wink reads as a noun',
      text: 'About 4 in 10 say they want the next president to be more liberal.',
      want: [
        {
          type: 'indirect',
          text: 'they want the next president to be more liberal',
          speaker: 'About 4 in 10',
          cue: 'say',
        },
      ],
    },
    {
      name: 'an approximate quantity opens the content',
      text: 'The budget office said about half of the adjustment reflected revenue losses.',
      want: [
        {
          type: 'indirect',
          text: 'about half of the adjustment reflected revenue losses',
          speaker: 'The budget office',
          cue: 'said',
        },
      ],
    },
    {
      name: '"who" before a cue stands for the person before it',
      text: '“You do not know what you do not know,” said Jane Smith, the border commissioner, who conceded that many more tunnels might exist.',
      want: [
        { type: 'direct', text: 'You do not know what you do not know,', speaker: 'Jane Smith', cue: 'said' },
        { type: 'indirect', text: 'many more tunnels might exist', speaker: 'Jane Smith', cue: 'conceded' },
      ],
    },
    {
      name: 'a straight mark opening a quote after the cue is no clause end',
      text: 'The lawmaker, who represents a district in Albay, said John Brown\'s remarks "have had widespread dissemination."',
      want: [
        {
          type: 'mixed',
          text: 'John Brown\'s remarks "have had widespread dissemination."',
          speaker: 'The lawmaker',
          cue: 'said',
        },
      ],
    },
    {
      name: 'a party tag between commas',
      text: 'Sen. Jane Smith, R-S.C., a long-shot presidential candidate, said the plan was dead.',
      want: [{ type: 'indirect', text: 'the plan was dead', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a town and state after the speaker',
      text: 'Stacy Baker of Columbia, South Carolina says she likes the plan.',
      want: [{ type: 'indirect', text: 'she likes the plan', speaker: 'Stacy Baker', cue: 'says' }],
    },
    {
      name: 'a poll share as the speaker, its approximation kept',
      text: 'About four in 10 said they were angry with the government.',
      want: [
        { type: 'indirect', text: 'they were angry with the government', speaker: 'About four in 10', cue: 'said' },
      ],
    },
    {
      name: 'a reflexive after the subject',
      text: 'Jane Smith spoke first. Smith herself said the deal was on.',
      want: [{ type: 'indirect', text: 'the deal was on', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'asked what … (a wh-word is no listener)',
      text: 'A reporter asked what the mayor would do about the budget.',
      want: [
        { type: 'indirect', text: 'what the mayor would do about the budget', speaker: 'A reporter', cue: 'asked' },
      ],
    },
    {
      name: 'a quantity heads the speaker phrase',
      text: 'Seventy-four percent of Democratic registered voters say they would consider it. Most of the candidates said they would attend. About four out of 10 voters said they were angry.',
      want: [
        {
          type: 'indirect',
          text: 'they would consider it',
          speaker: 'Seventy-four percent of Democratic registered voters',
          cue: 'say',
        },
        { type: 'indirect', text: 'they would attend', speaker: 'Most of the candidates', cue: 'said' },
        { type: 'indirect', text: 'they were angry', speaker: 'About four out of 10 voters', cue: 'said' },
      ],
    },
    {
      name: 'a fronted adjunct ending in a name is not the speaker',
      text: 'Ted Cruz spoke. In an interview on Fox, Cruz said the state was owed answers.',
      want: [{ type: 'indirect', text: 'the state was owed answers', speaker: 'Ted Cruz', cue: 'said' }],
    },
    {
      name: "after warn or tell, a phrase a verb follows is the content's subject, not the listener",
      text: 'The storm cut power on Sunday, and officials warned it could be days before power is restored. Jane Smith told reporters the vote was close.',
      want: [
        { type: 'indirect', text: 'it could be days before power is restored', speaker: 'officials', cue: 'warned' },
        { type: 'indirect', text: 'the vote was close', speaker: 'Jane Smith', cue: 'told' },
      ],
    },
    {
      name: 'a quantity and "of" open the reported clause when a verb follows',
      text: 'Sheldon Adelson said much of his discussion with Trump was about Israel. He said little of substance.',
      want: [
        {
          type: 'indirect',
          text: 'much of his discussion with Trump was about Israel',
          speaker: 'Sheldon Adelson',
          cue: 'said',
        },
      ],
    },
    {
      name: 'a comma or full stop left out before the subject does not join the phrases',
      text: 'Donald Trump spoke. In a meeting with the editorial board of the Washington Post Trump said NATO was obsolete. It was taking steps to increase its oversight of the regional centers The S.E.C. said it would act.',
      want: [
        { type: 'indirect', text: 'NATO was obsolete', speaker: 'Donald Trump', cue: 'said' },
        { type: 'indirect', text: 'it would act', speaker: 'S.E.C.', cue: 'said' },
      ],
    },
  ],
  silent: [
    {
      name: 'a verb whose object may be a thing: a phrase with no verb of its own is no report',
      text: 'The provincial government has denied a request by the school district to replace the school. The Russell 2000 index added 10 points, or 0.7 per cent, to 1,467. She wrote her first cookbook in 1991.',
      want: [],
    },
    { name: 'a negated cue reports nothing', text: 'Jane Smith did not say the vote would be close.', want: [] },
    {
      name: '"said so" reports nothing',
      text: 'Jane Smith said so.',
      want: [],
    },
    {
      name: '"declined to say" reports nothing',
      text: 'Jane Smith declined to say whether she would run.',
      want: [],
    },
  ],
};

export const sharedSubjectCases: RuleCases = {
  rule: sharedSubject,
  fires: [
    {
      name: '"and said" skips the subject of a that-clause',
      text: 'In a brief interview, Jane Smith rejected the idea that the changes amounted to a shake-up and said that John Brown was not being sidelined.',
      want: [{ type: 'indirect', text: 'John Brown was not being sidelined', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'a second verb shares the subject of the first',
      text: 'Jane Smith met survivors of the flood on Thursday and said the city must act.',
      want: [{ type: 'indirect', text: 'the city must act', speaker: 'Jane Smith', cue: 'said' }],
    },
    {
      name: 'content stops where a coordinated report starts',
      text: 'Jane Smith announced a new plan and said it would cost less.',
      want: [
        { type: 'indirect', text: 'a new plan', speaker: 'Jane Smith', cue: 'announced' },
        { type: 'indirect', text: 'it would cost less', speaker: 'Jane Smith', cue: 'said' },
      ],
    },
  ],
  silent: [
    {
      name: 'a second verb with nothing reported after it',
      text: 'The storm passed and said nothing.',
      want: [],
    },
  ],
};
