// One table as RFC 4180 CSV: a header row, CRLF record ends, fields quoted only when they must be.
import { stringify } from 'csv-stringify/sync';
import { AtomicWriter } from '../io/atomic.ts';
import type { Row, TableSpec } from './spec.ts';

// quote_record_delimiter: with an explicit record_delimiter, csv-stringify otherwise quotes only fields holding the
// whole CRLF, and a field with a bare LF or CR and no comma or quote (a paragraph break in an article's text) went
// out unquoted: readers then split the record there (DuckDB refused the file; Python's csv read extra rows).
const OPTIONS = { record_delimiter: 'windows', quote_record_delimiter: true } as const;
// Stringified rows are gathered to about this many characters before one write: fewer system calls than a
// write per article, and short-lived strings.
const WRITE_CHARS = 1 << 20;

/** The CSV records of some rows (no header), each ended by CRLF; '' for none. csv-stringify ends every record
 * with the delimiter, so the texts of separate calls concatenate into the text of one call: a worker can
 * stringify one article's rows and the main thread only appends the text. */
export function csvText(rows: Row[]): string {
  return rows.length ? stringify(rows, OPTIONS) : '';
}

/** Appends rows of one table to a CSV file, written atomically on commit. */
export class CsvSink {
  private readonly out: AtomicWriter;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(path: string, spec: TableSpec) {
    this.out = new AtomicWriter(path);
    // The header goes out even for an empty table, so every file names its columns.
    this.out.write(stringify([spec.columns.map((c) => c.name)], OPTIONS));
  }

  /** Appends rows; null cells become empty fields. */
  write(rows: Row[]): void {
    // Called per article rather than per 20,000 rows: that keeps csv-stringify's intermediate strings young;
    // with large batches they outlived the young generation and the copying cost as much as the stringifying.
    this.writeText(csvText(rows));
  }

  /** Appends records already stringified by csvText (by a pipeline worker, or read from the cache). */
  writeText(text: string): void {
    if (!text) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= WRITE_CHARS) this.flush();
  }

  /** Writes what is left and syncs the temporary file. */
  finish(): void {
    this.flush();
    this.out.prepare();
  }

  /** Renames the finished file into place (the caller syncs the folder). */
  publish(): void {
    this.out.renameIntoPlace();
  }

  /** Drops the unfinished file. */
  abort(): void {
    this.out.abort();
  }

  private flush(): void {
    if (!this.pending.length) return;
    this.out.write(this.pending.join(''));
    this.pending = [];
    this.pendingChars = 0;
  }
}
