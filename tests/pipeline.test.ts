// The stage list: its order is checked by the compiler, processArticle folds over it (timing each stage), and the
// tagger's side data changes no output.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processArticle, STAGES, type StageTimings } from '../src/pipeline.ts';
import { stageList } from '../src/stage.ts';
import type { RawArticle } from '../src/stages/ingest/index.ts';
import { findEntities } from '../src/stages/entities/index.ts';
import { segmentWithIds } from '../src/stages/segment/index.ts';
import { defaults } from './helpers.ts';

const founding = readFileSync(new URL('../corpus/000_c15b9b24642192a5.txt', import.meta.url));

describe('the stage list', () => {
  it('runs ingest, segment, entities, quotes, identity, emit in that order', () => {
    expect(STAGES.map((s) => s.name)).toEqual(['ingest', 'segment', 'entities', 'quotes', 'identity', 'emit']);
  });

  it('is checked by the compiler: a stage whose input no earlier stage provides does not compile', () => {
    const [ingest, segment, entities, quotes, identity, emit] = STAGES;
    // @ts-expect-error quotes needs the entities, which segment does not provide
    const noEntities = stageList<RawArticle>()([ingest, segment, quotes, identity] as const);
    // @ts-expect-error emit needs the keys and genders the identity stage adds
    const noIdentity = stageList<RawArticle>()([ingest, segment, entities, quotes, emit] as const);
    // @ts-expect-error segment needs ingested text, not raw bytes
    const noIngest = stageList<RawArticle>()([segment, entities] as const);
    expect([noEntities.length, noIdentity.length, noIngest.length]).toEqual([4, 5, 2]);
  });

  it('times every stage it runs', () => {
    const timings: StageTimings = {};
    const r = processArticle({ id: 'a', path: 'a.txt', bytes: founding }, defaults, timings);
    expect(r.status).toBe('ok');
    expect(Object.keys(timings)).toEqual(['ingest', 'segment', 'entities', 'quotes', 'identity', 'emit']);
  });

  it('stops at the stage that rejects an article, naming it in the outcome', () => {
    const timings: StageTimings = {};
    const r = processArticle({ id: 'e', path: 'e.txt', bytes: new Uint8Array() }, defaults, timings);
    expect(r).toMatchObject({ id: 'e', path: 'e.txt', status: 'rejected' });
    expect(r.record).toBeUndefined();
    expect(r.messages.map((m) => m.id)).toEqual(['ingest/empty']);
    expect(Object.keys(timings)).toEqual(['ingest']);
  });

  it('takes text, bytes, a format or a path: one record however the same article is given', () => {
    const text = founding.toString('utf8');
    const a = processArticle({ text, path: 'x.txt' }, defaults);
    const b = processArticle({ bytes: founding, id: 'x', path: 'x.txt' }, defaults);
    expect(a.record).toEqual(b.record);
    expect(processArticle({ text }).record?.source.path).toBe('article.txt');
    expect(processArticle({ text: '<p>Jane Smith said “hello” to us.</p>' }).record?.source.format).toBe('html');
    expect(processArticle({ text: 'a', format: 'markdown', path: 'b.txt' }).record?.source.format).toBe('markdown');
  });
});

describe('the side channel', () => {
  it('word ids from segment only speed the tagger up: the entities are the same without them', () => {
    const ingested = {
      id: 'a',
      source: { path: 'a.txt', sha256: '', format: 'text' as const },
      meta: {},
      text: founding.toString('utf8'),
      messages: [],
    };
    const { article, wordIds } = segmentWithIds(ingested, defaults);
    expect(wordIds?.ids.length).toBe(article.tokens.length);
    expect(findEntities(article, defaults, wordIds).entities).toEqual(findEntities(article, defaults).entities);
    // and they are no part of the article state
    expect(Object.keys(article)).not.toContain('wordIds');
  });
});
