// One article's share of the four tables, already encoded: its CSV records and, column by column, its Parquet
// values (PLAIN: UTF-8 byte arrays with their length, INT32 and DOUBLE little-endian) and definition levels, all in
// one byte array. A pipeline worker makes it from the record it has just serialised, and the main thread only
// copies bytes: it no longer parses every dataset line again, and no table cell is ever a string on its heap
// (those strings, and the row arrays and parsed records around them, were most of what the outputs cost the main
// thread and V8's collector threads). The same function makes the same bytes wherever it runs (a worker, the main
// thread for a cache hit or a small batch, `npm run tables`), so the files never depend on who made a chunk.
import type { ArticleRecord } from '../../schema.ts';
import { ByteBuf } from './bytes.ts';
import { emitRows, type RowSink } from './rows.ts';
import { FORMULA_START, NEEDS_QUOTES } from './csv-rule.ts';
import {
  ARTICLE_TABLES,
  recordColumns,
  type ArticleTableName,
  type Cell,
  type ColumnSpec,
  type TableSpec,
} from './spec.ts';

/** An article's rows of the four tables, encoded. `layout` gives, table by table in ARTICLE_TABLES order: the number of
 * rows, the length of the CSV records, then for each column the length of its values and of its definition levels
 * (one byte per row, 1 for a value and 0 for a null; 0 bytes for a column that cannot be null). The parts lie in
 * `bytes` in that order. Plain data, so it crosses threads by structured clone as one copy of the bytes. */
export interface ArticleTables {
  bytes: Uint8Array;
  layout: number[];
}

/** One table's part of an ArticleTables, as views into its bytes: the columns a record gives (recordColumns), or
 * once a corpus key is filled in (src/outputs/tables/deferred.ts) every column of the table. */
export interface TablePart {
  rows: number;
  csv: Uint8Array;
  values: Uint8Array[];
  /** Per column: its definition levels, or null for a column that cannot be null. */
  defs: (Uint8Array | null)[];
}

// The rule of src/outputs/tables/csv-rule.ts (RFC 4180 quoting, the semicolon, the formula guard), encoded here
// straight to bytes.
const COMMA = 0x2c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;

/** A character that makes a short ASCII field leave the fast paths: a quote, comma, semicolon, CR or LF anywhere,
 * or, first, a character a spreadsheet starts a formula with. */
const special = (c: number, first: boolean) =>
  c >= 0x80 ||
  c === 0x22 ||
  c === 0x2c ||
  c === 0x3b ||
  c === 0x0a ||
  c === 0x0d ||
  (first && (c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40 || c === 0x09));

/** Appends one CSV field: null as nothing, a number as String(n), a string quoted (quotes doubled) when needed. */
export function csvField(out: ByteBuf, cell: Cell): void {
  if (cell === null) return;
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 0 && cell < 1e9) csvUint(out, cell);
    else out.utf8(String(cell));
    return;
  }
  if (cell.length <= 128 && plainAscii(out, cell)) return;
  const guard = FORMULA_START.test(cell);
  if (!guard && !NEEDS_QUOTES.test(cell)) {
    out.utf8(cell);
    return;
  }
  out.byte(QUOTE);
  if (guard) out.byte(APOSTROPHE);
  out.utf8(cell.includes('"') ? cell.replace(/"/g, '""') : cell);
  out.byte(QUOTE);
}

/** Appends a short ASCII string that needs no quotes, byte by byte, and returns true; false, appending nothing,
 * for any other string. */
function plainAscii(out: ByteBuf, s: string): boolean {
  out.ensure(s.length);
  const b = out.buf;
  const at = out.len;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (special(c, i === 0)) return false;
    b[at + i] = c;
  }
  out.len = at + s.length;
  return true;
}

