import { describe, expect, it } from 'vitest';
import { quoted } from '../../helpers.ts';

// Each row: an article, and whom the last quote's pronoun refers to (the speaker's name).
const CASES: { name: string; text: string; speaker: string }[] = [
  {
    name: 'the object of a verb is no topic when the sentence has a subject',
    text:
      'Calgary MP Michelle Rempel called Immigration Minister Ahmed Hussen a chicken on Twitter, and Andrew Scheer ' +
      'insists it was a reaction.\n“When we are attacked, it evokes a response,” he said.',
    speaker: 'Andrew Scheer',
  },
  {
    name: 'a name set against the pronoun subject ("Unlike X, he …") is not its referent',
    text:
      'Tom Baker came to Canada in 2016 with his sister.\nUnlike John Smith, he has been unable to find work.\n' +
      '“My study comes afterwards,” he said.',
    speaker: 'Tom Baker',
  },
  {
    name: 'a name fronted as the topic ("For X, … he …") is its referent',
    text:
      'Tom Baker opened a print shop in 2016.\nFor John Smith, who knows the trade, he is simply filling a niche.\n' +
      '“You have to start somewhere,” he says.',
    speaker: 'John Smith',
  },
  {
    name: 'the people of a photo caption glued to its credit are no referents',
    text:
      'Immigration lawyer Ronalee Carey said the support was uneven.\n' +
      'The Canadian Press Syrian refugee Mohammad Al Mnajer watches as his daughter Judy plays at their home.\n' +
      'Meeting the fee costs can be almost impossible for some refugees, she said.',
    speaker: 'Ronalee Carey',
  },
  {
    name: 'a sentence whose subject describes a named person ("the mayor") refers to that person',
    text:
      'Mayor Doug McCallum wants the line built quickly.\n' +
      '“TransLink has not studied the route,” a spokesperson said.\n' +
      'On Dec. 13, the mayor brought up the plan again.\n' +
      '“We can reduce costs considerably,” he said.',
    speaker: 'Doug McCallum',
  },
  {
    name: '"they" after names joined by "and" is those people',
    text:
      'The workers voted to join the union.\n' +
      'Stella’s owners Tore Sohlberg and Lehla Abreder said they respected the vote.\n' +
      '“Our priority is a healthy workplace,” they said.',
    speaker: 'Tore Sohlberg and Lehla Abreder',
  },
  {
    name: '"they" after a plural noun for people opening its sentence is that noun',
    text: 'Authorities described his attempt as a carjacking. They said her injuries were not life-threatening.',
    speaker: 'Authorities',
  },
  {
    name: 'a speaker phrase whose role word wink tags an adjective is a person for "he"',
    text:
      'President Uhuru Kenyatta announced the end of the siege on Wednesday.\n' +
      'One group entered an office building, a private security professional present during the attack told Reuters.\n' +
      'Eventually the militants holed up on the top floor, he said.',
    speaker: 'a private security professional',
  },
  {
    name: 'the speaker of the sentence before goes on, whatever her first name usually says',
    text:
      'Fouzia Al Hashish watched the children play.\n' +
      'Somehow, the family will find a way, adds Abir Al Basha.\n' +
      '“We can borrow the money,” she says.',
    speaker: 'Abir Al Basha',
  },
  {
    name: "a first name's usual gender still rules out a speaker when someone fitting is named there",
    text:
      'Rep. Steve Israel said Hillary Clinton called on members to be closely coordinated.\n' +
      'She added that the race cannot just be about reacting to Trump.',
    speaker: 'Hillary Clinton',
  },
];

describe('quotes: the referent of a pronoun speaker', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const q = quoted(c.text).quotes.at(-1);
      expect(q?.speaker?.mention?.text.toLowerCase()).toMatch(/^(?:he|she|they)$/);
      expect(q?.speaker?.name).toBe(c.speaker);
    });
  }
});
