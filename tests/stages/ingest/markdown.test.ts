import { describe, expect, it } from 'vitest';
import { extractMarkdown } from '../../../src/stages/ingest/markdown.ts';

describe('extractMarkdown', () => {
  it.each<[string, string, string]>([
    [
      'headings, paragraphs, list items and blockquotes become paragraphs',
      '## Sub\n\nOne\ntwo.\n\n- a\n- b\n\n> quoted',
      'Sub\n\nOne two.\n\na\n\nb\n\nquoted',
    ],
    [
      'links keep their text, images are dropped with their alt text',
      'See [the report](https://x.example) ![a chart](c.png) now.',
      'See the report now.',
    ],
    ['emphasis and inline code lose their markers', 'A **bold** _claim_ about `x = 1`.', 'A bold claim about x = 1.'],
    ['code blocks are kept as text', '```js\nconst a = 1;\nconst b = 2;\n```', 'const a = 1;\nconst b = 2;'],
    ['inline HTML tags are stripped, their text kept', 'Water <sup>rose</sup> <b>fast</b>.', 'Water rose fast.'],
    [
      'block HTML keeps prose and loses scripts and comments',
      '<div class="x">Kept <em>text</em></div>\n\n<script>steal()</script>\n\n<!-- note -->\n\nEnd',
      'Kept text\n\nEnd',
    ],
    ['hard breaks become newlines', 'line one\\\nline two', 'line one\nline two'],
    ['thematic breaks and link definitions vanish', 'A\n\n***\n\n[ref]: https://x.example\n\nB', 'A\n\nB'],
  ])('%s', (_, md, text) => {
    expect(extractMarkdown(md).text).toBe(text);
  });

  it('reads front matter into meta and drops a repeated title heading', () => {
    const md =
      '---\ntitle: Bridge stays open\nauthors: [Ann Lee, "By Bo Chen"]\npublished: March 3, 2024\nurl: https://news.example/bridge\nlang: en_GB\n---\n# Bridge stays open\n\nBody.';
    expect(extractMarkdown(md)).toEqual({
      text: 'Body.',
      meta: {
        title: 'Bridge stays open',
        byline: 'Ann Lee, Bo Chen',
        published: '2024-03-03',
        url: 'https://news.example/bridge',
        language: 'en-GB',
      },
      messages: [],
    });
  });

  it('never invents meta: relative URLs and ambiguous dates are left out (the date with a message)', () => {
    const { meta, messages } = extractMarkdown('---\ntitle: T\ndate: 03/04/2024\nurl: /relative/path\n---\nBody.');
    expect(meta).toEqual({ title: 'T' });
    expect(messages.map((m) => m.id)).toEqual(['ingest/date-unread']);
  });

  it.each([
    ['broken YAML', '---\ntitle: "open\n---\nBody.'],
    ['a YAML list instead of a mapping', '---\n- a\n- b\n---\nBody.'],
  ])('reports %s as front-matter-invalid and keeps going', (_, md) => {
    const result = extractMarkdown(md);
    expect(result.text).toBe('Body.');
    expect(result.meta).toEqual({});
    expect(result.messages.map((m) => m.id)).toEqual(['ingest/front-matter-invalid']);
  });

  it('treats a lone leading --- as a thematic break, not front matter', () => {
    expect(extractMarkdown('---\n\nJust text.')).toEqual({ text: 'Just text.', meta: {}, messages: [] });
  });

  it('accepts CRLF front matter', () => {
    expect(extractMarkdown('---\r\ntitle: X\r\n---\r\nBody.\r\n').meta).toEqual({ title: 'X' });
  });
});
