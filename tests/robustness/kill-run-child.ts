// Child process for outputs.test.ts and `npm run kill-test`: a real pipeline run (dataset, schema, manifest,
// tables, report, cache) into an output folder, killed with SIGKILL (no clean-up of any kind) at a point of its
// commit, to leave the folder as a crash there would.
//   node --import tsx kill-run-child.ts INPUT OUTPUT POINT [CONFIG] [force]   with POINT one of
//   staged (every file complete under its temporary name, no journal yet), journal (journal written, nothing
//   renamed), rename:K (after K renames; K past the last: after them all, before the journal goes), none
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/config.ts';
import { FolderSink } from '../../src/outputs/sink.ts';
import { runPipelineAsync } from '../../src/run/runner.ts';

const [input, output, point = 'none', configFile, force] = process.argv.slice(2) as [
  string,
  string,
  string?,
  string?,
  string?,
];
const die = () => process.kill(process.pid, 'SIGKILL');
const [what, n] = point.split(':') as [string, string?];
const config = parseConfig(configFile ? JSON.parse(readFileSync(configFile, 'utf8')) : {});
const sink = new FolderSink(output, {
  beforeJournal: () => (what === 'staged' ? die() : undefined),
  afterJournal: () => (what === 'journal' ? die() : undefined),
  afterRename: (done, total) => (what === 'rename' && done === Math.min(Number(n), total) ? die() : undefined),
});
await runPipelineAsync({
  input,
  config,
  sink,
  cacheDir: output,
  force: force === 'force',
  outputs: { tablesOutDir: output, reportDir: join(output, 'report') },
});
