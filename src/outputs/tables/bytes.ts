// A growable byte buffer for the table encoders: strings go in as UTF-8 straight from the JavaScript string
// (Buffer#write), with no intermediate string, array or per-value object. The tables are made of bytes because
// strings kept on the heap were what made them cost: the Parquet columns of a row group held every cell as a
// string until the group was encoded, and each young-generation collection of the main thread copied them again.
// A Buffer's memory lives outside the JavaScript heap, which the collector never copies.

// Strings up to this long are tried as ASCII in JavaScript first (see ByteBuf.ascii); longer ones go to
// Buffer#write, whose per-call cost no longer matters there.
const SHORT = 128;

/** Bytes appended at the end, doubling the storage when it runs out. */
export class ByteBuf {
  buf: Buffer;
  len = 0;

  constructor(initial = 1 << 12) {
    // not from Buffer's shared pool: this buffer is ours alone, for as long as it lives
    this.buf = Buffer.allocUnsafeSlow(initial);
  }

  /** Room for `n` more bytes. */
  ensure(n: number): void {
    const need = this.len + n;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const bigger = Buffer.allocUnsafeSlow(size);
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /** Appends a string as UTF-8 (a lone surrogate as U+FFFD, as Buffer.from writes it). */
  utf8(s: string): number {
    // a UTF-16 unit never takes more than 3 bytes of UTF-8
    this.ensure(s.length * 3);
    const n = s.length <= SHORT && this.ascii(s, this.len) ? s.length : this.buf.write(s, this.len, 'utf8');
    this.len += n;
    return n;
  }

  /** Appends a string as a Parquet PLAIN byte array: its UTF-8 length (uint32 LE), then its UTF-8. */
  lengthPrefixed(s: string): void {
    this.ensure(4 + s.length * 3);
    const at = this.len + 4;
    const n = s.length <= SHORT && this.ascii(s, at) ? s.length : this.buf.write(s, at, 'utf8');
    this.buf.writeUInt32LE(n, this.len);
    this.len = at + n;
  }

  /** Copies an ASCII string byte by byte to `at` (room ensured) and returns true; false, having written only
   * ASCII bytes that the caller overwrites, at its first other character. Most cells are short ASCII strings
   * (ids, types, names, cues), for which a call into Buffer#write costs several times the copy. */
  ascii(s: string, at: number): boolean {
    const b = this.buf;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) return false;
      b[at + i] = c;
    }
    return true;
  }

  byte(b: number): void {
    this.ensure(1);
    this.buf[this.len++] = b;
  }

  int32(n: number): void {
    this.ensure(4);
    this.buf.writeInt32LE(n, this.len);
    this.len += 4;
  }

  double(x: number): void {
    this.ensure(8);
    this.buf.writeDoubleLE(x, this.len);
    this.len += 8;
  }

  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  /** The bytes so far (a view: valid until the next append or reset). */
  view(): Buffer {
    return this.buf.subarray(0, this.len);
  }

  reset(): void {
    this.len = 0;
  }
}
