// The founding article inside a realistic news page (navigation, share bar, video fallback, related links,
// footer) yields the same quotes and entities as the plain-text file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { processArticle } from '../../src/pipeline.ts';
import type { ArticleRecord } from '../../src/schema.ts';
import { defaults } from '../helpers.ts';

const load = (url: URL, path: string): ArticleRecord => {
  const r = processArticle({ id: 'founding', path, bytes: readFileSync(url) }, defaults);
  if (!r.record) throw new Error(JSON.stringify(r.messages));
  return r.record;
};

describe('the founding article as an HTML page', () => {
  const html = load(new URL('../fixtures/ingest/founding-article/source.html', import.meta.url), 'founding.html');
  const text = load(new URL('../../corpus/000_c15b9b24642192a5.txt', import.meta.url), 'founding.txt');

  it('has the same paragraphs (without the page furniture)', () => {
    const paragraphs = (r: ArticleRecord) => r.text.split('\n').filter((p) => p.trim());
    expect(paragraphs(html)).toEqual(paragraphs(text));
  });

  it('yields the same quotes', () => {
    const view = (r: ArticleRecord) =>
      r.quotes.map((q) => ({ type: q.type, text: q.text, cue: q.cue?.text ?? null, speaker: q.speaker?.name ?? null }));
    expect(view(html)).toEqual(view(text));
    expect(html.quotes).toHaveLength(8);
  });

  it('yields the same entities', () => {
    const view = (r: ArticleRecord) =>
      r.entities.map((e) => ({ type: e.type, name: e.name, mentions: e.mentions.map((m) => m.text) }));
    expect(view(html)).toEqual(view(text));
  });

  it('carries the page metadata', () => {
    expect(html.source.format).toBe('html');
    expect(html.meta.title).toBeTruthy();
  });
});
