// Feature extraction. Every feature is a 32-bit key (template id mixed with hashed values); per-token word
// properties are hashed once per sentence and the window features combine those integers, so the only string
// created per token is its lower-cased form.
import * as H from './hash.ts';
import * as G from './gazetteer.ts';
import type { Gazetteer } from './gazetteer.ts';
import * as C from './clusters.ts';
import type { WordClusters } from './clusters.ts';

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call, which costs a lot inside the per-feature loops.
const FNV_START = H.FNV_START,
  fnvStep = H.fnvStep,
  hashString = H.hashString,
  key1 = H.key1,
  key2 = H.key2,
  key3 = H.key3;
const NUM_GAZ = G.NUM_GAZ,
  matchGazetteer = G.matchGazetteer,
  PARTICLE = G.GAZ_CLASSES.indexOf('nameParticle');
const fineCluster = C.fineCluster,
  clusterAt = C.clusterAt,
  NO_CLUSTER = C.NO_CLUSTER;

// Word-cluster features (chosen by 5-fold cross-validation on conll-train; tagger README): the clusters of the
// token and of its neighbours at every level, and the token's clusters with its capitalisation.
/** Neighbour offsets whose word clusters are features of a token. */
export const CL_ROLES: readonly number[] = [-2, -1, 0, 1, 2];
/** Cluster levels used (0 fine, 1 mid, 2 coarse). */
export const CL_LEVELS: readonly number[] = [0, 1, 2];
/** Whether the token's clusters are also conjoined with its capitalisation. */
export const CL_CAP = true;
/** Template ids of the cluster features: T_CLUSTER + level (role in the key), T_CLUSTER_CAP + level. */
export const T_CLUSTER = 80,
  T_CLUSTER_CAP = 85;
/** Cluster ids of the paddings left and right of a sentence. */
export const CL_PAD_L = NO_CLUSTER - 2,
  CL_PAD_R = NO_CLUSTER - 1;

/** A token as the tagger sees it: its text and wink's UD part of speech. */
export interface TaggerToken {
  value: string;
  pos: string;
}

/** Upper bound on static features per token (the buffer stride). */
export const MAX_STATIC = 128;

// Flag bits of a token's characters.
export const F_UPPER = 1,
  F_LOWER = 2,
  F_DIGIT = 4,
  F_HYPHEN = 8,
  F_APOS = 16,
  F_PERIOD = 32,
  F_FIRST_UPPER = 64,
  F_ALL_UPPER = 128,
  F_TITLE = 256,
  F_NO_ALNUM = 512,
  F_ONE_CHAR = 1024,
  F_INITIAL = 2048;
export const FLAG_BITS = [
  F_UPPER,
  F_LOWER,
  F_DIGIT,
  F_HYPHEN,
  F_APOS,
  F_PERIOD,
  F_FIRST_UPPER,
  F_ALL_UPPER,
  F_TITLE,
  F_NO_ALNUM,
  F_ONE_CHAR,
  F_INITIAL,
];

// Padding values for positions outside the sentence.
export const PAD_L = 0x5bd1e995,
  PAD_R = 0x27d4eb2f;

/** Per-sentence arrays the decoder needs besides the static feature keys. */
export interface SentenceFeatures {
  n: number;
  /** Static feature keys, MAX_STATIC per token; `counts[i]` are used. */
  keys: Uint32Array;
  counts: Uint8Array;
  /** Hash of each token lower-cased (document memory and tag-conjoined features use it). */
  lower: Uint32Array;
  /** Short shape hash (runs collapsed) of each token. */
  shape: Uint32Array;
  pos: Uint32Array;
  /** 1 when the token starts with an upper-case letter. */
  cap: Uint8Array;
}

const posCache = new Map<string, number>();
function posHash(p: string): number {
  let h = posCache.get(p);
  if (h === undefined) {
    h = hashString(p);
    posCache.set(p, h);
  }
  return h;
}

// Character class for shapes: X upper, x lower, d digit, else the char itself. Non-ASCII letters are classed by
// comparing case forms (rare enough that the temporary strings do not matter).
export function charClass(s: string, i: number, c: number): number {
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c >= 48 && c <= 57) return 100;
  if (c < 128) return c;
  const ch = s[i]!;
  const lo = ch.toLowerCase(),
    up = ch.toUpperCase();
  if (lo !== up) return ch === up ? 88 : 120;
  return c;
}

/**
 * Computes static features (those not depending on predicted tags or document memory) for a sentence.
 * Deterministic: the same tokens always give the same keys in the same order.
 */
