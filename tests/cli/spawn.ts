// Running the command as a user would: through tsx (the repository), npm run, or an installed bin, in a chosen
// folder, with npm's variables of the test run itself removed (a test started by `npm test` inherits INIT_CWD,
// which would otherwise say where the user was).
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname.replace(/\/$/, '');
export const TSX = join(ROOT, 'node_modules/.bin/tsx');
export const CLI = join(ROOT, 'src/cli.ts');

/** The environment without npm's per-script variables. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { FORCE_COLOR: '0' };
  for (const [k, v] of Object.entries(process.env))
    if (!k.startsWith('npm_') && k !== 'INIT_CWD' && k !== 'FORCE_COLOR') env[k] = v;
  return env;
}

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end; `input` is written to its standard input. */
export function run(command: string, args: string[], cwd: string, input?: string | Buffer): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.end(input ?? '');
  });
}

/** The command from the repository's sources, without npm. */
export const cli = (args: string[], cwd: string, input?: string | Buffer): Promise<Ran> =>
  run(TSX, [CLI, ...args], cwd, input);

/** `npm run -s pipeline -- …` started in `cwd` (the repository or a folder inside it). */
export const npmRunPipeline = (args: string[], cwd: string): Promise<Ran> =>
  run('npm', ['run', '-s', 'pipeline', '--', ...args], cwd);
