// writeTables: dataset.jsonl → tables/{articles,entities,mentions,quotes}.{csv,parquet}, streaming the dataset.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvSink } from './csv-sink.ts';
import { ParquetSink } from './parquet-sink.ts';
import { readDataset } from './read-dataset.ts';
import { articleRows } from './rows.ts';
import { TABLES, type Row, type TableSpec } from './spec.ts';

export { TABLES } from './spec.ts';

// A row group is flushed at this many rows or this many string characters, whichever comes first: bounded
// memory, and boundaries that depend only on the data, so the same dataset gives the same bytes.
const BATCH_ROWS = 20_000;
const BATCH_CHARS = 16_000_000;

class TableWriter {
  private rows: Row[] = [];
  private chars = 0;
  private readonly csv: CsvSink;
  private readonly parquet: ParquetSink;

  constructor(dir: string, spec: TableSpec) {
    this.csv = new CsvSink(join(dir, `${spec.name}.csv`), spec);
    this.parquet = new ParquetSink(join(dir, `${spec.name}.parquet`), spec);
  }

  add(rows: Row[]): void {
    for (const row of rows) {
      this.rows.push(row);
      for (const cell of row) if (typeof cell === 'string') this.chars += cell.length;
      if (this.rows.length >= BATCH_ROWS || this.chars >= BATCH_CHARS) this.flush();
    }
  }

  flush(): void {
    this.csv.write(this.rows);
    this.parquet.write(this.rows);
    this.rows = [];
    this.chars = 0;
  }

  commit(): void {
    this.flush();
    this.csv.commit();
    this.parquet.commit();
  }

  abort(): void {
    this.csv.abort();
    this.parquet.abort();
  }
}

/** Writes the four flat tables of a dataset.jsonl as CSV and Parquet under `outDir/tables/`. */
export async function writeTables(datasetPath: string, outDir: string): Promise<void> {
  const dir = join(outDir, 'tables');
  await mkdir(dir, { recursive: true });
  const writers = new Map(TABLES.map((spec) => [spec.name, new TableWriter(dir, spec)]));
  try {
    for await (const record of readDataset(datasetPath)) {
      const rows = articleRows(record);
      for (const [name, w] of writers) w.add(rows[name]);
    }
    // Every file is complete before any is renamed into place; a failure leaves the previous tables.
    for (const w of writers.values()) w.commit();
  } catch (err) {
    for (const w of writers.values()) w.abort();
    throw err;
  }
}
