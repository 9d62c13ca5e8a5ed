// writeOutputs: the flat tables and the HTML report from one read of dataset.jsonl. Each record is parsed once
// and handed to both writers, so the pair costs one parse, not two.
import { ReportWriter } from './report/index.ts';
import { TablesWriter } from './tables/index.ts';
import { readDatasetSync } from './read-dataset.ts';
import { OutputSet, recoverFolder } from '../io/commit.ts';
import { CorpusIndex } from './corpus/index.ts';
import { OUTPUT_FOLDERS } from './sink.ts';

export interface OutputsOptions {
  /** Folder that gets tables/ (as writeTables); omitted: no tables. */
  tablesOutDir?: string;
  /** Folder of the report (as writeReport); omitted: no report. */
  reportDir?: string;
}

/** Writes the tables and/or the report of a dataset.jsonl in one pass; the same bytes as writeTables and writeReport. */
// eslint-disable-next-line @typescript-eslint/require-await -- a promise in the public API; the writing is synchronous
export async function writeOutputs(datasetPath: string, opts: OutputsOptions): Promise<void> {
  // One output set when the report lies in the tables' folder (the usual `out` and `out/report`): both commit
  // together, or neither does.
  let set: OutputSet | undefined;
  if (opts.tablesOutDir !== undefined) {
    // what a killed run or writer left there (temporary files of processes that are gone, a journal to finish)
    recoverFolder(opts.tablesOutDir, { folders: OUTPUT_FOLDERS });
    set = new OutputSet(opts.tablesOutDir);
  }
  let tables: TablesWriter | undefined;
  let report: ReportWriter | undefined;
  try {
    tables = opts.tablesOutDir !== undefined ? new TablesWriter(opts.tablesOutDir, set) : undefined;
    report = opts.reportDir !== undefined ? new ReportWriter(opts.reportDir, set) : undefined;
    const corpus = new CorpusIndex();
    for (const record of readDatasetSync(datasetPath)) {
      tables?.add(record);
      report?.add(record);
      corpus.add(record);
    }
    // every file complete under its temporary name before any is renamed: a bad line leaves nothing new
    const resolved = corpus.resolve();
    tables?.finish(resolved);
    report?.finish(resolved); // commits the report's own set, when it has one (a report outside the tables' folder)
    set?.commit();
  } catch (err) {
    tables?.abort();
    report?.abort();
    set?.abort();
    throw err;
  }
}
