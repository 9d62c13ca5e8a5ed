// npm run tables [-- DATASET [OUTDIR]]: flat CSV and Parquet tables beside a dataset (default output/).
import { join } from 'node:path';
import { writeTables } from '../src/outputs/tables/index.ts';

const dataset = process.argv[2] ?? join('output', 'dataset.jsonl');
const outDir = process.argv[3] ?? 'output';
const t0 = performance.now();
await writeTables(dataset, outDir);
console.log(`tables: ${join(outDir, 'tables')} (${Math.round(performance.now() - t0)} ms)`);
