// Bytes → string for every input format: binary detection, BOM, UTF-16 without a BOM, the HTML charset
// declaration, strict UTF-8, and the legacy fallbacks. Every assumed encoding is said in a message.
import iconv from 'iconv-lite';
import { message } from '../../messages.ts';
import type { Message, SourceFormat } from '../../types.ts';
import { detectBinary } from './binary.ts';
import { decoderFor, sniffHtmlCharset } from './html/charset.ts';

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

/** Decodes raw bytes to a string with \n line ends: BOM, UTF-16 by its NUL bytes, then strict UTF-8, then the
 * declared charset (HTML) or windows-1252; a fatal message for binary or damaged UTF-8. */
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
  // UTF-16 text is full of NUL bytes, so only magic numbers count as binary evidence after its BOM, or when
  // the NUL bytes fall where UTF-16 puts them.
  const utf16 = bom === undefined ? sniffUtf16(bytes) : undefined;
  const binary = detectBinary(bytes, utf16 === undefined && (bom === undefined || bom.encoding === 'utf-8'));
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
  if (utf16 !== undefined) {
    const reason = 'no byte order mark, but NUL bytes where UTF-16 text has them';
    const encoding = utf16.encoding;
    return {
      ok: true,
      text: utf16.text,
      encoding,
      messages: [message('ingest/decoded-legacy', STAGE, { encoding, reason })],
    };
  }

  const declared = format === 'html' ? sniffHtmlCharset(bytes) : undefined;
  const utf8 = strict('utf-8', bytes);
  // Valid UTF-8 wins even over a declared legacy charset: non-ASCII legacy text is almost never valid UTF-8,
  // while pages that declare one charset and are saved in UTF-8 are common.
  if (utf8 !== undefined) return { ok: true, text: utf8, encoding: 'utf-8', messages: [] };
  if (format !== 'html') {
    // A text or Markdown file has no declaration to go by. With no valid multi-byte UTF-8 sequence in it, it was
    // saved in a legacy single-byte encoding, and windows-1252 (which browsers read Latin-1 as) is the one
    // assumed, and said so. A file that mixes valid UTF-8 sequences with invalid bytes is damaged UTF-8: read as
    // windows-1252 its every accented letter would turn into two wrong ones, so it is rejected instead.
    if (hasUtf8Sequence(bytes)) return fail(invalidUtf8(bytes));
    const encoding = 'windows-1252';
    const reason = 'not valid UTF-8, no multi-byte UTF-8 sequence in it, and a text file declares no charset';
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), encoding);
    return { ok: true, text, encoding, messages: [message('ingest/decoded-legacy', STAGE, { encoding, reason })] };
  }

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

/** Whether the bytes hold at least one valid multi-byte UTF-8 sequence. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) continue;
    let k = 1;
    while (k < length && ((bytes[i + k] ?? 0) & 0xc0) === 0x80) k++;
    if (k === length && strict('utf-8', bytes.subarray(i, i + length)) !== undefined) return true;
  }
  return false;
}

// How much of the file the UTF-16 test reads, as the NUL test of binary.ts does.
const UTF16_WINDOW = 8192;

/** UTF-16 without a byte order mark: in text of Latin, Greek or Cyrillic letters, digits and punctuation, the
 * high byte of most code units is NUL and the low byte almost never is. The bytes must also decode as
 * UTF-16 strictly (no unpaired surrogate) to text without NUL characters. */
export function sniffUtf16(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; text: string } | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const window = Math.min(bytes.length, UTF16_WINDOW);
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < window; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const units = window / 2;
  // at least a third of the code units with a NUL high byte, and at most one in a hundred with a NUL low byte
  const encoding =
    oddNul * 3 >= units && evenNul * 100 <= units
      ? 'utf-16le'
      : evenNul * 3 >= units && oddNul * 100 <= units
        ? 'utf-16be'
        : undefined;
  if (encoding === undefined) return undefined;
  const text = strict(encoding, bytes);
  if (text === undefined || text.includes('\u0000')) return undefined;
  return { encoding, text };
}
