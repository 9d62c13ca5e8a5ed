import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../../data/lexicon/quotes/', import.meta.url);
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
const loader = readFileSync(new URL('../../../src/stages/quotes/words.ts', import.meta.url), 'utf8');

describe('quotes: word lists (data/lexicon/quotes/)', () => {
  it('holds the lists', () => {
    expect(files.length).toBeGreaterThan(30);
  });
  for (const f of files) {
    it(`${f}: says what it is for, lists lower-case words once each, and is loaded`, () => {
      const list = JSON.parse(readFileSync(new URL(f, DIR), 'utf8')) as { $comment: unknown; words: unknown };
      expect(typeof list.$comment).toBe('string');
      expect(Array.isArray(list.words)).toBe(true);
      const words = list.words as unknown[];
      expect(words.length).toBeGreaterThan(0);
      for (const w of words)
        expect(typeof w === 'string' && w === w.toLowerCase() && w.trim() === w, String(w)).toBe(true);
      expect(words.filter((w, i) => words.indexOf(w) !== i)).toEqual([]);
      expect(loader).toContain(`words('${f.replace(/\.json$/, '')}')`);
    });
  }
});
