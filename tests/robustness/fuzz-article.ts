// The fuzzing model shared by tests/properties/fuzz.test.ts (a few hundred cases) and scripts/fuzz.ts (10,000):
// articles of random quotes, brackets, unicode, whitespace and names, in every input format, and the checks every
// result must pass.
import fc from 'fast-check';
import type { Config } from '../../src/config.ts';
import { processArticle } from '../../src/pipeline.ts';
import { ArticleRecordSchema, type ArticleRecord } from '../../src/schema.ts';

const NAMES = [
  'Jane Smith',
  'Secretary Blinken',
  'Antony Blinken',
  'Mr. Lee',
  'Dr. Ann O’Neil',
  'President Joe Biden',
  'NATO',
  'the U.S.',
  'Acme Corp.',
  'Владимир Путин',
  '习近平',
  'José Núñez',
  'Zoë',
  'Jean-Luc',
  'McDonald',
  'he',
  'she',
  'they',
  'aides',
];
const CUES = [
  'said',
  'told reporters',
  'according to',
  'added',
  'said that',
  'saying',
  'asked',
  'noted that',
  'insisted',
  ', said',
];
const MARKS = ['“', '”', '"', '‘', '’', "'", '«', '»', '„', '``', "''", '`'];
const BRACKETS = ['[W]e', '[and]', '[', ']', '(', ')', '{', '}', '(D-Calif.)', '[sic]', '<', '>', '&amp;', '<b>'];
const SPACES = [
  ' ',
  '  ',
  '\t',
  '\n',
  '\n\n',
  '\r\n',
  '\r',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\u000b',
  '\f',
  '\u3000',
  '\ufeff',
  '\u200b',
  '\u0085',
  '\u202f',
];
const UNICODE = [
  '😀',
  '👩‍👩‍👧',
  '𝒜',
  'é',
  'e\u0301',
  '\u0000',
  '\u0007',
  '\u007f',
  '\ud800',
  '\udc00',
  'ﬁ',
  'ß',
  'ǅ',
  'İ',
  'שלום',
  'مرحبا',
  '日本語',
  '—',
  '–',
  '…',
  '.',
  ',',
  ':',
  '?',
  '!',
  ';',
];
const WORDS = [
  'the',
  'plan',
  'would',
  'fail',
  'We',
  'will',
  'win',
  'on',
  'Tuesday',
  '2022',
  '$40m',
  '5%',
  'vote',
  'was',
  'close',
  'Ukraine',
  'It',
];

const words = fc
  .array(fc.constantFrom(...WORDS, ...NAMES.slice(0, 4)), { minLength: 1, maxLength: 8 })
  .map((w) => w.join(' '));
// Whole quotations in the shapes news uses (and broken ones: a wrong or missing closing mark), so that quotes,
// cues and speakers are produced often, not only by chance.
const quotation = fc
  .tuple(
    fc.constantFrom(...MARKS),
    words,
    fc.constantFrom(',', '.', '?', ''),
    fc.constantFrom(...MARKS, ''),
    fc.constantFrom(...CUES),
    fc.constantFrom(...NAMES),
    fc.nat(3),
  )
  .map(
    ([open, said, punct, close, cue, name, shape]) =>
      [
        `${open}${said}${punct}${close} ${cue} ${name}.`,
        `${name} ${cue} ${open}${said}${punct}${close}`,
        `${open}${said},${close} ${name} ${cue}, ${open}${said}.${close}`,
        `${name} ${cue} that ${said}.`,
      ][shape]!,
  );

const piece = fc.oneof(
  { weight: 3, arbitrary: quotation },
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 2, arbitrary: fc.constantFrom(...CUES) },
  { weight: 3, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...BRACKETS) },
  { weight: 2, arbitrary: fc.constantFrom(...SPACES) },
  { weight: 1, arbitrary: fc.constantFrom(...UNICODE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
);

/** A random article body: pieces joined by spaces or nothing (marks stuck to words, as in real text). */
export const articleBody = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 80 }), fc.array(fc.boolean(), { minLength: 80, maxLength: 80 }))
  .map(([parts, glue]) => parts.map((p, i) => (i === 0 ? p : `${glue[i] ? '' : ' '}${p}`)).join(''));

