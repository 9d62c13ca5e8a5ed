import { describe, expect, it } from 'vitest';
import { extractPlainText } from '../../../src/stages/ingest/plaintext.ts';

describe('extractPlainText', () => {
  it('reads a header block into meta and removes it', () => {
    const text =
      'TITLE: Storm closes port\nby: Ana Ruiz\nDate: 2024-01-05T08:00:00Z\nURL: https://news.example/storm\n\nThe port closed.\n\nIt reopens Monday.\n';
    expect(extractPlainText(text)).toEqual({
      text: 'The port closed.\n\nIt reopens Monday.',
      meta: {
        title: 'Storm closes port',
        byline: 'Ana Ruiz',
        published: '2024-01-05T08:00:00Z',
        url: 'https://news.example/storm',
      },
      messages: [],
    });
  });

  it.each([
    ['a dateline-style first line', 'Washington: the president said on Monday.\n\nMore text.'],
    ['a first line with an unknown key', 'Note: this is a text.\nTitle: X\n\nBody.'],
    ['a known key whose value is prose', 'Date: to be announced, officials said.\n\nBody.'],
    ['a URL header without a URL', 'URL: see below\n\nBody.'],
    ['a header-looking block followed by prose lines', 'Title: X\nThe minister spoke for an hour.\n\nBody.'],
    ['a block that is the whole file', 'Title: Only a title'],
  ])('leaves the text alone for %s', (_, text) => {
    expect(extractPlainText(text)).toEqual({ text, meta: {}, messages: [] });
  });

  it('keeps unknown keys out of the text and out of meta when the block starts with a known one', () => {
    expect(extractPlainText('Title: X\nTags: a, b\n\nBody.')).toEqual({
      text: 'Body.',
      meta: { title: 'X' },
      messages: [],
    });
  });

  it('reports a date it cannot read unambiguously instead of guessing', () => {
    const result = extractPlainText('Title: X\nDate: 03/04/2024\n\nBody.');
    expect(result.meta).toEqual({ title: 'X' });
    expect(result.messages.map((m) => m.id)).toEqual(['ingest/date-unread']);
  });

  it('handles CRLF line ends', () => {
    expect(extractPlainText('Title: X\r\n\r\nBody.\r\n')).toEqual({
      text: 'Body.',
      meta: { title: 'X' },
      messages: [],
    });
  });
});
