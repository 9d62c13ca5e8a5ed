// The one table of message ids. Tests assert on ids, never on wording; wording may improve freely.
// An id never changes meaning once released: add a new id instead.
import type { Message, Severity } from './types.ts';

interface MessageSpec {
  severity: Severity;
  /** What is wrong and what to do, with {placeholders} filled from the details. */
  text: string;
}

export const MESSAGES = {
  // ingest: reading and decoding (and the inputs discovery finds but cannot read: rejected, exit 2)
  'ingest/empty': { severity: 'error', text: 'The file is empty: nothing to process. Remove it or fill it.' },
  'ingest/whitespace-only': { severity: 'error', text: 'The file holds only whitespace: nothing to process.' },
  'ingest/binary': {
    severity: 'error',
    text: 'The file looks binary ({kind}), not text: skipped. Convert it to text, HTML or Markdown first.',
  },
  'ingest/invalid-encoding': {
    severity: 'error',
    text: 'The file is not valid {encoding} ({detail}) and has no charset declaration that decodes it: re-save it as UTF-8.',
  },
  'ingest/decoded-legacy': { severity: 'info', text: 'Decoded as {encoding} ({reason}).' },
  'ingest/bom': { severity: 'info', text: 'A {encoding} byte order mark was removed.' },
  'ingest/too-large': {
    severity: 'error',
    text: 'The file is {bytes} bytes, above limits.maxBytes ({limit}): skipped. Raise the limit in the config to process it.',
  },
  'ingest/unreadable': {
    severity: 'error',
    text: 'The file could not be read ({reason}). Fix its permissions or remove it, then run again.',
  },
  'ingest/vanished': {
    severity: 'error',
    text: 'The file disappeared or changed while the run read it ({reason}); run again.',
  },
  // no longer emitted (a link is now a rejected input, ingest/symlink-not-followed); kept so the id keeps its meaning
  'ingest/symlink': { severity: 'warning', text: 'A symbolic link was not followed: {path}.' },
  'ingest/symlink-not-followed': {
    severity: 'error',
    text: 'The file is a symbolic link, which is never followed (it could lead outside the corpus): skipped. Copy the file it points at into the corpus instead.',
  },
  'ingest/outside-corpus': {
    severity: 'error',
    text: 'The file resolves to {target}, outside the corpus folder: not read. Move it into the corpus folder.',
  },
  'ingest/long-run-removed': {
    severity: 'warning',
    text: 'Removed {count} runs of more than {limit} characters without a space (the longest {longest} at {offset}, starting "{preview}"): data such as base64 or minified code, not prose. Clean the input if they were meant as text.',
  },
  'ingest/duplicate-id': {
    severity: 'error',
    text: 'Id "{id}" is taken by {kept}; {path} was skipped. Rename one of the two files.',
  },
  'ingest/no-text': { severity: 'error', text: 'No article text was found in the {format} input.' },
  'ingest/no-words': {
    severity: 'error',
    text: 'The text holds no letter or digit (only punctuation, symbols or invisible characters): nothing to process.',
  },
  'ingest/too-deep': {
    severity: 'error',
    text: 'The {format} input nests {depth} levels deep (elements, lists or quotes), above the limit of {limit}: skipped. No article nests so deep; flatten the file to process it.',
  },
  'ingest/too-much-markup': {
    severity: 'error',
    text: 'The Markdown input holds more than {limit} lines and inline markers ([ ] * _ ` < & ! \\ ~ |): skipped. Its parser pays for each, and for the square of the markers in one paragraph; no article holds so many. Split the file to process it.',
  },
  'ingest/too-many-elements': {
    severity: 'error',
    text: 'The page holds {count} elements, above the limit of {limit}: skipped. No article page is so big; split the file to process it.',
  },
  'ingest/too-many-blocks': {
    severity: 'error',
    text: 'The Markdown input opens more than {limit} block quotes, setext headings (a line underlined with = or -) and lists or quotes nested in others: skipped. Its parser pays for the square of their number; no article holds so many. Split the file to process it.',
  },
  'ingest/too-many-nodes': {
    severity: 'error',
    text: 'The page makes more than {limit} DOM nodes (elements, comments and text; every character reference such as &amp; starts a new text node): skipped. No article page makes so many; split the file to process it.',
  },
  'ingest/boilerplate-removed': { severity: 'info', text: 'Removed boilerplate line "{line}" (rule {rule}).' },
  'ingest/boilerplate-removed-more': {
    severity: 'info',
    text: 'Removed {count} more boilerplate lines beyond the {listed} listed (by rule: {rules}).',
  },
  'ingest/html-no-article': {
    severity: 'warning',
    text: 'No main article found in the page; the whole body text was used.',
  },
  'ingest/html-article-suspect': {
    severity: 'warning',
    text: 'The main content Readability chose looks like {reason} (furniture: a sign-up box, print footer or notice; small: a sliver of the page text); another candidate was tried. Check the article text.',
  },
  'ingest/html-unsafe-removed': {
    severity: 'info',
    text: 'Removed {count} script, style, iframe or other active elements from the page.',
  },
  'ingest/front-matter-invalid': {
    severity: 'warning',
    text: 'The front matter could not be read ({reason}); it was dropped from the text.',
  },
  'ingest/date-unread': {
    severity: 'info',
    text: 'The date "{value}" is not an unambiguous date: published was left empty.',
  },
  'ingest/not-english': {
    severity: 'warning',
    text: 'The article looks clearly written in another language than English (ISO 639-3 "{language}"); it was processed all the same, but the English models may find few sentences, entities or quotes in it.',
  },
  'ingest/control-chars': { severity: 'warning', text: 'Removed {count} control characters from the text.' },
  'ingest/not-a-file': {
    severity: 'error',
    text: 'The input is a {kind}, not a regular file: not read. Put the file itself in the corpus folder.',
  },
  'ingest/invalid-file-name': {
    severity: 'error',
    text: 'The path is not valid UTF-8 ({detail}), so it cannot become an id: not read. Rename it in UTF-8.',
  },
  'ingest/path-too-long': {
    severity: 'error',
    text: 'The path is too long for the system to open ({reason}): not read. Shorten the folder or file names.',
  },
  'ingest/unreadable-folder': {
    severity: 'error',
    text: 'The folder could not be listed ({reason}): the articles in it were not processed. Fix its permissions, then run again.',
  },
  // discovery: entries of the input folder that are not articles, listed in manifest.json `skipped`
  'input/hidden': {
    severity: 'info',
    text: 'A hidden {what} (its name starts with a dot): not read.',
  },
  'input/unsupported-type': {
    severity: 'info',
    text: 'Not an article file ({ext}): not read. Articles are {extensions} files; rename it if it is one.',
  },
  'input/not-a-file': {
    severity: 'warning',
    text: 'A {kind}, not a regular file: not read.',
  },
  // segment
  'segment/too-many-tokens': {
    severity: 'error',
    text: 'The article has {tokens} tokens, above limits.maxTokens ({limit}): skipped. Raise the limit in the config to process it.',
  },
  // quotes
  'quotes/unclosed-mark': {
    severity: 'warning',
    text: 'An opening quotation mark at {offset} never closes; the quote was ended at its paragraph.',
  },
  'quotes/too-long': {
    severity: 'warning',
    text: 'A quote of {length} characters at {offset} exceeds limits.maxQuoteChars ({limit}): it was not kept.',
  },
  // pipeline
  'pipeline/stage-failed': {
    severity: 'error',
    text: 'Stage {stage} failed on this article ({reason}). This is a bug: please report it with the file.',
  },
  // the cache (on stderr and in the run summary, not in manifest.json: the manifest equals a run without cache)
  'cache/corrupt-entry': {
    severity: 'warning',
    text: 'The cache entry of {path} failed its check ({reason}): not used, the article was processed again.',
  },
  // the run itself (exit 1, nothing written)
  'run/input-missing': {
    severity: 'error',
    text: 'Input not found: {input}. Name a folder, a file, a glob or "-" for standard input.',
  },
  'run/input-invalid': { severity: 'error', text: 'The input {input} cannot be read: {problem}.' },
  'run/input-unreadable': {
    severity: 'error',
    text: 'The input {input} could not be listed or opened ({reason}): fix its permissions or its name, then run again.',
  },
  'run/no-inputs': {
    severity: 'error',
    text: 'The input {input} holds no article files ({found}): nothing written, the previous output kept. Articles are {extensions} files.',
  },
  'run/output-inside-input': {
    severity: 'error',
    text: 'The output folder {output} is {where} the input {input}: a run would read its own output. Choose an output folder outside the input folder.',
  },
  'run/input-inside-output': {
    severity: 'error',
    text: 'The input {input} is inside the output folder {output}: a run would overwrite or delete its own input. Choose an output folder outside the input.',
  },
  'run/output-locked': {
    severity: 'error',
    text: 'Another run (process {pid} on {host}) is writing to {output}: wait for it to finish. If no such process runs, delete {lock}.',
  },
  'run/output-unwritable': {
    severity: 'error',
    text: 'Cannot write {path} ({reason}): nothing written, the previous output kept.',
  },
} as const satisfies Record<string, MessageSpec>;

