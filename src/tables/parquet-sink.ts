// One table as Parquet with hyparquet-writer (pure JS): explicit schema, one row group per batch, snappy pages.
import { renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ParquetWriter, fileWriter, schemaFromColumnData, type ColumnSource } from 'hyparquet-writer';
import type { Cell, TableSpec } from './spec.ts';

// created_by goes into the file footer. hyparquet-writer's default carries no version or time, but naming it
// here keeps the bytes fixed even if a later writer release changes its default.
export const PARQUET_CREATED_BY = 'quote-pipeline tables (hyparquet-writer)';

/** Appends row groups of one table to a Parquet file, renamed into place on commit. */
export class ParquetSink {
  private readonly tmp: string;
  private readonly writer: ParquetWriter;

  constructor(private readonly path: string, private readonly spec: TableSpec) {
    this.tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    // The schema is fixed from the spec, not inferred from the first batch: a batch whose column is all null
    // would otherwise give a different type, and the bytes would depend on batch boundaries.
    const schema = schemaFromColumnData({ columnData: this.columnSources(spec.columns.map(() => [])) });
    this.writer = new ParquetWriter({ writer: fileWriter(this.tmp), schema, codec: 'SNAPPY', createdBy: PARQUET_CREATED_BY });
  }

  /** Writes one row group from its columns (one array per column of the spec, in spec order, nulls as null). */
  write(columns: Cell[][], rows: number): void {
    if (!rows) return;
    // hyparquet-writer's node file writer is synchronous, so write() returns no promise.
    void this.writer.write({ columnData: this.columnSources(columns), rowGroupSize: rows });
  }

  /** Writes the footer. */
  finish(): void {
    void this.writer.finish();
  }

  /** Renames the finished file into place. */
  publish(): void {
    renameSync(this.tmp, this.path);
  }

  /** Drops the unfinished file. */
  abort(): void {
    rmSync(this.tmp, { force: true });
  }

  private columnSources(columns: Cell[][]): ColumnSource[] {
    return this.spec.columns.map((c, i) => ({ name: c.name, type: c.type, nullable: c.nullable, data: columns[i]! }));
  }
}
