// The corpus pass's merge rules on small corpora built to tempt it: same-surname people, husband and wife, father
// and son, a lone surname, a first name, name variants, acronyms. One corpus key per person, never one for two.
import { describe, expect, it } from 'vitest';
import { CorpusIndex } from '../../../src/outputs/corpus/index.ts';
import type { Corpus } from '../../../src/outputs/corpus/corpus.ts';
import type { ArticleRecord } from '../../../src/schema.ts';
import { article, type Named } from './corpus-records.ts';

function corpusOf(records: ArticleRecord[]): Corpus {
  const index = new CorpusIndex();
  for (const r of records) index.add(r);
  return index.resolve();
}
const he = (name: string, forms: string[] = [], quotes = 0): Named => ({
  name,
  forms,
  gender: 'male',
  evidence: 'pronoun',
  quotes,
});
const she = (name: string, forms: string[] = [], quotes = 0): Named => ({
  name,
  forms,
  gender: 'female',
  evidence: 'pronoun',
  quotes,
});
const lone = (name: string, gender: 'male' | 'female' | 'unknown' = 'unknown'): Named => ({
  name,
  gender,
  evidence: gender === 'unknown' ? null : 'pronoun',
  quotes: 1,
});

describe('a lone surname', () => {
  const barackArticles = [
    article('a1', [he('Barack Obama', ['Obama', 'Obama'], 2)]),
    article('a2', [he('Barack Obama', ['Obama'])]),
  ];

  it('joins the one person named in full whom it stood for', () => {
    const c = corpusOf([...barackArticles, article('b1', [lone('Obama')]), article('b2', [lone('Obama')])]);
    expect(c.corpusKey('person:obama')).toBe('person:barack-obama');
    const e = c.entry('person:barack-obama')!;
    expect(e).toMatchObject({ name: 'Barack Obama', articles: 4, quotedArticles: 3, quotes: 4 });
    expect(e.keys).toEqual(['person:barack-obama', 'person:obama']);
  });

  it('stays itself when it stood for two people (Barack and Michelle Obama), who stay two', () => {
    const michelle = article('m1', [she('Michelle Obama', ['Obama'], 1)]);
    const c = corpusOf([...barackArticles, michelle, article('b1', [lone('Obama')])]);
    expect(c.corpusKey('person:obama')).toBe('person:obama');
    expect(c.corpusKey('person:michelle-obama')).toBe('person:michelle-obama');
    expect(c.corpusKey('person:barack-obama')).toBe('person:barack-obama');
  });

  it('sets aside the candidate whose gender the articles contradict, on three or more calls of their own', () => {
    const michelle = article('m1', [she('Michelle Obama', ['Obama'], 1)]);
    const lones = ['b1', 'b2', 'b3'].map((id) => article(id, [lone('Obama', 'male')]));
    const c = corpusOf([...barackArticles, michelle, ...lones]);
    expect(c.corpusKey('person:obama')).toBe('person:barack-obama');
    expect(c.corpusKey('person:michelle-obama')).toBe('person:michelle-obama');
    // one stray call is not enough to set Michelle aside
    const few = corpusOf([...barackArticles, michelle, article('b1', [lone('Obama', 'male')])]);
    expect(few.corpusKey('person:obama')).toBe('person:obama');
  });

  it('counts a lone word beside two people named in full with that surname as standing for either', () => {
    const both = article('x', [he('Mark Kelly'), he('Scott Kelly'), lone('Kelly')]);
    const c = corpusOf([article('k1', [he('Mark Kelly', ['Kelly'])]), both, article('k2', [lone('Kelly')])]);
    expect(c.corpusKey('person:kelly')).toBe('person:kelly');
    expect(c.corpusKey('person:mark-kelly')).not.toBe(c.corpusKey('person:scott-kelly'));
  });

  it('never joins same-surname politicians, nor a father and son', () => {
    const c = corpusOf([
      article('p1', [he('Rand Paul', ['Paul'])]),
      article('p2', [he('Ron Paul', ['Paul'])]),
      article('p3', [lone('Paul')]),
      article('t1', [he('Donald Trump', ['Trump'], 3)]),
      article('t2', [he('Donald Trump Jr.', ['Trump'], 1)]),
      article('t3', [lone('Trump')]),
      article('b1', [he('George W. Bush', ['Bush'])]),
      article('b2', [he('George H. W. Bush', ['Bush'])]),
    ]);
    const keys = ['person:rand-paul', 'person:ron-paul', 'person:paul'].map((k) => c.corpusKey(k));
    expect(new Set(keys).size).toBe(3);
    const trumps = ['person:donald-trump', 'person:donald-trump-jr', 'person:trump'].map((k) => c.corpusKey(k));
    expect(new Set(trumps).size).toBe(3);
    expect(c.corpusKey('person:george-bush')).not.toBe(c.corpusKey('person:george-h-w-bush'));
  });
});

