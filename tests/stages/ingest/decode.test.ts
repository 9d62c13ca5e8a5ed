import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../src/stages/ingest/decode.ts';
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

  it.each<SourceFormat>(['text', 'markdown'])('decodes legacy windows-1252 %s input, saying so', (format) => {
    const d = decodeBytes(bytes('caf', [0xe9], ' ', [0x93], 'quoted', [0x94], ' na', [0xef], 've'), format);
    expect(textOf(d)).toBe('café “quoted” naïve');
    expect(ids(d)).toEqual(['ingest/decoded-legacy']);
    expect(d.messages[0]?.text).toContain('windows-1252');
  });

  it.each<SourceFormat>(['text', 'markdown'])('fails on damaged UTF-8 in %s input, naming the offset', (format) => {
    // valid UTF-8 (é) beside an invalid byte: damaged UTF-8, not a legacy encoding
    const d = decodeBytes(bytes('caf', [0xc3, 0xa9], [0x93], 'def'), format);
    expect(d.ok).toBe(false);
    expect(ids(d)).toEqual(['ingest/invalid-encoding']);
    expect(d.messages[0]?.text).toContain('offset 5');
  });

  it.each<[string, 'utf16le' | 'utf16be']>([
    ['UTF-16LE', 'utf16le'],
    ['UTF-16BE', 'utf16be'],
  ])('decodes %s without a byte order mark, saying so', (name, encoding) => {
    const text = 'Der Bürgermeister sagte: „Wir bauen.“\nΑθήνα, Москва — 2024.';
    const le = Buffer.from(text, 'utf16le');
    const raw = encoding === 'utf16le' ? le : Buffer.from(le).swap16();
    for (const format of ['text', 'markdown', 'html'] as const) {
      const d = decodeBytes(new Uint8Array(raw), format);
      expect(textOf(d)).toBe(text);
      expect(ids(d)).toEqual(['ingest/decoded-legacy']);
      expect(d.messages[0]?.text).toContain(name.toLowerCase());
    }
  });

  it('still calls NUL bytes that do not fall where UTF-16 puts them binary', () => {
    expect(ids(decodeBytes(bytes('ab', [0, 0, 0, 0], 'cdefgh', [0, 1, 2, 0]), 'text'))).toEqual(['ingest/binary']);
    // every other byte NUL, but the code units hold an unpaired surrogate
    const unpaired = new Uint8Array([...Buffer.from('A long enough line.', 'utf16le'), 0x01, 0xd8, 0x43, 0]);
    expect(ids(decodeBytes(unpaired, 'text'))).toEqual(['ingest/binary']);
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
