// postinstall: small patches to linkedom 0.18.15 (pinned in package.json), applied to node_modules after every
// install (`npm ci` included). Plain JavaScript so that it runs before anything is compiled. Each one makes a
// hot path of ingest cheaper and changes no result; tests/stages/ingest/linkedom-patch.test.ts checks they are
// in place and that what they touch behaves as before.
//
// 1. interface/event-target.js: linkedom's EventTarget constructor, which every node runs (elements, text
//    nodes, attributes, comments), registered the node in a module-wide WeakMap with a new Map for its event
//    listeners. Nothing in this project ever adds a listener, so every page paid for up to a few thousand
//    WeakMap entries and Maps: a third of parsing time on a news page, and much of the garbage collection that
//    ingest caused (README, ingest). The Map is created on the first addEventListener instead; dispatchEvent
//    already treats a node without one as a node without listeners, and removeEventListener does the same.
// 2. dom/token-list.js: an element's className (and getAttribute('class'), which linkedom answers with it)
//    joined the class list's tokens into a new string on every read; Readability reads it for every node it
//    visits, several times. The joined string is kept until the list changes (every method that changes the
//    set, Set's own clear and delete included, drops it).
// 3. shared/parse-from-string.js: for every class attribute the parser assigned element.className, which
//    built a token list, cleared it, refilled it and wrote the joined tokens back to the attribute (a tenth
//    of parsing a news page). The parser now writes the same joined tokens to the attribute itself and leaves
//    the token list to be built from them on first use, as linkedom does for a class set any other way.
// 4. shared/utils.js: tagName and nodeName upper-case the element's name on every read (Readability compares
//    tagName a dozen times per node). The upper-case form of each name is kept in a small table.
// 5. interface/element.js: textContent collected the text nodes in an array and joined it; it appends them to
//    one string instead (same string, no array per call; Readability reads it for every candidate).
// 6. interface/element.js: className of an element without a class attribute built an empty token list to
//    join it into ''. It answers '' directly while there is neither a list nor the attribute (a list made later
//    starts from the attribute, as it would have); most elements Readability and the furniture test visit have
//    no class.
//
// Idempotent: a file that holds its patch's marker is left alone. A file that is neither the original nor the
// patched text (a new linkedom version) fails the install loudly rather than going slow silently.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const PATCHES = [
  {
    file: 'interface/event-target.js',
    marker: '/* quotebank-pipeline: listener map created on first use */',
    replacements: [
      [
        '  constructor() {\n    wm.set(this, new Map);\n  }\n',
        '  /* quotebank-pipeline: listener map created on first use */\n',
      ],
      [
        '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
        '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, map = new Map);\n',
      ],
      [
        '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {\n',
        '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {\n',
      ],
    ],
  },
  {
    file: 'dom/token-list.js',
    marker: '/* quotebank-pipeline: joined tokens kept until the list changes */',
    replacements: [
      [
        'const {add} = Set.prototype;\n',
        "const {add} = Set.prototype;\n/* quotebank-pipeline: joined tokens kept until the list changes */\nconst JOINED = Symbol('joined');\n",
      ],
      [
        '  constructor(ownerElement) {\n    super();\n    this[OWNER_ELEMENT] = ownerElement;\n',
        '  constructor(ownerElement) {\n    super();\n    this[JOINED] = null;\n    this[OWNER_ELEMENT] = ownerElement;\n',
      ],
      [
        "  get value() { return [...this].join(' '); }\n",
        "  get value() {\n    const joined = this[JOINED];\n    return joined === null ? (this[JOINED] = [...this].join(' ')) : joined;\n  }\n\n" +
          '  clear() {\n    this[JOINED] = null;\n    super.clear();\n  }\n\n' +
          '  delete(token) {\n    this[JOINED] = null;\n    return super.delete(token);\n  }\n',
      ],
      [
        '  add(...tokens) {\n    addTokens(this, tokens);\n',
        '  add(...tokens) {\n    this[JOINED] = null;\n    addTokens(this, tokens);\n',
      ],
      [
        '  toggle(token, force) {\n    if (this.has(token)) {\n',
        '  toggle(token, force) {\n    this[JOINED] = null;\n    if (this.has(token)) {\n',
      ],
      [
        '  replace(token, newToken) {\n    if (this.has(token)) {\n',
        '  replace(token, newToken) {\n    this[JOINED] = null;\n    if (this.has(token)) {\n',
      ],
    ],
  },
  {
    file: 'shared/parse-from-string.js',
    marker: '/* quotebank-pipeline: class tokens joined without a token list */',
    replacements: [
      [
        "  if (attribute.name === 'class')\n    element.className = value;\n",
        "  if (attribute.name === 'class') {\n    /* quotebank-pipeline: class tokens joined without a token list */\n" +
          '    const tokens = new Set;\n    for (const token of String(value).split(/\\s+/))\n      if (token)\n        tokens.add(token);\n' +
          "    attribute[VALUE] = [...tokens].join(' ');\n  }\n",
      ],
    ],
  },
  {
    file: 'shared/utils.js',
    marker: '/* quotebank-pipeline: upper-case names kept */',
    replacements: [
      [
        'localCase = ({localName, ownerDocument}) => {\n  return ownerDocument[MIME].ignoreCase ? localName.toUpperCase() : localName;\n};\n',
        'localCase = ({localName, ownerDocument}) => {\n  if (!ownerDocument[MIME].ignoreCase)\n    return localName;\n' +
          '  let upper = UPPER_CASE.get(localName);\n  if (upper === undefined) {\n    upper = localName.toUpperCase();\n' +
          '    if (UPPER_CASE.size < 4096)\n      UPPER_CASE.set(localName, upper);\n  }\n  return upper;\n};\n' +
          '/* quotebank-pipeline: upper-case names kept */\nconst UPPER_CASE = new Map;\n',
      ],
    ],
  },
  {
    file: 'interface/element.js',
    marker: '/* quotebank-pipeline: text appended to one string */',
    replacements: [
      [
        '  get textContent() {\n    const text = [];\n    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n' +
          '      const nodeType = next.nodeType;\n      if (nodeType === TEXT_NODE || nodeType === CDATA_SECTION_NODE)\n' +
          "        text.push(next.textContent);\n      next = next[NEXT];\n    }\n    return text.join('');\n  }\n",
        "  get textContent() {\n    /* quotebank-pipeline: text appended to one string */\n    let text = '';\n" +
          '    let {[NEXT]: next, [END]: end} = this;\n    while (next !== end) {\n' +
          '      const nodeType = next.nodeType;\n      if (nodeType === TEXT_NODE || nodeType === CDATA_SECTION_NODE)\n' +
          '        text += next.textContent;\n      next = next[NEXT];\n    }\n    return text;\n  }\n',
      ],
    ],
  },
  {
    file: 'interface/element.js',
    marker: '/* quotebank-pipeline: no token list for a class-less element */',
    replacements: [
      [
        '  get className() { return this.classList.value; }\n',
        '  get className() {\n    /* quotebank-pipeline: no token list for a class-less element */\n' +
          "    if (!this[CLASS_LIST] && !this.getAttributeNode('class'))\n      return '';\n" +
          '    return this.classList.value;\n  }\n',
      ],
    ],
  },
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
for (const { file, marker, replacements } of PATCHES) {
  for (const build of ['esm', 'cjs']) {
    const path = join(root, build, file);
    const source = readFileSync(path, 'utf8');
    if (source.includes(marker)) continue;
    let patched = source;
    for (const [from, to] of replacements) {
      if (!patched.includes(from)) {
        throw new Error(
          `patch-linkedom: ${build}/${file} of linkedom ${version} is not the text the patch was written for (0.18.15); review src/stages/ingest/patch-linkedom.mjs`,
        );
      }
      patched = patched.replace(from, to);
    }
    writeFileSync(path, patched);
  }
}
