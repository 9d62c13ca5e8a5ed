// npm run report [-- DATASET [REPORTDIR]]: the static HTML report of a dataset (default output/report/). Relative
// paths are relative to the folder the command was run from.
import { join, resolve } from 'node:path';
import { invocationFolder } from '../src/invocation.ts';
import { writeReport } from '../src/outputs/report/index.ts';
import { scriptHelp } from './help.ts';

scriptHelp('report', 'Write the static HTML report of a dataset (docs/report.md).', [
  '[DATASET [REPORTDIR]]   (default: output/dataset.jsonl into output/report/)',
]);
const cwd = invocationFolder();
const [datasetArg = join('output', 'dataset.jsonl'), reportArg = join('output', 'report')] = process.argv.slice(2);
const t0 = performance.now();
try {
  await writeReport(resolve(cwd, datasetArg), resolve(cwd, reportArg));
  console.log(`report: ${join(reportArg, 'index.html')} (${Math.round(performance.now() - t0)} ms)`);
} catch (err) {
  process.stderr.write(`error: ${(err as Error).message.split('\n')[0]}\n`);
  process.exitCode = 1;
}
