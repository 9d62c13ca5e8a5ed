// The depth check before the parsers: its quick estimate never reads a page as shallower than htmlparser2 (what
// linkedom parses with) builds it, so no page deeper than the limit reaches the parser.
import fc from 'fast-check';
import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { htmlOverLimits, markdownTooDeep, MAX_HTML_DEPTH } from '../../../src/stages/ingest/nesting.ts';

function parserDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const parser = new Parser(
    { onopentagname: () => (deepest = Math.max(deepest, ++depth)), onclosetag: () => depth-- },
    { decodeEntities: true, lowerCaseAttributeNames: false },
  );
  parser.write(html);
  parser.end();
  return deepest;
}

const PIECES = [
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<li>',
  '<span>',
  '</span>',
  '<svg>',
  '</svg>',
  '<g/>',
  '<path d="/>"/>',
  '<br>',
  '<img src=x>',
  '<!-- <div> -->',
  '<script><div></script>',
  '<title><div></title>',
  '<td>',
  '<tr>',
  '</x>',
  'text',
  '<a title=">">',
  '<b/>',
  '<math>',
  '<textarea><div></textarea>',
  '<!x <div>>',
];

describe('htmlOverLimits', () => {
  it('rejects exactly the tag soups htmlparser2 nests deeper than the limit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }),
        fc.integer({ min: 0, max: 1_200 }),
        fc.constantFrom('<div>', '<span>', '<g a="/>">', '<b/>', '<svg>'),
        (soup, repeat, nest) => {
          const html = soup.join('') + nest.repeat(repeat) + soup.join('');
          const deep = parserDepth(html) > MAX_HTML_DEPTH;
          const over = htmlOverLimits(html);
          expect(over !== undefined && 'depth' in over).toBe(deep);
        },
      ),
      { numRuns: 300, seed: 22 },
    );
  });
});

describe('markdownTooDeep', () => {
  it.each<[string, string, boolean]>([
    ['a shallow list', '- a\n  - b\n    - c\n', false],
    ['a thematic break and a list', '---\n\n- - -\n\n1. one\n2. two', false],
    ['markers on one line', `${'- '.repeat(200)}x`, true],
    ['ordered markers on one line', `${'1. '.repeat(200)}x`, true],
    ['quotes on one line', `${'>'.repeat(200)} x`, true],
    ['nesting by indentation', Array.from({ length: 300 }, (_, i) => `${' '.repeat(2 * i)}- x`).join('\n'), true],
    ['prose with dashes', 'A - B - C - D', false],
  ])('%s', (_, markdown, deep) => {
    expect(markdownTooDeep(markdown) !== undefined).toBe(deep);
  });
});
