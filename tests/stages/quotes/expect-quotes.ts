// The quotes the stage finds in a text, checked against a table row's list: each listed quote in order (type, text,
// speaker name, and cue when one is listed), and nothing else.
import { expect } from 'vitest';
import type { QuotedArticle } from '../../../src/types.ts';
import type { Want } from './rules/cases.ts';

/** Asserts that the article's quotes are exactly `want`, in order. */
export function expectQuotes(article: QuotedArticle, want: readonly Want[]): void {
  const got = article.quotes.map((q) => ({
    type: q.type,
    text: q.text,
    speaker: q.speaker?.name ?? null,
    cue: q.cue?.text ?? null,
  }));
  for (const [i, w] of want.map((x) => ({ cue: null, ...x })).entries()) {
    expect(got[i], `quote ${i}`).toBeDefined();
    expect(got[i]!.type).toBe(w.type);
    expect(got[i]!.text).toBe(w.text);
    expect(got[i]!.speaker).toBe(w.speaker);
    if (w.cue !== undefined && w.cue !== null) expect(got[i]!.cue).toBe(w.cue);
  }
  expect(got.length).toBe(want.length);
}
