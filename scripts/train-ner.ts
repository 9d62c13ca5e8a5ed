// Trains the statistical NER tagger (src/stages/entities/tagger) on CoNLL-2003 train and writes
// models/ner.model.json.gz. Run-time tokens and POS come from wink, so training does the same: each CoNLL
// sentence is joined with single spaces, tokenised and tagged by wink, and CoNLL labels are projected onto the
// wink tokens by character offsets (a CoNLL token wink splits, e.g. "Weston-super-Mare", gives its label to
// every piece). Deterministic: same data, same model bytes.
// usage: npm run train:ner [-- --epochs N --train PATH --dev DIR --out PATH --no-dev]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { extractStatic, type TaggerToken } from '../src/stages/entities/tagger/features.ts';
import { GAZ_CLASSES, compileGazetteer, type GazetteerLists } from '../src/stages/entities/tagger/gazetteer.ts';
import { LABELS, spansFromTags } from '../src/stages/entities/tagger/labels.ts';
import {
  MAX_DOC,
  createDocContext,
  decodeSentence,
  docKeys,
  remember,
  type FeatureIndex,
} from '../src/stages/entities/tagger/decode.ts';
import {
  Perceptron,
  type TrainDoc,
  mulberry32,
  seedRows,
  staticRows,
  trainEpoch,
} from '../src/stages/entities/tagger/train.ts';
import { serializeModel } from '../src/stages/entities/tagger/model.ts';
import { tokensByLine, type WinkLike } from '../src/stages/entities/tagger/wink-tokens.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const EPOCHS = Number(opt('epochs', '12'));
const MIN_COUNT = Number(opt('min-count', '2'));
const MIN_ABS = Number(opt('min-abs', '0.05'));
const TRAIN = opt('train', path.resolve(repo, '../shared/dev/conll-train/train.txt'));
const DEV = opt('dev', path.resolve(repo, '../shared/dev/conll-valid'));
const OUT = opt('out', path.join(repo, 'models/ner.model.json.gz'));
const SEED = 20030531;
// Share of training sentences also given in an upper-cased copy (headline style), re-tagged by wink.
const CAPS_AUG = Number(opt('caps-aug', '0.1'));

const t0 = performance.now();
const nlp = winkNLP(model) as unknown as WinkLike & { readDoc(t: string): { tokens(): { out(f: unknown): unknown } } };
const its = nlp.its;

// Gazetteer entries are tokenised with wink so multi-token entries match run-time tokens.
const rawGaz = JSON.parse(fs.readFileSync(path.join(repo, 'data/gazetteers/gazetteers.json'), 'utf8')) as Record<
  string,
  string[]
>;
const gazLists: GazetteerLists = {};
for (const cls of GAZ_CLASSES) {
  const seen = new Set<string>();
  for (const e of rawGaz[cls] ?? [])
    seen.add((nlp.readDoc(e).tokens().out(its.value) as string[]).map((t) => t.toLowerCase()).join(' '));
  gazLists[cls] = [...seen].sort();
}
const gaz = compileGazetteer(gazLists);

/** IOB2 labels of wink tokens -> BILOU label indexes. */
function iobToBilou(iob: string[]): Int32Array {
  const out = new Int32Array(iob.length);
  for (let i = 0; i < iob.length; i++) {
    const t = iob[i]!;
    if (t === 'O') continue;
    const type = t.slice(2),
      begins = t.startsWith('B-') || iob[i - 1] === undefined || iob[i - 1]!.slice(2) !== type;
    const next = iob[i + 1];
    const ends = next === undefined || next !== `I-${type}`;
    const part = begins ? (ends ? 'U' : 'B') : ends ? 'L' : 'I';
    out[i] = LABELS.indexOf(`${part}-${type}`);
  }
  return out;
}

// Read CoNLL train: documents of sentences of [token, IOB2].
const docsRaw: [string, string][][][] = [];
{
  let doc: [string, string][][] = [],
    sent: [string, string][] = [];
  const flush = (): void => {
    if (sent.length) doc.push(sent);
    sent = [];
  };
  for (const line of fs.readFileSync(TRAIN, 'utf8').split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flush();
      if (doc.length) docsRaw.push(doc);
      doc = [];
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    const p = line.split(' ');
    sent.push([p[0]!, p[p.length - 1]!]);
  }
  flush();
  if (doc.length) docsRaw.push(doc);
}

let nTokens = 0,
  nSplit = 0;
