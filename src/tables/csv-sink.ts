// One table as RFC 4180 CSV: a header row, CRLF record ends, fields quoted only when they must be.
import { stringify } from 'csv-stringify/sync';
import { AtomicWriter } from '../io/atomic.ts';
import type { Row, TableSpec } from './spec.ts';

/** Appends row batches of one table to a CSV file, written atomically on commit. */
export class CsvSink {
  private readonly out: AtomicWriter;

  constructor(path: string, spec: TableSpec) {
    this.out = new AtomicWriter(path);
    // The header goes out even for an empty table, so every file names its columns.
    this.out.write(stringify([spec.columns.map((c) => c.name)], { record_delimiter: 'windows' }));
  }

  /** Appends rows; null cells become empty fields. */
  write(rows: Row[]): void {
    if (rows.length) this.out.write(stringify(rows, { record_delimiter: 'windows' }));
  }

  /** Renames the finished file into place. */
  commit(): void {
    this.out.commit();
  }

  /** Drops the unfinished file. */
  abort(): void {
    this.out.abort();
  }
}
