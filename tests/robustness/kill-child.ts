// Child process for outputs.test.ts: writes a dataset version through the real FolderSink and kills itself
// (SIGKILL, no clean-up of any kind) at the point it is told, to leave the folder as a crash would.
//   node --import tsx kill-child.ts OUT_DIR VERSION POINT   with POINT one of
//   stream:N (after N dataset lines), journal (journal written, nothing renamed), rename:K (after K renames), none
import { FolderSink } from '../../src/outputs/sink.ts';

const [dir, version, point = 'none'] = process.argv.slice(2) as [string, string, string?];
const die = () => process.kill(process.pid, 'SIGKILL');
const [what, n] = point.split(':') as [string, string?];
const sink = new FolderSink(dir, {
  afterJournal: () => (what === 'journal' ? die() : undefined),
  afterRename: (done) => (what === 'rename' && done === Number(n) ? die() : undefined),
});
const LINES = 200;
sink.openDataset();
for (let i = 0; i < LINES; i++) {
  sink.appendDataset(`${JSON.stringify({ id: `a${String(i).padStart(4, '0')}`, version, text: 'x'.repeat(500) })}\n`);
  if (what === 'stream' && i + 1 === Number(n)) die();
}
sink.writeFile('schema.json', `${JSON.stringify({ version })}\n`);
sink.writeFile('manifest.json', `${JSON.stringify({ version, counts: { ok: LINES } }, null, 2)}\n`);
sink.commit();
