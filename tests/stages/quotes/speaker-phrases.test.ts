import { describe, expect, it } from 'vitest';
import { quoted } from '../../helpers.ts';

// Each row: an article, and the last quote's speaker name and mention (the words as written).
const CASES: { name: string; text: string; speaker: string; mention?: string }[] = [
  {
    name: 'a hyphenated compound is one word of the phrase ("bow-tied")',
    text: '“I wanted to emphasize that you can do anything,” says the bow-tied maverick.',
    speaker: 'the bow-tied maverick',
  },
  {
    name: 'a hyphenated compound holding a preposition ("sergeant-at-arms")',
    text: 'The former sergeant-at-arms of the House of Commons said Monday he is considering a run.',
    speaker: 'The former sergeant-at-arms of the House of Commons',
  },
  {
    name: 'a time phrase before the determiner is no part of the phrase',
    text: 'In early November the company announced that Robyn Denholm would take on those duties.',
    speaker: 'the company',
  },
  {
    name: 'an adjective taking a complement carries it ("familiar with the talks")',
    text: 'Schumer began approaching senators after the election, according to a person familiar with the talks.',
    speaker: 'a person familiar with the talks',
  },
  {
    name: 'another adjective after the head is no part of the phrase',
    text: 'They left a grenade in the lobby, a private security professional present during the attack told Reuters.',
    speaker: 'a private security professional',
  },
  {
    name: 'coordinated names: the names are the name, the words before them stay in the mention',
    text: 'The union won the vote. Stella’s owners Tore Sohlberg and Lehla Abreder said they respected the outcome.',
    speaker: 'Tore Sohlberg and Lehla Abreder',
    mention: 'Stella’s owners Tore Sohlberg and Lehla Abreder',
  },
  {
    name: 'the complement of such an adjective is no speaker, the noun before the adjective is',
    text: 'A person familiar with the negotiations says Stauskas has been traded to the Indiana Pacers.',
    speaker: 'A person familiar with the negotiations',
  },
  {
    name: 'an organisation after "with" right after a name says where the named one works',
    text: 'Paramedics wait for hours.\nTim Guest with the Nova Scotia Health Authority says there are many reasons for delays.',
    speaker: 'Tim Guest',
  },
  {
    name: 'the object of a participle is no subject: the document the participle hangs on speaks for its owner',
    text:
      'The Parole Board of Canada met in Halifax on Monday.\n' +
      'The parole board decision allowing his release said he was not considered a psychopath.',
    speaker: 'Parole Board of Canada',
    mention: 'The parole board decision',
  },
  {
    name: 'a nameless word cut at "and" before a person\'s description is no speaker ("oil and gas worker")',
    text: '“Our energy allies are laughing at us,” said oil and gas worker Mike Wipf.',
    speaker: 'Mike Wipf',
    mention: 'worker Mike Wipf',
  },
  {
    name: 'an honorific the frame cut the name from is the person the next word names',
    text: 'Theresa May spoke on Monday.\nOn Tuesday, Ms. May said a solution could be found.',
    speaker: 'Theresa May',
  },
];

describe('quotes: speaker phrase shapes', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const q = quoted(c.text).quotes.at(-1);
      expect(q?.speaker?.name).toBe(c.speaker);
      if (c.mention) expect(q?.speaker?.mention?.text).toBe(c.mention);
    });
  }

  it('a phrase ending in the surname of a person the article names is that person', () => {
    const a = quoted(
      'Caroline Wojtaszek spoke to reporters on Monday.\n' +
        '“They made him our problem,” said Niagara County District Attorney Caroline Wojtaszek.',
    );
    const person = a.entities.find((e) => e.type === 'PERSON' && e.name.endsWith('Wojtaszek'));
    expect(person).toBeDefined();
    expect(a.quotes.at(-1)?.speaker?.entityId).toBe(person!.id);
  });
});
