// Inputs that nest deeper, or hold more elements, than any article: each is rejected with its own message id
// before a parser sees it, in bounded time; what nests deeply but within the limits is still read. Inputs are
// generated here, never committed.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';
import {
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_MARKDOWN_DEPTH,
  MAX_MARKDOWN_MARKUP,
} from '../../src/stages/ingest/nesting.ts';

const config = parseConfig({});
const run = (path: string, text: string) => {
  const t0 = performance.now();
  const r = processArticle({ id: 'a', path, bytes: new TextEncoder().encode(text) }, config);
  return { ...r, ids: r.messages.map((m) => m.id), ms: performance.now() - t0 };
};
// Each case must finish well inside the 10 s the issue allows on this machine, shared as it is.
const BUDGET_MS = 10_000;

describe('robustness: nesting and size limits before the parsers', () => {
  it.each<[string, string, () => string]>([
    ['16 KB of nested list markers', 'a.md', () => `${'- '.repeat(8_000)}x`],
    ['9 MB of nested list markers', 'a.md', () => '- '.repeat(4_500_000)],
    [
      'list items nested by indentation',
      'a.md',
      () => Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(2 * i)}- item`).join('\n'),
    ],
    ['5 KB of nested block quotes', 'a.md', () => `${'>'.repeat(5_000)} x`],
    [
      'block quotes nested line by line',
      'a.md',
      () => Array.from({ length: 500 }, (_, i) => `${'> '.repeat(i + 1)}x`).join('\n'),
    ],
    ['200,000 nested <div>s', 'a.html', () => `${'<div>'.repeat(200_000)}x`],
    ['100,000 nested <span>s, closed', 'a.html', () => `${'<span>'.repeat(100_000)}x${'</span>'.repeat(100_000)}`],
  ])('%s: rejected as ingest/too-deep', (_, path, make) => {
    const r = run(path, make());
    expect(r.status).toBe('rejected');
    expect(r.ids).toEqual(['ingest/too-deep']);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it('a page of more elements than MAX_HTML_ELEMENTS: rejected as ingest/too-many-elements', () => {
    const r = run('a.html', '<p>a'.repeat(MAX_HTML_ELEMENTS + 1));
    expect(r.ids).toEqual(['ingest/too-many-elements']);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it.each<[string, () => string]>([
    ['100,000 opening brackets in a line', () => `Jane Smith said ${'['.repeat(100_000)} it would fail.`],
    ['50,000 emphases in one paragraph', () => '*a*'.repeat(50_000)],
    ['25,000 unclosed links with spaces', () => '[a]( '.repeat(25_000)],
    ['one 1 MB paragraph of links and emphasis', () => 'a *b* c [d](http://e.com/f) '.repeat(35_000)],
    ['25,000 paragraphs of an emphasis', () => '*a*\n\n'.repeat(25_000)],
    ['100,000 short paragraphs', () => 'Jane said it.\n\n'.repeat(100_000)],
  ])('Markdown, %s: rejected as ingest/too-much-markup before micromark', (_, make) => {
    const r = run('a.md', make());
    expect(r.status).toBe('rejected');
    expect(r.ids).toEqual(['ingest/too-much-markup']);
    expect(r.ms).toBeLessThan(BUDGET_MS);
  });

  it('markup within the budget is read, in one paragraph or spread over many', () => {
    const links = Array.from({ length: 1_000 }, (_, i) => `- [Story ${i}](https://example.com/${i}) by *Jane*`);
    const list = run('a.md', `Jane Smith said the plan would fail.\n\n${links.join('\n')}`);
    expect(list.status).toBe('ok');
    expect(list.record!.text).toContain('Story 999 by Jane');
    // the worst of either shape just under the budget: one paragraph of markers, or paragraphs of an emphasis
    for (const text of [
      `Jane Smith said ${'*a*'.repeat(MAX_MARKDOWN_MARKUP / 2 - 100)} it.`,
      'Jane said it *now*.\n\n'.repeat(MAX_MARKDOWN_MARKUP / 3 - 100),
    ]) {
      const r = run('a.md', text);
      expect(r.status).toBe('ok');
      expect(r.ms).toBeLessThan(BUDGET_MS);
    }
  });

  it('nesting within the limits is still read', () => {
    const html = run('a.html', `${'<div>'.repeat(MAX_HTML_DEPTH - 10)}Jane Smith said the plan would fail.`);
    expect(html.status).toBe('ok');
    expect(html.record!.text).toBe('Jane Smith said the plan would fail.');
    const quotes = run('a.md', `${'> '.repeat(MAX_MARKDOWN_DEPTH - 10)}Jane Smith said the plan would fail.`);
    expect(quotes.status).toBe('ok');
    expect(quotes.record!.text).toBe('Jane Smith said the plan would fail.');
    // unclosed <p>s and <li>s close their predecessors: many of them are not nesting
    for (const item of ['<p>Jane Smith said the plan would fail.', '<li>Jane Smith said the plan would fail.'])
      expect(run('a.html', `<ul>${item.repeat(2_000)}</ul>`).status).toBe('ok');
  });

  it('stray end tags and SVG self-closing tags do not fool the depth estimate', () => {
    const stray = run('a.html', `${'</div>'.repeat(100)}${'<div>'.repeat(MAX_HTML_DEPTH + 50)}x`);
    expect(stray.ids).toEqual(['ingest/too-deep']);
    const icons = run(
      'a.html',
      `<p>Jane Smith said the plan would fail.</p>${'<svg><path d="M0"/><g/></svg>'.repeat(1_000)}`,
    );
    expect(icons.status).toBe('ok');
  });

  it.each([
    ['invisible characters and dots', '\u180e ... ---'],
    ['dashes and symbols only', '--- *** ### ~~~ +++ ===\n\n• • •'],
  ])('an input of %s is rejected as ingest/no-words, like an empty one', (_, text) => {
    const r = run('a.txt', text);
    expect(r.status).toBe('rejected');
    expect(r.ids).toContain('ingest/no-words');
  });
});
