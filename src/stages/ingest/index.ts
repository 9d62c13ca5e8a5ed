// Stage 1, ingest: raw bytes -> clean article text with metadata and provenance. Pure: the caller reads the file.
import { createHash } from 'node:crypto';
import type { Config } from '../../config.ts';
import { message } from '../../messages.ts';
import type { IngestedArticle, Message, SourceFormat } from '../../types.ts';
import { formatOf } from './format.ts';
import { removeBoilerplate, type BoilerplateRule } from './boilerplate.ts';
import { decodeBytes } from './decode.ts';
import { extractHtml } from './html/index.ts';
import { extractMarkdown } from './markdown.ts';
import { clearlyNotEnglish } from './language.ts';
import {
  htmlOverLimits,
  markdownTooDeep,
  markdownTooManyBlocks,
  markdownTooMuchMarkup,
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_HTML_NODES,
  MAX_MARKDOWN_BLOCKS,
  MAX_MARKDOWN_DEPTH,
  MAX_MARKDOWN_MARKUP,
} from './nesting.ts';
import { normalizeText } from './normalize.ts';
import { extractPlainText } from './plaintext.ts';

export interface RawArticle {
  id: string;
  /** Path relative to the input folder, '/'-separated. */
  path: string;
  bytes: Uint8Array;
  /** The format when the caller knows it (stdin, the library); default: from the path's extension. */
  format?: SourceFormat;
}

// A letter or a digit in any script: a text without one has nothing for the later stages to read.
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

const EXTRACTORS = { html: extractHtml, markdown: extractMarkdown, text: extractPlainText } as const;

/** Appends `more` to `list` one by one: a spread's arguments go on the stack, and the input decides how many
 * messages there are (a message per boilerplate line removed; 200,000 lines overflowed it). */
function append<T>(list: T[], more: readonly T[]): void {
  for (const x of more) list.push(x);
}

/** The message that rejects an input over the nesting or size limits of its format, if it is. */
function overLimits(format: SourceFormat, text: string): Message | undefined {
  if (format === 'markdown') {
    const depth = markdownTooDeep(text);
    if (depth !== undefined) return message('ingest/too-deep', 'ingest', { format, depth, limit: MAX_MARKDOWN_DEPTH });
    if (markdownTooMuchMarkup(text) !== undefined) {
      return message('ingest/too-much-markup', 'ingest', { limit: MAX_MARKDOWN_MARKUP });
    }
    if (markdownTooManyBlocks(text) !== undefined) {
      return message('ingest/too-many-blocks', 'ingest', { limit: MAX_MARKDOWN_BLOCKS });
    }
    // A Markdown file may hold HTML, which is parsed as a page is: the page limits hold for the whole file.
    const html = htmlOverLimits(text);
    return html === undefined ? undefined : htmlOverMessage(format, html);
  }
  if (format !== 'html') return undefined;
  const over = htmlOverLimits(text);
  return over === undefined ? undefined : htmlOverMessage(format, over);
}

/** The message for HTML over one of the page limits. */
function htmlOverMessage(format: SourceFormat, over: NonNullable<ReturnType<typeof htmlOverLimits>>): Message {
  if ('depth' in over)
    return message('ingest/too-deep', 'ingest', { format, depth: over.depth, limit: MAX_HTML_DEPTH });
  if ('nodes' in over) return message('ingest/too-many-nodes', 'ingest', { limit: MAX_HTML_NODES });
  return message('ingest/too-many-elements', 'ingest', { count: over.elements, limit: MAX_HTML_ELEMENTS });
}

/** Decodes, extracts, normalises and cleans one article; problems become messages, an error one rejects it. */
export function ingest(raw: RawArticle, config: Config, boilerplate: readonly BoilerplateRule[]): IngestedArticle {
  const format = raw.format ?? formatOf(raw.path);
  const sha256 = createHash('sha256').update(raw.bytes).digest('hex');
  const base = { id: raw.id, source: { path: raw.path, sha256, format }, meta: {}, text: '' };
  const messages: Message[] = [];

  if (raw.bytes.length > config.limits.maxBytes) {
    messages.push(message('ingest/too-large', 'ingest', { bytes: raw.bytes.length, limit: config.limits.maxBytes }));
    return { ...base, messages };
  }
  if (raw.bytes.length === 0) return { ...base, messages: [message('ingest/empty', 'ingest')] };

  const decoded = decodeBytes(raw.bytes, format);
  append(messages, decoded.messages);
  if (!decoded.ok) return { ...base, messages };

  // Limits before the expensive work: no parser is handed a nest deeper, or a page bigger, than any article.
  const over = overLimits(format, decoded.text);
  if (over !== undefined) return { ...base, messages: [...messages, over] };

  const extracted = EXTRACTORS[format](decoded.text);
  append(messages, extracted.messages);
  const normalized = normalizeText(extracted.text);
  append(messages, normalized.messages);
  let text = normalized.text;
  // The language check reads the text before any line is cut: which boilerplate rules apply depends on it.
  const language = clearlyNotEnglish(text);
  if (language !== undefined) messages.push(message('ingest/not-english', 'ingest', { language }));
  if (config.ingest.removeBoilerplate) {
    const cleaned = removeBoilerplate(text, boilerplate, language);
    append(messages, cleaned.messages);
    // Removing a line can leave blank-line runs or a leading blank line behind. With no line removed the text
    // is the normalised text again, and a second pass changes it only when the first one was not settled.
    if (cleaned.messages.length > 0 || !normalized.settled) text = normalizeText(cleaned.text).text;
  }
  if (text.trim() === '') {
    const onlyWhitespace = decoded.text.trim() === '';
    messages.push(
      onlyWhitespace ? message('ingest/whitespace-only', 'ingest') : message('ingest/no-text', 'ingest', { format }),
    );
  } else if (!WORD_CHARACTER.test(text)) {
    // Dots, dashes, symbols and invisible characters are no article, however many of them there are.
    messages.push(message('ingest/no-words', 'ingest'));
  }
  return { ...base, meta: extracted.meta, text, messages };
}
