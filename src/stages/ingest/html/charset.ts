// Finds the charset an HTML page declares in its first bytes and maps the label to a decoder, following the
// WHATWG Encoding standard's label rules where they differ from the literal name.
import iconv from 'iconv-lite';

// The HTML standard's prescan window: a declaration later than this does not count.
const PRESCAN_BYTES = 1024;

// WHATWG: these labels all mean windows-1252 (browsers never decode real ISO-8859-1 or ASCII).
const WINDOWS_1252_LABELS = new Set([
  'ansi_x3.4-1968',
  'ascii',
  'cp1252',
  'cp819',
  'csisolatin1',
  'ibm819',
  'iso-8859-1',
  'iso-ir-100',
  'iso8859-1',
  'iso88591',
  'iso_8859-1',
  'iso_8859-1:1987',
  'l1',
  'latin1',
  'us-ascii',
  'windows-1252',
  'x-cp1252',
]);

/** Returns the charset label declared by <meta charset> or http-equiv Content-Type in the first 1024 bytes. */
export function sniffHtmlCharset(bytes: Uint8Array): string | undefined {
  // Latin-1 maps every byte to one char, so ASCII markup is readable whatever the real encoding.
  const head = stripComments(
    Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, PRESCAN_BYTES)).toString('latin1'),
  );
  // [^<>] rather than [^>]: an unclosed "<meta" then stops at the next tag instead of rescanning to the end
  for (const tag of head.match(/<meta\b[^<>]*>/gi) ?? []) {
    const charset = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (!charset) continue;
    // content="text/html; charset=…" only counts on an http-equiv Content-Type tag; the attribute always does.
    const isAttribute = /\scharset\s*=/i.test(tag.replace(/\bcontent\s*=\s*("[^"]*"|'[^']*'|\S+)/gi, ''));
    const isHttpEquiv = /http-equiv\s*=\s*["']?\s*content-type/i.test(tag);
    if (isAttribute || isHttpEquiv) return charset[1]!.toLowerCase();
  }
  return undefined;
}

/** Drops HTML comments (an unclosed one runs to the end, as in a browser). A loop, not /<!--[^]*?-->/g: that
 * regex rescans to the end from every unclosed "<!--", quadratic in the input. */
function stripComments(html: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = html.indexOf('<!--', at);
    if (open < 0) return out + html.slice(at);
    out += html.slice(at, open);
    const close = html.indexOf('-->', open + 4);
    if (close < 0) return out;
    at = close + 3;
  }
}

/** Maps a declared label to the decoder name to use, or undefined when no decoder is known for it. */
export function decoderFor(label: string): string | undefined {
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  // WHATWG: a page cannot declare itself UTF-16 from inside itself (the declaration was read as ASCII).
  if (name === 'utf8' || name === 'unicode-1-1-utf-8' || name.startsWith('utf-16') || name === 'utf-8') return 'utf-8';
  if (name === 'x-user-defined') return undefined;
  return iconv.encodingExists(name) ? name : undefined;
}
