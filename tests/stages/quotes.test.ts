import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from '../../src/stages/quotes/marks.ts';
import { findParagraphs } from '../../src/stages/segment/index.ts';
import { parseConfig } from '../../src/config.ts';
import { quoted, record } from '../helpers.ts';

interface Case {
  name: string;
  text: string;
  want: { type: string; text: string; speaker: string | null; cue?: string | null }[];
}

// Table of text -> expected quotes. Each row is one pattern the stage must handle.
const CASES: Case[] = [
  {
    name: 'direct, cue after, name after cue',
    text: '“We will win the vote,” said Jane Smith.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'direct, cue after, name before cue',
    text: 'Jane Smith spoke. “We will win the vote,” Smith said.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'direct, cue before with colon',
    text: 'Jane Smith said: “We will win the vote.”',
    want: [{ type: 'direct', text: 'We will win the vote.', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'straight quotes',
    text: '"We will win the vote," said Jane Smith.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'guillemets',
    text: '«We will win the vote,» said Jane Smith.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'wire-style double apostrophes',
    text: "``We will win the vote,'' said Jane Smith.",
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'quote split by its cue: both fragments, same speaker, cue outside',
    text: '“We will,” said Jane Smith, “win this vote by a wide margin.”',
    want: [
      { type: 'direct', text: 'We will,', speaker: 'Jane Smith', cue: 'said' },
      { type: 'direct', text: 'win this vote by a wide margin.', speaker: 'Jane Smith', cue: null },
    ],
  },
  {
    name: 'multi-paragraph quote: opening mark repeated, no closing mark until the last',
    text: 'Jane Smith said: “The first paragraph of the quote goes here.\n“The second paragraph ends it.”',
    want: [
      {
        type: 'direct',
        text: 'The first paragraph of the quote goes here.\n“The second paragraph ends it.',
        speaker: 'Jane Smith',
        cue: 'said',
      },
    ],
  },
  {
    name: 'indirect with that',
    text: 'Jane Smith said that the vote would be close.',
    want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'indirect, cue after',
    text: 'The vote would be close, Jane Smith said.',
    want: [{ type: 'indirect', text: 'The vote would be close', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'indirect, inverted cue',
    text: 'The vote would be close, said Jane Smith.',
    want: [{ type: 'indirect', text: 'The vote would be close', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'told reporters',
    text: 'Jane Smith told reporters the vote would be close.',
    want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'Jane Smith', cue: 'told' }],
  },
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
    name: 'pronoun speaker resolved by gender',
    text: 'John Brown met Jane Smith on Monday. “We talked about the budget for hours,” she said.',
    want: [{ type: 'direct', text: 'We talked about the budget for hours,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'floating paragraph inherits the last speaker',
    text: 'The budget is balanced, said Senator Jane Smith.\n“We have worked on it for a very long time and it shows.”',
    want: [
      { type: 'indirect', text: 'The budget is balanced', speaker: 'Jane Smith', cue: 'said' },
      {
        type: 'direct',
        text: 'We have worked on it for a very long time and it shows.',
        speaker: 'Jane Smith',
        cue: null,
      },
    ],
  },
  {
    name: 'organisation as speaker',
    text: 'The ministry said the border would stay closed.',
    want: [{ type: 'indirect', text: 'the border would stay closed', speaker: 'The ministry', cue: 'said' }],
  },
  {
    name: 'dash attribution after the quote',
    text: '“We will win the vote by a wide margin.” – Jane Smith',
    want: [{ type: 'direct', text: 'We will win the vote by a wide margin.', speaker: 'Jane Smith', cue: '–' }],
  },
  {
    name: 'colon attribution',
    text: 'Jane Smith: “We will win the vote by a wide margin.”',
    want: [{ type: 'direct', text: 'We will win the vote by a wide margin.', speaker: 'Jane Smith', cue: ':' }],
  },
  {
    name: 'urged … to (an infinitive is what was asked for)',
    text: 'Jane Smith urged voters to turn out on Tuesday.',
    want: [{ type: 'indirect', text: 'to turn out on Tuesday', speaker: 'Jane Smith', cue: 'urged' }],
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
    name: 'an apposition after the speaker is not content',
    text: '“We will win,” said Jane Smith, a professor at Yale University.',
    want: [{ type: 'direct', text: 'We will win,', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'the name between commas speaks, not its description',
    text: 'A top strategist, John Weaver, told reporters that the vote would be close.',
    want: [{ type: 'indirect', text: 'the vote would be close', speaker: 'John Weaver', cue: 'told' }],
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
    name: 'a title in quotation marks is no quote',
    text: 'She wrote “The Lives of the Super Rich” in 2010.',
    want: [],
  },
  {
    name: '“it” after a nameless organisation',
    text: 'The ministry issued a statement on Monday. It said the border would stay closed.',
    want: [{ type: 'indirect', text: 'the border would stay closed', speaker: 'The ministry', cue: 'said' }],
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
    name: 'a possessive apostrophe is no closing mark',
    text: "Sanders' spokesman Michael Briggs said the meeting went well.",
    want: [{ type: 'indirect', text: 'the meeting went well', speaker: 'Michael Briggs', cue: 'said' }],
  },
  {
    name: 'an apposition after a parenthetical party tag',
    text: 'Sen. Johnny Isakson (R-Ga.), one of the bill’s authors, said he remembers the night.',
    want: [{ type: 'indirect', text: 'he remembers the night', speaker: 'Johnny Isakson', cue: 'said' }],
  },
  {
    name: 'British single marks, a phrase as speaker without its full stop',
    text: '‘It’s the players’ fault,’ said the coach.',
    want: [{ type: 'direct', text: 'It’s the players’ fault,', speaker: 'the coach', cue: 'said' }],
  },
  {
    name: 'a participle apposition',
    text: 'Justin Trudeau, speaking in Ottawa on Tuesday, said the deal was fair.',
    want: [{ type: 'indirect', text: 'the deal was fair', speaker: 'Justin Trudeau', cue: 'said' }],
  },
  {
    name: 'a title wink reads as an adjective',
    text: '“This is a great day,” the premier said in a news release.',
    want: [{ type: 'direct', text: 'This is a great day,', speaker: 'the premier', cue: 'said' }],
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
    name: 'the title names the person who holds it',
    text: 'Secretary of State Antony Blinken met Wang Yi. The secretary said the meeting was productive.',
    want: [{ type: 'indirect', text: 'the meeting was productive', speaker: 'Antony Blinken', cue: 'said' }],
  },
  {
    name: 'a spokesperson for an organisation',
    text: 'A spokesperson for the ministry said the border would reopen.',
    want: [
      { type: 'indirect', text: 'the border would reopen', speaker: 'A spokesperson for the ministry', cue: 'said' },
    ],
  },
  {
    name: 'belief verbs are not speech',
    text: 'Jane Smith thinks the vote will be close. Jane Smith wants a recount.',
    want: [],
  },
  { name: 'a scare quote is no quote', text: 'The so-called “deal” fell apart on Tuesday.', want: [] },
  { name: 'a negated cue reports nothing', text: 'Jane Smith did not say the vote would be close.', want: [] },
  {
    name: 'a quoted question, then its speaker and cue as the next sentence',
    text: 'Jane Smith spoke first. “Why would we wait?” Smith asked reporters angrily.',
    want: [{ type: 'direct', text: 'Why would we wait?', speaker: 'Jane Smith', cue: 'asked' }],
  },
  {
    name: 'a quote ended by !, then cue and name',
    text: '"That was great!!!" wrote Jane Smith in an email.',
    want: [{ type: 'direct', text: 'That was great!!!', speaker: 'Jane Smith', cue: 'wrote' }],
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
    name: 'told never inverts: the name after it is the listener',
    text: '“We will win the vote,” Senator Jane Smith, a close ally of the mayor, told Reuters.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'told' }],
  },
  {
    name: 'two appositions in commas: the name before them speaks',
    text: 'Jean Dupont, the foreign minister of France, a permanent member of the Security Council, said the test was a provocation.',
    want: [{ type: 'indirect', text: 'the test was a provocation', speaker: 'Jean Dupont', cue: 'said' }],
  },
  {
    name: 'a show title in marks before the subject is no quote of it',
    text: 'On this weekend’s broadcast of “Fox News Sunday,” Governor Mike Pence said the tweet was a joke.',
    want: [{ type: 'indirect', text: 'the tweet was a joke', speaker: 'Mike Pence', cue: 'said' }],
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
    name: 'a transcript: each labelled paragraph is its speaker’s, the marks that open every paragraph aside',
    text: 'A partial transcript follows.\n\n"WALLACE: Why would he do that? Will she be there?\n\n"PENCE: Well, look, this is serious business. She will not attend."',
    want: [
      { type: 'direct', text: 'Why would he do that? Will she be there?', speaker: 'WALLACE', cue: ':' },
      {
        type: 'direct',
        text: 'Well, look, this is serious business. She will not attend.',
        speaker: 'PENCE',
        cue: ':',
      },
    ],
  },
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
    name: 'an explainer’s headings in capitals are no transcript',
    text: 'WHY IT MATTERS: The vote decides the budget for a year.\n\nWHAT’S NEXT: The senate votes on Friday.',
    want: [],
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
    name: 'a rubric before a colon is no speaker',
    text: 'The Latest: Trump’s taxes were not leaked from Connecticut.',
    want: [],
  },
  {
    name: 'a description, then the name in commas',
    text: '“We will win the vote,” the White House spokesman, Josh Earnest, said Monday.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Josh Earnest', cue: 'said' }],
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
    name: 'a rubric before a colon gives way to the report after it',
    text: 'The Latest: Jane Smith tells voters she is with them.\n\nWASHINGTON (AP) — The Latest on the campaign.',
    want: [{ type: 'indirect', text: 'she is with them', speaker: 'Jane Smith', cue: 'tells' }],
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
    name: 'a time phrase closing a source phrase is not part of it',
    text: 'Most voters dislike the plan, according to a Gallup poll last week.',
    want: [{ type: 'indirect', text: 'Most voters dislike the plan', speaker: 'a Gallup poll', cue: 'according to' }],
  },
  {
    name: 'names joined by "and" speak together, as written',
    text: 'Jane Smith and John Brown met on Monday. Later, Smith, Brown and Mary Jones said they would vote against it.',
    want: [
      { type: 'indirect', text: 'they would vote against it', speaker: 'Smith, Brown and Mary Jones', cue: 'said' },
    ],
  },
  {
    name: '"and said" skips the subject of a that-clause',
    text: 'In a brief interview, Jane Smith rejected the idea that the changes amounted to a shake-up and said that John Brown was not being sidelined.',
    want: [{ type: 'indirect', text: 'John Brown was not being sidelined', speaker: 'Jane Smith', cue: 'said' }],
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
    name: '"after NAME said": the name opens a clause, it is no adjunct',
    text: 'Jane Smith denounced the regime after John Brown said he was open to a deal with it.',
    want: [{ type: 'indirect', text: 'he was open to a deal with it', speaker: 'John Brown', cue: 'said' }],
  },
  {
    name: 'a participle skips the object before a bare infinitive',
    text: 'Jane Smith spoke. The president left no doubt of his commitment to helping Mrs. Smith succeed him, saying that she was ready.',
    want: [{ type: 'indirect', text: 'she was ready', speaker: 'The president', cue: 'saying' }],
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
    name: 'a clause around a quoted title is indirect; a title alone is nothing',
    text: 'John Brown said he made a new “Twin Peaks” only because Jane Smith agreed. Smith wrote “The Lives of the Rich” in 2010.',
    want: [
      {
        type: 'indirect',
        text: 'he made a new “Twin Peaks” only because Jane Smith agreed',
        speaker: 'John Brown',
        cue: 'said',
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
    name: 'an answer is what was said (and the question put is reported too)',
    text: 'Asked if the plan was illegal, 46 percent of voters said yes, compared with 23 percent last month.',
    want: [
      { type: 'indirect', text: 'if the plan was illegal', speaker: null, cue: 'Asked' },
      { type: 'indirect', text: 'yes', speaker: '46 percent of voters', cue: 'said' },
    ],
  },
  {
    name: 'a person before the comma beats a phrase after the cue',
    text: 'Gov. Jane Smith of Ohio, a Republican who has refused to endorse John Brown, said the Khan family deserved better.',
    want: [{ type: 'indirect', text: 'the Khan family deserved better', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'a short quote with names and "I" is speech, not a title',
    text: '“Yes, I support Ted Cruz,” Jane Smith, founder of the Media Research Center, tells Breitbart News.',
    want: [{ type: 'direct', text: 'Yes, I support Ted Cruz,', speaker: 'Jane Smith', cue: 'tells' }],
  },
  {
    name: "a name used as a modifier is no pronoun's referent",
    text: 'John Brown said late Wednesday that he would attend the John Smith meeting. “It will be useful,” he said.',
    want: [
      { type: 'indirect', text: 'he would attend the John Smith meeting', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'It will be useful,', speaker: 'John Brown', cue: 'said' },
    ],
  },
  {
    name: 'an apposition with a relative clause after "said NAME" is no content',
    text: '“Reagan Democrats have left the party,” said Jane Smith, a Democrat and former state senator who ran for the Senate in 2008.',
    want: [{ type: 'direct', text: 'Reagan Democrats have left the party,', speaker: 'Jane Smith', cue: 'said' }],
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
  {
    name: 'a report inside a relative clause',
    text: 'The policy changes, which officials said will go into effect in a few months, will not apply to all.',
    want: [{ type: 'indirect', text: 'will go into effect in a few months', speaker: 'officials', cue: 'said' }],
  },
  {
    name: "wire copy's ''' closes an inner and the outer quote before the attribution",
    text: "Voters spoke. ''I would use the word 'old-school,''' said Jane Smith, who now backs John Brown.",
    want: [{ type: 'direct', text: "I would use the word 'old-school,", speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'a spokeswoman for a person is not that person',
    text: 'Jane Smith will not speak this year. A spokeswoman for Smith said the schedule was full.',
    want: [{ type: 'indirect', text: 'the schedule was full', speaker: 'A spokeswoman for Smith', cue: 'said' }],
  },
  {
    name: 'a party tag between commas',
    text: 'Sen. Jane Smith, R-S.C., a long-shot presidential candidate, said the plan was dead.',
    want: [{ type: 'indirect', text: 'the plan was dead', speaker: 'Jane Smith', cue: 'said' }],
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
    name: 'a town and state after the speaker',
    text: 'Stacy Baker of Columbia, South Carolina says she likes the plan.',
    want: [{ type: 'indirect', text: 'she likes the plan', speaker: 'Stacy Baker', cue: 'says' }],
  },
  {
    name: 'a poll share as the speaker, its approximation kept',
    text: 'About four in 10 said they were angry with the government.',
    want: [{ type: 'indirect', text: 'they were angry with the government', speaker: 'About four in 10', cue: 'said' }],
  },
  {
    name: 'a reflexive after the subject',
    text: 'Jane Smith spoke first. Smith herself said the deal was on.',
    want: [{ type: 'indirect', text: 'the deal was on', speaker: 'Jane Smith', cue: 'said' }],
  },
  {
    name: 'an apposition opened by an adverb',
    text: '“We would have waited a long time,” Mr. John Brown, now 81 and retired in Cambridge, Mass., said.',
    want: [{ type: 'direct', text: 'We would have waited a long time,', speaker: 'John Brown', cue: 'said' }],
  },
  {
    name: 'a participle speaks for the phrase opening the sentence, not a name after the verb',
    text: 'The senator criticized Jane Smith on Monday, noting that the budget was late.',
    want: [{ type: 'indirect', text: 'the budget was late', speaker: 'The senator', cue: 'noting' }],
  },
  {
    name: 'a sentence ending in a colon introduces the quote after it',
    text: 'John Brown said the budget was late. Jane Smith put it more bluntly:\n“We will not wait for them to act on this budget.”',
    want: [
      { type: 'indirect', text: 'the budget was late', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'We will not wait for them to act on this budget.', speaker: 'Jane Smith', cue: null },
    ],
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
  {
    name: 'a headline in title case keeps its capitalised quoted words',
    text: 'Jane Smith: Donald Trump Is a ‘Proven Failure’ in Business\n\nThe senator spoke on Saturday.',
    want: [{ type: 'mixed', text: 'Donald Trump Is a ‘Proven Failure’ in Business', speaker: 'Jane Smith', cue: ':' }],
  },
  {
    name: 'asked what … (a wh-word is no listener)',
    text: 'A reporter asked what the mayor would do about the budget.',
    want: [{ type: 'indirect', text: 'what the mayor would do about the budget', speaker: 'A reporter', cue: 'asked' }],
  },
  {
    name: 'a pronoun never refers to a name inside the quote',
    text: 'John Brown spoke to reporters on Monday. “Voters reject insiders. George Bush got fewer votes than Al Gore in 2000,” he pointed out.',
    want: [
      {
        type: 'direct',
        text: 'Voters reject insiders. George Bush got fewer votes than Al Gore in 2000,',
        speaker: 'John Brown',
        cue: 'pointed out',
      },
    ],
  },
  {
    name: 'a present form wink tags as a noun, after the name, ends the attribution',
    text: '“Cruz could win the general election in a landslide,” Viguerie notes.',
    want: [
      {
        type: 'direct',
        text: 'Cruz could win the general election in a landslide,',
        speaker: 'Viguerie',
        cue: 'notes',
      },
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
    name: 'a pronoun takes the topic of the nearest sentence, not a name in its relative clause',
    text: 'Scott Reed, who managed Bob Dole’s campaign, said the fear was high. “I am amazed,” he said.',
    want: [
      { type: 'indirect', text: 'the fear was high', speaker: 'Scott Reed', cue: 'said' },
      { type: 'direct', text: 'I am amazed,', speaker: 'Scott Reed', cue: 'said' },
    ],
  },
  {
    name: 'a name of unknown gender that its own clause calls "he" stays the referent over an earlier speaker',
    text: 'John Brown said the test was a provocation.\n\nSecretary General Ban Ki-moon condemned what he called a breach of the rules.\n\n“I count on the council,” he told reporters.',
    want: [
      { type: 'indirect', text: 'the test was a provocation', speaker: 'John Brown', cue: 'said' },
      { type: 'direct', text: 'I count on the council,', speaker: 'Ban Ki-moon', cue: 'told' },
    ],
  },
  {
    name: 'a pronoun takes the subject, not the object, of the sentence before',
    text: 'John Bryant said he will still back Donald Trump. “I am a team player,” he said.',
    want: [
      { type: 'indirect', text: 'he will still back Donald Trump', speaker: 'John Bryant', cue: 'said' },
      { type: 'direct', text: 'I am a team player,', speaker: 'John Bryant', cue: 'said' },
    ],
  },
  {
    name: 'a sentence whose subject is the same pronoun carries the referent on',
    text: 'Lance Beebe said Hillary Clinton should be ready. He attended the rally, though he may vote for Bernie Sanders. “It will be hard,” he said.',
    want: [
      { type: 'indirect', text: 'Hillary Clinton should be ready', speaker: 'Lance Beebe', cue: 'said' },
      { type: 'direct', text: 'It will be hard,', speaker: 'Lance Beebe', cue: 'said' },
    ],
  },
  {
    name: 'a pronoun never refers to a name used as a modifier',
    text: 'Clinton communication director Jennifer Palmieri met reporters on Monday. “This man is running for president,” she said.',
    want: [{ type: 'direct', text: 'This man is running for president,', speaker: 'Jennifer Palmieri', cue: 'said' }],
  },
  {
    name: 'a cue form used as a noun reports nothing',
    text: 'The campaign will air a new ad as soon as Monday in Ohio, Pennsylvania, Virginia, Iowa and Nevada — all battleground states.',
    want: [],
  },
  {
    name: 'a cue form used as a noun is no cue inside an apposition',
    text: 'Sen. Chuck Grassley, facing a spirited Democratic challenge in Iowa, a swing state, said he would welcome Cruz.',
    want: [{ type: 'indirect', text: 'he would welcome Cruz', speaker: 'Chuck Grassley', cue: 'said' }],
  },
  {
    name: 'a noun form still reports before that',
    text: 'Jane Smith repeated her claim that the vote was rigged. She states that the count was wrong.',
    want: [
      { type: 'indirect', text: 'the vote was rigged', speaker: 'Jane Smith', cue: 'claim' },
      { type: 'indirect', text: 'the count was wrong', speaker: 'Jane Smith', cue: 'states' },
    ],
  },
  {
    name: 'a capitalised word wink reads as a verb, inside a name, stays in the speaker',
    text: '‘It is the right thing to do,’ said a Downing Street spokesman.',
    want: [
      { type: 'direct', text: 'It is the right thing to do,', speaker: 'a Downing Street spokesman', cue: 'said' },
    ],
  },
  {
    name: 'a wire dateline is not reported content',
    text: 'BRUSSELS (Reuters) - EU leaders agreed on Thursday to extend sanctions, officials said.\n\nWASHINGTON, Nov. 3 (AP) — The Senate will vote next week, Chuck Schumer said.',
    want: [
      {
        type: 'indirect',
        text: 'EU leaders agreed on Thursday to extend sanctions',
        speaker: 'officials',
        cue: 'said',
      },
      { type: 'indirect', text: 'The Senate will vote next week', speaker: 'Chuck Schumer', cue: 'said' },
    ],
  },
  {
    name: 'a naming verb with a quoted name for its object',
    text: 'Jeb Bush described his leadership skills as a “work in progress.”',
    want: [
      { type: 'mixed', text: 'his leadership skills as a “work in progress.”', speaker: 'Jeb Bush', cue: 'described' },
    ],
  },
  {
    name: 'a definite title names the person titled with its abbreviation',
    text: 'Louisiana Gov. John Bel Edwards met reporters. The governor said the roads were closed.',
    want: [{ type: 'indirect', text: 'the roads were closed', speaker: 'John Bel Edwards', cue: 'said' }],
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
    name: 'a single closing mark after an s closes before punctuation',
    text: 'Wes Streeting accused ministers of ‘sleepwalking into a crisis’. He told Sky News: ‘This is the worst the NHS has been.’',
    want: [{ type: 'direct', text: 'This is the worst the NHS has been.', speaker: 'Wes Streeting', cue: 'told' }],
  },
  {
    name: 'a pronoun after a speaker phrase no entity holds refers to that phrase',
    text: 'The NHS is under strain. A Department of Health spokesperson said the government was investing more. ‘We are making progress,’ they added.',
    want: [
      {
        type: 'indirect',
        text: 'the government was investing more',
        speaker: 'A Department of Health spokesperson',
        cue: 'said',
      },
      { type: 'direct', text: 'We are making progress,', speaker: 'A Department of Health spokesperson', cue: 'added' },
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
    name: 'a comma or full stop left out before the subject does not join the phrases',
    text: 'Donald Trump spoke. In a meeting with the editorial board of the Washington Post Trump said NATO was obsolete. It was taking steps to increase its oversight of the regional centers The S.E.C. said it would act.',
    want: [
      { type: 'indirect', text: 'NATO was obsolete', speaker: 'Donald Trump', cue: 'said' },
      { type: 'indirect', text: 'it would act', speaker: 'The S.E.C.', cue: 'said' },
    ],
  },
  {
    name: 'a title abbreviation wink splits ends neither the sentence nor the speaker',
    text: '"This is a good thing," said the Rev. Peter Wherry, of Mayfield Memorial Missionary Baptist Church.',
    want: [{ type: 'direct', text: 'This is a good thing,', speaker: 'Peter Wherry', cue: 'said' }],
  },
  {
    name: 'a possessive ending is no part of a speaker phrase',
    text: 'The video shows that Crutcher had his hands in the air, contradicting Tulsa police’s earlier claim that Crutcher had refused to keep his hands up.',
    want: [
      { type: 'indirect', text: 'Crutcher had refused to keep his hands up', speaker: 'Tulsa police', cue: 'claim' },
    ],
  },
  {
    name: 'a present form wink tags as a noun reports before a clause',
    text: 'Peter Schweizer notes the foundation hid four donations. Patient advocacy groups note that Sanders co-sponsored bans. The campaign notes were leaked.',
    want: [
      { type: 'indirect', text: 'the foundation hid four donations', speaker: 'Peter Schweizer', cue: 'notes' },
      { type: 'indirect', text: 'Sanders co-sponsored bans', speaker: 'Patient advocacy groups', cue: 'note' },
    ],
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
    name: 'a pronoun opening a subordinate clause refers to the subject of the clause it hangs on',
    text: 'Retired Lt. Gen. Michael Flynn said Donald Trump was right when he said the generals had been reduced to rubble.',
    want: [
      {
        type: 'indirect',
        text: 'Donald Trump was right when he said the generals had been reduced to rubble',
        speaker: 'Michael Flynn',
        cue: 'said',
      },
      { type: 'indirect', text: 'the generals had been reduced to rubble', speaker: 'Donald Trump', cue: 'said' },
    ],
  },
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
  {
    name: 'a subordinate clause after the attribution is narration',
    text: '“We will win the vote,” Jane Smith said, as the crowd cheered.',
    want: [{ type: 'direct', text: 'We will win the vote,', speaker: 'Jane Smith', cue: 'said' }],
  },
];

describe('quotes: patterns', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const a = quoted(c.text);
      const got = a.quotes.map((q) => ({
        type: q.type,
        text: q.text,
        speaker: q.speaker?.name ?? null,
        cue: q.cue?.text ?? null,
      }));
      const want = c.want.map((w) => ({ cue: null, ...w }));
      for (const [i, w] of want.entries()) {
        expect(got[i], `quote ${i}`).toBeDefined();
        expect(got[i]!.type).toBe(w.type);
        expect(got[i]!.text).toBe(w.text);
        expect(got[i]!.speaker).toBe(w.speaker);
        if (w.cue !== undefined && w.cue !== null) expect(got[i]!.cue).toBe(w.cue);
      }
      expect(got.length).toBe(want.length);
    });
  }
});

describe('quotes: naming verbs', () => {
  it('reports "called X “Y”" with a calibrated confidence below the shipped threshold, and "called" alone not at all', () => {
    const all = parseConfig({ quotes: { minConfidence: 0 } });
    const q = quoted(
      'Mayor Tom Richards called the vote “a win for public safety.” He called reporters on Monday.',
      all,
    ).quotes;
    expect(q.map((x) => [x.type, x.text, x.speaker?.name, x.cue?.text])).toEqual([
      ['mixed', 'the vote “a win for public safety.”', 'Tom Richards', 'called'],
    ]);
    expect(q[0]!.confidence).toBeLessThan(
      JSON.parse(readFileSync('pipeline.config.json', 'utf8')).quotes.minConfidence,
    );
  });
});

describe('quotes: promises', () => {
  it('reports the infinitive of vow, pledge, promise and threaten', () => {
    const q = quoted(
      'Hillary Clinton has vowed to repeal the Hyde Amendment.',
      parseConfig({ quotes: { minConfidence: 0 } }),
    ).quotes;
    expect(q.map((x) => [x.type, x.text, x.speaker?.name, x.cue?.text])).toEqual([
      ['indirect', 'to repeal the Hyde Amendment', 'Hillary Clinton', 'vowed'],
    ]);
  });
});

describe('quotes: far pronouns', () => {
  it('links "they" to no organisation named more than the look-back before it', () => {
    const q = quoted(
      'Officials at the Federal Reserve met in March.\nRates were high. Prices rose. Markets fell. Jobs grew. Wages lagged. Homes cost more. Cars cost more too. They added that rates would rise.',
    ).quotes;
    expect(q.map((x) => [x.text, x.speaker?.entityId ?? null])).toEqual([['rates would rise', null]]);
  });
});

describe('quotes: invariants', () => {
  it('never puts the cue inside the quote text', () => {
    for (const c of CASES) {
      for (const q of quoted(c.text).quotes) {
        if (q.cue) expect(q.cue.end <= q.start || q.cue.start >= q.end, `${c.name}: cue inside quote`).toBe(true);
      }
    }
  });

  it('a quote that never closes ends at its paragraph', () => {
    const text = '“This never closes and keeps going\nNext paragraph has no mark.';
    const spans = findQuotedSpans(text, findParagraphs(text));
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('This never closes and keeps going');
    expect(spans[0]!.closed).toBe(false);
  });

  it('apostrophes are not closing marks', () => {
    const text = 'She said ‘we don’t know’ and left.';
    const spans = findQuotedSpans(text, findParagraphs(text));
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['we don’t know']);
  });
});

describe('quotes: the founding article', () => {
  const text = readFileSync(new URL('../../corpus/000_c15b9b24642192a5.txt', import.meta.url), 'utf8');
  const gold = JSON.parse(readFileSync(new URL('../fixtures/seed-quotes.json', import.meta.url), 'utf8')) as {
    type: string;
    text: string;
    cue: string | null;
  }[];
  const r = record(text);

  it('finds its eight quotes, in order, with types and cues, and nothing else', () => {
    expect(r.quotes.map((q) => q.text.replace(/[\s,.]+$/, ''))).toEqual(
      gold.map((g) => g.text.replace(/[\s,.]+$/, '')),
    );
    expect(r.quotes.map((q) => q.type)).toEqual(gold.map((g) => g.type));
    expect(r.quotes.map((q) => q.cue?.text ?? null)).toEqual(gold.map((g) => g.cue));
  });

  it('attributes every quote to Antony Blinken, linked to his entity', () => {
    const blinken = r.entities.find((e) => e.name === 'Antony Blinken');
    expect(blinken?.type).toBe('PERSON');
    for (const q of r.quotes) {
      expect(q.speaker?.name).toBe('Antony Blinken');
      expect(q.speaker?.entityId).toBe(blinken!.id);
    }
  });
});
