// The one table of message ids. Tests assert on ids, never on wording; wording may improve freely.
// An id never changes meaning once released: add a new id instead.
import type { Message, Severity } from './types.ts';

interface MessageSpec {
  severity: Severity;
  /** What is wrong and what to do, with {placeholders} filled from the details. */
  text: string;
}

export const MESSAGES = {
  // ingest: reading and decoding
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
  'ingest/too-many-elements': {
    severity: 'error',
    text: 'The page holds {count} elements, above the limit of {limit}: skipped. No article page is so big; split the file to process it.',
  },
  'ingest/boilerplate-removed': { severity: 'info', text: 'Removed boilerplate line "{line}" (rule {rule}).' },
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
} as const satisfies Record<string, MessageSpec>;

export type MessageId = keyof typeof MESSAGES;

/** Builds a message from the table, filling {placeholders} from details. */
export function message(id: MessageId, stage: string, details: Record<string, string | number> = {}): Message {
  const spec: MessageSpec = MESSAGES[id];
  const text = spec.text.replace(/\{(\w+)\}/g, (_, key: string) => String(details[key] ?? `{${key}}`));
  return { id, severity: spec.severity, stage, text };
}
