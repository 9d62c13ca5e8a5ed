import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../../src/stages/ingest/html/dom.ts';
import { isCaption, isDateline } from '../../../../src/stages/ingest/html/furniture.ts';
import {
  LINE_SPACE_RUN,
  paragraphsOf,
  paragraphVariants,
  SOURCE_SPACE_RUN,
} from '../../../../src/stages/ingest/html/text.ts';
import { extractHtml } from '../../../../src/stages/ingest/html/index.ts';

const LONG =
  'The council met on Tuesday to discuss the harbour, and members spoke at length about the budget, the tides and the ferry timetable for next year.';
const page = (head: string, body: string, htmlAttrs = ''): string =>
  `<!doctype html><html${htmlAttrs}><head>${head}</head><body><article>${body}<p>${LONG}</p><p>${LONG}</p></article></body></html>`;

describe('extractHtml', () => {
  it('never invents metadata for a bare page', () => {
    expect(extractHtml(page('', '<p>Plain.</p>')).meta).toEqual({});
  });

  it('keeps <br> as a line break and block elements as paragraphs', () => {
    const { text } = extractHtml(page('', '<p>Line one<br>line two</p><ul><li>first</li><li>second</li></ul>'));
    expect(text.split('\n\n').slice(0, 3)).toEqual(['Line one\nline two', 'first', 'second']);
  });

  it('reads JSON-LD @graph with @id references, before Open Graph for the byline', () => {
    const ld = JSON.stringify({
      '@graph': [
        { '@type': 'Person', '@id': '#p', name: 'Ann Lee' },
        {
          '@type': 'NewsArticle',
          headline: 'H',
          author: [{ '@id': '#p' }, { '@type': 'Person', name: 'Bo Chen' }],
          datePublished: 'March 3, 2024',
        },
      ],
    });
    const { meta } = extractHtml(
      page(`<script type="application/ld+json">${ld}</script><meta name="author" content="Desk">`, ''),
    );
    expect(meta).toEqual({ title: 'H', byline: 'Ann Lee, Bo Chen', published: '2024-03-03' });
  });

  it('resolves a relative canonical against og:url, reads og:locale and <time datetime>', () => {
    const head =
      '<link rel="canonical" href="/a?b=1"><meta property="og:url" content="https://n.example/x"><meta property="og:locale" content="fr_FR">';
    const { meta } = extractHtml(page(head, '<p><time datetime="2024-05-01T08:00:00+02:00">1 mai</time></p>'));
    expect(meta).toEqual({ url: 'https://n.example/a?b=1', language: 'fr-FR', published: '2024-05-01T08:00:00+02:00' });
  });

  it('strips the site name from <title> only when it is the declared site name', () => {
    expect(
      extractHtml(page('<title>Story | Daily</title><meta property="og:site_name" content="Daily">', '')).meta.title,
    ).toBe('Story');
    expect(extractHtml(page('<title>Story | Other</title>', '')).meta.title).toBe('Story | Other');
  });

  it('reports an unreadable date instead of guessing', () => {
    const { meta, messages } = extractHtml(page('<meta property="article:published_time" content="04/05/2024">', ''));
    expect(meta.published).toBeUndefined();
    expect(messages.map((m) => m.id)).toContain('ingest/date-unread');
  });

  it('never lets script, iframe, handler or template content into the text', () => {
    const body =
      '<p onclick="x()">Safe.</p><script>evil()</script><iframe srcdoc="<p>framed</p>">inner</iframe><template><p>tpl</p></template><noscript>Enable JS</noscript>';
    const { text, messages } = extractHtml(page('', body));
    expect(text).not.toMatch(/evil|framed|inner|tpl|Enable JS|onclick/);
    expect(messages.find((m) => m.id === 'ingest/html-unsafe-removed')?.text).toContain('3');
  });
});

describe('paragraphVariants', () => {
  it('writes in one walk what two walks with two skip tests write', () => {
    const dir = new URL('../../../fixtures/ingest/', import.meta.url);
    const pages = readdirSync(dir)
      .map((d) => new URL(`${d}/source.html`, dir))
      .filter((u) => existsSync(u))
      .map((u) => readFileSync(u, 'utf8'));
    pages.push(
      '<figure><p>a<span class="caption">b<br>c</span>d</p><table><tr><td class="caption">x</td><td>y</td></tr></table><pre class="caption">p  q</pre></figure>',
    );
    for (const page of pages) {
      const body = parseDocument(page).body!;
      const { all, without } = paragraphVariants(body, { skip: isDateline, omit: isCaption });
      expect(all).toEqual(paragraphsOf(body, { skip: isDateline }));
      expect(without).toEqual(paragraphsOf(body, { skip: (el) => isDateline(el) || isCaption(el) }));
    }
  });
});

describe('whitespace runs in the text walk', () => {
  it('collapse exactly as /[ \\t\\n\\r\\f]+/ and /[ \\t\\r\\f]+/ do', () => {
    const piece = fc.constantFrom(' ', '  ', '\t', '\n', '\r', '\f', '\u00a0', 'a', 'bc', ' \t ', '\n\n');
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
        (s) => {
          expect(s.replace(SOURCE_SPACE_RUN, ' ')).toBe(s.replace(/[ \t\n\r\f]+/g, ' '));
          expect(s.replace(LINE_SPACE_RUN, ' ')).toBe(s.replace(/[ \t\r\f]+/g, ' '));
        },
      ),
      { numRuns: 5000, seed: 5 },
    );
  });
});