/** One CoNLL sentence as a training sentence over wink tokens. */
function prepare(s: [string, string][]): TrainDoc[number] {
  const text = s.map((t) => t[0]).join(' ');
  const starts: number[] = [];
  let o = 0;
  for (const [tok] of s) {
    starts.push(o);
    o += tok.length + 1;
  }
  const toks = tokensByLine(nlp, text)[0] ?? [];
  const iob: string[] = [];
  let c = 0,
    lastC = -1;
  for (const wt of toks) {
    while (c + 1 < starts.length && starts[c + 1]! <= wt.start) c++;
    const lab = s[c]![1];
    // The first wink piece of a CoNLL token keeps its label; later pieces continue the entity.
    iob.push(c === lastC && lab !== 'O' ? `I-${lab.slice(2)}` : lab);
    if (c === lastC) nSplit++;
    lastC = c;
  }
  nTokens += toks.length;
  const tokens: TaggerToken[] = toks.map((t) => ({ value: t.value, pos: t.pos }));
  return { sf: extractStatic(tokens, gaz), gold: iobToBilou(iob) };
}
const docs: TrainDoc[] = docsRaw.map((d) => d.map(prepare));
// Headlines are ALL CAPS at run time far more often than CoNLL's few: upper-cased copies of a seeded sample of
// sentences (each its own one-sentence document) teach the model not to lean on case alone.
{
  const r = mulberry32(SEED ^ 0x5eed);
  const extra: TrainDoc[] = [];
  for (const d of docsRaw)
    for (const s of d)
      if (r() < CAPS_AUG && s.length > 2) extra.push([prepare(s.map(([t, l]) => [t.toUpperCase(), l]))]);
  docs.push(...extra);
}
const tPrep = performance.now();
console.log(
  `train: ${docs.length} docs, ${docs.reduce((a, d) => a + d.length, 0)} sentences, ${nTokens} wink tokens (${nSplit} pieces of split CoNLL tokens); prep ${((tPrep - t0) / 1000).toFixed(1)} s`,
);

// Dev set: conll-valid running text, tokenised like the eval script does; gold spans projected onto tokens.
interface DevDoc {
  lines: { tokens: TaggerToken[]; gold: Set<string> }[];
}
const devDocs: DevDoc[] = [];
let devGoldTotal = 0;
if (!args.includes('--no-dev') && fs.existsSync(DEV)) {
  for (const f of fs
    .readdirSync(path.join(DEV, 'corpus'))
    .filter((x) => x.endsWith('.txt'))
    .sort()) {
    const text = fs.readFileSync(path.join(DEV, 'corpus', f), 'utf8');
    const gold = JSON.parse(fs.readFileSync(path.join(DEV, 'gold', f.replace(/\.txt$/, '.gold.json')), 'utf8')) as {
      entities: { type: string; sentence: number; start: number; end: number }[];
    };
    const lines = tokensByLine(nlp, text);
    const lineStart: number[] = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStart.push(i + 1);
    const dl = lines.map((toks, li) => {
      const g = new Set<string>();
      for (const e of gold.entities) {
        if (e.sentence !== li || !['PER', 'ORG', 'LOC'].includes(e.type)) continue;
        devGoldTotal++;
        const a = toks.findIndex((t) => t.start - lineStart[li]! === e.start),
          b = toks.findIndex((t) => t.end - lineStart[li]! === e.end);
        g.add(a >= 0 && b >= 0 ? `${e.type}:${a}:${b + 1}` : `${e.type}:unreachable:${e.start}`);
      }
      return { tokens: toks.map((t) => ({ value: t.value, pos: t.pos })), gold: g };
    });
    devDocs.push({ lines: dl });
  }
}
const devPrepared = devDocs.map((d) => d.lines.map((l) => ({ sf: extractStatic(l.tokens, gaz), gold: l.gold })));

/** Exact-span F1 on PER/ORG/LOC over the dev set with the given weights. */
function devF1(index: FeatureIndex, W: Float32Array): number {
  let tp = 0,
    np = 0;
  const holder = { W };
  for (const d of devPrepared) {
    const ctx = createDocContext();
    for (const { sf, gold } of d) {
      if (sf.n === 0) continue;
      const sRows = staticRows(sf, index);
      const dK = new Uint32Array(sf.n * MAX_DOC),
        dC = new Uint8Array(sf.n),
        dR = new Int32Array(sf.n * MAX_DOC);
      docKeys(sf, ctx, dK, dC);
      for (let i = 0; i < dK.length; i++) dR[i] = index.get(dK[i]!);
      const out = new Int32Array(sf.n);
      decodeSentence(sf, sRows, dR, dC, index, holder, out);
      remember(ctx, sf, out);
      for (const s of spansFromTags(Array.from(out, (l) => LABELS[l]!))) {
        if (s.type === 'MISC') continue;
        np++;
        if (gold.has(`${s.type}:${s.first}:${s.last}`)) tp++;
      }
    }
  }
  const p = tp / (np || 1),
    r = tp / (devGoldTotal || 1);
  return p + r ? (200 * p * r) / (p + r) : 0;
}

const p = new Perceptron();
seedRows(p, docs, MIN_COUNT);
console.log(`static rows (count >= ${MIN_COUNT}): ${p.keys.length}`);
const rand = mulberry32(SEED);
const order = docs.slice();
const cache = new Map();
for (let ep = 1; ep <= EPOCHS; ep++) {
  const te = performance.now();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const errors = trainEpoch(p, order, cache);
  const dev =
    devPrepared.length && (ep % 2 === 0 || ep === EPOCHS) ? ` dev F1 ${devF1(p, p.averaged()).toFixed(2)}` : '';
  console.log(
    `epoch ${ep}: ${errors} token errors (${((100 * errors) / nTokens).toFixed(2)}%), ${((performance.now() - te) / 1000).toFixed(1)} s${dev}`,
  );
}
const avg = p.averaged();
const bytes = serializeModel(Uint32Array.from(p.keys), avg, MIN_ABS, gazLists, {
  epochs: EPOCHS,
  minCount: MIN_COUNT,
  minAbs: MIN_ABS,
  seed: SEED,
  trainTokens: nTokens,
});
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, bytes);
console.log(
  `rows ${p.keys.length}; model ${OUT} ${(bytes.length / 1e6).toFixed(2)} MB; total ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
