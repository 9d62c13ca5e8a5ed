// Counts the input decides (lines removed, values in a list, mentions of a name, paragraphs) never reach a
// function's argument list or make a stage quadratic: each case here once overflowed the stack (a spread of
// 200,000 messages) or took tens of seconds, and must now be an ordinary article. Inputs are generated here.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';

const config = parseConfig({});
// for the inputs longer than the default limits.maxTokens allows: a user who raised it gets linear stages too
const raised = parseConfig({ limits: { maxTokens: 1_000_000 } });
const run = (path: string, text: string, withConfig = config) => {
  const t0 = performance.now();
  const r = processArticle({ id: 'a', path, bytes: new TextEncoder().encode(text) }, withConfig);
  return { ...r, ids: new Set(r.messages.map((m) => m.id)), ms: performance.now() - t0 };
};
// well inside the 10 s each input may take on this machine, shared as it is
const BUDGET_MS = 10_000;
const SENTENCE = 'Jane Smith said the plan would fail.';

describe('robustness: counts the input decides', () => {
  it('200,000 boilerplate lines: all removed, 20 listed and the rest counted, the article kept, no overflow', () => {
    const r = run('a.txt', `${SENTENCE}\n\n${'Advertisement\n\n'.repeat(200_000)}`);
    expect(r.ids.has('pipeline/stage-failed')).toBe(false);
    expect(r.status).toBe('ok');
    expect(r.record!.text).toBe(SENTENCE);
    expect(r.messages.filter((m) => m.id === 'ingest/boilerplate-removed')).toHaveLength(20);
    const more = r.messages.filter((m) => m.id === 'ingest/boilerplate-removed-more');
    expect(more.map((m) => m.text)).toEqual([
      'Removed 199980 more boilerplate lines beyond the 20 listed (by rule: advertisement 199980).',
    ]);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it('a JSON-LD @type list of 200,000 entries is read without a spread', () => {
    const ld = JSON.stringify({ '@type': Array.from({ length: 200_000 }, () => 'NewsArticle'), headline: 'Vote' });
    const html = `<html><head><script type="application/ld+json">${ld}</script></head><body><article><p>${SENTENCE}</p></article></body></html>`;
    const r = run('a.html', html);
    expect(r.ids.has('pipeline/stage-failed')).toBe(false);
    expect(r.status).toBe('ok');
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it('20,000 one-line paragraphs each opening with a name: linear, not a filter of every paragraph per name', () => {
    const small = run('a.txt', `${SENTENCE}\n\n`.repeat(2_000), raised);
    const big = run('a.txt', `${SENTENCE}\n\n`.repeat(20_000), raised);
    expect(big.status).toBe('ok');
    expect(big.record!.quotes).toHaveLength(20_000);
    expect(big.ms).toBeLessThan(BUDGET_MS);
    // ten times the paragraphs in well under thirty times the time (it was over a hundred)
    expect(big.ms / Math.max(small.ms, 100)).toBeLessThan(30);
  });
});
