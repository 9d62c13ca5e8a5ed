// Bytes → string for every input format: binary detection, BOM, the HTML charset declaration, strict UTF-8,
// and the legacy fallbacks HTML needs. A text or Markdown file is never silently repaired.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { message } from '../../messages.ts';
import type { Message, SourceFormat } from '../../types.ts';
import { detectBinary } from './binary.ts';
import { decoderFor, sniffHtmlCharset } from './charset.ts';

export type Decoded =
  { ok: true; text: string; encoding: string; messages: Message[] } | { ok: false; messages: Message[] };

const STAGE = 'ingest';

const BOMS: { encoding: 'utf-8' | 'utf-16le' | 'utf-16be'; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

const fail = (...messages: Message[]): Decoded => ({ ok: false, messages });

/** Byte offset of the first byte that is not part of a valid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and beyond-U+10FFFF forms are invalid too.
    const second = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && second < 0xa0) ||
      (b === 0xed && second > 0x9f) ||
      (b === 0xf0 && second < 0x90) ||
      (b === 0xf4 && second > 0x8f)
    )
      return i;
    i += length;
  }
  return -1;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function invalidUtf8(bytes: Uint8Array): Message {
  const offset = firstInvalidUtf8(bytes);
  return message('ingest/invalid-encoding', STAGE, {
    encoding: 'UTF-8',
    detail: `invalid byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at offset ${offset}`,
  });
}

// Windows (CRLF) and old Mac (CR) line ends become \n before any extractor reads lines: the plain-text header
// block and Markdown must see the same lines whatever the file was saved on.
const LINE_END = /\r\n?/g;

/** Decodes raw bytes to a string with \n line ends: BOM, then declared charset (HTML meta), then strict UTF-8,
 * else a fatal message. */
export function decodeBytes(bytes: Uint8Array, format: SourceFormat): Decoded {
  const decoded = decodeRaw(bytes, format);
  // indexOf first: most pages have no \r, and finding none is a fast scan where the regex is a slow one.
  return decoded.ok && decoded.text.includes('\r')
    ? { ...decoded, text: decoded.text.replace(LINE_END, '\n') }
    : decoded;
}

function decodeRaw(bytes: Uint8Array, format: SourceFormat): Decoded {
  if (bytes.length === 0) return fail(message('ingest/empty', STAGE));
  const bom = BOMS.find((b) => bytes.length >= b.bytes.length && b.bytes.every((x, i) => bytes[i] === x));
  // UTF-16 text is full of NUL bytes, so only magic numbers count as binary evidence after its BOM.
  const binary = detectBinary(bytes, bom === undefined || bom.encoding === 'utf-8');
  if (binary !== undefined) return fail(message('ingest/binary', STAGE, { kind: binary }));

  if (bom !== undefined) {
    const body = bytes.subarray(bom.bytes.length);
    if (body.length === 0) return fail(message('ingest/empty', STAGE));
    const bomMessage = message('ingest/bom', STAGE, { encoding: bom.encoding.toUpperCase() });
    const text = strict(bom.encoding, body);
    if (text === undefined) {
      const detail = bom.encoding === 'utf-8' ? invalidUtf8(body).text : 'unpaired surrogate or odd byte count';
      return fail(
        bomMessage,
        message('ingest/invalid-encoding', STAGE, { encoding: bom.encoding.toUpperCase(), detail }),
      );
    }
    return { ok: true, text, encoding: bom.encoding, messages: [bomMessage] };
  }

  const declared = format === 'html' ? sniffHtmlCharset(bytes) : undefined;
  const utf8 = strict('utf-8', bytes);
  // Valid UTF-8 wins even over a declared legacy charset: non-ASCII legacy text is almost never valid UTF-8,
  // while pages that declare one charset and are saved in UTF-8 are common.
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', messages: [] };
  if (format !== 'html') return fail(invalidUtf8(bytes));

  const decoder = declared === undefined ? undefined : decoderFor(declared);
  const [encoding, reason] =
    decoder !== undefined && decoder !== 'utf-8'
      ? [decoder, `declared as "${declared}" in the page`]
      : [
          'windows-1252',
          declared === undefined
            ? 'not valid UTF-8 and no charset declared'
            : `declared as "${declared}" but not valid as that`,
        ];
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
  return { ok: true, text, encoding, messages: [message('ingest/decoded-legacy', STAGE, { encoding, reason })] };
}

/** A UTF-8 page not yet decoded: its bytes as a Latin-1 string (one char per byte), line ends already \n. The
 * HTML source pass reads it as it is and only what survives the pass is decoded (html-prune.ts). */
export interface Utf8Bytes {
  readonly latin1: string;
}

/** Decodes a Utf8Bytes (or any UTF-8 bytes held one char per byte). */
export const decodeLatin1Utf8 = (latin1: string): string => Buffer.from(latin1, 'latin1').toString('utf8');

export type DecodedHtml =
  { ok: true; html: string | Utf8Bytes; encoding: string; messages: Message[] } | { ok: false; messages: Message[] };

/** decodeBytes for an HTML page, leaving a page in UTF-8 undecoded: the same checks in the same order (no BOM,
 * not binary, valid UTF-8; isUtf8 validates as strictly as the fatal TextDecoder), else decodeBytes itself. */
export function decodeHtmlBytes(bytes: Uint8Array): DecodedHtml {
  const bom = BOMS.some((b) => bytes.length >= b.bytes.length && b.bytes.every((x, i) => bytes[i] === x));
  if (bytes.length > 0 && !bom && detectBinary(bytes) === undefined && isUtf8(bytes)) {
    const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('latin1');
    // \r never occurs inside a multi-byte character, so line ends are found in the bytes as in the text.
    return {
      ok: true,
      html: { latin1: latin1.includes('\r') ? latin1.replace(LINE_END, '\n') : latin1 },
      encoding: 'utf-8',
      messages: [],
    };
  }
  const decoded = decodeBytes(bytes, 'html');
  return decoded.ok
    ? { ok: true, html: decoded.text, encoding: decoded.encoding, messages: decoded.messages }
    : decoded;
}
