// writeTables: dataset.jsonl → tables/{articles,entities,mentions,quotes}.{csv,parquet}, streaming the dataset.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { syncDir } from '../io/atomic.ts';
import { recoverFolder } from '../io/commit.ts';
import type { ArticleRecord } from '../schema.ts';
import { CsvSink } from './csv-sink.ts';
import { ParquetSink } from './parquet-sink.ts';
import { readDatasetSync } from './read-dataset.ts';
import { articleRows } from './rows.ts';
import { TABLES, type Cell, type Row, type TableName, type TableSpec } from './spec.ts';

export { TABLES } from './spec.ts';

// A row group is flushed at this many rows or this many string characters, whichever comes first: bounded
// memory, and boundaries that depend only on the data, so the same dataset gives the same bytes.
const BATCH_ROWS = 20_000;
const BATCH_CHARS = 16_000_000;

/** One table: CSV rows go out per article, Parquet columns are gathered into row groups. */
class TableWriter {
  // The row group being gathered, column by column: hyparquet-writer takes columns, so cells go straight
  // into them rather than into row arrays kept for 20,000 rows and transposed at the end.
  private columns: Cell[][];
  private rows = 0;
  private chars = 0;
  private readonly csv: CsvSink;
  private readonly parquet: ParquetSink;

  constructor(dir: string, private readonly spec: TableSpec) {
    this.columns = spec.columns.map(() => []);
    this.csv = new CsvSink(join(dir, `${spec.name}.csv`), spec);
    this.parquet = new ParquetSink(join(dir, `${spec.name}.parquet`), spec);
  }

  /** Adds one article's rows. */
  add(rows: Row[]): void {
    this.csv.write(rows);
    for (const row of rows) {
      const cols = this.columns; // a new set after every flush
      for (let i = 0; i < row.length; i++) {
        const cell = row[i]!;
        cols[i]!.push(cell);
        if (typeof cell === 'string') this.chars += cell.length;
      }
      // checked after every row, not every article, so the cuts fall where they always have
      if (++this.rows >= BATCH_ROWS || this.chars >= BATCH_CHARS) this.flush();
    }
  }

  flush(): void {
    this.parquet.write(this.columns, this.rows);
    this.columns = this.spec.columns.map(() => []);
    this.rows = 0;
    this.chars = 0;
  }

  /** Writes what is left and the Parquet footer; nothing is renamed yet. */
  finish(): void {
    this.flush();
    this.csv.finish();
    this.parquet.finish();
  }

  publish(): void {
    this.csv.publish();
    this.parquet.publish();
  }

  abort(): void {
    this.csv.abort();
    this.parquet.abort();
  }
}

/** Writes the four tables record by record; nothing is in place until commit(). */
export class TablesWriter {
  private readonly writers: [TableName, TableWriter][];
  private readonly dir: string;

  /** Opens temporary files for the eight tables under `outDir/tables/`. */
  constructor(outDir: string) {
    this.dir = join(outDir, 'tables');
    mkdirSync(this.dir, { recursive: true });
    // A pipeline run keeps the temporary files open for the whole run: one killed meanwhile leaves them, and
    // they would pile up here (the output folder's own recovery does not look into tables/).
    recoverFolder(this.dir);
    this.writers = [];
    try {
      for (const spec of TABLES) this.writers.push([spec.name, new TableWriter(this.dir, spec)]);
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Adds one dataset record's rows to every table. */
  add(record: ArticleRecord): void {
    const rows = articleRows(record);
    for (const [name, w] of this.writers) w.add(rows[name]);
  }

  /** Finishes the files and renames them into place: every file is complete before any is renamed. */
  commit(): void {
    this.finish();
    this.publish();
  }

  /** Completes and syncs the eight temporary files, renaming none: a pipeline run does this before committing
   * its dataset, so that a table that cannot be written fails the run before anything is in place. */
  finish(): void {
    for (const [, w] of this.writers) w.finish();
  }

  /** Renames the finished files into place. */
  publish(): void {
    for (const [, w] of this.writers) w.publish();
    syncDir(this.dir);
  }

  /** Drops the unfinished files, leaving the previous tables. */
  abort(): void {
    for (const [, w] of this.writers) w.abort();
  }
}

/** Writes the four flat tables of a dataset.jsonl as CSV and Parquet under `outDir/tables/`. */
export async function writeTables(datasetPath: string, outDir: string): Promise<void> {
  const tables = new TablesWriter(outDir);
  try {
    for (const record of readDatasetSync(datasetPath)) tables.add(record);
    tables.commit();
  } catch (err) {
    tables.abort();
    throw err;
  }
}
