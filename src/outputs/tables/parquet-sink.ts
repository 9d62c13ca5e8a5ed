// One table as a Parquet file, from column values already encoded as bytes (src/outputs/tables/chunk.ts): explicit schema,
// one row group per batch, one DATA_PAGE_V2 page per column chunk with PLAIN values and snappy compression,
// min/max and null-count statistics. The thrift structures (page headers, the footer) and the level encoding are
// hyparquet-writer's own functions; only the values are ours, so that no cell is ever a JavaScript value here.
//
// Why not hyparquet-writer's ParquetWriter, which wrote these files until 2026-11-28: it takes columns of JS
// values, so the main thread had to hold every cell of a row group as a string (the article texts included) until
// the group was encoded, and it then spent as much again looking for a dictionary in every column, comparing
// strings for the statistics and encoding each one to UTF-8. Fed bytes, a row group is a copy, a snappy call and
// a few headers. The files are PLAIN-encoded where hyparquet-writer chose dictionaries for repetitive columns
// (ids, types, names): larger before compression, and read the same way by DuckDB, pandas and any other reader.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ColumnChunk, FileMetaData, RowGroup, SchemaElement } from 'hyparquet';
import { ByteWriter, schemaFromColumnData } from 'hyparquet-writer';
import { writePageHeader } from 'hyparquet-writer/src/datapage.js';
import { writeRleBitPackedHybrid } from 'hyparquet-writer/src/encoding.js';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { snappyCompressor } from 'hysnappy';
import type { ColumnSpec, TableSpec } from './spec.ts';
import type { OutputSet } from '../../io/commit.ts';

// created_by goes into the file footer: fixed, with no version or time in it, so the bytes are the same every run.
export const PARQUET_CREATED_BY = 'quote-pipeline tables (hyparquet-writer)';

const MAGIC = Buffer.from('PAR1', 'latin1');

// Snappy pages are compressed by hysnappy (the hyparquet authors' WebAssembly build of snappy, 20 KB) rather than
// hyparquet-writer's JavaScript compressor, which took about half of the Parquet time before; its output is valid
// snappy, and it copies every result out of its memory. Its output also depends on what the instance compressed
// before (what an earlier call left in its memory steers the choice of matches; every match is still checked, so
// the data is right, only the bytes differ): one instance per file, so a file's bytes depend on its own pages
// alone, not on what the process wrote before (a second run in one process gave other bytes than the first).
type Compress = (input: Uint8Array) => Uint8Array;

/** One column of a row group: its PLAIN values and, for a nullable column, one definition level byte per row. */
export interface ColumnGroup {
  values: Uint8Array;
  defs: Uint8Array | null;
}

/** Appends row groups of one table to a Parquet file, renamed into place on commit. */
export class ParquetSink {
  private readonly tmp: string;
  private readonly fd: number;
  private readonly schema: SchemaElement[];
  private readonly rowGroups: RowGroup[] = [];
  private offset = 0;
  private rows = 0n;
  private readonly snappy: Compress = snappyCompressor();

