// Evaluates the shipped NER tagger on a CoNLL-style corpus (one sentence per line) with the shared scorer:
// wink tokenises each whole document, tokens are grouped per line, tagged with document memory, and written
// as a contract-format dataset.jsonl (code point offsets; PER->PERSON, ORG->ORG, LOC->GPE, MISC dropped).
// Also reports model load time and tagging speed (tokens/s, wink time excluded and included).
// usage: npm run eval:ner [-- --dev DIR --model PATH --keep OUT.jsonl --reference] | [-- --bench [DIR] --rounds N --reference]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import {
  createDocContext,
  loadNerModel,
  spansFromTags,
  tagSentence as tagFast,
} from '../src/stages/entities/tagger/index.ts';
import { tagSentenceReference } from '../src/stages/entities/tagger/reference.ts';
import { tokensByLine, type OffsetToken, type WinkLike } from '../src/stages/entities/tagger/wink-tokens.ts';
import { scriptHelp } from './help.ts';

scriptHelp('eval:ner', 'Score the entity tagger alone on a CoNLL-style set, or time it.', [
  '[--dev DIR --model PATH --keep OUT.jsonl --reference]',
  '--bench [DIR] [--rounds N] [--reference]',
]);

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const shared = path.resolve(process.env['SHARED_DIR'] ?? path.join(repo, '../shared'));
const DEV = opt('dev', path.join(shared, 'dev/conll-valid'));
const MODEL = opt('model', '');
const SCORER = path.join(shared, 'eval/score.mjs');
// --reference: tag with the reference path (one look-up per feature key; same labels, for speed comparisons).
const tagSentence = args.includes('--reference') ? tagSentenceReference : tagFast;

const tl = performance.now();
const ner = MODEL ? loadNerModel(MODEL) : loadNerModel();
const loadMs = performance.now() - tl;
const nlp = winkNLP(model) as unknown as WinkLike;

const TYPE = { PER: 'PERSON', ORG: 'ORG', LOC: 'GPE' } as const;
/** UTF-16 index -> code point index for a text. */
function cpIndex(text: string): Int32Array {
  const m = new Int32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    m[i] = cp;
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff) cp++;
  }
  m[text.length] = cp;
  return m;
}

// --bench DIR: tagging speed only, on running news text (DIR/corpus/*.txt or DIR/*.txt, read in place). wink
// tokenises each article once up front and splits sentences; then every article is tagged sentence by sentence
// with one document memory, as src/stages/entities/tagged.ts does, for --rounds rounds (the first warms the JIT).
if (args.includes('--bench')) {
  const b = args[args.indexOf('--bench') + 1];
  const dir = b && !b.startsWith('--') ? b : path.join(shared, 'dev/polnear-train');
  const cdir = fs.existsSync(path.join(dir, 'corpus')) ? path.join(dir, 'corpus') : dir;
  const its = (nlp as unknown as { its: Record<string, unknown> }).its;
  const docs: { value: string; pos: string }[][][] = [];
  let nTokens = 0,
    wMs = 0;
  for (const f of fs
    .readdirSync(cdir)
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const tw = performance.now();
    const doc = (
      nlp as unknown as {
        readDoc(t: string): { tokens(): { out(f: unknown): unknown }; sentences(): { out(f: unknown): unknown } };
      }
    ).readDoc(fs.readFileSync(path.join(cdir, f), 'utf8'));
    const vals = doc.tokens().out(its.value) as string[],
      poss = doc.tokens().out(its.pos) as string[];
    const spans = doc.sentences().out(its.span) as [number, number][];
    wMs += performance.now() - tw;
    const sents: { value: string; pos: string }[][] = [];
    for (const [a, b] of spans) {
      const s: { value: string; pos: string }[] = [];
      for (let i = a; i <= b; i++)
        if (poss[i] !== 'SPACE' && vals[i]!.trim()) s.push({ value: vals[i]!, pos: poss[i]! });
      if (s.length) {
        sents.push(s);
        nTokens += s.length;
      }
    }
    docs.push(sents);
  }
  const rounds = Number(opt('rounds', '5'));
  const speeds: number[] = [],
    cpuSpeeds: number[] = [];
  let check = 0;
  for (let r = 0; r < rounds; r++) {
    const t = performance.now(),
      c = process.cpuUsage();
    for (const sents of docs) {
      const ctx = createDocContext();
      for (const s of sents) {
        const tags = tagSentence(ner, s, ctx);
        for (const x of tags) if (x !== 'O') check++;
      }
    }
    speeds.push(nTokens / ((performance.now() - t) / 1000));
    const cu = process.cpuUsage(c);
    cpuSpeeds.push(nTokens / ((cu.user + cu.system) / 1e6));
  }
  const tail = speeds.slice(1).sort((a, b) => a - b),
    cpuTail = cpuSpeeds.slice(1).sort((a, b) => a - b);
  const fmt = (x: number): string => Math.round(x).toLocaleString('en');
  console.log(
    `bench ${cdir}: ${docs.length} docs, ${nTokens} tokens, ${rounds} rounds; tagger ${speeds.map(fmt).join(' ')} tokens/s (median after warm-up ${fmt(tail[tail.length >> 1] ?? speeds[0]!)}; per CPU second ${fmt(cpuTail[cpuTail.length >> 1] ?? cpuSpeeds[0]!)}); wink readDoc ${fmt(nTokens / (wMs / 1000))} tokens/s; entity tags ${check / rounds}; model load ${loadMs.toFixed(0)} ms`,
  );
  process.exit(0);
}

