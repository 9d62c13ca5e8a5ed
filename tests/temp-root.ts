// vitest globalSetup: every temporary folder of a test run goes under one folder of its own, removed when the run
// ends. Tests make their folders with mkdtemp(tmpdir()) and many keep them (to be read after a failure); without
// this, each run left ~100 folders with thousands of files in the system's temp folder. TMPDIR is read by
// os.tmpdir() on every call and inherited by the test processes and the CLI processes they start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'quote-pipeline-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    // KEEP_TEST_TMP=1 keeps the folders for a look after a failure
    if (process.env.KEEP_TEST_TMP) console.log(`test temp folders kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
