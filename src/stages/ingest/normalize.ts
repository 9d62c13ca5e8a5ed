// Text normalisation done once in ingest, so every later offset points into the final text.
import { message } from '../../messages.ts';
import type { Message } from '../../types.ts';

// Whitespace that wink splits on but does not rebuild (see shared/notes/wink-nlp.md): it would shift every later
// offset, so it becomes a plain space. NBSP is kept as a space too: news text uses it inside names and numbers.
const ODD_SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/g;
const LINE_SEPARATORS = /\r\n?|[\u2028\u2029\u0085]/g;
// C0/C1 controls other than newline and tab carry no text.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Zero-width characters that break tokens inside words.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\u00ad]/g;
// wink's tokenizer is quadratic in the length of a run without spaces (40,000 characters of a URL take 27 s,
// measured): runs longer than any word or link of prose (base64, minified code, hashes) are removed, reported.
// Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar, Tibetan) make
// every paragraph one run; wink reads those in linear time (100,000 characters of Japanese: under 0.1 s), so a
// run that is mostly such text is prose and stays.
export const MAX_RUN_CHARS = 500;
// Each match consumes a whole run, so this is linear (a bounded {501,} would rescan every run from each start).
const RUN = /[^ \n]+/g;
const UNSPACED_SCRIPTS = ['Han', 'Hiragana', 'Katakana', 'Thai', 'Lao', 'Khmer', 'Myanmar', 'Tibetan'];
const UNSPACED_SCRIPT = new RegExp(`[${UNSPACED_SCRIPTS.map((s) => `\\p{Script=${s}}`).join('')}]`, 'gu');

/** Whether a run of non-space characters is too long to be prose (see MAX_RUN_CHARS). */
function isDataRun(run: string): boolean {
  if (run.length <= MAX_RUN_CHARS) return false;
  let unspaced = 0;
  UNSPACED_SCRIPT.lastIndex = 0;
  while (UNSPACED_SCRIPT.exec(run) !== null) unspaced++;
  return unspaced * 2 < run.length;
}

/** Whether some run of non-space characters is too long to be prose: one pass over the char codes, so the
 * usual text, which has no run over MAX_RUN_CHARS, skips the replace below (a callback for every word). */
function hasLongRun(text: string): boolean {
  let run = 0;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x20;
    if (c === 0x20 || c === 0x0a) {
      if (run > MAX_RUN_CHARS && isDataRun(text.slice(start, i))) return true;
      run = 0;
      start = i + 1;
    } else run++;
  }
  return false;
}

/** Removes runs too long to be prose, with one warning saying how many and where. */
function removeLongRuns(text: string): { text: string; message?: Message } {
  if (!hasLongRun(text)) return { text };
  let count = 0;
  let longest = 0;
  let offset = 0;
  let preview = '';
  const out = text.replace(RUN, (run: string, at: number) => {
    if (!isDataRun(run)) return run;
    count++;
    if (run.length > longest) {
      longest = run.length;
      offset = at;
      preview = run.slice(0, 24);
    }
    return '';
  });
  if (count === 0) return { text };
  return {
    text: out,
    message: message('ingest/long-run-removed', 'ingest', { count, limit: MAX_RUN_CHARS, longest, offset, preview }),
  };
}

/** NFC, one kind of line end, odd spaces to plain spaces, trailing spaces and runs of blank lines collapsed.
 * `settled` says a second pass would change nothing: it is false when control or zero-width characters were
 * removed from inside the text, which can leave a base letter next to a combining mark that NFC would join. */
export function normalizeText(input: string): { text: string; messages: Message[]; settled: boolean } {
  const messages: Message[] = [];
  let text = input.normalize('NFC').replace(LINE_SEPARATORS, '\n');
  // every control character is one UTF-16 unit: the count is what the replace removed (a callback per match
  // costs 19M calls and 600 MB of garbage on a file of nothing else)
  const beforeControls = text.length;
  text = text.replace(CONTROLS, '');
  const controls = beforeControls - text.length;
  if (controls > 0) messages.push(message('ingest/control-chars', 'ingest', { count: controls }));
  const beforeZeroWidth = text.length;
  text = text.replace(ZERO_WIDTH, '');
  const settled = controls === 0 && text.length === beforeZeroWidth;
  text = text.replace(ODD_SPACES, ' ');
  const runs = removeLongRuns(text);
  text = runs.text;
  if (runs.message) messages.push(runs.message);
  return { text: tidyLines(text), messages, settled };
}

// After the replaces above the only whitespace left besides the line break is the plain space, so trimming a
// line is removing spaces next to a line break. Whole-text replaces, not an array of lines: a text of a million
// short lines made millions of strings (4 s and 300 MB for 20 MB of text, measured), these make one copy each.
const SPACE_RUN = / {2,}/g;
const SPACE_AT_LINE_END = / \n ?|\n /g;
const BLANK_LINE_RUN = /\n{3,}/g;

/** Trims each line, collapses runs of spaces, and runs of blank lines into one, with none at either end:
 * layout, not content. */
function tidyLines(text: string): string {
  const tidy = text.replace(SPACE_RUN, ' ').replace(SPACE_AT_LINE_END, '\n').replace(BLANK_LINE_RUN, '\n\n');
  let start = 0;
  let end = tidy.length;
  while (start < end && (tidy.charCodeAt(start) === 0x20 || tidy.charCodeAt(start) === 0x0a)) start++;
  while (end > start && (tidy.charCodeAt(end - 1) === 0x20 || tidy.charCodeAt(end - 1) === 0x0a)) end--;
  return start === 0 && end === tidy.length ? tidy : tidy.slice(start, end);
}
