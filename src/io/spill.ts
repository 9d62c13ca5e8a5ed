// A scratch file for work that must wait for the whole corpus (the corpus keys are known only after the last
// record): records are appended in order and read back in the same order, so memory holds one buffer, not the
// records. The file is created in the system's temporary folder and unlinked at once: it has no name, and nothing
// is left behind whatever becomes of the process.
import { closeSync, mkdtempSync, openSync, readSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Records are gathered to about this many bytes before one write (and read back in chunks of twice as many).
const FLUSH = 1 << 18;

/** An append-then-read file of length-prefixed records. */
export class Spill {
  private fd: number;
  private pending = Buffer.allocUnsafeSlow(FLUSH * 2);
  private len = 0;
  private size = 0;
  /** Records appended. */
  count = 0;

  constructor() {
    const dir = mkdtempSync(join(tmpdir(), 'quote-pipeline-spill-'));
    const path = join(dir, 'spill');
    this.fd = openSync(path, 'w+');
    unlinkSync(path);
    rmdirSync(dir);
  }

  /** Appends one record (its bytes are copied). */
  append(record: Uint8Array): void {
    this.appendPieces([record]);
  }

  /** Appends one record made of these pieces, one after the other (copied once, straight into the buffer). */
  appendPieces(pieces: readonly Uint8Array[]): void {
    let n = 0;
    for (const p of pieces) n += p.length;
    const need = 4 + n;
    if (this.len + need > this.pending.length) {
      this.flush();
      if (need > this.pending.length) this.pending = Buffer.allocUnsafeSlow(need * 2);
    }
    this.pending.writeUInt32LE(n, this.len);
    let at = this.len + 4;
    for (const p of pieces) {
      this.pending.set(p, at);
      at += p.length;
    }
    this.len = at;
    this.count++;
    if (this.len >= FLUSH) this.flush();
  }

  /** The records in the order they were appended; each is a view valid until the next one is read. */
  *records(): Generator<Buffer> {
    this.flush();
    let buf = Buffer.allocUnsafeSlow(FLUSH * 2);
    let have = 0; // bytes in buf
    let at = 0; // next record's offset in buf
    let pos = 0; // file offset of buf's end
    for (;;) {
      if (have - at >= 4) {
        const n = buf.readUInt32LE(at);
        if (have - at >= 4 + n) {
          yield buf.subarray(at + 4, at + 4 + n);
          at += 4 + n;
          continue;
        }
        if (4 + n > buf.length) {
          const bigger = Buffer.allocUnsafeSlow((4 + n) * 2);
          buf.copy(bigger, 0, at, have);
          buf = bigger;
          have -= at;
          at = 0;
        }
      }
      if (pos >= this.size) return;
      buf.copy(buf, 0, at, have);
      have -= at;
      at = 0;
      const got = readSync(this.fd, buf, have, buf.length - have, pos);
      if (got === 0) return;
      have += got;
      pos += got;
    }
  }

  /** Frees the file. */
  close(): void {
    if (this.fd < 0) return;
    closeSync(this.fd);
    this.fd = -1;
  }

  private flush(): void {
    let off = 0;
    while (off < this.len) off += writeSync(this.fd, this.pending, off, this.len - off, this.size + off);
    this.size += this.len;
    this.len = 0;
  }
}