describe('a lone first name', () => {
  it('joins the one person of that first name in the corpus, when it stood for them', () => {
    const c = corpusOf([article('s1', [he('Bernie Sanders', ['Bernie'])]), article('s2', [lone('Bernie')])]);
    expect(c.corpusKey('person:bernie')).toBe('person:bernie-sanders');
  });

  it('stays itself when the corpus has two people of that first name', () => {
    const c = corpusOf([
      article('c1', [he('Chris Christie', ['Chris'])]),
      article('c2', [he('Chris Murphy')]),
      article('c3', [lone('Chris')]),
    ]);
    expect(c.corpusKey('person:chris')).toBe('person:chris');
  });
});

describe('variants', () => {
  it('joins a first-and-last name to the one longer name with middle names it shares an article with', () => {
    const c = corpusOf([
      article('h1', [she('Hillary Rodham Clinton', [], 1), she('Hillary Clinton')]),
      article('h2', [she('Hillary Clinton', [], 2)]),
      article('h3', [she('Hillary Clinton')]),
    ]);
    expect(c.corpusKey('person:hillary-rodham-clinton')).toBe('person:hillary-clinton');
    expect(c.entry('person:hillary-clinton')).toMatchObject({
      name: 'Hillary Clinton',
      aliases: ['Hillary Rodham Clinton'],
      articles: 3,
      quotes: 3,
    });
  });

  it('leaves it alone when two longer names could be meant', () => {
    const c = corpusOf([
      article('j1', [he('John Paul Smith'), he('John Smith')]),
      article('j2', [he('John Henry Smith'), he('John Smith')]),
    ]);
    expect(c.corpusKey('person:john-smith')).toBe('person:john-smith');
  });

  it('joins two full names one article wrote for one person, and no others', () => {
    const c = corpusOf([
      article('v1', [he('Bernard Sanders', ['Bernie Sanders'])]),
      article('v2', [he('Bernie Sanders')]),
      article('v3', [he('Larry Sanders')]),
    ]);
    expect(c.corpusKey('person:bernard-sanders')).toBe(c.corpusKey('person:bernie-sanders'));
    expect(c.corpusKey('person:larry-sanders')).toBe('person:larry-sanders');
  });
});

describe('organisations', () => {
  it('joins an acronym to the one name written out it abbreviated', () => {
    const fbi: Named = { name: 'Federal Bureau of Investigation', type: 'ORG', forms: ['FBI'] };
    const c = corpusOf([article('o1', [fbi]), article('o2', [{ name: 'FBI', type: 'ORG', quotes: 1 }])]);
    expect(c.corpusKey('org:fbi')).toBe('org:federal-bureau-of-investigation');
    expect(c.entry('org:federal-bureau-of-investigation')).toMatchObject({ gender: null, quotes: 1, articles: 2 });
  });
});

describe('gender across articles', () => {
  it('goes by the articles’ text over first-name statistics, and by a clear majority', () => {
    const graham = (id: string, g: Named['gender'], ev: Named['evidence']) =>
      article(id, [{ name: 'Lindsey Graham', gender: g, evidence: ev }]);
    const c = corpusOf([
      graham('g1', 'female', 'name'),
      graham('g2', 'female', 'name'),
      graham('g3', 'female', 'name'),
      graham('g4', 'male', 'pronoun'),
    ]);
    expect(c.entry('person:lindsey-graham')).toMatchObject({ gender: 'male', genderEvidence: 'pronoun' });
    const split = corpusOf([graham('g1', 'male', 'pronoun'), graham('g2', 'female', 'pronoun')]);
    expect(split.entry('person:lindsey-graham')).toMatchObject({ gender: 'unknown', genderEvidence: null });
  });
});

describe('order', () => {
  it('gives the same entries whatever the order of the articles', () => {
    const records = [
      article('a', [he('Barack Obama', ['Obama'], 1), she('Hillary Rodham Clinton'), she('Hillary Clinton', [], 1)]),
      article('b', [lone('Obama'), { name: 'FBI', type: 'ORG', quotes: 2 }]),
      article('c', [{ name: 'Federal Bureau of Investigation', type: 'ORG', forms: ['FBI'] }, he('Bernie Sanders', ['Bernie'])]),
      article('d', [lone('Bernie'), she('Hillary Clinton', ['Clinton'], 3)]),
    ];
    const want = corpusOf(records).entries();
    expect(want.filter((e) => e.keys.length > 1).length).toBeGreaterThanOrEqual(4);
    for (const order of [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]])
      expect(corpusOf(order.map((i) => records[i]!)).entries()).toEqual(want);
  });
});