  constructor(
    private readonly path: string,
    private readonly spec: TableSpec,
  ) {
    // the random part keeps two writers of one process apart (a run's tables and a check's, in a test)
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    // The schema comes from the spec, never from the data: a batch whose column is all null would otherwise give
    // another type. hyparquet-writer's schemaFromColumnData gives STRING as a UTF8 byte array, REQUIRED unless the
    // column is nullable.
    this.schema = schemaFromColumnData({
      columnData: spec.columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, data: [] })),
    });
    this.fd = openSync(this.tmp, 'w');
    this.append(MAGIC);
  }

  /** Writes one row group of `rows` rows, one ColumnGroup per column of the spec, in spec order. */
  writeGroup(columns: ColumnGroup[], rows: number): void {
    if (!rows) return;
    const start = this.offset;
    const chunks: ColumnChunk[] = [];
    let uncompressed = 0n;
    this.spec.columns.forEach((c, i) => {
      const chunk = this.writeColumn(c, columns[i]!, rows);
      uncompressed += chunk.meta_data!.total_uncompressed_size;
      chunks.push(chunk);
    });
    this.rows += BigInt(rows);
    this.rowGroups.push({
      columns: chunks,
      total_byte_size: uncompressed,
      num_rows: BigInt(rows),
      total_compressed_size: BigInt(this.offset - start),
    });
  }

  /** Writes the footer and syncs the file. */
  finish(): void {
    const footer = new ByteWriter();
    const metadata = {
      version: 2,
      created_by: PARQUET_CREATED_BY,
      schema: this.schema,
      num_rows: this.rows,
      row_groups: this.rowGroups,
    } as FileMetaData;
    writeMetadata(footer, metadata); // the thrift footer and its length
    this.append(footer.getBytes());
    this.append(MAGIC);
    // synced here, before the rename: a crash after it must never leave an empty or partial file in place
    fsyncSync(this.fd);
    closeSync(this.fd);
  }

  /** Hands the finished file to the output set that renames it into place. */
  stageIn(set: OutputSet): void {
    set.adopt(this.tmp, this.path);
  }

  /** Drops the unfinished file. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* closed already */
    }
    rmSync(this.tmp, { force: true });
  }

  private append(bytes: Uint8Array): void {
    let off = 0;
    while (off < bytes.length) off += writeSync(this.fd, bytes, off);
    this.offset += bytes.length;
  }

  /** One column chunk: a single data page (v2: levels uncompressed, values compressed). */
  private writeColumn(c: ColumnSpec, col: ColumnGroup, rows: number): ColumnChunk {
    const element = this.schema.find((e) => e.name === c.name)!;
    let nulls = 0;
    let levels: Uint8Array = new Uint8Array(0);
    if (col.defs) {
      for (let i = 0; i < rows; i++) if (col.defs[i] === 0) nulls++;
      const w = new ByteWriter();
      writeRleBitPackedHybrid(w, col.defs, 1);
      levels = w.getBytes();
    }
    const compressed = this.snappy(col.values);
    const header = new ByteWriter();
    writePageHeader(header, {
      type: 'DATA_PAGE_V2',
      uncompressed_page_size: levels.length + col.values.length,
      compressed_page_size: levels.length + compressed.length,
      data_page_header_v2: {
        num_values: rows,
        num_nulls: nulls,
        num_rows: rows,
        encoding: 'PLAIN',
        definition_levels_byte_length: levels.length,
        repetition_levels_byte_length: 0,
        is_compressed: true,
      },
    });
    const headerBytes = header.getBytes();
    const offset = this.offset;
    this.append(headerBytes);
    this.append(levels);
    this.append(compressed);
    const { min, max } = minMax(c, col.values, rows - nulls);
    return {
      file_offset: BigInt(offset),
      meta_data: {
        type: element.type!,
        encodings: col.defs ? ['PLAIN', 'RLE'] : ['PLAIN'],
        path_in_schema: [c.name],
        codec: 'SNAPPY',
        num_values: BigInt(rows),
        total_uncompressed_size: BigInt(headerBytes.length + levels.length + col.values.length),
        total_compressed_size: BigInt(this.offset - offset),
        data_page_offset: BigInt(offset),
        statistics: { null_count: BigInt(nulls), ...(min !== undefined ? { min_value: min, max_value: max } : {}) },
      },
    };
  }
}

/** The least and greatest of `count` PLAIN values: signed for INT32, numeric for DOUBLE (NaN skipped, zero as -0
 * for a min and +0 for a max, as the format asks), unsigned byte order for strings (UTF-8 byte order is code point
 * order); writeMetadata truncates long strings the way the format allows. */
function minMax(
  c: ColumnSpec,
  values: Uint8Array,
  count: number,
): { min?: number | Uint8Array; max?: number | Uint8Array } {
  if (!count) return {};
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  if (c.type === 'INT32') {
    let min = view.getInt32(0, true);
    let max = min;
    for (let at = 4; at < count * 4; at += 4) {
      const v = view.getInt32(at, true);
      if (v < min) min = v;
      else if (v > max) max = v;
    }
    return { min, max };
  }
  if (c.type === 'DOUBLE') {
    let min = Infinity;
    let max = -Infinity;
    let any = false;
    for (let at = 0; at < count * 8; at += 8) {
      const v = view.getFloat64(at, true);
      if (Number.isNaN(v)) continue;
      any = true;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    if (!any) return {};
    return { min: min === 0 ? -0 : min, max: max === 0 ? 0 : max };
  }
  // strings: [length uint32 LE][UTF-8] one after another. A value whose first byte lies strictly between those of
  // the min and the max can be neither, which settles most values (repeated ids, types) without a comparison.
  const b = values;
  let minAt = 4;
  let minLen = view.getUint32(0, true);
  let maxAt = minAt;
  let maxLen = minLen;
  let minFirst = minLen ? b[minAt]! : -1;
  let maxFirst = minFirst;
  for (let at = 4 + minLen; at < b.length;) {
    const len = view.getUint32(at, true);
    const v = at + 4;
    at = v + len;
    const first = len ? b[v]! : -1;
    if (first > minFirst && first < maxFirst) continue;
    if (first <= minFirst && compareBytes(b, v, len, minAt, minLen) < 0) {
      minAt = v;
      minLen = len;
      minFirst = first;
    } else if (first >= maxFirst && compareBytes(b, v, len, maxAt, maxLen) > 0) {
      maxAt = v;
      maxLen = len;
      maxFirst = first;
    }
  }
  // copies (the values may be a Buffer, whose slice() is a view): the footer is written at the end, and the
  // values' buffer is reused for the next row group
  const copy = (from: number, len: number) => Uint8Array.prototype.slice.call(b, from, from + len);
  return { min: copy(minAt, minLen), max: copy(maxAt, maxLen) };
}

function compareBytes(b: Uint8Array, a: number, aLen: number, c: number, cLen: number): number {
  const n = Math.min(aLen, cLen);
  for (let i = 0; i < n; i++) {
    const d = b[a + i]! - b[c + i]!;
    if (d) return d;
  }
  return aLen - cLen;
}
