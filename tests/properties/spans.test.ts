// Property: for any text (emoji, odd whitespace, quotes, brackets, names), every record validates and every span's
// text is exactly what its code point offsets point at. A few hundred cases here; `npm run fuzz` runs thousands.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArticleRecordSchema, type ArticleRecord } from '../../src/schema.ts';
import { cpSlice, record } from '../helpers.ts';
import { spansOf } from '../robustness/harness.ts';

const PIECES = [
  'Jane Smith',
  'said',
  'told reporters',
  'according to',
  'Secretary Blinken',
  'the U.S.',
  'he',
  'she',
  '“',
  '”',
  '"',
  '‘',
  '’',
  '«',
  '»',
  '[W]e',
  '[and]',
  ',',
  '.',
  ':',
  '?',
  '😀',
  '👩‍👩‍👧',
  '𝒜',
  'é',
  'e\u0301',
  '\u00a0',
  '\t',
  '\u2028',
  '\u000b',
  '\f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\n',
  '\n\n',
  '\r\n',
  '  ',
  'Ukraine',
  'NATO',
  '$40m',
  '5%',
  'on Tuesday',
  '2022',
  'Россия',
  '日本語',
  'שלום',
  'the',
  'plan',
  'would',
  'fail',
  'We',
  'will',
  'win',
];

export const articleText = fc
  .array(
    fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 3 })),
    { minLength: 1, maxLength: 60 },
  )
  .map((parts) => parts.join(' '));

describe('property: spans and records', () => {
  it('every span text equals what its offsets point at, and every record validates', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        if (text.trim() === '') return;
        let r: ArticleRecord;
        try {
          r = record(text);
        } catch (err) {
          // Only a clean rejection (no text left after cleaning) is allowed, never a crash.
          expect(String(err)).toMatch(/rejected/);
          return;
        }
        expect(ArticleRecordSchema.safeParse(r).success).toBe(true);
        for (const s of spansOf(r)) expect(cpSlice(r.text, s.start, s.end)).toBe(s.text);
        const length = [...r.text].length;
        for (const s of r.sentences) expect(s.end <= length && s.start < s.end).toBe(true);
        for (const q of r.quotes) if (q.cue) expect(q.cue.end <= q.start || q.cue.start >= q.end).toBe(true);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });

  it('counts offsets in code points: an emoji is one', () => {
    const r = record('😀 Jane Smith said the vote would be close.');
    const jane = r.entities.find((e) => e.name === 'Jane Smith')!;
    expect(jane.mentions[0]).toEqual({ start: 2, end: 12, text: 'Jane Smith' });
  });
});
