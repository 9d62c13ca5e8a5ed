import { describe, expect, it } from 'vitest';
import { decodeBytes, decodeHtmlBytes, decodeLatin1Utf8 } from '../../../src/stages/ingest/decode.ts';
import type { SourceFormat } from '../../../src/types.ts';

const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const ids = (d: ReturnType<typeof decodeBytes>): string[] => d.messages.map((m) => m.id);
const textOf = (d: ReturnType<typeof decodeBytes>): string => (d.ok ? d.text : `FAILED ${ids(d).join()}`);

describe('decodeBytes', () => {
  it('decodes plain UTF-8 without messages', () => {
    const d = decodeBytes(new TextEncoder().encode('Café “quoted” 😀'), 'text');
    expect(d).toEqual({ ok: true, text: 'Café “quoted” 😀', encoding: 'utf-8', messages: [] });
  });

  it.each<[string, number[], string]>([
    ['UTF-8', [0xef, 0xbb, 0xbf, ...Buffer.from('héllo', 'utf8')], 'utf-8'],
    ['UTF-16 LE', [0xff, 0xfe, ...Buffer.from('héllo “x”', 'utf16le')], 'utf-16le'],
    ['UTF-16 BE', [0xfe, 0xff, ...Buffer.from('héllo “x”', 'utf16le').swap16()], 'utf-16be'],
  ])('strips a %s BOM and reports it', (_, raw, encoding) => {
    const d = decodeBytes(new Uint8Array(raw), 'text');
    expect(d.ok && d.encoding).toBe(encoding);
    expect(textOf(d)).toMatch(/^héllo/);
    expect(ids(d)).toEqual(['ingest/bom']);
  });

  it('fails on UTF-16 with a broken surrogate', () => {
    const d = decodeBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x41, 0x00]), 'text');
    expect(d.ok).toBe(false);
    expect(ids(d)).toEqual(['ingest/bom', 'ingest/invalid-encoding']);
  });

  it('decodes an undeclared windows-1252 HTML page (curly quotes 0x93/0x94)', () => {
    const d = decodeBytes(bytes('<p>', [0x93], 'Hi', [0x94], ' caf', [0xe9], '</p>'), 'html');
    expect(textOf(d)).toBe('<p>“Hi” café</p>');
    expect(d.ok && d.encoding).toBe('windows-1252');
    expect(ids(d)).toEqual(['ingest/decoded-legacy']);
  });

  it('uses the <meta charset> declared in the first 1024 bytes, mapping latin1 labels to windows-1252', () => {
    const head = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"></head><body>';
    const d = decodeBytes(bytes(head, [0x93], 'x', [0x94]), 'html');
    expect(textOf(d)).toBe(`${head}“x”`);
    expect(d.messages[0]?.text).toContain('iso-8859-1');
  });

  it('decodes a declared multi-byte legacy charset with iconv-lite', () => {
    const body = [
      ...Buffer.from('<meta charset="shift_jis"><p>', 'latin1'),
      0x93,
      0xfa,
      0x96,
      0x7b,
      ...Buffer.from('</p>', 'latin1'),
    ];
    const d = decodeBytes(new Uint8Array(body), 'html');
    expect(textOf(d)).toBe('<meta charset="shift_jis"><p>日本</p>');
    expect(d.ok && d.encoding).toBe('shift_jis');
  });

  it('ignores a charset declaration after the first 1024 bytes', () => {
    const d = decodeBytes(bytes(' '.repeat(1100), '<meta charset="koi8-r">', [0xe9]), 'html');
    expect(d.ok && d.encoding).toBe('windows-1252');
  });

  it('prefers valid UTF-8 over a wrong legacy declaration', () => {
    const d = decodeBytes(new TextEncoder().encode('<meta charset="windows-1252"><p>“ok”</p>'), 'html');
    expect(d.ok && d.encoding).toBe('utf-8');
    expect(textOf(d)).toContain('“ok”');
  });

  it.each<SourceFormat>(['text', 'markdown'])('fails on invalid UTF-8 in %s input, naming the offset', (format) => {
    const d = decodeBytes(bytes('abc', [0x93], 'def'), format);
    expect(d.ok).toBe(false);
    expect(ids(d)).toEqual(['ingest/invalid-encoding']);
    expect(d.messages[0]?.text).toContain('offset 3');
  });

  it.each<[string, number[]]>([
    ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]],
    ['JPEG image', [0xff, 0xd8, 0xff, 0xe0]],
    ['GIF image', [...Buffer.from('GIF89a')]],
    ['PDF document', [...Buffer.from('%PDF-1.7\n')]],
    ['gzip archive', [0x1f, 0x8b, 0x08, 0x00]],
    ['zip archive', [0x50, 0x4b, 0x03, 0x04, 0x14]],
    ['NUL bytes', [...Buffer.from('hello'), 0, ...Buffer.from('world')]],
  ])('rejects binary input: %s', (kind, raw) => {
    const d = decodeBytes(new Uint8Array(raw), 'text');
    expect(d.ok).toBe(false);
    expect(ids(d)).toEqual(['ingest/binary']);
    expect(d.messages[0]?.text).toContain(kind);
  });

  it('rejects empty input, and a file that is only a BOM', () => {
    expect(ids(decodeBytes(new Uint8Array(), 'html'))).toEqual(['ingest/empty']);
    expect(ids(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf]), 'text'))).toEqual(['ingest/empty']);
  });
});