export function extractStatic(
  tokens: readonly TaggerToken[],
  gaz: Gazetteer,
  clusters?: WordClusters,
): SentenceFeatures {
  const n = tokens.length;
  const lower = new Uint32Array(n),
    exact = new Uint32Array(n),
    shapeL = new Uint32Array(n),
    shape = new Uint32Array(n);
  const pos = new Uint32Array(n),
    flags = new Uint32Array(n),
    cap = new Uint8Array(n);
  const pre = new Uint32Array(n * 4),
    suf = new Uint32Array(n * 4),
    preN = new Uint8Array(n),
    sufN = new Uint8Array(n);
  let lettered = 0,
    upperOnly = 0;
  for (let i = 0; i < n; i++) {
    const v = tokens[i]!.value;
    const lo = v.toLowerCase();
    lower[i] = hashString(lo);
    exact[i] = hashString(v);
    pos[i] = posHash(tokens[i]!.pos);
    shapeOf(v);
    const hl = SHAPE[0]!,
      hs = SHAPE[1]!;
    let f = SHAPE[2]!;
    shapeL[i] = hl >>> 0;
    shape[i] = hs >>> 0;
    const first = v.length ? charClass(v, 0, v.charCodeAt(0)) : 0;
    if (first === 88) {
      f |= F_FIRST_UPPER;
      cap[i] = 1;
    }
    if (f & F_UPPER && !(f & F_LOWER)) f |= F_ALL_UPPER;
    if (f & F_FIRST_UPPER && f & F_LOWER) f |= F_TITLE;
    if (!(f & (F_UPPER | F_LOWER | F_DIGIT))) f |= F_NO_ALNUM;
    if (v.length === 1) f |= F_ONE_CHAR;
    if (v.length === 2 && first === 88 && v.charCodeAt(1) === 46) f |= F_INITIAL;
    flags[i] = f;
    if (f & (F_UPPER | F_LOWER)) {
      lettered++;
      if (!(f & F_LOWER)) upperOnly++;
    }
    // Prefixes and suffixes of the lower-cased form, only when shorter than the word itself.
    let hp = FNV_START,
      hx = FNV_START,
      np = 0;
    for (let k = 0; k < 4 && k < lo.length - 1; k++) {
      hp = fnvStep(hp, lo.charCodeAt(k));
      hx = fnvStep(hx, lo.charCodeAt(lo.length - 1 - k));
      pre[i * 4 + k] = hp >>> 0;
      suf[i * 4 + k] = hx >>> 0;
      np++;
    }
    preN[i] = np;
    sufN[i] = np;
  }
  // A headline: every lettered token upper case (wire-service headlines and datelines).
  const headline = lettered >= 1 && upperOnly === lettered ? 1 : 0;
  const gazCodes = new Uint8Array(n * NUM_GAZ);
  matchGazetteer(gaz, lower, cap, n, gazCodes);

  const keys = new Uint32Array(n * MAX_STATIC),
    counts = new Uint8Array(n);
  const W = (j: number): number => (j < 0 ? PAD_L : j >= n ? PAD_R : lower[j]!);
  const S = (j: number): number => (j < 0 ? PAD_L : j >= n ? PAD_R : shape[j]!);
  const P = (j: number): number => (j < 0 ? PAD_L : j >= n ? PAD_R : pos[j]!);
  for (let i = 0; i < n; i++) {
    let m = i * MAX_STATIC;
    const w0 = lower[i]!,
      s0 = shape[i]!,
      p0 = pos[i]!;
    const wm1 = W(i - 1),
      wp1 = W(i + 1),
      sm1 = S(i - 1),
      sp1 = S(i + 1),
      pm1 = P(i - 1),
      pp1 = P(i + 1);
    keys[m++] = key1(0, 0);
    keys[m++] = key1(1, w0);
    keys[m++] = key1(2, wm1);
    keys[m++] = key1(3, wp1);
    keys[m++] = key1(4, W(i - 2));
    keys[m++] = key1(5, W(i + 2));
    keys[m++] = key2(6, wm1, w0);
    keys[m++] = key2(7, w0, wp1);
    keys[m++] = key1(8, shapeL[i]!);
    keys[m++] = key1(9, s0);
    keys[m++] = key1(10, sm1);
    keys[m++] = key1(11, sp1);
    keys[m++] = key1(12, S(i - 2));
    keys[m++] = key1(13, S(i + 2));
    keys[m++] = key3(14, sm1, s0, sp1);
    for (let k = 0; k < preN[i]!; k++) keys[m++] = key2(15, k, pre[i * 4 + k]!);
    for (let k = 0; k < sufN[i]!; k++) keys[m++] = key2(19, k, suf[i * 4 + k]!);
    const f = flags[i]!;
    keys[m++] = key1(23, f);
    for (let b = 0; b < FLAG_BITS.length; b++) if (f & FLAG_BITS[b]!) keys[m++] = key1(24, b);
    keys[m++] = key1(25, p0);
    keys[m++] = key1(26, pm1);
    keys[m++] = key1(27, pp1);
    keys[m++] = key1(28, P(i - 2));
    keys[m++] = key1(29, P(i + 2));
    keys[m++] = key2(30, pm1, p0);
    keys[m++] = key2(31, p0, pp1);
    keys[m++] = key2(32, p0, s0);
    const bucket = i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 2 : 3;
    keys[m++] = key1(33, bucket);
    keys[m++] = key2(34, bucket, s0);
    keys[m++] = key1(35, headline);
    keys[m++] = key2(36, headline, s0);
    keys[m++] = key2(37, headline, p0);
    for (let c = 0; c < NUM_GAZ; c++) {
      const code = gazCodes[i * NUM_GAZ + c]!;
      if (code) keys[m++] = key2(38, c, code);
      if (i > 0 && gazCodes[(i - 1) * NUM_GAZ + c]) keys[m++] = key1(39, c);
      if (i + 1 < n && gazCodes[(i + 1) * NUM_GAZ + c]) keys[m++] = key1(40, c);
    }
    // A lower-case name particle ("von der", "bin") between capitalised words: part of a person's name.
    if (
      gazCodes[i * NUM_GAZ + PARTICLE]! &&
      !cap[i] &&
      i > 0 &&
      cap[i - 1] &&
      ((i + 1 < n && cap[i + 1]) || (i + 2 < n && cap[i + 2]))
    )
      keys[m++] = key1(44, 1);
    keys[m++] = key1(41, exact[i]!);
    keys[m++] = key2(42, wm1, s0);
    keys[m++] = key2(43, s0, wp1);
    if (clusters !== undefined) {
      for (const r of CL_ROLES) {
        const j = i + r;
        const fine = j < 0 ? CL_PAD_L : j >= n ? CL_PAD_R : fineCluster(clusters, lower[j]!);
        for (const lv of CL_LEVELS) keys[m++] = key2(T_CLUSTER + lv, r + 2, clusterAt(clusters, fine, lv));
      }
      if (CL_CAP) {
        const fine = fineCluster(clusters, w0);
        for (const lv of CL_LEVELS) keys[m++] = key2(T_CLUSTER_CAP + lv, clusterAt(clusters, fine, lv), cap[i]!);
      }
    }
    counts[i] = m - i * MAX_STATIC;
  }
  return { n, keys, counts, lower, shape, pos, cap };
}

