import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { personByName } from '../../src/stages/entities/index.ts';
import type { EntityType } from '../../src/types.ts';
import { quoted, withEntities } from '../helpers.ts';

const names = (text: string, type?: string, config = parseConfig({})) =>
  withEntities(text, config)
    .entities.filter((e) => !type || e.type === type)
    .map((e) => e.name);

describe('entities', () => {
  it('gives one person one canonical name: the longest full name, titles apart', () => {
    const a = withEntities('Secretary of State Antony Blinken arrived. Secretary Blinken spoke. Blinken left.');
    const people = a.entities.filter((e) => e.type === 'PERSON');
    expect(people).toHaveLength(1);
    expect(people[0]!.name).toBe('Antony Blinken');
    expect(people[0]!.title).toBe('Secretary of State');
    expect(people[0]!.mentions.map((m) => m.text)).toEqual(['Antony Blinken', 'Blinken', 'Blinken']);
  });

  it('splits a title off a name whatever the tagger spanned: begun before the span, or inside it', () => {
    const a = withEntities(
      'Secretary of State John F. Kerry said the talks would go on. United Steelworkers Political Director Tim Waters said the union would wait.',
    );
    const people = a.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((e) => e.name)).toEqual(['John F. Kerry', 'Tim Waters']);
    expect(people[1]!.title).toBe('United Steelworkers Political Director');
  });

  it("leaves a headline's reporting verb out of the name before it", () => {
    expect(names('Trevor Noah Says Trump Is Wrong About Everything', 'PERSON')).toContain('Trevor Noah');
  });

  it('links country aliases to one canonical name', () => {
    const a = withEntities('The U.S. and Japan met. The United States said so. America agreed.');
    const us = a.entities.filter((e) => e.name === 'United States');
    expect(us).toHaveLength(1);
    expect(us[0]!.type).toBe('GPE');
    expect(us[0]!.mentions.map((m) => m.text)).toEqual(['U.S.', 'United States', 'America']);
  });

  it("names a place or organisation as the article writes it when the gazetteer's name is never written", () => {
    const a = withEntities(
      'The U.S. and Japan met in Tokyo. The U.S. said so. Officials of the Republic of Korea agreed.',
    );
    const us = a.entities.filter((e) => e.mentions.some((m) => m.text === 'U.S.'));
    expect(us).toHaveLength(1);
    expect(us[0]!.name).toBe('U.S.');
    expect(names('Officials of the Republic of Korea agreed with Japan.', 'GPE')).toContain('Republic of Korea');
  });

  it('leaves a sentence-opening adverb or conjunction out of the name after it', () => {
    expect(names('Even Lindsey Graham said the plan would fail. But Mr. Guerrero disagreed.', 'PERSON')).toEqual([
      'Lindsey Graham',
      'Guerrero',
    ]);
  });

  it('joins an organisation named with a complement, but not a date after it', () => {
    const orgs = names(
      'The Brennan Center for Justice noted it. The Committee for a Responsible Federal Budget disagreed. The Security Council on Friday met.',
      'ORG',
    );
    expect(orgs).toContain('Brennan Center for Justice');
    expect(orgs).toContain('Committee for a Responsible Federal Budget');
    expect(orgs.some((n) => n.includes('Friday'))).toBe(false);
  });

  it("keeps a headline's adverb and a party tag's state out of names", () => {
    expect(names('Rick Perry Just Said Something', 'PERSON')).toEqual(['Rick Perry']);
    expect(names('Sen. Jeff Flake, R-Ariz., said it. Sen. John McCain (R-Ariz.) agreed.', 'PERSON')).toEqual([
      'Jeff Flake',
      'John McCain',
    ]);
  });

  it('completes a name the tagger cut at a lower-case word with the proper nouns after it', () => {
    expect(names('Texas-based consultant John Smith said it was fine.', 'PERSON')).toEqual(['John Smith']);
  });

  it('completes a person the tagger ended before its surname, but not with an organisation word', () => {
    const text =
      'Democratic National Committee Chair Debbie Wasserman Schultz dismissed the claims. “It is fine,” Wasserman Schultz said.';
    const people = withEntities(text).entities.filter((e) => e.type === 'PERSON');
    expect(people.map((e) => [e.name, e.mentions.map((m) => m.text)])).toEqual([
      ['Debbie Wasserman Schultz', ['Debbie Wasserman Schultz', 'Wasserman Schultz']],
    ]);
    expect(names('The Clinton Foundation said it was fine.', 'PERSON')).toEqual([]);
  });

  it('never keeps a comma inside a tagged name', () => {
    const all = names('In an interview on Fox, Cruz said it was fine. Ted Cruz left.');
    expect(all.some((n) => n.includes(','))).toBe(false);
  });

  it('keeps a lower-case part joined by a hyphen inside a name', () => {
    expect(names('Secretary General Ban Ki-moon condemned the test. Ban said so.', 'PERSON')).toEqual(['Ban Ki-moon']);
  });

  it('cuts the names of a title-case headline to what the body names', () => {
    const text =
      'Clinton Breaks With Obama On Lawsuit Bill.\n\nPresident Obama appears set to veto the bill, and Hillary Clinton disagrees with him.';
    expect(names(text, 'PERSON')).toEqual(['Hillary Clinton', 'Obama']);
    // A sentence of names and titles is no headline.
    expect(names('Secretary of State Antony Blinken.', 'PERSON')).toEqual(['Antony Blinken']);
  });

  it('finds in a title-case headline the names the body gives, where the tagger found none', () => {
    const text =
      'Pat Caddell: Democrat Voters Worried About Hillary Clinton’s Health Issues\n\nThe longtime pollster Pat Caddell told Alex Marlow on Thursday how surprised he is.';
    const a = withEntities(text);
    const caddell = a.entities.find((e) => e.name === 'Pat Caddell')!;
    expect(caddell.mentions.map((m) => m.start)).toEqual([0, text.indexOf('Pat Caddell told')]);
    // and the headline then reads as "NAME: what they said"
    expect(quoted(text).quotes[0]).toMatchObject({ start: 13, speaker: { name: 'Pat Caddell' } });
  });

  it('links a lone surname to the person named more often, and a title to the person of its gender', () => {
    const a = withEntities(
      'Ted Cruz spoke in Iowa. Cruz said it was fine. His wife, Heidi Cruz, agreed. Cruz left early. Mrs. Cruz stayed.',
    );
    const mentions = Object.fromEntries(
      a.entities.filter((e) => e.type === 'PERSON').map((e) => [e.name, e.mentions.map((m) => m.text)]),
    );
    expect(mentions).toEqual({ 'Ted Cruz': ['Ted Cruz', 'Cruz', 'Cruz'], 'Heidi Cruz': ['Heidi Cruz', 'Cruz'] });
  });

  it('joins a surname of two words to the full name whatever its first word usually says ("Al")', () => {
    const a = withEntities(
      'Fouzia Al Hashish came to Canada in 2016. Al Hashish also recalls moments of hostility on the sidewalk.',
    );
    const people = a.entities.filter((e) => e.type === 'PERSON');
    expect(people.map((e) => [e.name, e.mentions.map((m) => m.text)])).toEqual([
      ['Fouzia Al Hashish', ['Fouzia Al Hashish', 'Al Hashish']],
    ]);
  });

  it('never makes a person or organisation of a lone day or month name', () => {
    const a = withEntities(
      'Donald Trump vied for the title of commander in chief Wednesday. Theresa May met him in June.',
    );
    expect(a.entities.filter((e) => e.type === 'PERSON').map((e) => e.name)).toEqual(['Donald Trump', 'Theresa May']);
  });

  it('makes a person of a name the tagger typed an organisation when the article names that person in full', () => {
    // The tagger's document memory can carry a headline's "Trump Supporter" (ORG) over to every later "Trump".
    const m = (text: string, type: EntityType, canonical?: string) => ({
      type,
      text,
      start: 0,
      end: text.length,
      firstToken: 0,
      lastToken: 1,
      ...(canonical ? { canonical } : {}),
    });
    const mentions = [
      m('Donald Trump', 'PERSON'),
      m('Trump', 'ORG'),
      m('Trump’s', 'ORG'),
      m('Nice', 'PERSON'),
      m('Nice', 'ORG'),
      m('Ford', 'ORG', 'Ford'),
    ];
    personByName(mentions);
    expect(mentions.map((x) => x.type)).toEqual(['PERSON', 'PERSON', 'PERSON', 'PERSON', 'ORG', 'ORG']);
  });

  it('starts a person at a first name the tagger left out, and keeps an organisation a comma ends', () => {
    const a = withEntities(
      'The chairman of the Joint Chiefs of Staff, Gen. Joseph F. Dunford Jr., asked for more troops.',
    );
    expect(a.entities.map((e) => [e.type, e.name])).toEqual([
      ['ORG', 'Joint Chiefs of Staff'],
      ['PERSON', 'Joseph F. Dunford Jr.'],
    ]);
  });

  it('completes a title and first name the tagger typed an organisation with the surname after it', () => {
    expect(names('Councilwoman Maria Lopez, who voted against the plan, disagreed.')).toEqual(['Maria Lopez']);
  });

  it('types a state or country before a title as a place', () => {
    const a = withEntities('Louisiana Gov. John Bel Edwards declared a state of emergency.');
    expect(a.entities.map((e) => [e.type, e.name])).toEqual([
      ['GPE', 'Louisiana'],
      ['PERSON', 'John Bel Edwards'],
    ]);
  });

  it('links common agency short names to the agency', () => {
    const a = withEntities(
      'The Federal Reserve raised rates on Wednesday. The Fed said inflation was too high. The EPA and the Environmental Protection Agency are one.',
    );
    expect(a.entities.filter((e) => e.type === 'ORG').map((e) => [e.name, e.mentions.length])).toEqual([
      ['Federal Reserve', 2],
      ['Environmental Protection Agency', 2],
    ]);
  });

  it('keeps two people with one surname apart by their first names', () => {
    const people = names('Hillary Clinton met Bill Clinton in Chicago.', 'PERSON');
    expect(people).toEqual(['Hillary Clinton', 'Bill Clinton']);
  });

  it('links an acronym to the name the article spells out', () => {
    const a = withEntities('The Assembly of First Nations (AFN) met on Monday. The AFN said it would appeal.');
    const afn = a.entities.find((e) => e.mentions.some((m) => m.text === 'AFN'));
    expect(afn?.name).toBe('Assembly of First Nations');
  });

  it('types nationalities, places, laws and dates', () => {
    const a = withEntities('Ukrainian officials in Kyiv cited the UN Charter on 5 March 2022.');
    const type = (name: string) => a.entities.find((e) => e.name === name)?.type;
    expect(type('Ukrainian')).toBe('NORP');
    expect(type('Kyiv')).toBe('GPE');
    expect(type('UN Charter')).toBe('LAW');
    expect(a.entities.some((e) => e.type === 'DATE')).toBe(true);
  });

  it('finds people with the tagger switched off, by titles and first names', () => {
    const config = parseConfig({ entities: { tagger: false } });
    expect(names('Prime Minister Justin Trudeau met Angela Merkel.', 'PERSON', config)).toEqual([
      'Justin Trudeau',
      'Angela Merkel',
    ]);
  });

  it('never makes a mention of punctuation or a possessive ending', () => {
    const a = withEntities('“Smith’s plan,” said Smith’s aide, “is Smith’s.” O’Brien’s team agreed.');
    for (const e of a.entities) for (const m of e.mentions) expect(m.text).not.toMatch(/^(['’]s|\p{P}+)$/u);
  });
});
