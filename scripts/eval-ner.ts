// Evaluates the shipped NER tagger on a CoNLL-style corpus (one sentence per line) with the shared scorer:
// wink tokenises each whole document, tokens are grouped per line, tagged with document memory, and written
// as a contract-format dataset.jsonl (code point offsets; PER->PERSON, ORG->ORG, LOC->GPE, MISC dropped).
// Also reports model load time and tagging speed (tokens/s, wink time excluded and included).
// usage: npm run eval:ner [-- --dev DIR --model PATH --keep OUT.jsonl]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createDocContext, loadNerModel, spansFromTags, tagSentence } from '../src/stages/entities/tagger/index.ts';
import { tokensByLine, type OffsetToken, type WinkLike } from '../src/stages/entities/tagger/wink-tokens.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string): string => { const i = args.indexOf(`--${name}`); return i >= 0 && args[i + 1] ? args[i + 1]! : def; };
const DEV = opt('dev', path.resolve(repo, '../shared/dev/conll-valid'));
const MODEL = opt('model', '');
const SCORER = path.resolve(repo, '../shared/eval/score.mjs');

const tl = performance.now();
const ner = MODEL ? loadNerModel(MODEL) : loadNerModel();
const loadMs = performance.now() - tl;
const nlp = winkNLP(model) as unknown as WinkLike;

const TYPE = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE' } as const;
/** UTF-16 index -> code point index for a text. */
function cpIndex(text: string): Int32Array {
  const m = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) { m[i] = cp; const c = text.charCodeAt(i); if (c < 0xd800 || c > 0xdbff) cp++; }
  m[text.length] = cp;
  return m;
}

const files = fs.readdirSync(path.join(DEV, 'corpus')).filter((f) => f.endsWith('.txt')).sort();
const texts = files.map((f) => fs.readFileSync(path.join(DEV, 'corpus', f), 'utf8'));
let winkMs = 0, tagMs = 0, nTok = 0;
const records: string[] = [];
// Two rounds: the first warms the JIT; timings come from the second.
for (let round = 0; round < 2; round++) {
  winkMs = 0; tagMs = 0; nTok = 0; records.length = 0;
  files.forEach((f, di) => {
    const text = texts[di]!;
    const tw = performance.now();
    const lines: OffsetToken[][] = tokensByLine(nlp, text);
    const tt = performance.now();
    winkMs += tt - tw;
    const ctx = createDocContext();
    const found: { type: keyof typeof TYPE; start: number; end: number }[] = [];
    for (const toks of lines) {
      if (!toks.length) continue;
      nTok += toks.length;
      const tags = tagSentence(ner, toks, ctx);
      for (const s of spansFromTags(tags)) {
        if (s.type === 'MISC') continue;
        found.push({ type: s.type, start: toks[s.first]!.start, end: toks[s.last - 1]!.end });
      }
    }
    tagMs += performance.now() - tt;
    const cp = cpIndex(text);
    const entities = (Object.keys(TYPE) as (keyof typeof TYPE)[]).flatMap((t) => {
      const ms = found.filter((e) => e.type === t).map((e) => ({ start: cp[e.start]!, end: cp[e.end]!, text: text.slice(e.start, e.end) }));
      return ms.length ? [{ type: TYPE[t], mentions: ms }] : [];
    });
    records.push(JSON.stringify({ id: f.replace(/\.txt$/, ''), text, entities }));
  });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-ner-'));
const out = args.includes('--keep') ? opt('keep', path.join(tmp, 'dataset.jsonl')) : path.join(tmp, 'dataset.jsonl');
fs.writeFileSync(out, records.join('\n') + '\n');
const json = JSON.parse(execFileSync('node', [SCORER, 'ner', path.join(DEV, 'gold'), out, '--json'], { encoding: 'utf8' })) as Record<string, { precision: number; recall: number; f1: number }>;
const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
console.log('type     P       R       F1');
for (const k of ['PER', 'ORG', 'LOC', 'all']) console.log(`${k.padEnd(5)} ${pct(json[k]!.precision)}  ${pct(json[k]!.recall)}  ${pct(json[k]!.f1)}`);
console.log(`model load ${loadMs.toFixed(0)} ms; ${nTok} tokens; tagger ${Math.round(nTok / (tagMs / 1000)).toLocaleString('en')} tokens/s; wink readDoc ${Math.round(nTok / (winkMs / 1000)).toLocaleString('en')} tokens/s; tagger/wink time ${(tagMs / winkMs).toFixed(2)}`);
if (!args.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`dataset kept at ${out}`);
