// Plain text → article text and meta: an optional "Title: …" header block at the top is read and removed.
import { message } from '../../messages.ts';
import type { Message, Meta } from '../../types.ts';
import type { Extracted } from './extracted.ts';
import { cleanByline, cleanValue, normaliseDate, normaliseUrl } from './meta-values.ts';

const STAGE = 'ingest';

type Field = 'title' | 'published' | 'url' | 'byline';
const FIELDS: Record<string, Field> = {
  title: 'title',
  headline: 'title',
  date: 'published',
  published: 'published',
  url: 'url',
  link: 'url',
  source: 'url',
  byline: 'byline',
  by: 'byline',
  author: 'byline',
};
const HEADER_LINE = /^([A-Za-z][A-Za-z ]{0,19}?)[ \t]*:[ \t]*(.*)$/;
// More header lines than this is a text that happens to start with labels, not a header block.
const MAX_HEADER_LINES = 12;

function parseHeader(line: string): { key: string; value: string } | undefined {
  const m = HEADER_LINE.exec(line);
  return m ? { key: m[1]!.toLowerCase(), value: m[2]!.trim() } : undefined;
}

/** Whether a header line really is one: a known key, and a value its field can hold. */
function isKnownHeader(h: { key: string; value: string }): boolean {
  const field = FIELDS[h.key];
  if (field === undefined || h.value === '') return false;
  // "Source: the ministry said…" is prose; a URL header must hold a URL.
  if (field === 'url') return normaliseUrl(h.value) !== undefined;
  if (field === 'published') return /\d/.test(h.value) && h.value.length <= 60;
  // A title or byline that reads like a sentence of prose is the article's first line.
  return h.value.length <= 200;
}

/** The lines before the first blank line, if there are at most MAX_HEADER_LINES of them, and where that blank
 * line starts. Only the top of the text is read: a text of a million lines is not split to look at its first. */
function headerBlock(text: string): { block: string[]; rest: number } | undefined {
  const block: string[] = [];
  for (let at = 0; at <= text.length && block.length <= MAX_HEADER_LINES;) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const line = text.slice(at, end > at && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (line.trim() === '') return block.length <= MAX_HEADER_LINES ? { block, rest: at } : undefined;
    if (lineEnd === -1) return undefined;
    block.push(line);
    at = lineEnd + 1;
  }
  return undefined;
}

/** Reads an optional header block (Title:, Date:, URL:) into meta; the rest is the text. */
export function extractPlainText(text: string): Extracted {
  const head = headerBlock(text);
  if (head === undefined) return { text: text.trimEnd(), meta: {}, messages: [] };
  const { block, rest: restAt } = head;
  const headers = block.map(parseHeader);
  // Every line of the block must be a "Key: value" line, and the first a known key: "Washington: the president
  // said…" has an unknown key and stays text.
  const first = headers[0];
  const isHeader =
    first !== undefined &&
    isKnownHeader(first) &&
    headers.every((h) => h !== undefined && (FIELDS[h.key] === undefined || isKnownHeader(h)));
  if (!isHeader) return { text: text.trimEnd(), meta: {}, messages: [] };

  const meta: Meta = {};
  const messages: Message[] = [];
  for (const h of headers) {
    const field = h === undefined ? undefined : FIELDS[h.key];
    if (h === undefined || field === undefined || meta[field] !== undefined) continue;
    if (field === 'title') meta.title = cleanValue(h.value);
    if (field === 'byline') meta.byline = cleanByline(h.value);
    if (field === 'url') meta.url = normaliseUrl(h.value);
    if (field === 'published') {
      const published = normaliseDate(h.value);
      if (published !== undefined) meta.published = published;
      else messages.push(message('ingest/date-unread', STAGE, { value: h.value }));
    }
  }
  for (const key of Object.keys(meta) as Field[]) if (meta[key] === undefined) delete meta[key];
  const rest = text
    .slice(restAt)
    .replace(/\r\n/g, '\n')
    .replace(/^\s*\n/, '')
    .trimEnd();
  return { text: rest, meta, messages };
}
