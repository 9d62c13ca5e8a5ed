// writeOutputs: the flat tables and the HTML report from one read of dataset.jsonl. Each record is parsed once
// and handed to both writers, so the pair costs one parse, not two.
import { ReportWriter } from './report/index.ts';
import { TablesWriter } from './tables/index.ts';
import { readDatasetSync } from './read-dataset.ts';
import { CorpusIndex } from './corpus/index.ts';

export interface OutputsOptions {
  /** Folder that gets tables/ (as writeTables); omitted: no tables. */
  tablesOutDir?: string;
  /** Folder of the report (as writeReport); omitted: no report. */
  reportDir?: string;
}

/** Writes the tables and/or the report of a dataset.jsonl in one pass; the same bytes as writeTables and writeReport. */
export async function writeOutputs(datasetPath: string, opts: OutputsOptions): Promise<void> {
  const tables = opts.tablesOutDir !== undefined ? new TablesWriter(opts.tablesOutDir) : undefined;
  try {
    const report = opts.reportDir !== undefined ? new ReportWriter(opts.reportDir) : undefined;
    const corpus = new CorpusIndex();
    for (const record of readDatasetSync(datasetPath)) {
      tables?.add(record);
      report?.add(record);
      corpus.add(record);
    }
    // the report's index goes out only once every table is complete, so a bad line leaves neither new
    const resolved = corpus.resolve();
    tables?.commit(resolved);
    report?.finish(resolved);
  } catch (err) {
    tables?.abort();
    throw err;
  }
}
