// npm run report [-- DATASET [REPORTDIR]]: the static HTML report of a dataset (default output/report/).
import { join } from 'node:path';
import { writeReport } from '../src/outputs/report/index.ts';

const dataset = process.argv[2] ?? join('output', 'dataset.jsonl');
const reportDir = process.argv[3] ?? join('output', 'report');
const t0 = performance.now();
await writeReport(dataset, reportDir);
console.log(`report: ${join(reportDir, 'index.html')} (${Math.round(performance.now() - t0)} ms)`);
