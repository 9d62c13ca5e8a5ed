// Each limit is reported when it is hit, never a silent cut: limits.maxBytes, maxTokens, maxQuoteChars from the
// config, and the ingest cap on runs without spaces that keeps wink's tokenizer linear. Also the one 5 MB line.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';
import { MAX_RUN_CHARS } from '../../src/stages/ingest/normalize.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const process = (text: string, limits: Record<string, number> = {}) =>
  processArticle({ id: 'a', path: 'a.txt', bytes: bytes(text) }, parseConfig({ limits }));
const ids = (r: ReturnType<typeof process>) => r.messages.map((m) => m.id);
const PROSE = 'Jane Smith said the plan would fail. “We will win,” she told reporters. ';

describe('robustness: limits are reported when hit', () => {
  it('limits.maxBytes: rejected, naming the size and the limit', () => {
    const r = process(PROSE.repeat(10), { maxBytes: 100 });
    expect(r.status).toBe('rejected');
    expect(ids(r)).toEqual(['ingest/too-large']);
    expect(r.messages[0]!.text).toMatch(/\d+ bytes, above limits\.maxBytes \(100\)/);
    expect(process(PROSE.repeat(10), { maxBytes: 10_000 }).status).toBe('ok');
  });

  it('limits.maxTokens: rejected, naming the count and the limit', () => {
    const r = process(PROSE.repeat(10), { maxTokens: 20 });
    expect(r.status).toBe('rejected');
    expect(ids(r)).toEqual(['segment/too-many-tokens']);
    expect(r.messages[0]!.text).toContain('limits.maxTokens (20)');
  });

  it('limits.maxQuoteChars: the quote is dropped with a warning naming its length, the article kept', () => {
    const text = `“${'We will win this vote and every vote after it. '.repeat(4)}” she said.`;
    const kept = process(text);
    expect(kept.record!.quotes.length).toBeGreaterThan(0);
    const r = process(text, { maxQuoteChars: 50 });
    expect(r.status).toBe('ok');
    expect(ids(r)).toContain('quotes/too-long');
    expect(r.messages.find((m) => m.id === 'quotes/too-long')!.text).toContain('limits.maxQuoteChars (50)');
    expect(r.record!.quotes.length).toBe(kept.record!.quotes.length - 1);
  });

  it(`runs of more than ${MAX_RUN_CHARS} characters without a space are removed with a warning, the prose kept`, () => {
    const blob = 'QUJD'.repeat(2_000); // 8,000 characters of base64
    const r = process(`Jane Smith said the plan would fail. ${blob} She left.`);
    expect(r.status).toBe('ok');
    expect(ids(r)).toContain('ingest/long-run-removed');
    expect(r.messages.find((m) => m.id === 'ingest/long-run-removed')!.text).toContain('8000');
    expect(r.record!.text).toBe('Jane Smith said the plan would fail. She left.');
    const word = 'x'.repeat(MAX_RUN_CHARS);
    expect(process(`A ${word} b.`).record!.text).toContain(word);
  });

  it('a long paragraph in a script written without spaces is prose, kept whole and read in linear time', () => {
    const japanese = '東京都議会は火曜日、長い議論の末に来年度の予算案を可決した。知事は「必要な判断だ」と述べた。';
    const thai = 'ประเทศไทยมีประชากรประมาณหกสิบเก้าล้านคนและกรุงเทพเป็นเมืองหลวง';
    for (const unit of [japanese, thai]) {
      const paragraph = unit.repeat(Math.ceil(20_000 / unit.length));
      const t0 = performance.now();
      const r = process(`${paragraph}\n\n${paragraph}`);
      expect(ids(r)).not.toContain('ingest/long-run-removed');
      expect(r.record!.text).toBe(`${paragraph}\n\n${paragraph}`);
      expect(performance.now() - t0).toBeLessThan(5_000);
    }
    // a long run mostly of Latin letters and punctuation is still data, whatever few CJK letters it holds
    const mixed = `${'a/b.c-d_e?f=1&'.repeat(60)}東京`;
    expect(ids(process(`Text. ${mixed} More.`))).toContain('ingest/long-run-removed');
  });

  it('one 5 MB line of prose: limits.maxTokens reports it (the default limits would process it, slowly)', () => {
    const line = PROSE.repeat(Math.ceil(5_000_000 / PROSE.length)).trimEnd();
    expect(line.length).toBeGreaterThanOrEqual(5_000_000);
    expect(line).not.toContain('\n');
    const r = process(line, { maxTokens: 100_000 });
    expect(ids(r)).toEqual(['segment/too-many-tokens']);
  });

  it('one 5 MB line without a space: removed as a long run, rejected as empty, in well under a second', () => {
    const t0 = performance.now();
    const r = process('x'.repeat(5_000_000));
    expect(ids(r)).toEqual(['ingest/long-run-removed', 'ingest/no-text']);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