/** Appends a non-negative integer below 1e9 in decimal, as String(n) writes it (offsets, counts). */
function csvUint(out: ByteBuf, n: number): void {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  out.ensure(digits);
  const b = out.buf;
  for (let i = out.len + digits - 1; i >= out.len; i--) {
    b[i] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  out.len += digits;
}

/** The encoders of one table, kept for the next article: the buffers grow to the largest article and stay. Cells
 * come one by one from emitRows (or the corpus tables' rows) and are checked against the spec's column types as
 * they are written. */
export class TableEncoder implements RowSink {
  readonly csv = new ByteBuf();
  readonly values: ByteBuf[];
  readonly defs: (ByteBuf | null)[];
  rows = 0;
  /** The column of the next cell. */
  private col = 0;

  private readonly columns: ColumnSpec[];

  constructor(private readonly spec: TableSpec) {
    this.columns = recordColumns(spec);
    this.values = this.columns.map(() => new ByteBuf());
    this.defs = this.columns.map((c) => (c.nullable ? new ByteBuf() : null));
  }

  /** The rows so far as a part, as views into the buffers (valid until the next reset). */
  part(): TablePart {
    return {
      rows: this.rows,
      csv: this.csv.view(),
      values: this.values.map((v) => v.view()),
      defs: this.defs.map((d) => d?.view() ?? null),
    };
  }

  reset(): void {
    this.rows = 0;
    this.col = 0;
    this.csv.reset();
    for (const v of this.values) v.reset();
    for (const d of this.defs) d?.reset();
  }

  str(v: string | null | undefined): void {
    const i = this.next('STRING', v);
    if (v === null || v === undefined) return;
    const values = this.values[i]!;
    const csv = this.csv;
    const n = v.length;
    if (n <= 128) {
      // Both encodings at once for a short ASCII string that needs no CSV quotes (ids, types, most names, cues):
      // one pass, no call into Buffer#write. Anything else is left to the general path, which overwrites it.
      values.ensure(4 + n);
      csv.ensure(n);
      const vb = values.buf;
      const cb = csv.buf;
      const va = values.len + 4;
      const ca = csv.len;
      let k = 0;
      for (; k < n; k++) {
        const c = v.charCodeAt(k);
        if (special(c, k === 0)) break;
        vb[va + k] = c;
        cb[ca + k] = c;
      }
      if (k === n) {
        vb.writeUInt32LE(n, values.len);
        values.len = va + n;
        csv.len = ca + n;
        return;
      }
    }
    values.lengthPrefixed(v);
    csvField(csv, v);
  }

  int(v: number | null | undefined): void {
    const i = this.next('INT32', v);
    if (v === null || v === undefined) return;
    this.values[i]!.int32(v);
    csvField(this.csv, v);
  }

  dbl(v: number): void {
    const i = this.next('DOUBLE', v);
    // -0 as 0: the dataset line says 0 (JSON has no -0), and a worker's record must give the line's bytes
    this.values[i]!.double(v === 0 ? 0 : v);
    csvField(this.csv, v);
  }

  end(): void {
    if (this.col !== this.columns.length) throw new Error(`table ${this.spec.name}: a row of ${this.col} cells`);
    this.csv.byte(0x0d);
    this.csv.byte(0x0a);
    this.col = 0;
    this.rows++;
  }

  /** Moves to the next column, checking its type, writes the separator and the definition level; its index. */
  private next(type: ColumnSpec['type'], v: unknown): number {
    const i = this.col++;
    const c = this.columns[i];
    if (c?.type !== type) throw new Error(`table ${this.spec.name}: a ${type} cell for column ${c?.name ?? i}`);
    if (i) this.csv.byte(COMMA);
    const defs = this.defs[i]!;
    if (v === null || v === undefined) {
      if (!defs) throw new Error(`table ${this.spec.name}: column ${c.name} cannot be null`);
      defs.byte(0);
    } else {
      defs?.byte(1);
    }
    return i;
  }
}

let encoders: TableEncoder[] | undefined;
let byName: Record<ArticleTableName, TableEncoder> | undefined;

/** The article's rows of every table, encoded (see ArticleTables). */
export function articleTables(record: ArticleRecord): ArticleTables {
  const encoders = encode(record);
  const layout: number[] = [];
  let total = 0;
  ARTICLE_TABLES.forEach((spec, t) => {
    const enc = encoders[t]!;
    layout.push(enc.rows, enc.csv.len);
    total += enc.csv.len;
    recordColumns(spec).forEach((_, i) => {
      const d = enc.defs[i]?.len ?? 0;
      layout.push(enc.values[i]!.len, d);
      total += enc.values[i]!.len + d;
    });
  });
  const bytes = new Uint8Array(total);
  let at = 0;
  const put = (b: ByteBuf | null) => {
    if (!b) return;
    bytes.set(b.view(), at);
    at += b.len;
  };
  for (const enc of encoders) {
    put(enc.csv);
    enc.values.forEach((v, i) => {
      put(v);
      put(enc.defs[i]!);
    });
  }
  return { bytes, layout };
}

/** Encodes the record's rows into this thread's encoders. */
function encode(record: ArticleRecord): TableEncoder[] {
  if (!encoders) {
    encoders = ARTICLE_TABLES.map((spec) => new TableEncoder(spec));
    byName = Object.fromEntries(ARTICLE_TABLES.map((spec, t) => [spec.name, encoders![t]!])) as Record<
      ArticleTableName,
      TableEncoder
    >;
  }
  for (const enc of encoders) enc.reset();
  emitRows(record, byName!);
  return encoders;
}

/** The record's parts of the four tables as articleTables encodes them, as views into this thread's encoders: valid
 * only until the next call, for a caller that copies them at once (TablesWriter.add). Packing them into a new array
 * per article, 40 KB, made the main thread's heap collect for external memory every ~100 articles. */
export function transientTableParts(record: ArticleRecord): TablePart[] {
  return encode(record).map((enc) => enc.part());
}

/** The four parts of an ArticleTables, in ARTICLE_TABLES order. */
export function tableParts(t: ArticleTables): TablePart[] {
  const { bytes, layout } = t;
  let at = 0;
  let k = 0;
  const take = (n: number): Uint8Array => bytes.subarray(at, (at += n));
  return ARTICLE_TABLES.map((spec) => {
    const rows = layout[k++]!;
    const csv = take(layout[k++]!);
    const values: Uint8Array[] = [];
    const defs: (Uint8Array | null)[] = [];
    for (const c of recordColumns(spec)) {
      values.push(take(layout[k++]!));
      const d = layout[k++]!;
      defs.push(c.nullable ? take(d) : null);
    }
    return { rows, csv, values, defs };
  });
}
