// Each limit is reported when it is hit, never a silent cut: limits.maxBytes, maxTokens, maxQuoteChars from the
// config, and the ingest cap on runs without spaces that keeps wink's tokenizer linear. Also the one 5 MB line.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';
import { MAX_RUN_CHARS } from '../../src/stages/ingest/normalize.ts';
import { ingest } from '../../src/stages/ingest/index.ts';
import { loadBoilerplateRules } from '../../src/stages/ingest/boilerplate.ts';
import { readDoc } from '../../src/stages/segment/nlp.ts';
import { taggingView } from '../../src/stages/segment/tagging-view.ts';
import { cleanGood, cli, figure, GOOD, goodLines } from './hostile.ts';
import { tempDir, writeCorpus } from './harness.ts';

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

  it('one 5 MB line of prose: the default limits.maxTokens rejects it before the costly stages, in seconds', () => {
    const line = PROSE.repeat(Math.ceil(5_000_000 / PROSE.length)).trimEnd();
    expect(line.length).toBeGreaterThanOrEqual(5_000_000);
    expect(line).not.toContain('\n');
    const t0 = performance.now();
    const r = process(line);
    expect(ids(r)).toEqual(['segment/too-many-tokens']);
    expect(r.messages[0]!.text).toContain('limits.maxTokens (100000)');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('one 5 MB line without a space: removed as a long run, rejected as empty, in well under a second', () => {
    const t0 = performance.now();
    const r = process('x'.repeat(5_000_000));
    expect(ids(r)).toEqual(['ingest/long-run-removed', 'ingest/no-text']);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });

  it('limits.maxTokens is decided before wink reads the document: a lower bound, else a count in slices', () => {
    // one pass: 9 runs between spaces a line, 9M in all, far past the limit
    const t0 = performance.now();
    const far = process('a b c d e f g h\n'.repeat(200_000), { maxTokens: 1_000_000 });
    expect(ids(far)).toEqual(['segment/too-many-tokens']);
    expect(far.messages[0]!.text).toMatch(/more than 17999\d\d tokens/);
    // the bound (2 a paragraph) is not past the limit; the count ("Paragraph", ".", "\n\n") is
    const near = process('Paragraph.\n\n'.repeat(100_000), { maxTokens: 250_000 });
    expect(ids(near)).toEqual(['segment/too-many-tokens']);
    // the count stops at the end of the slice that passes the limit
    expect(Number(/more than (\d+) tokens/.exec(near.messages[0]!.text)?.[1])).toBeGreaterThanOrEqual(250_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
    // the count is exact: wink's own count of the text is the largest limit that refuses it
    const text = 'Paragraph.\n\n'.repeat(1_000);
    const ingested = ingest({ id: 'a', path: 'a.txt', bytes: bytes(text) }, parseConfig({}), loadBoilerplateRules());
    const n = readDoc(taggingView(ingested.text).view).tokens().length();
    expect(n).toBeGreaterThan(2_000);
    expect(process(text, { maxTokens: n }).status).toBe('ok');
    expect(ids(process(text, { maxTokens: n - 1 }))).toEqual(['segment/too-many-tokens']);
  });

  it('the largest text the byte limit allows, 1.66M short paragraphs, beside two good articles: refused by the token limit in bounded time and memory', () => {
    const corpus = writeCorpus({ ...GOOD, 'huge.txt': 'Paragraph.\n\n'.repeat(1_660_000) });
    const out = tempDir();
    const r = cli(['--input', corpus, '--output', out]);
    figure('1.66M paragraphs (19.9 MB, 5M tokens)', r);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('rejected huge.txt: [segment/too-many-tokens]');
    // ingest walks the text without splitting it into lines (docs/robustness.md): a few copies of the text, not
    // millions of strings (the split ingest took 700 MB and 13 s for this file)
    expect(r.peakMb ?? 0).toBeLessThan(450);
    expect(goodLines(out)).toEqual(cleanGood());
  }, 120_000);

  it('19 MB of control characters after a sentence: removed and counted in one replace, the sentence kept', () => {
    const t0 = performance.now();
    const r = process(`Jane Smith said the plan would fail.\n${'\u0001'.repeat(19_000_000)}`);
    expect(r.status).toBe('ok');
    expect(r.record!.text).toBe('Jane Smith said the plan would fail.');
    const controls = r.messages.find((m) => m.id === 'ingest/control-chars');
    expect(controls?.text).toContain('19000000');
    // a callback per character took 4.5 s and 837 MB through the command; one replace about 2 s and 240 MB
    expect(performance.now() - t0).toBeLessThan(10_000);
  });

  it('articles read by a fresh wink instance (a Kelvin sign) never exhaust the process: 25 in a row', () => {
    // each built instance used to double a string in the model's loader: the 20th threw "Invalid string length"
    for (let i = 0; i < 25; i++) {
      const r = process(`It was 300 \u212a in the lab, Dr. Jane Smith said on day ${i}.`);
      expect(r.status, `article ${i}: ${JSON.stringify(r.messages)}`).toBe('ok');
    }
  }, 120_000);
});
