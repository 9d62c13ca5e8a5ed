// postinstall: one small patch to linkedom 0.18.15 (pinned in package.json), applied to node_modules after every
// install (`npm ci` included). Plain JavaScript so that it runs before anything is compiled.
//
// linkedom's EventTarget constructor, which every node runs (elements, text nodes, attributes, comments),
// registers the node in a module-wide WeakMap with a new Map for its event listeners. Nothing in this project
// ever adds a listener, so every page paid for up to a few thousand WeakMap entries and Maps: a third of
// parsing time on a news page, and much of the garbage collection that ingest caused
// (README, ingest). The patch creates the Map on the first addEventListener instead;
// dispatchEvent already treats a node without one as a node without listeners, and removeEventListener is
// made to do the same. Behaviour is unchanged; tests/stages/ingest/linkedom-patch.test.ts checks the patch is
// in place and that listeners still work.
//
// Idempotent: a patched file is left alone. A file that is neither the original nor the patched text (a new
// linkedom version) fails the install loudly rather than going slow silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const MARKER = '/* quotebank-pipeline: listener map created on first use */';

const REPLACEMENTS = [
  ['  constructor() {\n    wm.set(this, new Map);\n  }\n', `  ${MARKER}\n`],
  ['  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n'],
  ['  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {\n',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {\n'],
];

const require = createRequire(import.meta.url);
let root;
try {
  root = dirname(require.resolve('linkedom/package.json'));
} catch {
  // linkedom is not installed (an install that skipped dependencies): nothing to patch.
  process.exit(0);
}

const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
for (const file of ['esm/interface/event-target.js', 'cjs/interface/event-target.js']) {
  const path = join(root, file);
  const source = readFileSync(path, 'utf8');
  if (source.includes(MARKER)) continue;
  let patched = source;
  for (const [from, to] of REPLACEMENTS) {
    if (!patched.includes(from)) {
      throw new Error(`patch-linkedom: ${file} of linkedom ${version} is not the text the patch was written for (0.18.15); review src/stages/ingest/patch-linkedom.mjs`);
    }
    patched = patched.replace(from, to);
  }
  writeFileSync(path, patched);
}
