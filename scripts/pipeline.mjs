// npm run pipeline: the command line as the package ships it (dist/cli.js, compiled JavaScript), compiled first
// from whatever in src/ changed (scripts/compile.mjs), so that a fresh clone runs after `npm ci` and an edited
// source is never run stale. Worker threads then load compiled modules too, without a TypeScript loader.
import { compile } from './compile.mjs';

const n = compile();
if (n > 0) process.stderr.write(`compiled ${n} changed source file${n === 1 ? '' : 's'} into dist/\n`);
await import('../dist/cli.js');