// Template ids of the features that depend on decoding state.
export const T_P1 = 50,
  T_P2 = 51,
  T_P12 = 52,
  T_P1W = 53,
  T_P1S = 54,
  T_P1POS = 55;
export const T_DOC = 60,
  T_DOC_CAP = 61,
  T_DOC_NEXT = 62,
  T_DOC_PREV = 63,
  T_DOC_LOWER = 64;
/** Number of tag-history features per token. */
export const NUM_DYNAMIC = 6;

/** Writes the tag-history feature keys for token i into out[0..NUM_DYNAMIC). */
export function dynamicKeys(sf: SentenceFeatures, i: number, p1: number, p2: number, out: Uint32Array): void {
  const w0 = sf.lower[i]!,
    s0 = sf.shape[i]!;
  out[0] = key1(T_P1, p1);
  out[1] = key1(T_P2, p2);
  out[2] = key2(T_P12, p1, p2);
  out[3] = key2(T_P1W, p1, w0);
  out[4] = key2(T_P1S, p1, s0);
  out[5] = key2(T_P1POS, p1, sf.pos[i]!);
}

/** Scratch output of shapeOf: [long shape hash, collapsed shape hash, character flags] (no allocation per word). */
export const SHAPE = new Int32Array(3);

/** The word's shape hashes (long: runs of up to 4 of a class; collapsed: one per run) and character flags, into SHAPE. */
export function shapeOf(v: string): void {
  let hl = FNV_START,
    hs = FNV_START,
    prevCls = -1,
    run = 0,
    f = 0;
  for (let k = 0; k < v.length; k++) {
    const c = v.charCodeAt(k);
    const cls = charClass(v, k, c);
    if (cls === 88) f |= F_UPPER;
    else if (cls === 120) f |= F_LOWER;
    else if (cls === 100) f |= F_DIGIT;
    else if (c === 45 || c === 0x2010 || c === 0x2013) f |= F_HYPHEN;
    else if (c === 39 || c === 0x2019) f |= F_APOS;
    else if (c === 46) f |= F_PERIOD;
    if (cls === prevCls) run++;
    else {
      run = 1;
      prevCls = cls;
      hs = fnvStep(hs, cls);
    }
    if (run <= 4) hl = fnvStep(hl, cls);
  }
  SHAPE[0] = hl;
  SHAPE[1] = hs;
  SHAPE[2] = f;
}