export type MessageId = keyof typeof MESSAGES;

/** Builds a message from the table, filling {placeholders} from details, control characters escaped (a file
 * name holding a newline must not forge a line of the run's output). */
export function message(id: MessageId, stage: string, details: Record<string, string | number> = {}): Message {
  const spec: MessageSpec = MESSAGES[id];
  const text = spec.text.replace(/\{(\w+)\}/g, (_, key: string) =>
    details[key] !== undefined ? printable(clipped(String(details[key]))) : `{${key}}`,
  );
  return { id, severity: spec.severity, stage, text };
}

// The longest placeholder a message holds, in characters (a path's longest, PATH_MAX): a value from the input
// (a date it cannot read, a line) may be megabytes, and a message is copied into the manifest and onto stderr.
const MAX_PLACEHOLDER = 4096;

/** The value cut to MAX_PLACEHOLDER characters, with an ellipsis when cut (never inside a surrogate pair). */
function clipped(s: string): string {
  if (s.length <= MAX_PLACEHOLDER) return s;
  const end = /[\ud800-\udbff]/.test(s[MAX_PLACEHOLDER - 1]!) ? MAX_PLACEHOLDER - 1 : MAX_PLACEHOLDER;
  return `${s.slice(0, end)}…`;
}

// C0 and C1 controls, DEL, the line and paragraph separators and the bidirectional controls (which can make a
// terminal show a line in another order than it was written)
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const SHORT: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A string with its control characters written as escapes (\n, \t, \u001b …): safe on one line of a terminal. */
export function printable(s: string): string {
  return s.replace(UNPRINTABLE, (c) => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
