/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are plain functions its types declare as methods */
import { describe, expect, it } from 'vitest';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  createDocContext,
  loadNerModel,
  spansFromTags,
  tagSentence,
  tagSentenceSpans,
  TYPES,
  type TaggerToken,
} from '../../../src/stages/entities/tagger/index.ts';
import { extractStatic } from '../../../src/stages/entities/tagger/features.ts';
import { compileGazetteer } from '../../../src/stages/entities/tagger/gazetteer.ts';
import { fastStaticScores } from '../../../src/stages/entities/tagger/fast.ts';
import { referenceStaticScores, tagSentenceReference } from '../../../src/stages/entities/tagger/reference.ts';

const nlp = winkNLP(model);
const its = nlp.its;
const ner = loadNerModel();

/** wink tokens of a sentence, as the pipeline hands them to the tagger (SPACE tokens skipped). */
function toks(text: string): TaggerToken[] {
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out<string>(its.value);
  const pos = doc.tokens().out<string>(its.pos);
  return values.map((value, i) => ({ value, pos: pos[i]! })).filter((t) => t.pos !== 'SPACE');
}

/** The entities the shipped model finds in a sentence, as "TYPE:text". */
function entities(text: string): string[] {
  const t = toks(text);
  return spansFromTags(tagSentence(ner, t, createDocContext())).map(
    (s) =>
      `${s.type}:${t
        .slice(s.first, s.last)
        .map((x) => x.value)
        .join(' ')}`,
  );
}

describe('feature extraction', () => {
  it('is deterministic', () => {
    const gaz = compileGazetteer({ country: ['france'], firstName: ['anna'] });
    const t = toks('Anna Schmidt flew from France to Oslo-based XYZ Corp. on 12-05.');
    const a = extractStatic(t, gaz),
      b = extractStatic(t, gaz);
    expect(Array.from(a.keys)).toEqual(Array.from(b.keys));
    expect(Array.from(a.counts)).toEqual(Array.from(b.counts));
    expect(a.counts[0]).toBeGreaterThan(30);
  });
  it('gives different keys to different words', () => {
    const gaz = compileGazetteer({});
    const a = extractStatic([{ value: 'Paris', pos: 'PROPN' }], gaz),
      b = extractStatic([{ value: 'Berlin', pos: 'PROPN' }], gaz);
    expect(Array.from(a.keys.slice(0, a.counts[0]))).not.toEqual(Array.from(b.keys.slice(0, b.counts[0])));
  });
});

describe('spansFromTags', () => {
  it('reads valid BILOU', () => {
    expect(spansFromTags(['B-PER', 'I-PER', 'L-PER', 'O', 'U-LOC'])).toEqual([
      { type: 'PER', first: 0, last: 3 },
      { type: 'LOC', first: 4, last: 5 },
    ]);
  });
  it('repairs invalid sequences', () => {
    // an entity left open at the end, a stray I and L, a type switch mid-entity, B after B
    expect(spansFromTags(['B-ORG', 'I-ORG'])).toEqual([{ type: 'ORG', first: 0, last: 2 }]);
    expect(spansFromTags(['O', 'I-PER', 'L-PER', 'O'])).toEqual([{ type: 'PER', first: 1, last: 3 }]);
    expect(spansFromTags(['L-LOC'])).toEqual([{ type: 'LOC', first: 0, last: 1 }]);
    expect(spansFromTags(['B-PER', 'L-ORG'])).toEqual([
      { type: 'PER', first: 0, last: 1 },
      { type: 'ORG', first: 1, last: 2 },
    ]);
    expect(spansFromTags(['B-PER', 'B-PER', 'L-PER'])).toEqual([
      { type: 'PER', first: 0, last: 1 },
      { type: 'PER', first: 1, last: 3 },
    ]);
    expect(spansFromTags(['B-MISC', 'O', 'U-ORG', 'I-ORG'])).toEqual([
      { type: 'MISC', first: 0, last: 1 },
      { type: 'ORG', first: 2, last: 3 },
      { type: 'ORG', first: 3, last: 4 },
    ]);
  });
  it('accepts IOB tags too', () => {
    expect(spansFromTags(['B-PER', 'I-PER', 'O', 'B-LOC', 'B-LOC'])).toEqual([
      { type: 'PER', first: 0, last: 2 },
      { type: 'LOC', first: 3, last: 4 },
      { type: 'LOC', first: 4, last: 5 },
    ]);
  });
});

