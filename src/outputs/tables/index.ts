// writeTables: dataset.jsonl → tables/{articles,entities,mentions,quotes,speakers,corpus_entities}.{csv,parquet},
// streaming the dataset. The article tables get each record's rows as it comes (those with a corpus_key column
// through a scratch file, src/outputs/tables/deferred.ts); the corpus tables and the corpus keys are written once the
// corpus pass (src/outputs/corpus/) has seen every record.
import { join } from 'node:path';
import { OutputSet, recoverFolder } from '../../io/commit.ts';
import type { ArticleRecord } from '../../schema.ts';
import { CsvSink } from './csv-sink.ts';
import { ByteBuf } from './bytes.ts';
import { tableParts, TableEncoder, transientTableParts, type ArticleTables, type TablePart } from './chunk.ts';
import { CorpusIndex } from '../corpus/index.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { corpusTableEntries, emitCorpusRow } from './corpus-rows.ts';
import { DeferredRows } from './deferred.ts';
import { ParquetSink } from './parquet-sink.ts';
import { readDatasetSync } from '../read-dataset.ts';
import {
  ARTICLE_TABLES,
  CORPUS_TABLES,
  isCorpusTable,
  TABLES,
  type ColumnType,
  type CorpusTableName,
  type TableName,
  type TableSpec,
} from './spec.ts';

export { TABLES } from './spec.ts';

// A row group is cut after this many rows, and after the article that brings its values to this many bytes:
// bounded memory, and boundaries that depend only on the data, so the same dataset gives the same bytes.
const BATCH_ROWS = 20_000;
const BATCH_BYTES = 16_000_000;
// Corpus table rows are encoded this many at a time.
const CORPUS_ROWS = 1_000;

/** One table: CSV records go out per article, Parquet column bytes are gathered into row groups. */
class TableWriter {
  // The row group being gathered, column by column (kept from group to group: they grow to a group's size once)
  private readonly values: ByteBuf[];
  private readonly defs: (ByteBuf | null)[];
  private rows = 0;
  private bytes = 0;
  private readonly csv: CsvSink;
  private readonly parquet: ParquetSink;

  constructor(
    dir: string,
    private readonly spec: TableSpec,
    private readonly set: OutputSet,
  ) {
    this.values = spec.columns.map(() => new ByteBuf(1 << 16));
    this.defs = spec.columns.map((c) => (c.nullable ? new ByteBuf(1 << 12) : null));
    this.csv = new CsvSink(join(dir, `${spec.name}.csv`), spec, set);
    this.parquet = new ParquetSink(join(dir, `${spec.name}.parquet`), spec);
  }

  /** Adds one article's part of the table. */
  add(part: TablePart): void {
    this.csv.write(part.csv);
    // A group is cut at exactly BATCH_ROWS rows, in the middle of an article if need be: its rows are split
    // between two groups.
    for (let from = 0; from < part.rows;) {
      const take = Math.min(part.rows - from, BATCH_ROWS - this.rows);
      const whole = from === 0 && take === part.rows;
      this.spec.columns.forEach((c, i) => {
        const values = part.values[i]!;
        const defs = part.defs[i]!;
        const start = whole ? 0 : valueOffset(c.type, values, defs, from);
        const end = whole ? values.length : valueOffset(c.type, values, defs, from + take);
        this.values[i]!.bytes(values.subarray(start, end));
        this.bytes += end - start;
        if (defs) this.defs[i]!.bytes(defs.subarray(from, from + take));
      });
      this.rows += take;
      from += take;
      if (this.rows >= BATCH_ROWS) this.flush();
    }
    if (this.bytes >= BATCH_BYTES) this.flush();
  }

  flush(): void {
    this.parquet.writeGroup(
      this.values.map((v, i) => ({ values: v.view(), defs: this.defs[i]?.view() ?? null })),
      this.rows,
    );
    for (const v of this.values) v.reset();
    for (const d of this.defs) d?.reset();
    this.rows = 0;
    this.bytes = 0;
  }

  /** Writes what is left and the Parquet footer, and stages both files in the set; nothing is renamed yet. */
  finish(): void {
    this.flush();
    this.csv.finish();
    this.parquet.finish();
    this.parquet.stageIn(this.set);
  }

  abort(): void {
    this.csv.abort();
    this.parquet.abort();
  }
}