describe('decodeHtmlBytes', () => {
  // What decodeBytes makes of a page, and what decodeHtmlBytes makes of it once its bytes are decoded.
  const viaBytes = (raw: Uint8Array) => {
    const d = decodeHtmlBytes(raw);
    if (!d.ok) return { ok: false, messages: d.messages };
    return {
      ok: true,
      text: typeof d.html === 'string' ? d.html : decodeLatin1Utf8(d.html.latin1),
      encoding: d.encoding,
      messages: d.messages,
    };
  };
  const viaText = (raw: Uint8Array) => {
    const d = decodeBytes(raw, 'html');
    return d.ok
      ? { ok: true, text: d.text, encoding: d.encoding, messages: d.messages }
      : { ok: false, messages: d.messages };
  };

  it.each<[string, Uint8Array]>([
    ['UTF-8 with CRLF and CR', new TextEncoder().encode('<p>Café\r\n“quoted”\r😀</p>')],
    ['a UTF-8 BOM', bytes([0xef, 0xbb, 0xbf], '<p>x</p>')],
    ['UTF-16 LE', new Uint8Array([0xff, 0xfe, ...Buffer.from('<p>héllo</p>', 'utf16le')])],
    ['windows-1252', bytes('<p>\x93quoted\x94</p>')],
    ['overlong UTF-8', bytes('<p>', [0xc0, 0xaf], '</p>')],
    ['a UTF-8 surrogate', bytes('<p>', [0xed, 0xa0, 0x80], '</p>')],
    ['beyond U+10FFFF', bytes('<p>', [0xf4, 0x90, 0x80, 0x80], '</p>')],
    ['a truncated sequence', bytes('<p>', [0xe2, 0x80])],
    ['a NUL byte', bytes('<p>a', [0], 'b</p>')],
    ['a PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest')],
    ['nothing', new Uint8Array(0)],
  ])('decodes %s as decodeBytes does', (_, raw) => {
    expect(viaBytes(raw)).toEqual(viaText(raw));
  });

  it('leaves a valid UTF-8 page undecoded', () => {
    const d = decodeHtmlBytes(new TextEncoder().encode('<p>é</p>'));
    expect(d.ok && typeof d.html !== 'string' && d.html.latin1).toBe('<p>\xc3\xa9</p>');
  });
});
