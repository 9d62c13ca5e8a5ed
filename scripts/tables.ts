// npm run tables [-- DATASET [OUTDIR]]: flat CSV and Parquet tables beside a dataset (default output/). Relative
// paths are relative to the folder the command was run from.
import { join, resolve } from 'node:path';
import { invocationFolder } from '../src/invocation.ts';
import { writeTables } from '../src/outputs/tables/index.ts';
import { scriptHelp } from './help.ts';

scriptHelp('tables', 'Write the flat tables (CSV and Parquet) of a dataset into OUTDIR/tables/ (docs/tables.md).', [
  '[DATASET [OUTDIR]]   (default: output/dataset.jsonl into output/)',
]);
const cwd = invocationFolder();
const [datasetArg = join('output', 'dataset.jsonl'), outArg = 'output'] = process.argv.slice(2);
const dataset = resolve(cwd, datasetArg);
const outDir = resolve(cwd, outArg);
const t0 = performance.now();
try {
  await writeTables(dataset, outDir);
  console.log(`tables: ${join(outArg, 'tables')} (${Math.round(performance.now() - t0)} ms)`);
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
