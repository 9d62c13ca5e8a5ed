// The generators a hostile corpus taught: nesting depth (Markdown lists and block quotes, HTML divs and lists,
// brackets), long runs (price lists, numbers, marks, paragraphs) and control characters (C0, C1, bidi and
// invisible characters, lone surrogates) around a random article, in the format the structure belongs to. Mixed
// into the 10,000 random articles of `npm run fuzz` and the few hundred of tests/properties/fuzz.test.ts; kept
// small (depth up to 200, runs up to 1,000 units) so that every case stays quick, while the ladders of
// scripts/fuzz.ts take the same shapes to 100k characters to time them.
import fc from 'fast-check';
import { articleBody } from './fuzz-article.ts';

/** A nested structure of `depth` levels around `body`, and the extension of the format it is written in. */
export function nested(kind: string, depth: number, body: string): { ext: string; text: string } {
  switch (kind) {
    case 'md-list':
      return { ext: 'md', text: `${'- '.repeat(depth)}${body}\n` };
    case 'md-indented-list':
      return {
        ext: 'md',
        text: Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- item ${i}`).join('\n') + `\n\n${body}`,
      };
    case 'md-quote':
      return { ext: 'md', text: `${'>'.repeat(depth)} ${body}\n` };
    case 'md-emphasis':
      return { ext: 'md', text: `${'*'.repeat(depth)}${body}${'*'.repeat(depth)}\n` };
    case 'html-div':
      return {
        ext: 'html',
        text: `<html><body>${'<div>'.repeat(depth)}<p>${body}</p>${'</div>'.repeat(depth)}</body></html>`,
      };
    case 'html-unclosed':
      return { ext: 'html', text: `<html><body>${'<div><span>'.repeat(depth)}<p>${body}</p></body></html>` };
    case 'html-list':
      return {
        ext: 'html',
        text: `<html><body>${'<ul><li>'.repeat(depth)}${body}${'</li></ul>'.repeat(depth)}</body></html>`,
      };
    case 'brackets':
      return { ext: 'txt', text: `${'[('.repeat(depth)}${body}${')]'.repeat(depth)}` };
    default:
      return { ext: 'txt', text: `${'“'.repeat(depth)}${body}${'”'.repeat(depth)}` };
  }
}

export const NESTING = [
  'md-list',
  'md-indented-list',
  'md-quote',
  'md-emphasis',
  'html-div',
  'html-unclosed',
  'html-list',
  'brackets',
  'quotes',
] as const;

/** Units a long run repeats: a price list, numbers, marks, dashes, paragraphs, enumerations. */
export const RUN_UNITS = [
  '$1.99 ',
  '12,345 ',
  '3.5% ',
  '1. ',
  '(a) ',
  '... ',
  '" ',
  '— ',
  'Paragraph.\n\n',
  'a\n',
  'Mr. ',
  'U.S. ',
  '#',
  '|a|',
] as const;

/** Characters that have no business in text and that a file or a scraper may hold anyway. */
export const CONTROLS = [
  '\u0000',
  '\u0001',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u000c',
  '\u001b[2K',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200d',
  '\u200e',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u2066',
  '\ufeff',
  '\ufffe',
  '\ud800',
  '\udfff',
] as const;

const nesting = fc
  .tuple(fc.constantFrom(...NESTING), fc.integer({ min: 1, max: 200 }), articleBody)
  .map(([kind, depth, body]) => nested(kind, depth, body));

const longRun = fc
  .tuple(
    fc.constantFrom(...RUN_UNITS),
    fc.integer({ min: 1, max: 1_000 }),
    articleBody,
    fc.constantFrom('txt', 'md', 'html'),
  )
  .map(([unit, n, body, ext]) => {
    const run = unit.repeat(n);
    const text = ext === 'html' ? `<html><body><p>${body}</p><p>${run}</p></body></html>` : `${body}\n\n${run}\n`;
    return { ext, text };
  });

const controls = fc
  .tuple(articleBody, fc.array(fc.tuple(fc.constantFrom(...CONTROLS), fc.nat()), { minLength: 1, maxLength: 40 }))
  .map(([body, inserts]) => {
    let text = body;
    for (const [c, at] of inserts) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + c + text.slice(i);
    }
    return { ext: 'txt', text };
  });

/** A random hostile article file: its name and bytes. */
export const hostileFile = fc
  .oneof(nesting, longRun, controls)
  .map(({ ext, text }) => ({ path: `h.${ext}`, bytes: new TextEncoder().encode(text) }));