describe('shipped model', () => {
  it('returns one well-formed label per token', () => {
    const t = toks('Nothing much happened here yesterday.');
    const tags = tagSentence(ner, t);
    expect(tags).toHaveLength(t.length);
    for (const tag of tags) expect(tag).toMatch(/^(O|[BILU]-(PER|ORG|LOC|MISC))$/);
    expect(tagSentence(ner, [])).toEqual([]);
  });
  it('finds people and places', () => {
    const e = entities('Angela Merkel met Emmanuel Macron in Paris on Tuesday.');
    expect(e).toContain('PER:Angela Merkel');
    expect(e).toContain('PER:Emmanuel Macron');
    expect(e).toContain('LOC:Paris');
  });
  it('handles an all-caps headline', () => {
    const e = entities('FLOODS HIT NORTHERN ITALY AS RAIN CONTINUES');
    expect(e).toContain('LOC:ITALY');
  });
  it('keeps a name with particles whole', () => {
    expect(entities('Ursula von der Leyen said the plan would be ready by June.')).toContain(
      'PER:Ursula von der Leyen',
    );
  });
  it('tags an acronym organisation', () => {
    expect(entities('NATO ministers will meet again next month.')).toContain('ORG:NATO');
  });
  it('uses the document memory', () => {
    const ctx = createDocContext();
    const first = toks('Mr. Tobias Wendelbrook said the factory would close.');
    expect(spansFromTags(tagSentence(ner, first, ctx)).map((s) => s.type)).toContain('PER');
    const second = toks('Wendelbrook added that talks continue.');
    const spans = spansFromTags(tagSentence(ner, second, ctx));
    expect(spans[0]).toEqual({ type: 'PER', first: 0, last: 1 });
  });
});

describe('fast tagging path', () => {
  const doc = [
    'FLOODS HIT NORTHERN ITALY AS RAIN CONTINUES',
    'Ursula von der Leyen met Emmanuel Macron and Olaf Scholz in Brussels on Tuesday, the European Commission said.',
    'Von der Leyen told reporters in the Belgian capital that NATO and the U.S. State Department agreed.',
    'Mr. Tobias Wendelbrook, 54, of Weston-super-Mare said the Ürümqi-based firm would close.',
    'Wendelbrook added: "It\'s over." Brussels declined to comment; macron was not mentioned.',
    'x',
  ].map(toks);
  it('gives exactly the reference scores and labels, with and without document memory', () => {
    const c1 = createDocContext(),
      c2 = createDocContext();
    for (const t of doc) {
      expect(Array.from(fastStaticScores(ner, t, c2))).toEqual(Array.from(referenceStaticScores(ner, t, c1)));
      expect(tagSentence(ner, t, c2)).toEqual(tagSentenceReference(ner, t, c1));
      expect(tagSentence(ner, t)).toEqual(tagSentenceReference(ner, t));
    }
  });
  it('gives the spans of the labels for a token range, with word ids or without', () => {
    const all = doc.flat();
    // ids as wink would give them: one per distinct string, some unknown (-1)
    const idOf = new Map<string, number>();
    const ids = Int32Array.from(all, (t, i) =>
      i % 7 === 3 ? -1 : (idOf.get(t.value) ?? (idOf.set(t.value, idOf.size), idOf.size - 1)),
    );
    const spaces = [undefined, {}, {}];
    for (const space of spaces) {
      const c1 = createDocContext(),
        c2 = createDocContext();
      let from = 0;
      for (const t of doc) {
        const got: string[] = [];
        tagSentenceSpans(
          ner,
          all,
          from,
          from + t.length,
          c2,
          space && ids,
          space,
          (type, first, last) => void got.push(`${TYPES[type]}:${first}-${last}`),
        );
        expect(got).toEqual(spansFromTags(tagSentence(ner, t, c1)).map((s) => `${s.type}:${s.first}-${s.last}`));
        from += t.length;
      }
    }
  });
  it('handles unusual tokens and POS tags like the reference', () => {
    const t: TaggerToken[] = [
      { value: '', pos: 'X' },
      { value: 'É', pos: 'NEW-TAG' },
      { value: '日本', pos: 'PROPN' },
      { value: 'J.', pos: 'PROPN' },
      { value: 'Smith', pos: 'PROPN' },
      { value: '12-05', pos: 'NUM' },
      { value: 'bin', pos: 'PROPN' },
      { value: 'Laden', pos: 'PROPN' },
    ];
    for (let k = 0; k < 40; k++) t.push({ value: `Tok${k}`, pos: `P${k}` }); // more POS tags than the first table size
    expect(tagSentence(ner, t)).toEqual(tagSentenceReference(ner, t));
    expect(Array.from(fastStaticScores(ner, t))).toEqual(Array.from(referenceStaticScores(ner, t)));
  });
});

describe('document tagging', () => {
  it('gives the spans of sentence-by-sentence tagging with one document memory when the model has no second pass', async () => {
    const { tagDocumentSpans } = await import('../../../src/stages/entities/tagger/index.ts');
    const sentences = [
      'Mr. Tobias Wendelbrook said the factory in Leeds would close.',
      'Wendelbrook added that talks with Unilever continue.',
    ].map(toks);
    const all = sentences.flat();
    const firsts = [0, sentences[0]!.length],
      lasts = [sentences[0]!.length, all.length];
    const got: string[] = [];
    tagDocumentSpans(ner, all, firsts, lasts, undefined, undefined, (t, a, b) => got.push(`${TYPES[t]}:${a}:${b}`));
    const ctx = createDocContext();
    const want = sentences.flatMap((s, k) =>
      spansFromTags(tagSentence(ner, s, ctx)).map((x) => `${x.type}:${x.first + firsts[k]!}:${x.last + firsts[k]!}`),
    );
    expect(ner.nonLocal).toBe(false);
    expect(got).toEqual(want);
    expect(got.length).toBeGreaterThan(1);
  });
});