export type Format = 'txt' | 'md' | 'html';

/** A random article file: its name and bytes (HTML and Markdown wrap the body the way scrapers write them). */
export const articleFile = fc
  .tuple(articleBody, fc.constantFrom<Format>('txt', 'txt', 'md', 'html'), fc.boolean())
  .map(([body, format, header]) => {
    const text =
      format === 'html'
        ? `<html><head><title>${body.slice(0, 20)}</title><script>var x = "“";</script></head><body><article>${body
            .split('\n')
            .map((p) => `<p>${p}</p>`)
            .join('')}</article></body></html>`
        : format === 'md'
          ? `${header ? '---\ntitle: A\n---\n' : ''}# ${body.slice(0, 15)}\n\n${body}`
          : `${header ? 'Title: Fuzz\nDate: 2024-01-02\n\n' : ''}${body}`;
    return { path: `a.${format}`, bytes: new TextEncoder().encode(text) };
  });

const cpSlice = (chars: string[], start: number, end: number) => chars.slice(start, end).join('');

/** Counts of what a fuzz run saw, to show it exercised more than rejections. */
export interface FuzzTally {
  ok: number;
  rejected: number;
  quotes: number;
  entities: number;
  spans: number;
}

/** Every problem with one processed file, empty when fine: a crash (a stage threw), an invalid record, a span
 * whose text is not what its offsets point at, a sentence out of bounds, a quote overlapping its own cue. */
export function problemsOf(file: { path: string; bytes: Uint8Array }, config: Config, tally?: FuzzTally): string[] {
  const r = processArticle({ id: 'a', path: file.path, bytes: file.bytes }, config);
  if (tally) tally[r.status === 'ok' ? 'ok' : 'rejected']++;
  const problems: string[] = [];
  const crash = r.messages.find((m) => m.id === 'pipeline/stage-failed');
  if (crash) return [`crash: ${crash.text}`];
  if (r.status === 'rejected') {
    // only a clean rejection with an error message from the table is allowed
    if (!r.messages.some((m) => m.severity === 'error')) problems.push('rejected without an error message');
    return problems;
  }
  const record = r.record as ArticleRecord;
  const valid = ArticleRecordSchema.safeParse(record);
  if (!valid.success)
    problems.push(`invalid record: ${valid.error.issues[0]?.path.join('.')}: ${valid.error.issues[0]?.message}`);
  const chars = [...record.text];
  if (tally) {
    tally.quotes += record.quotes.length;
    tally.entities += record.entities.length;
  }
  const check = (what: string, s: { start: number; end: number; text: string }) => {
    if (tally) tally.spans++;
    if (!(s.start >= 0 && s.start <= s.end && s.end <= chars.length))
      problems.push(`${what} [${s.start}, ${s.end}) out of bounds`);
    else if (cpSlice(chars, s.start, s.end) !== s.text)
      problems.push(
        `${what} [${s.start}, ${s.end}) is ${JSON.stringify(cpSlice(chars, s.start, s.end))}, not ${JSON.stringify(s.text)}`,
      );
  };
  for (const e of record.entities) for (const m of e.mentions) check(`entity ${e.id} mention`, m);
  for (const q of record.quotes) {
    check(`quote ${q.id}`, q);
    if (q.cue) {
      check(`quote ${q.id} cue`, q.cue);
      if (q.cue.start < q.end && q.cue.end > q.start)
        problems.push(`quote ${q.id} [${q.start}, ${q.end}) overlaps its cue [${q.cue.start}, ${q.cue.end})`);
    }
    if (q.speaker?.mention) check(`quote ${q.id} speaker`, q.speaker.mention);
  }
  for (const s of record.sentences)
    if (!(s.start < s.end && s.end <= chars.length)) problems.push(`sentence [${s.start}, ${s.end}) out of bounds`);
  return problems;
}