/** Where the values of the first `rows` rows of a column part end: only a group cut inside an article needs it. */
function valueOffset(type: ColumnType, values: Uint8Array, defs: Uint8Array | null, rows: number): number {
  let present = rows;
  if (defs) {
    present = 0;
    for (let i = 0; i < rows; i++) present += defs[i]!;
  }
  if (type === 'INT32') return present * 4;
  if (type === 'DOUBLE') return present * 8;
  const view = new DataView(values.buffer, values.byteOffset, values.byteLength);
  let at = 0;
  for (let k = 0; k < present; k++) at += 4 + view.getUint32(at, true);
  return at;
}

/** Writes the tables record by record; nothing is in place until the output set they are staged in commits. */
export class TablesWriter {
  private readonly writers: [TableName, TableWriter][];
  /** The article tables with a corpus key, by their index in ARTICLE_TABLES. */
  private readonly deferred = new Map<number, DeferredRows>();
  private readonly dir: string;
  private readonly set: OutputSet;
  /** The set is this writer's own (no run's set given, or one of another folder): publish() commits it. */
  private readonly own: boolean;

  /** Opens temporary files for the tables under `outDir/tables/`, staged in `set` (a pipeline run's output set,
   * committed with its dataset) when the folder lies in it, else in a set of their own. */
  constructor(outDir: string, set?: OutputSet) {
    this.dir = join(outDir, 'tables');
    this.own = set === undefined || set.relative(this.dir) === undefined;
    // Alone, this writer recovers what a killed `npm run tables` left; a run's set was recovered when it began.
    if (this.own) recoverFolder(this.dir);
    this.set = this.own ? new OutputSet(this.dir) : set!;
    this.set.mkdir(this.dir);
    this.writers = [];
    try {
      for (const spec of TABLES) this.writers.push([spec.name, new TableWriter(this.dir, spec, this.set)]);
      ARTICLE_TABLES.forEach((spec, i) => {
        if (spec.columns.some((c) => c.corpusKeyOf)) this.deferred.set(i, new DeferredRows(spec));
      });
    } catch (err) {
      this.abort();
      throw err;
    }
  }

  /** Adds one dataset record's rows to every article table. */
  add(record: ArticleRecord): void {
    this.addParts(transientTableParts(record));
  }

  /** Adds one record's rows as articleTables encoded them (in a pipeline worker, say). */
  addEncoded(t: ArticleTables): void {
    this.addParts(tableParts(t));
  }

  private addParts(parts: TablePart[]): void {
    parts.forEach((part, i) => {
      const d = this.deferred.get(i);
      if (d) d.add(part);
      else this.writers[i]![1].add(part);
    });
  }

  /** Finishes the files and renames them into place: every file is complete before any is renamed. */
  commit(corpus: Corpus): void {
    this.finish(corpus);
    this.publish();
  }

  /** Writes the corpus keys and the corpus tables, then completes and syncs every temporary file, renaming none: a
   * pipeline run does this before committing its dataset, so that a table that cannot be written fails the run
   * before anything is in place. */
  finish(corpus: Corpus): void {
    for (const [i, d] of this.deferred) for (const part of d.parts(corpus)) this.writers[i]![1].add(part);
    for (const [name, w] of this.writers) if (isCorpusTable(name)) writeCorpusTable(w, name, corpus);
    for (const [, w] of this.writers) w.finish();
  }

  /** Renames the finished files into place when the set is this writer's own; a run's set does it with the rest. */
  publish(): void {
    if (this.own) this.set.commit();
  }

  /** Drops the unfinished files, leaving the previous tables. */
  abort(): void {
    for (const [, w] of this.writers) w.abort();
    if (this.own) this.set.abort();
  }
}

/** Writes a corpus table's rows, a thousand at a time. */
function writeCorpusTable(w: TableWriter, name: CorpusTableName, corpus: Corpus): void {
  const enc = new TableEncoder(CORPUS_TABLES.find((t) => t.name === name)!);
  const entries = corpusTableEntries(corpus, name);
  for (let i = 0; i < entries.length; i += CORPUS_ROWS) {
    enc.reset();
    for (const e of entries.slice(i, i + CORPUS_ROWS)) emitCorpusRow(e, enc);
    w.add(enc.part());
  }
}

/** Writes the flat tables of a dataset.jsonl as CSV and Parquet under `outDir/tables/`. */
// eslint-disable-next-line @typescript-eslint/require-await -- a promise in the public API; the writing is synchronous
export async function writeTables(datasetPath: string, outDir: string): Promise<void> {
  const tables = new TablesWriter(outDir);
  const corpus = new CorpusIndex();
  try {
    for (const record of readDatasetSync(datasetPath)) {
      tables.add(record);
      corpus.add(record);
    }
    tables.commit(corpus.resolve());
  } catch (err) {
    tables.abort();
    throw err;
  }
}
