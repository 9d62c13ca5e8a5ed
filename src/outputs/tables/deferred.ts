// The rows of a table with a corpus_key column wait until the corpus pass has merged the keys: each article's part
// (its CSV records and column bytes, as encoded) goes to a scratch file as it comes, and once the corpus is
// resolved the parts are read back in the same order, each given its corpus_key column, and written as any other
// table's. Memory holds one part at a time, whatever the size of the corpus.
import { Spill } from '../../io/spill.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { ByteBuf } from './bytes.ts';
import { csvField, type TablePart } from './chunk.ts';
import { recordColumns, type TableSpec } from './spec.ts';

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;
const COMMA = 0x2c;

/** The parts of one table, spilled until the corpus keys are known. */
export class DeferredRows {
  private readonly spill = new Spill();
  private readonly head = new ByteBuf(256);
  /** Index, among the record's columns, of the column whose key the corpus key is looked up for. */
  private readonly source: number;

  constructor(private readonly spec: TableSpec) {
    const derived = spec.columns.at(-1)!;
    this.source = recordColumns(spec).findIndex((c) => c.name === derived.corpusKeyOf);
    if (!derived.corpusKeyOf || this.source < 0 || spec.columns.filter((c) => c.corpusKeyOf).length !== 1)
      throw new Error(`table ${spec.name}: the corpus key must be the last column and name a column of the record`);
  }

  /** Spills one article's part (copied). */
  add(part: TablePart): void {
    if (!part.rows) return;
    // header: rows, CSV length, then per column its values' and definition levels' lengths (u32 each)
    const h = this.head;
    h.reset();
    h.int32(part.rows);
    h.int32(part.csv.length);
    const pieces: Uint8Array[] = [h.view(), part.csv];
    part.values.forEach((v, i) => {
      h.int32(v.length);
      h.int32(part.defs[i]?.length ?? 0);
      pieces.push(v);
      const d = part.defs[i];
      if (d) pieces.push(d);
    });
    pieces[0] = h.view();
    this.spill.appendPieces(pieces);
  }

  /** The parts in the order they came, each with its corpus_key column; the spill is freed at the end. */
  *parts(corpus: Corpus): Generator<TablePart> {
    const columns = recordColumns(this.spec);
    const csv = new ByteBuf(1 << 16);
    const keyValues = new ByteBuf(1 << 12);
    const keyDefs = new ByteBuf(1 << 10);
    try {
      for (const rec of this.spill.records()) {
        let h = 0;
        const u32 = () => {
          const n = rec.readUInt32LE(h);
          h += 4;
          return n;
        };
        const rows = u32();
        const csvLen = u32();
        const lens = columns.map(() => [u32(), u32()] as const);
        let at = h;
        const take = (n: number) => rec.subarray(at, (at += n));
        const csvIn = take(csvLen);
        const values: Uint8Array[] = [];
        const defs: (Uint8Array | null)[] = [];
        columns.forEach((c, i) => {
          values.push(take(lens[i]![0]));
          const d = take(lens[i]![1]);
          defs.push(c.nullable ? d : null);
        });
        keyValues.reset();
        keyDefs.reset();
        csv.reset();
        this.corpusKeys(corpus, rows, values[this.source]!, defs[this.source]!, keyValues, keyDefs, csvIn, csv);
        yield { rows, csv: csv.view(), values: [...values, keyValues.view()], defs: [...defs, keyDefs.view()] };
      }
    } finally {
      this.spill.close();
    }
  }

  /** Looks up each row's corpus key and writes it as the last column: Parquet values and levels, and each CSV record
   * again with the field appended. */
  private corpusKeys(
    corpus: Corpus,
    rows: number,
    source: Uint8Array,
    sourceDefs: Uint8Array | null,
    values: ByteBuf,
    defs: ByteBuf,
    csvIn: Uint8Array,
    csv: ByteBuf,
  ): void {
    const src = Buffer.from(source.buffer, source.byteOffset, source.length);
    let at = 0; // next value in the source column
    let from = 0; // next CSV record
    // Rows of one entity (its mentions) come together: the key of the row before is looked up once.
    let lastStart = -1;
    let lastLen = -1;
    let ckBytes: Buffer | null = null;
    let ckCsv: Buffer | null = null;
    for (let r = 0; r < rows; r++) {
      if (!sourceDefs || sourceDefs[r]) {
        const n = src.readUInt32LE(at);
        if (n !== lastLen || lastStart < 0 || src.compare(src, lastStart, lastStart + n, at + 4, at + 4 + n) !== 0) {
          const ck = corpus.corpusKey(src.toString('utf8', at + 4, at + 4 + n));
          ckBytes = ck === null ? null : Buffer.from(ck, 'utf8');
          ckCsv = ck === null ? null : csvBytes(ck);
          lastStart = at + 4;
          lastLen = n;
        }
        at += 4 + n;
      } else {
        ckBytes = null;
        ckCsv = null;
        lastStart = -1;
      }
      if (ckBytes === null) defs.byte(0);
      else {
        defs.byte(1);
        values.int32(ckBytes.length);
        values.bytes(ckBytes);
      }
      const end = recordEnd(csvIn, from);
      csv.bytes(csvIn.subarray(from, end));
      csv.byte(COMMA);
      if (ckCsv) csv.bytes(ckCsv);
      csv.byte(CR);
      csv.byte(LF);
      from = end + 2;
    }
  }
}

/** A CSV field's bytes, as csvField writes it (a key the pipeline made never needs quotes: KEY_PATTERN). */
function csvBytes(s: string): Buffer {
  const b = new ByteBuf(s.length + 8);
  csvField(b, s);
  return Buffer.from(b.view());
}

/** Where the CSV record starting at `from` ends: its CR LF outside quotes (a doubled quote toggles twice). */
function recordEnd(csv: Uint8Array, from: number): number {
  let quoted = false;
  for (let i = from; i < csv.length; i++) {
    const c = csv[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (c === CR && !quoted && csv[i + 1] === LF) return i;
  }
  throw new Error('a CSV record without its line end');
}
