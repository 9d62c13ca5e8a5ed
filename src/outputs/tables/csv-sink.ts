// One table as RFC 4180 CSV: a header row, CRLF record ends, fields quoted only when they must be (and guarded
// against formula injection: src/outputs/tables/csv-rule.ts).
import type { AtomicWriter } from '../../io/atomic.ts';
import type { OutputSet } from '../../io/commit.ts';
import { ByteBuf } from './bytes.ts';
import { csvCell } from './csv-rule.ts';
import type { Row, TableSpec } from './spec.ts';

// Records are gathered to about this many bytes before one write.
const WRITE_BYTES = 1 << 20;

/** The CSV records of some rows (no header), each ended by CRLF; '' for none. The files' header row is written
 * by it; their records are encoded straight to bytes by src/outputs/tables/chunk.ts with the same rule
 * (src/outputs/tables/csv-rule.ts; a test compares). The quoting is d3-dsv's csvFormatRow's, which wrote these
 * files before (a field quoted when it holds a comma, a quote, a CR or an LF, quotes doubled, null as an empty
 * field, numbers as String(n)), plus the semicolon and the formula guard. */
export function csvText(rows: Row[]): string {
  let text = '';
  for (const row of rows) text += `${row.map(csvCell).join(',')}\r\n`;
  return text;
}

/** Appends the CSV records of one table to a file, staged in an output set and renamed into place when it commits. The records come encoded, an
 * article at a time (src/outputs/tables/chunk.ts writes them with the same rule as csvText), and are gathered to about a
 * megabyte before one write: fewer system calls than a write per article. */
export class CsvSink {
  private readonly out: AtomicWriter;
  // copied here: the records may be views into an encoder's buffers that the next article overwrites
  private readonly pending = new ByteBuf(WRITE_BYTES + (1 << 16));

  constructor(path: string, spec: TableSpec, set: OutputSet) {
    this.out = set.writer(path, { digest: false }); // nothing records a table's hash
    // The header goes out even for an empty table, so every file names its columns.
    this.out.write(csvText([spec.columns.map((c) => c.name)]));
  }

  /** Appends encoded records (each ended by CRLF). */
  write(records: Uint8Array): void {
    if (!records.length) return;
    this.pending.bytes(records);
    if (this.pending.len >= WRITE_BYTES) this.flush();
  }

  /** Writes what is left and syncs the temporary file. */
  finish(): void {
    this.flush();
    this.out.prepare();
  }

  /** Drops the unfinished file. */
  abort(): void {
    this.out.abort();
  }

  private flush(): void {
    if (!this.pending.len) return;
    this.out.write(this.pending.view()); // written before it returns, so the buffer is free again
    this.pending.reset();
  }
}
