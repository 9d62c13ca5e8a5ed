// Keys from one article's canonical names: a table of names and the key each must get.
import { describe, expect, it } from 'vitest';
import { KEY_PATTERN } from '../../../src/schema.ts';
import { entityKey, personName } from '../../../src/stages/identity/key.ts';
import type { EntityType } from '../../../src/types.ts';

const PEOPLE: [string, string][] = [
  ['Donald Trump', 'person:donald-trump'],
  ['Donald J. Trump', 'person:donald-trump'],
  ['Donald J Trump', 'person:donald-trump'],
  ['President Trump', 'person:trump'], // a lone surname: the corpus pass joins it to the full name
  ['Mr. Trump', 'person:trump'],
  ["Trump's", 'person:trump'],
  ['Donald Trump Jr.', 'person:donald-trump-jr'],
  ['Donald Trump, Jr.', 'person:donald-trump-jr'],
  ['Martin Luther King Jr.', 'person:martin-luther-king-jr'],
  ['George W. Bush', 'person:george-bush'],
  ['George H. W. Bush', 'person:george-h-w-bush'],
  ['George H.W. Bush', 'person:george-hw-bush'],
  ['Hillary Rodham Clinton', 'person:hillary-rodham-clinton'],
  ['Enrique Peña Nieto', 'person:enrique-pena-nieto'],
  ['Søren Kierkegaard', 'person:soren-kierkegaard'],
  ['Beto O’Rourke', 'person:beto-orourke'],
  ["Martin O'Malley", 'person:martin-omalley'],
  ['Debbie Wasserman Schultz', 'person:debbie-wasserman-schultz'],
  ['Debbie Wasserman-Schultz', 'person:debbie-wasserman-schultz'],
  ['Ursula von der Leyen', 'person:ursula-von-der-leyen'],
  ['Bernard “Bernie” Sanders', 'person:bernard-sanders'],
  ['Jane Smith, MP', 'person:jane-smith'],
  ['Judge Judy', 'person:judy'],
  ['Prince Fielder', 'person:prince-fielder'], // a title that is also a first name stays unless abbreviated
  ['Владимир Путин', 'person:владимир-путин'],
  ['J. Edgar Hoover', 'person:j-edgar-hoover'],
];

const OTHERS: [EntityType, string, string | null][] = [
  ['GPE', 'United States', 'gpe:united-states'],
  ['ORG', 'The New York Times', 'org:new-york-times'],
  ['ORG', 'AT&T', 'org:at-and-t'],
  ['ORG', 'U.S. Senate', 'org:us-senate'],
  ['NORP', 'Democrats', 'norp:democrats'],
  ['WORK_OF_ART', 'The Art of the Deal', 'work_of_art:art-of-the-deal'],
  ['LOC', 'Côte d’Azur', 'loc:cote-d-azur'],
  ['DATE', 'Monday', null],
  ['MONEY', '$5 million', null],
  ['CARDINAL', 'three', null],
  ['ORG', '!!!', null],
];

describe('entityKey', () => {
  it.each(PEOPLE)('%s -> %s', (name, key) => {
    expect(entityKey('PERSON', name)).toBe(key);
    expect(key).toMatch(KEY_PATTERN);
  });

  it.each(OTHERS)('%s %s -> %s', (type, name, key) => {
    expect(entityKey(type, name)).toBe(key);
    if (key) expect(key).toMatch(KEY_PATTERN);
  });

  it('gives any name a key the schema accepts, or null (property: arbitrary strings)', () => {
    const samples = [
      '',
      ' ',
      'ǅemal Bijedić',
      'ϒpsilon Ω',
      'A-',
      '-B',
      "O'",
      'x--y',
      '李 小龍',
      'हिन्दी नाम',
      '😀 Smith',
    ];
    for (const s of samples)
      for (const type of ['PERSON', 'ORG', 'EVENT'] as const) {
        const k = entityKey(type, s);
        if (k !== null) expect(k, `${type} ${s}`).toMatch(KEY_PATTERN);
      }
  });
});

describe('personName', () => {
  it('keeps the surname last and the generational suffix apart', () => {
    expect(personName('Donald J. Trump Jr.')).toEqual({ words: ['donald', 'trump'], suffix: 'jr' });
    expect(personName('Ursula von der Leyen')).toEqual({ words: ['ursula', 'von der leyen'], suffix: null });
    expect(personName('Obama')).toEqual({ words: ['obama'], suffix: null });
    expect(personName('“”')).toBeNull();
  });

  it('drops what is in parentheses, in linear time however many "(" there are', () => {
    expect(personName('Dianne Feinstein (D-Calif.)')).toEqual({ words: ['dianne', 'feinstein'], suffix: null });
    expect(personName('Jane (Jay) (Jo) Smith')).toEqual({ words: ['jane', 'smith'], suffix: null });
    const t0 = performance.now();
    expect(personName(`Jane Smith ${'('.repeat(200_000)}`)?.words).toEqual(['jane', 'smith']);
    expect(performance.now() - t0).toBeLessThan(1_000);
  });
});
