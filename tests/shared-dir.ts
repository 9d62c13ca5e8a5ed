// Where the team's shared material is: ../shared beside the repository (as CI lays it out), or SHARED_DIR.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The shared folder's path, or undefined when it is absent (tests that read it then say they are skipped). */
export function sharedDir(): string | undefined {
  const dir = resolve(ROOT, process.env['SHARED_DIR'] ?? '../shared');
  return existsSync(dir) ? dir : undefined;
}
