// The article guard: Readability's choice is furniture, or a sliver of the page, and then the next candidate is
// tried rather than furniture kept.
import { describe, expect, it } from 'vitest';
import { furnitureShare, suspicionOf } from '../../../../src/stages/ingest/html/guard.ts';
import { extractHtml } from '../../../../src/stages/ingest/html/index.ts';

const PROSE =
  'The council met on Tuesday to discuss the harbour, and members spoke at length about the budget, the tides and the ferry timetable for next year.';
const SIGN_UP = [
  'Love the Web?',
  'Get the newsletter and help us keep it open and free.',
  'Your e-mail address',
  'I’m okay with you handling my info as explained in this Privacy Policy.',
];
const PRINT_FOOTER = [
  'This page was printed from: https://news.example/articles/318674',
  'Visit news.example for health news headlines posted throughout the day, every day.',
  '2019 Example Media Ltd. All rights reserved.',
];
const COOKIES = ['We use cookies to improve your experience.', 'Accept all cookies', 'Cookie settings'];

describe('suspicionOf', () => {
  it.each<[string, string | undefined, string[], number]>([
    ['a sign-up box', 'furniture', SIGN_UP, 20_000],
    ['a print footer', 'furniture', PRINT_FOOTER, 20_000],
    ['a cookie notice', 'furniture', COOKIES, 20_000],
    ['an article', undefined, [PROSE, PROSE, PROSE], 2_000],
    [
      'an article that mentions a newsletter once',
      undefined,
      [PROSE, 'Sign up for our newsletter.', PROSE, PROSE],
      2_500,
    ],
    ['a sliver of a long page', 'small', [PROSE], 40_000],
    ['a short item on a short page', undefined, [PROSE], 1_500],
    ['a long article on a page of long comments', undefined, Array(40).fill(PROSE) as string[], 50_000],
    ['nothing', undefined, [], 10_000],
  ])('%s → %s', (_, expected, paragraphs, visible) => {
    expect(suspicionOf(paragraphs, visible)).toBe(expected);
  });

  it('measures the share of text in paragraphs with a furniture cue', () => {
    expect(furnitureShare([PROSE])).toBe(0);
    expect(furnitureShare(['All rights reserved.'])).toBe(1);
  });
});

// A page whose article Readability does not score (a list of long items, no <p>) beside a sign-up box that it
// does: its first choice is the box.
const listArticle = Array.from({ length: 12 }, (_, i) => `<li>Point ${i + 1}. ${PROSE}</li>`).join('');
const page = (box: string) =>
  `<html><head><title>Ten points</title></head><body><main><h1>Ten points</h1><ul>${listArticle}</ul></main>${box}</body></html>`;
const signUpBox = `<aside class="newsletter-box"><div><p>${SIGN_UP.join('</p><p>')}, and we will only send you news about the harbour, the council, the budget and the ferries.</p><p>Sign up now, it only takes a minute, and you can unsubscribe at any time from any newsletter.</p></div></aside>`;

describe('extractHtml with the guard', () => {
  it('never keeps a sign-up box as the article: it warns and tries the next candidate', () => {
    const { text, messages } = extractHtml(page(signUpBox));
    const ids = messages.map((m) => m.id);
    expect(ids).toContain('ingest/html-article-suspect');
    expect(messages.find((m) => m.id === 'ingest/html-article-suspect')?.text).toContain('furniture');
    expect(text).toContain('Point 12.');
    expect(text.length).toBeGreaterThan(12 * PROSE.length);
  });

  it('says nothing on an ordinary article page', () => {
    const article = `<html><body><article><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p><p>${PROSE}</p></article></body></html>`;
    expect(extractHtml(article).messages.map((m) => m.id)).not.toContain('ingest/html-article-suspect');
  });
});