const files = fs
  .readdirSync(path.join(DEV, 'corpus'))
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = files.map((f) => fs.readFileSync(path.join(DEV, 'corpus', f), 'utf8'));
let winkMs = 0,
  tagMs = 0,
  nTok = 0;
const records: string[] = [];
// Four rounds: the first three warm the JIT and the tagger's word cache (52k tokens are too few for one round
// to reach optimised code); timings and the scored output come from the last.
for (let round = 0; round < 4; round++) {
  winkMs = 0;
  tagMs = 0;
  nTok = 0;
  records.length = 0;
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
      const ms = found
        .filter((e) => e.type === t)
        .map((e) => ({ start: cp[e.start]!, end: cp[e.end]!, text: text.slice(e.start, e.end) }));
      return ms.length ? [{ type: TYPE[t], mentions: ms }] : [];
    });
    records.push(JSON.stringify({ id: f.replace(/\.txt$/, ''), text, entities }));
  });
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-ner-'));
const out = args.includes('--keep') ? opt('keep', path.join(tmp, 'dataset.jsonl')) : path.join(tmp, 'dataset.jsonl');
fs.writeFileSync(out, records.join('\n') + '\n');
const json = JSON.parse(
  execFileSync('node', [SCORER, 'ner', path.join(DEV, 'gold'), out, '--json'], { encoding: 'utf8' }),
) as Record<string, { precision: number; recall: number; f1: number }>;
const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
console.log('type     P       R       F1');
for (const k of ['PER', 'ORG', 'LOC', 'all'])
  console.log(`${k.padEnd(5)} ${pct(json[k]!.precision)}  ${pct(json[k]!.recall)}  ${pct(json[k]!.f1)}`);
console.log(
  `model load ${loadMs.toFixed(0)} ms; ${nTok} tokens; tagger ${Math.round(nTok / (tagMs / 1000)).toLocaleString('en')} tokens/s; wink readDoc ${Math.round(nTok / (winkMs / 1000)).toLocaleString('en')} tokens/s; tagger/wink time ${(tagMs / winkMs).toFixed(2)}`,
);
if (!args.includes('--keep')) fs.rmSync(tmp, { recursive: true, force: true });
else console.log(`dataset kept at ${out}`);
