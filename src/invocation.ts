// Where the user ran the command from. npm runs a package's scripts in the package's folder and says where the
// user was in INIT_CWD; relative paths given to this package's own scripts (`npm run pipeline -- --input x`)
// are relative to that folder, as they are for the installed command. A script of another package that calls
// ours (its package.json names its own folder) keeps npm's usual meaning: its package's folder.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OWN_PACKAGE_JSON = fileURLToPath(new URL('../package.json', import.meta.url));
const OWN_ROOT = fileURLToPath(new URL('../', import.meta.url));

const real = (path: string): string => {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
};

/** The folder relative paths on the command line are relative to: INIT_CWD when npm runs one of this package's
 * scripts (npm then starts it in the package's folder), else the working folder (a process a script started in
 * another folder inherits INIT_CWD, but not npm's choice of folder). */
export function invocationFolder(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  const { INIT_CWD, npm_package_json } = env;
  const ours = npm_package_json !== undefined && real(npm_package_json) === real(OWN_PACKAGE_JSON);
  if (INIT_CWD && ours && real(cwd) === real(OWN_ROOT)) return INIT_CWD;
  return cwd;
}
