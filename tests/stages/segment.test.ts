import { describe, expect, it } from 'vitest';
import { findParagraphs } from '../../src/stages/segment/index.ts';
import { taggingView, widen } from '../../src/stages/segment/tagging-view.ts';
import { segmented } from '../helpers.ts';

const sentencesOf = (text: string) => segmented(text).sentences.map((s) => text.slice(s.start, s.end));

describe('segment', () => {
  it('gives tokens whose offsets point at their text, emoji and odd spacing included', () => {
    const text = 'Hi 😀 there,  said   Ms. Lee.\nNext line\u00a0here.\n\n“Quote” ends.';
    const a = segmented(text);
    expect(a.tokens.length).toBeGreaterThan(10);
    for (const t of a.tokens) expect(text.slice(t.start, t.end)).toBe(t.value);
  });

  it('never lets a sentence cross a line break', () => {
    expect(sentencesOf('First line without stop\nSecond line. Third sentence.')).toEqual([
      'First line without stop',
      'Second line.',
      'Third sentence.',
    ]);
  });

  it('mends the breaks wink makes after a quoted question and before a comma', () => {
    expect(sentencesOf('“Is this right?” she asked. Then she left.')).toEqual([
      '“Is this right?” she asked.',
      'Then she left.',
    ]);
    expect(sentencesOf('Rep. Nancy Pelosi (D-Calif.), spoke.')).toEqual(['Rep. Nancy Pelosi (D-Calif.), spoke.']);
    // A straight closing mark wink puts at the start of the next sentence goes back to its quote.
    expect(sentencesOf('"It is great!!!" Smith wrote.')).toEqual(['"It is great!!!"', 'Smith wrote.']);
    expect(sentencesOf("''Is it right?'' asked Mr. Smith. Then he left.")).toEqual([
      "''Is it right?'' asked Mr. Smith.",
      'Then he left.',
    ]);
    expect(sentencesOf('Rep. Tim Scott, R-S.C., said the bill was fair.')).toHaveLength(1);
  });

  it('keeps a title abbreviation after a hyphen inside its sentence', () => {
    expect(sentencesOf('He said the gap between Clinton and then-Sen. Barack Obama was narrow. It grew.')).toHaveLength(
      2,
    );
    expect(sentencesOf('"This is good," said the Rev. Peter Wherry, of Mayfield Church. He left.')).toEqual([
      '"This is good," said the Rev. Peter Wherry, of Mayfield Church.',
      'He left.',
    ]);
  });

  it('ends a sentence at "no." before a capitalised word, not before a numeral', () => {
    expect(sentencesOf('Jane Smith said no. Sen. John McCain agreed.')).toHaveLength(2);
    expect(sentencesOf('He ranked No. 1 in Iowa.')).toHaveLength(1);
  });

  it('keeps abbreviations inside sentences', () => {
    expect(sentencesOf('Gen. Smith met Mr. Jones in St. Louis on Sept. 5. They talked.')).toHaveLength(2);
  });

  it('reads editorial brackets as the words they stand for, with spans over the brackets', () => {
    const text = '“[W]e’re ready [and] able,” she said.';
    const { view, rewrites } = taggingView(text);
    expect(view).toHaveLength(text.length);
    expect(rewrites).toHaveLength(2);
    const a = segmented(text);
    const we = a.tokens.find((t) => t.value.startsWith('[W]'));
    expect(we?.pos).toBe('PRON');
    expect(a.tokens.some((t) => t.pos === 'PROPN')).toBe(false);
    expect(widen(2, 5, rewrites).slice(0, 2)).toEqual([1, 5]);
  });

  it('finds paragraphs as non-empty lines', () => {
    expect(findParagraphs('a\n\nb\nc')).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 4 },
      { start: 5, end: 6 },
    ]);
  });

  it('keeps wink dates and amounts as token ranges', () => {
    const a = segmented('Sales rose 5% to $40 million in 2022.');
    expect(a.winkEntities.map((e) => e.type)).toEqual(expect.arrayContaining(['PERCENT', 'MONEY']));
  });
});
