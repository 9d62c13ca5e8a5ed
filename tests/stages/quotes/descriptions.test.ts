import { describe, expect, it } from 'vitest';
import { quoted } from '../../helpers.ts';

// Each row: an article, and the speaker (name, and whether it is linked to an entity) of its last quote. The words
// as written stay the speaker's mention.
const CASES: { name: string; text: string; speaker: string; linked: boolean; mention?: string }[] = [
  {
    name: 'a role noun the article gave the person in an "as" phrase',
    text:
      'Doug McCallum spoke at the council on Monday. McCallum’s last term as Surrey mayor ended in 2005.\n' +
      'Rival candidate Bruce Hayne joked about it.\n' +
      'But the mayor claimed a study had been done.',
    speaker: 'Doug McCallum',
    linked: true,
    mention: 'the mayor',
  },
  {
    name: 'an apposition after the name ("X, the group that …")',
    text:
      'Rally Canada, the group that organized the event, met on Monday. Jane Roe of Alberta Parks spoke too.\n' +
      'The group says those people include hikers and campers.',
    speaker: 'Rally Canada',
    linked: true,
  },
  {
    name: 'a name in apposition right after the speaker phrase',
    text: '“Most places will not print anything less than 1,000 copies,” says Campbell’s partner, Jason Louth.',
    speaker: 'Jason Louth',
    linked: true,
    mention: 'Campbell’s partner',
  },
  {
    name: 'a document speaks for the organisation named before it',
    text: 'The RCMP statement said the level of trust would continue.',
    speaker: 'RCMP',
    linked: true,
  },
  {
    name: 'a document speaks for the organisation it comes from',
    text: 'According to the most recent numbers from the Canadian Bankers Association, the unemployment rate is high.',
    speaker: 'Canadian Bankers Association',
    linked: true,
  },
  {
    name: 'an organisation noun: the organisation that is the topic of the sentence before',
    text:
      'Officials at TransLink were asked about the claim on Monday.\n' +
      'TransLink released a report on the line in 2017.\n' +
      'The agency told reporters it has not done any such study.',
    speaker: 'TransLink',
    linked: true,
  },
  {
    name: 'a person described by age and work: the subject of the sentence before',
    text:
      'Fouzia Al Hashish recalls moments of hostility.\n' +
      'Mohammad Al Mnajer passed his test earlier this year.\n' +
      'The 32-year-old labourer says each day he learns fresh English from co-workers.',
    speaker: 'Mohammad Al Mnajer',
    linked: true,
  },
  {
    name: 'an indefinite phrase whose role one person alone has',
    text:
      'A Vancouver peewee hockey coach says he is amazed by the response to a video.\n' +
      'Coach Stephen Gillis needs a kidney.',
    speaker: 'Stephen Gillis',
    linked: true,
  },
  {
    name: 'an indefinite phrase with no role to go by stays as written',
    text: 'Jane Roe spoke on Monday.\nA judge said the station had acted improperly.',
    speaker: 'A judge',
    linked: false,
  },
  {
    name: 'a phrase for someone unnamed is never the topic',
    text: 'Nik Stauskas was traded on Thursday.\nThe deal was done to save money, according to the person.',
    speaker: 'the person',
    linked: false,
  },
  {
    name: 'a person named only inside the phrase is not the speaker',
    text: 'Justin Trudeau spoke on Monday.\nA spokeswoman for Trudeau said he would not shy away from it.',
    speaker: 'A spokeswoman for Trudeau',
    linked: false,
  },
  {
    name: "a document no one is said to own is the last speaker's, named in the sentence before",
    text:
      'The British aid group Oxfam International said its programs director was among those killed. ' +
      'A statement said the group was shocked and saddened to confirm the death.',
    speaker: 'Oxfam International',
    linked: true,
    mention: 'A statement',
  },
  {
    name: 'two definite phrases with one head are two people',
    text:
      '“We print one copy,” says the laid-back Cambridge resident. ' +
      '“It takes months,” says the self-taught Cambridge resident.',
    speaker: 'the self-taught Cambridge resident',
    linked: false,
  },
  {
    name: 'a definite phrase with the head of an earlier nameless source is that source',
    text:
      'A person familiar with the negotiations says Stauskas has been traded to the Indiana Pacers. ' +
      'The deal was done to get Houston under the tax threshold, according to the person who spoke on Thursday.',
    speaker: 'A person familiar with the negotiations',
    linked: false,
    mention: 'the person',
  },
];

describe('quotes: speakers described rather than named', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const q = quoted(c.text).quotes.at(-1);
      expect(q?.speaker?.name).toBe(c.speaker);
      expect(q?.speaker?.entityId !== null).toBe(c.linked);
      if (c.mention) expect(q?.speaker?.mention?.text).toBe(c.mention);
    });
  }
});
