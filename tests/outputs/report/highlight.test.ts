// markUp: overlapping marks nest properly, each mark's fragments spell exactly its code point slice, and
// nothing from the text reaches the HTML unescaped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markUp, type Mark } from '../../../src/outputs/report/highlight.ts';

// Recover each mark's text from the HTML: a tiny parser for the only markup markUp emits.
function fragments(html: string): { text: string; byMark: Map<string, string> } {
  const byMark = new Map<string, string>();
  const stack: string[] = [];
  let text = '';
  const decode = (s: string): string =>
    s
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&#13;/g, '\r')
      .replace(/&amp;/g, '&');
  for (const part of html.split(/(<span data-m="\d+">|<\/span>)/)) {
    const open = /^<span data-m="(\d+)">$/.exec(part);
    if (open) stack.push(open[1]!);
    else if (part === '</span>') stack.pop();
    else {
      expect(part).not.toMatch(/[<>]/);
      const t = decode(part);
      text += t;
      for (const m of new Set(stack)) byMark.set(m, (byMark.get(m) ?? '') + t);
    }
  }
  expect(stack).toEqual([]);
  return { text, byMark };
}

describe('markUp', () => {
  it('splits crossing marks and keeps every slice whole', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', ' ', '😀', '<', '>', '&', '"', "'", '\n', '\r', 'é'),
          minLength: 1,
          maxLength: 40,
        }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 3 })), { maxLength: 8 }),
        (text, raw) => {
          const n = Array.from(text).length;
          const marks: Mark[] = raw.map(([a, b, rank], i) => {
            const start = a % (n + 1);
            const end = start + (b % (n + 1 - start));
            return { start, end, rank, open: `<span data-m="${i}">`, firstOpen: null };
          });
          const { text: plain, byMark } = fragments(markUp(text, marks));
          expect(plain).toBe(text);
          marks.forEach((m, i) => {
            if (m.start < m.end) expect(byMark.get(String(i))).toBe(Array.from(text).slice(m.start, m.end).join(''));
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('escapes tags in the text', () => {
    expect(markUp('<script>alert(1)</script>', [])).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('gives the first fragment its own opening tag', () => {
    const html = markUp('abcdef', [
      { start: 0, end: 4, rank: 0, open: '<span>', firstOpen: '<span id="q1">' },
      { start: 2, end: 6, rank: 1, open: '<span>', firstOpen: null },
    ]);
    expect(html).toBe('<span id="q1">ab<span>cd</span></span><span>ef</span>');
  });
});
