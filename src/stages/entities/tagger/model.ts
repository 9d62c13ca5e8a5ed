// The model file: feature keys, their sparse quantised weight rows and the tokenised gazetteer, as JSON with
// base64-packed typed arrays, gzipped at a fixed level (same weights -> same bytes).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { KeyTable } from './decode.ts';
import { type Gazetteer, type GazetteerLists, compileGazetteer } from './gazetteer.ts';
import { LABELS, NUM_LABELS } from './labels.ts';
import { type ClusterLists, type WordClusters, compileClusters } from './clusters.ts';

export const MODEL_FORMAT = 'ner-averaged-perceptron-bilou/1';

/** A loaded tagger model (opaque to callers). */
export interface NerModel {
  readonly table: KeyTable;
  /** The table's weight array (the decoder reads weights through a holder). */
  readonly weights: { W: Int16Array };
  readonly gaz: Gazetteer;
  /** Word clusters the model's features use (absent in a model trained without them). */
  readonly clusters: WordClusters | undefined;
  readonly rows: number;
  /** Whether the model has second-pass (non-local) weights; without them a document is tagged in one pass. */
  readonly nonLocal: boolean;
}

interface ModelFile {
  format: string;
  labels: string[];
  scale: number;
  rows: number;
  keys: string;
  nnz: string;
  lab: string;
  val: string;
  gazetteer: GazetteerLists;
  /** Word hashes, their fine clusters and the fine -> mid / coarse maps, base64-packed. */
  clusters?: { hashes: string; fine: string; mid: string; coarse: string };
  meta: Record<string, unknown>;
}

/** Default model path: models/ner.model.json.gz at the repo root, found from this file's location. */
export function defaultModelPath(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../models/ner.model.json.gz');
}

const b64 = (a: ArrayBufferView): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
function unb64(s: string): ArrayBuffer {
  const b = Buffer.from(s, 'base64');
  // Copy into a fresh, aligned ArrayBuffer (Buffer may be a view into a shared pool).
  const ab = new ArrayBuffer(b.length);
  new Uint8Array(ab).set(b);
  return ab;
}

/**
 * Serialises dense weights (rows x NUM_LABELS) keyed by `keys` into model-file bytes: weights with
 * |w| < minAbs are dropped, the rest quantised to int16 steps of `scale`; rows left empty are dropped.
 */
export function serializeModel(
  keys: Uint32Array,
  W: Float32Array,
  minAbs: number,
  gazetteer: GazetteerLists,
  clusters: ClusterLists | undefined,
  meta: Record<string, unknown>,
): Buffer {
  let maxAbs = 0;
  for (let i = 0; i < W.length; i++) maxAbs = Math.max(maxAbs, Math.abs(W[i]!));
  const scale = Math.max(maxAbs / 32000, 1e-9);
  const order = Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]!);
  const outKeys: number[] = [],
    nnz: number[] = [],
    lab: number[] = [],
    val: number[] = [];
  for (const r of order) {
    let c = 0;
    for (let l = 0; l < NUM_LABELS; l++) {
      const w = W[r * NUM_LABELS + l]!;
      if (Math.abs(w) < minAbs) continue;
      const q = Math.round(w / scale);
      if (q === 0) continue;
      lab.push(l);
      val.push(q);
      c++;
    }
    if (c) {
      outKeys.push(keys[r]!);
      nnz.push(c);
    }
  }
  const file: ModelFile = {
    format: MODEL_FORMAT,
    labels: [...LABELS],
    scale,
    rows: outKeys.length,
    keys: b64(Uint32Array.from(outKeys)),
    nnz: b64(Uint8Array.from(nnz)),
    lab: b64(Uint8Array.from(lab)),
    val: b64(Int16Array.from(val)),
    gazetteer,
    ...(clusters && {
      clusters: {
        hashes: b64(clusters.hashes),
        fine: b64(clusters.fine),
        mid: b64(clusters.mid),
        coarse: b64(clusters.coarse),
      },
    }),
    meta,
  };
  return zlib.gzipSync(Buffer.from(JSON.stringify(file)), { level: 9 });
}

/** Parses model-file bytes (gzipped or plain JSON) into a ready model. */
export function parseModel(bytes: Buffer): NerModel {
  const json = bytes[0] === 0x1f && bytes[1] === 0x8b ? zlib.gunzipSync(bytes) : bytes;
  const f = JSON.parse(json.toString('utf8')) as ModelFile;
  if (f.format !== MODEL_FORMAT) throw new Error(`unknown NER model format ${f.format}`);
  if (f.labels.join() !== LABELS.join()) throw new Error('NER model labels do not match this tagger');
  const keys = new Uint32Array(unb64(f.keys)),
    nnz = new Uint8Array(unb64(f.nnz));
  const lab = new Uint8Array(unb64(f.lab)),
    val = new Int16Array(unb64(f.val));
  // Weights stay quantised: every weight shares f.scale, so scores keep their order without it.
  const W = new Int16Array(keys.length * NUM_LABELS);
  let e = 0;
  for (let r = 0; r < keys.length; r++) {
    for (let k = 0; k < nnz[r]!; k++, e++) W[r * NUM_LABELS + lab[e]!] = val[e]!;
  }
  const table = new KeyTable(keys, W);
  const nonLocal = typeof f.meta['nonLocalEpochs'] === 'number' && f.meta['nonLocalEpochs'] > 0;
  const c = f.clusters;
  const clusters =
    c &&
    compileClusters({
      hashes: new Uint32Array(unb64(c.hashes)),
      fine: new Uint16Array(unb64(c.fine)),
      mid: new Uint16Array(unb64(c.mid)),
      coarse: new Uint16Array(unb64(c.coarse)),
    });
  return { table, weights: { W: table.W }, gaz: compileGazetteer(f.gazetteer), clusters, rows: keys.length, nonLocal };
}

/** Loads a model from disk (sync); default: the shipped models/ner.model.json.gz. */
export function loadNerModel(file: string = defaultModelPath()): NerModel {
  return parseModel(fs.readFileSync(file));
}
