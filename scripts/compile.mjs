// Keeps dist/ the compiled form of src/: every source whose content (or the compiler, or its options) changed
// since it was last compiled is transpiled again, file by file, and the outputs of deleted sources are removed.
// Plain JavaScript, so that node runs it without a loader. The project compiles with isolatedModules and
// verbatimModuleSyntax, so a file's JavaScript depends on that file alone: TypeScript's transpileModule emits
// byte for byte what `tsc -p tsconfig.build.json` does, without reading the program. A record of what was
// compiled from what (dist/.sources.json, sha256 per source) is written last, so an interrupted compile is
// redone, and dist/ never runs code older than src/.
//   node scripts/compile.mjs           compile what changed (what npm run pipeline does before it runs)
//   node scripts/compile.mjs --all     compile everything and remove every output without a source (npm run
//                                      build, before tsc checks the types and emits declarations). dist/ is
//                                      never removed whole: a run started from it meanwhile finds every module.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = join(ROOT, 'src');
const DIST = join(ROOT, 'dist');
const RECORD = join(DIST, '.sources.json');
const CONFIG = join(ROOT, 'tsconfig.build.json');
/** Bump when this script's way of compiling changes: every output is then made again. */
const FORMAT = 1;

const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/** The sources tsconfig.build.json compiles: src/**\/*.ts but declarations and its excluded paths. */
function sources() {
  const exclude = new Set((JSON.parse(readFileSync(CONFIG, 'utf8')).exclude ?? []).map((p) => join(ROOT, p)));
  const out = [];
  const walk = (dir) => {
    for (const d of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (d.name.endsWith('.ts') && !d.name.endsWith('.d.ts') && !exclude.has(p)) out.push(p);
    }
  };
  walk(SRC);
  return out.sort();
}

/** What every output depends on besides its source: the compiler's version and the two config files. */
function compilerKey() {
  const tsPkg = createRequire(import.meta.url).resolve('typescript/package.json');
  const version = JSON.parse(readFileSync(tsPkg, 'utf8')).version;
  return sha256([FORMAT, version, readFileSync(join(ROOT, 'tsconfig.json')), readFileSync(CONFIG)].join('\0'));
}

function readRecord() {
  try {
    return JSON.parse(readFileSync(RECORD, 'utf8'));
  } catch {
    return { compiler: '', files: {} };
  }
}

/** Writes a file through a temporary name and a rename: two runs compiling at once never leave half a file. */
function writeAtomic(file, text) {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The sources (as src/-relative .ts names) that dist/'s .js and .d.ts files were compiled from. */
function compiledFiles() {
  const out = new Set();
  const walk = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const d of entries) {
      const p = join(dir, d.name);
      if (d.isDirectory()) walk(p);
      else if (/\.(js|d\.ts)$/.test(d.name))
        out.add(
          relative(DIST, p)
            .split(sep)
            .join('/')
            .replace(/(\.d)?\.[jt]s$/, '.ts'),
        );
    }
  };
  walk(DIST);
  return [...out];
}

const outputOf = (rel) => join(DIST, rel.replace(/\.ts$/, '.js'));

/** Brings dist/ up to date with src/; returns the number of files compiled. `all` compiles every file. */
export function compile({ all = false } = {}) {
  const compiler = compilerKey();
  const record = readRecord();
  const fresh = !all && record.compiler === compiler ? record.files : {};
  const files = {};
  const todo = [];
  for (const file of sources()) {
    const rel = relative(SRC, file).split(sep).join('/');
    const hash = sha256(readFileSync(file));
    files[rel] = hash;
    if (fresh[rel] !== hash) todo.push({ file, rel });
  }
  // outputs whose source is gone: those the record names, and with `all` any .js or .d.ts in dist/ (a dist/
  // made by another tool, without a record)
  const gone = Object.keys(record.files).filter((rel) => !(rel in files));
  if (all) gone.push(...compiledFiles().filter((rel) => !(rel in files) && !gone.includes(rel)));
  if (!todo.length && !gone.length && record.compiler === compiler) return 0;
  if (todo.length) {
    const ts = createRequire(import.meta.url)('typescript');
    const parsed = ts.getParsedCommandLineOfConfigFile(
      CONFIG,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic() {} },
    );
    if (!parsed) throw new Error('cannot read tsconfig.build.json');
    // "type": "module" in package.json makes every .ts file an ES module under NodeNext, which transpileModule
    // cannot see from one file: it is told so
    const compilerOptions = { ...parsed.options, module: ts.ModuleKind.ESNext, declaration: false, noEmit: false };
    for (const { file, rel } of todo) {
      const out = ts.transpileModule(readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
      writeAtomic(outputOf(rel), out.outputText);
    }
  }
  for (const rel of gone) {
    rmSync(outputOf(rel), { force: true });
    rmSync(outputOf(rel).replace(/\.js$/, '.d.ts'), { force: true });
  }
  writeAtomic(RECORD, `${JSON.stringify({ compiler, files }, null, 1)}\n`);
  return todo.length;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const n = compile({ all: process.argv.includes('--all') });
  process.stderr.write(`compiled ${n} source file${n === 1 ? '' : 's'} into dist/\n`);
}
