// Stage 1, ingest: raw bytes -> clean article text with metadata and provenance. Pure: the caller reads the file.
import { createHash } from 'node:crypto';
import type { Config } from '../../config.ts';
import { message } from '../../messages.ts';
import type { IngestedArticle, Message, SourceFormat } from '../../types.ts';
import { formatOf } from './format.ts';
import { removeBoilerplate, type BoilerplateRule } from './boilerplate.ts';
import { decodeBytes, decodeHtmlBytes, decodeLatin1Utf8 } from './decode.ts';
import { extractHtml } from './html.ts';
import { extractMarkdown } from './markdown.ts';
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

const EXTRACTORS = { html: extractHtml, markdown: extractMarkdown, text: extractPlainText } as const;

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

  // An HTML page in UTF-8 stays undecoded until its source pass has dropped what is never read.
  const decoded = format === 'html' ? decodeHtmlBytes(raw.bytes) : decodeBytes(raw.bytes, format);
  messages.push(...decoded.messages);
  if (!decoded.ok) return { ...base, messages };
  const input = 'text' in decoded ? decoded.text : decoded.html;
  const decodedText = (): string => (typeof input === 'string' ? input : decodeLatin1Utf8(input.latin1));

  const extracted = typeof input === 'string' ? EXTRACTORS[format](input) : extractHtml(input);
  messages.push(...extracted.messages);
  const normalized = normalizeText(extracted.text);
  messages.push(...normalized.messages);
  let text = normalized.text;
  if (config.ingest.removeBoilerplate) {
    const cleaned = removeBoilerplate(text, boilerplate);
    messages.push(...cleaned.messages);
    // Removing a line can leave blank-line runs or a leading blank line behind. With no line removed the text
    // is the normalised text again, and a second pass changes it only when the first one was not settled.
    if (cleaned.messages.length > 0 || !normalized.settled) text = normalizeText(cleaned.text).text;
  }
  if (text.trim() === '') {
    const onlyWhitespace = decodedText().trim() === '';
    messages.push(
      onlyWhitespace ? message('ingest/whitespace-only', 'ingest') : message('ingest/no-text', 'ingest', { format }),
    );
  }
  return { ...base, meta: extracted.meta, text, messages };
}
