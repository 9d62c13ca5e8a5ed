import { describe, expect, it } from 'vitest';
import { loadData } from '../../src/lexicon/load.ts';
import { confidenceOf, evidenceKey, signatureConfidence, type Evidence } from '../../src/stages/quotes/confidence.ts';

const table = loadData<{ lemmas: Record<string, number>; levels: Record<string, number>[]; prior: number }>(
  'lexicon/confidence.json',
);
const base: Evidence = {
  kind: 'subject-cue',
  type: 'indirect',
  complementizer: true,
  strength: 0.7,
  speakerVia: 'name',
};

describe('confidence', () => {
  it('uses the precision of a listed cue lemma before the signatures', () => {
    const [key, p] = Object.entries(table.lemmas).find(([k]) => k.endsWith('|indirect'))!;
    const lemma = key.split('|')[0]!;
    expect(confidenceOf({ ...base, lemma })).toBe(p);
    expect(evidenceKey({ ...base, lemma })).toBe(`subject-cue|indirect|name|cw#${lemma}|indirect`);
  });

  it('falls back to the signatures for an unlisted lemma or none', () => {
    const fallback = signatureConfidence(base);
    expect(confidenceOf({ ...base, lemma: 'no-such-verb' })).toBe(fallback);
    expect(confidenceOf(base)).toBe(fallback);
    expect(fallback).toBeGreaterThan(0);
    expect(fallback).toBeLessThanOrEqual(1);
  });

  it('lists only probabilities', () => {
    for (const p of [...Object.values(table.lemmas), ...table.levels.flatMap((l) => Object.values(l)), table.prior]) {
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });
});
