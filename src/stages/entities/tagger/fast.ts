// The run-time tagging path. The model is linear, so a token's score vector is a sum of weight rows, and most
// of those rows depend on one token only: its word (word, shapes, affixes, flags, exact form), or a neighbour's
// word in a fixed role (word/shape at -2..+2), or its part of speech. Those sums are computed once per distinct
// word string (and per POS tag) and cached as int32 vectors; per token only the pairwise features (word and
// shape bigrams, the shape trigram) still need hashing and table look-ups. Weights are int16 and sums exact in
// int32, so the scores, and hence the labels, are exactly those of the reference path (reference.ts), which
// builds every feature key and looks each one up; tests/stages/entities/tagger.test.ts checks they agree.
//
// Word cache: per model, a Map from the token string to an entry in an Int32Array slab (two generations of
// GEN entries; an entry used again after its generation retired is copied forward, so frequent words stay).
import * as H from './hash.ts';
import * as G from './gazetteer.ts';
import * as LB from './labels.ts';
import * as F from './features.ts';
import type { DocContext } from './decode.ts';
import type { TaggerToken } from './features.ts';
import type { NerModel } from './model.ts';
import * as C from './clusters.ts';
import type { WordClusters } from './clusters.ts';

// Imported bindings copied to module constants (tsx/vitest turn imports into getters).
const key1 = H.key1,
  key2 = H.key2,
  mix = H.mix,
  hashString = H.hashString,
  fnvStep = H.fnvStep,
  FNV_START = H.FNV_START;
const L = LB.NUM_LABELS,
  L1 = L + 1,
  LABELS = LB.LABELS,
  typeOf = LB.typeOf;
const NUM_GAZ = G.NUM_GAZ,
  SEQ_SEED = G.SEQ_SEED,
  PARTICLE_CLASS = G.PARTICLE_CLASS;
const charClass = F.charClass,
  FLAG_BITS = F.FLAG_BITS,
  PAD_L = F.PAD_L,
  PAD_R = F.PAD_R;
const F_UPPER = F.F_UPPER,
  F_LOWER = F.F_LOWER,
  F_DIGIT = F.F_DIGIT,
  F_FIRST_UPPER = F.F_FIRST_UPPER,
  F_ALL_UPPER = F.F_ALL_UPPER,
  F_TITLE = F.F_TITLE,
  F_NO_ALNUM = F.F_NO_ALNUM,
  F_ONE_CHAR = F.F_ONE_CHAR,
  F_INITIAL = F.F_INITIAL;
const T_P1 = F.T_P1,
  T_P2 = F.T_P2,
  T_P12 = F.T_P12,
  T_P1W = F.T_P1W,
  T_P1S = F.T_P1S,
  T_P1POS = F.T_P1POS;
const CL_ROLES = F.CL_ROLES,
  CL_LEVELS = F.CL_LEVELS,
  CL_CAP = F.CL_CAP,
  T_CLUSTER = F.T_CLUSTER,
  T_CLUSTER_CAP = F.T_CLUSTER_CAP;
const T_DOC = F.T_DOC,
  T_DOC_CAP = F.T_DOC_CAP,
  T_DOC_NEXT = F.T_DOC_NEXT,
  T_DOC_PREV = F.T_DOC_PREV,
  T_DOC_LOWER = F.T_DOC_LOWER;

// Word entry layout (int32s): score vectors for the word at offset 0 and in the roles -1, +1, -2, +2 of a
// neighbour; rows of the tag-history features conjoined with the word and shape for previous label O; hashes
// and flags; rows of the bucket/headline x shape features; the POS whose POS x shape
// row is in R0, that row, and a one-slot cache for another POS. R0 is the vector of the commonest context:
// bucket 3 (mid-sentence), no headline, the word's first-seen POS and previous label O; other contexts swap
// the differing rows out and in (all sums are exact, so the order does not matter).
const V0 = 0,
  VM1 = L,
  VP1 = 2 * L,
  VM2 = 3 * L,
  VP2 = 4 * L;
const C53 = 5 * L,
  C54 = C53 + 1,
  LOWER = C54 + 1,
  SHAPE = LOWER + 1,
  FLAGS = LOWER + 2,
  CAP = LOWER + 3,
  GAZ = LOWER + 4;
const R34 = LOWER + 5,
  R36 = R34 + 4,
  P32A = R36 + 2,
  R32A = P32A + 1,
  P32B = R32A + 1,
  R32B = P32B + 1,
  ENTRY = R32B + 1;
/** Word entries per cache generation (two generations live: at most 2 x 13 MB). */
const GEN = 32768;
/** Entries 0 and 1 of every slab: the left and right padding "words". */
const PADL_E = 0,
  PADR_E = ENTRY;
// POS vectors: R0 (headline 0), R0 (headline 1), roles -1, +1, -2, +2.
const PV = 6 * L;
// POS triples (previous, own, next) x headline: index into a pool of vectors holding the POS R0 vector, the
// neighbours' role vectors, both POS bigram rows and the POS x previous-label-O row.
const TRI_UNSET = -1;

/** Offset of a key's weight row, -1 when absent (KeyTable.get, inlined). */
function rowOf(S: Int32Array, mask: number, key: number): number {
  const k32 = key | 0;
  let s = key & mask;
  for (;;) {
    const k = S[s * 2]!;
    if (k === k32) return S[s * 2 + 1]!;
    if (k === 0) return -1;
    s = (s + 1) & mask;
  }
}

const GAZ_FULL = 1 << 29,
  GAZ_PREFIX = 1 << 30,
  GAZ_BITS = (1 << NUM_GAZ) - 1;

/** Gazetteer table value of a sequence hash: class bits | GAZ_FULL for an entry, | GAZ_PREFIX for a prefix; 0 none. */
function gazLookup(T: Int32Array, mask: number, h: number): number {
  const h32 = h | 0;
  let i = h & mask;
  for (;;) {
    const v = T[i * 2 + 1]!;
    if (v === 0) return 0;
    if (T[i * 2] === h32) return v;
    i = (i + 1) & mask;
  }
}

function addRow(dst: Int32Array, d: number, W: Int16Array, o: number): void {
  if (o < 0) return;
  for (let l = 0; l < L; l++) dst[d + l]! += W[o + l]!;
}

function subRow(dst: Int32Array, d: number, W: Int16Array, o: number): void {
  if (o < 0) return;
  for (let l = 0; l < L; l++) dst[d + l]! -= W[o + l]!;
}

export class FastState {
  readonly W: Int16Array;
  readonly slots: Int32Array;
  readonly mask: number;
  /** One bit per (key >>> 11): set when some model key maps there. */
  readonly bloom = new Int32Array(1 << 16);
  /** Gazetteer hashes (entries and proper prefixes) in open addressing: [hash, class bits | PREFIX | FULL]. */
  readonly gazTab: Int32Array;
  readonly gazMask: number;
  readonly maxLen: number;
  readonly clusters: WordClusters | undefined;
  cur = new Map<string, number>();
  old = new Map<string, number>();
  slab: Int32Array;
  oldSlab: Int32Array;
  next = 2;
  capacity = GEN;
  readonly posIds = new Map<string, number>();
  readonly posHashes: number[] = [PAD_L, PAD_R];
  posCap = 0;
  posVec = new Int32Array(0);
  pair30 = new Int32Array(0);
  pair31 = new Int32Array(0);
  pos55 = new Int32Array(0);
  triIdx = new Int32Array(0);
  triPool = new Int32Array(256 * L);
  triNext = 0;
  readonly constV = new Int32Array(8 * L);
  readonly dyn12 = new Int32Array(L1 * L1 * L);
  readonly g38 = new Int32Array(NUM_GAZ * 5);
  readonly g39 = new Int32Array(NUM_GAZ);
  readonly g40 = new Int32Array(NUM_GAZ);
  readonly g44: number;
  readonly d60 = new Int32Array(5);
  readonly d61 = new Int32Array(10);
  readonly d62 = new Int32Array(5);
  readonly d63 = new Int32Array(5);
  readonly d64: number;
  // Scratch, grown as needed.
  ids = new Int32Array(260);
  pids = new Int32Array(260);
  acc = new Int32Array(256 * L);
  codes = new Uint8Array(256 * NUM_GAZ);
  dt = new Int32Array(256);
  dt2 = new Int32Array(256);
  readonly rws = new Int32Array(8);
  out = new Int32Array(256);
  rows = newTokenRows(256);
  // Word entries by the caller's word ids (wink's lexeme ids): offset in the current slab, valid while the id's
  // stamp equals `stamp`, which moves on at every new generation and every new id space.
  idSpace: object | undefined;
  /** [stamp, offset] per id, side by side (one cache line per look-up). */
  idEntries = new Int32Array(0);
  stamp = 1;

  constructor(model: NerModel) {
    this.W = model.table.W;
    this.slots = model.table.slots;
    this.mask = model.table.mask;
    for (let s = 0; s < this.slots.length; s += 2) {
      const k = this.slots[s]!;
      if (k !== 0) this.bloom[k >>> 16]! |= 1 << ((k >>> 11) & 31);
    }
    const ge = model.gaz.entries,
      gp = model.gaz.prefixes;
    let gcap = 1024;
    while (gcap < (ge.size + gp.size) * 2) gcap <<= 1;
    this.gazMask = gcap - 1;
    this.gazTab = new Int32Array(gcap * 2);
    const put = (h: number, v: number): void => {
      let i = h & this.gazMask;
      while (this.gazTab[i * 2 + 1] !== 0 && this.gazTab[i * 2] !== (h | 0)) i = (i + 1) & this.gazMask;
      this.gazTab[i * 2] = h | 0;
      this.gazTab[i * 2 + 1]! |= v;
    };
    for (const [h, bits] of ge) put(h, bits | GAZ_FULL);
    for (const h of gp) put(h, GAZ_PREFIX);
    this.maxLen = model.gaz.maxLen;
    this.clusters = model.clusters;
    this.slab = new Int32Array(GEN * ENTRY);
    this.oldSlab = this.slab;
    this.buildPad(this.slab, PADL_E, PAD_L, F.CL_PAD_L);
    this.buildPad(this.slab, PADR_E, PAD_R, F.CL_PAD_R);
    this.growPos(32);
    const row = (key: number): number => rowOf(this.slots, this.mask, key);
    for (let b = 0; b < 4; b++)
      for (let h = 0; h < 2; h++) {
        const d = (b * 2 + h) * L;
        addRow(this.constV, d, this.W, row(key1(0, 0)));
        addRow(this.constV, d, this.W, row(key1(33, b)));
        addRow(this.constV, d, this.W, row(key1(35, h)));
      }
    for (let p1 = 0; p1 <= L; p1++)
      for (let p2 = 0; p2 <= L; p2++) {
        const d = (p1 * L1 + p2) * L;
        addRow(this.dyn12, d, this.W, row(key1(T_P1, p1)));
        addRow(this.dyn12, d, this.W, row(key1(T_P2, p2)));
        addRow(this.dyn12, d, this.W, row(key2(T_P12, p1, p2)));
      }
    for (let c = 0; c < NUM_GAZ; c++) {
      for (let code = 0; code < 5; code++) this.g38[c * 5 + code] = code ? row(key2(38, c, code)) : -1;
      this.g39[c] = row(key1(39, c));
      this.g40[c] = row(key1(40, c));
    }
    this.g44 = row(key1(44, 1));
    for (let t = 0; t < 5; t++) {
      this.d60[t] = t ? row(key1(T_DOC, t)) : -1;
      this.d61[t * 2] = t ? row(key2(T_DOC_CAP, t, 0)) : -1;
      this.d61[t * 2 + 1] = t ? row(key2(T_DOC_CAP, t, 1)) : -1;
      this.d62[t] = t ? row(key1(T_DOC_NEXT, t)) : -1;
      this.d63[t] = t ? row(key1(T_DOC_PREV, t)) : -1;
    }
    this.d64 = row(key1(T_DOC_LOWER, 1));
  }

  /** Offset of a key's weight row, -1 when absent. */
  row(key: number): number {
    return rowOf(this.slots, this.mask, key);
  }

  /** The neighbour-role vectors of a padding position (value PAD_L or PAD_R for both word and shape). */
  private buildPad(S: Int32Array, o: number, pad: number, clusterPad: number): void {
    const W = this.W;
    S.fill(0, o, o + ENTRY);
    this.clusterRows(S, o, clusterPad, false, 0);
    addRow(S, o + VM1, W, this.row(key1(2, pad)));
    addRow(S, o + VM1, W, this.row(key1(10, pad)));
    addRow(S, o + VP1, W, this.row(key1(3, pad)));
    addRow(S, o + VP1, W, this.row(key1(11, pad)));
    addRow(S, o + VM2, W, this.row(key1(4, pad)));
    addRow(S, o + VM2, W, this.row(key1(12, pad)));
    addRow(S, o + VP2, W, this.row(key1(5, pad)));
    addRow(S, o + VP2, W, this.row(key1(13, pad)));
    S[o + LOWER] = pad;
    S[o + SHAPE] = pad;
  }

  /** Adds a word's cluster features to its vectors: in the role of the token itself (with its capitalisation, `cap`)
   * and of each neighbour (`fine`: its fine cluster, or a padding's id); `own` false for a padding. */
  private clusterRows(S: Int32Array, o: number, fine: number, own: boolean, cap: number): void {
    const c = this.clusters;
    if (c === undefined) return;
    const W = this.W;
    for (const r of CL_ROLES) {
      if (r === 0 && !own) continue;
      const d = o + (r === 0 ? V0 : r === -1 ? VM1 : r === 1 ? VP1 : r === -2 ? VM2 : VP2);
      // The word at offset r from a token is in role r of that token's features.
      for (const lv of CL_LEVELS) addRow(S, d, W, this.row(key2(T_CLUSTER + lv, r + 2, C.clusterAt(c, fine, lv))));
    }
    if (CL_CAP && own)
      for (const lv of CL_LEVELS)
        addRow(S, o + V0, W, this.row(key2(T_CLUSTER_CAP + lv, C.clusterAt(c, fine, lv), cap)));
  }

  /** Fills a word entry: the same per-token properties and keys as extractStatic computes. */
  private buildWord(S: Int32Array, o: number, v: string, pid: number): void {
    const W = this.W;
    const lo = v.toLowerCase();
    const lower = hashString(lo),
      exact = hashString(v);
    F.shapeOf(v);
    const hl = F.SHAPE[0]!,
      hs = F.SHAPE[1]!;
    let f = F.SHAPE[2]!;
    const shapeL = hl >>> 0,
      shape = hs >>> 0;
    const first = v.length ? charClass(v, 0, v.charCodeAt(0)) : 0;
    let cap = 0;
    if (first === 88) {
      f |= F_FIRST_UPPER;
      cap = 1;
    }
    if (f & F_UPPER && !(f & F_LOWER)) f |= F_ALL_UPPER;
    if (f & F_FIRST_UPPER && f & F_LOWER) f |= F_TITLE;
    if (!(f & (F_UPPER | F_LOWER | F_DIGIT))) f |= F_NO_ALNUM;
    if (v.length === 1) f |= F_ONE_CHAR;
    if (v.length === 2 && first === 88 && v.charCodeAt(1) === 46) f |= F_INITIAL;
    S.fill(0, o, o + C53);
    const r0 = o + V0;
    addRow(S, r0, W, this.row(key1(1, lower)));
    addRow(S, r0, W, this.row(key1(8, shapeL)));
    addRow(S, r0, W, this.row(key1(9, shape)));
    let hp = FNV_START,
      hx = FNV_START;
    for (let k = 0; k < 4 && k < lo.length - 1; k++) {
      hp = fnvStep(hp, lo.charCodeAt(k));
      hx = fnvStep(hx, lo.charCodeAt(lo.length - 1 - k));
      addRow(S, r0, W, this.row(key2(15, k, hp >>> 0)));
      addRow(S, r0, W, this.row(key2(19, k, hx >>> 0)));
    }
    addRow(S, r0, W, this.row(key1(23, f)));
    for (let b = 0; b < FLAG_BITS.length; b++) if (f & FLAG_BITS[b]!) addRow(S, r0, W, this.row(key1(24, b)));
    addRow(S, r0, W, this.row(key1(41, exact)));
    for (let b = 0; b < 4; b++) S[o + R34 + b] = this.row(key2(34, b, shape));
    for (let h = 0; h < 2; h++) S[o + R36 + h] = this.row(key2(36, h, shape));
    addRow(S, r0, W, S[o + R34 + 3]!);
    addRow(S, r0, W, S[o + R36]!);
    addRow(S, o + VM1, W, this.row(key1(2, lower)));
    addRow(S, o + VM1, W, this.row(key1(10, shape)));
    addRow(S, o + VP1, W, this.row(key1(3, lower)));
    addRow(S, o + VP1, W, this.row(key1(11, shape)));
    addRow(S, o + VM2, W, this.row(key1(4, lower)));
    addRow(S, o + VM2, W, this.row(key1(12, shape)));
    addRow(S, o + VP2, W, this.row(key1(5, lower)));
    addRow(S, o + VP2, W, this.row(key1(13, shape)));
    if (this.clusters !== undefined) this.clusterRows(S, o, C.fineCluster(this.clusters, lower), true, cap);
    S[o + LOWER] = lower;
    S[o + SHAPE] = shape;
    S[o + FLAGS] = f;
    S[o + CAP] = cap;
    const g = mix(SEQ_SEED, lower);
    S[o + GAZ] = gazLookup(this.gazTab, this.gazMask, g) !== 0 ? 1 : 0;
    const r32 = this.row(key2(32, this.posHashes[pid]!, shape));
    S[o + P32A] = pid;
    S[o + R32A] = r32;
    S[o + P32B] = -1;
    S[o + R32B] = -1;
    addRow(S, r0, W, r32);
    const r53 = this.row(key2(T_P1W, 0, lower)),
      r54 = this.row(key2(T_P1S, 0, shape));
    S[o + C53] = r53;
    S[o + C54] = r54;
    addRow(S, r0, W, r53);
    addRow(S, r0, W, r54);
  }

  /** Starts a new cache generation when the current one cannot take n more words. */
  reserve(n: number): void {
    if (this.next + n <= this.capacity) return;
    const capacity = Math.max(GEN, n + 2);
    const slab = new Int32Array(capacity * ENTRY);
    slab.set(this.slab.subarray(0, 2 * ENTRY));
    this.old = this.cur;
    this.oldSlab = this.slab;
    this.cur = new Map();
    this.slab = slab;
    this.capacity = capacity;
    this.next = 2;
    this.stamp++;
  }

  /** Switches the word ids to another id space (every id cached so far is forgotten). */
  useIds(space: object): void {
    if (space === this.idSpace) return;
    this.idSpace = space;
    this.stamp++;
  }

  /** Entry offset of a word given its id in the current id space (call reserve first): the word() entry. */
  wordById(id: number, v: string, pid: number): number {
    const k = id * 2;
    if (k < this.idEntries.length) {
      if (this.idEntries[k] === this.stamp) return this.idEntries[k + 1]!;
    } else {
      let c = Math.max(2048, this.idEntries.length * 2);
      while (c <= k + 1) c *= 2;
      const grown = new Int32Array(c);
      grown.set(this.idEntries);
      this.idEntries = grown;
    }
    const o = this.word(v, pid);
    this.idEntries[k] = this.stamp;
    this.idEntries[k + 1] = o;
    return o;
  }

  /** Entry offset of a word in the current slab (call reserve first). */
  word(v: string, pid: number): number {
    const c = this.cur.get(v);
    if (c !== undefined) return c;
    const o = this.next++ * ENTRY,
      S = this.slab;
    const p = this.old.get(v);
    if (p !== undefined) {
      const O = this.oldSlab;
      for (let k = 0; k < ENTRY; k++) S[o + k] = O[p + k]!;
    } else this.buildWord(S, o, v, pid);
    this.cur.set(v, o);
    return o;
  }

  /** Small integer id of a POS tag (0 and 1 are the paddings). */
  pos(p: string): number {
    const id = this.posIds.get(p);
    if (id !== undefined) return id;
    const nid = this.posHashes.length;
    this.posHashes.push(hashString(p));
    this.posIds.set(p, nid);
    if (nid >= this.posCap) this.growPos(this.posCap * 2);
    else this.buildPos(nid);
    return nid;
  }

  private growPos(cap: number): void {
    this.posCap = cap;
    this.posVec = new Int32Array(cap * PV);
    this.pair30 = new Int32Array(cap * cap).fill(-2);
    this.pair31 = new Int32Array(cap * cap).fill(-2);
    this.pos55 = new Int32Array(cap * L1).fill(-2);
    this.triIdx = new Int32Array(cap * cap * cap * 2).fill(TRI_UNSET);
    this.triNext = 0;
    for (let id = 0; id < this.posHashes.length; id++) this.buildPos(id);
  }

  private buildPos(id: number): void {
    const W = this.W,
      V = this.posVec,
      o = id * PV,
      p = this.posHashes[id]!;
    for (let h = 0; h < 2; h++) {
      addRow(V, o + h * L, W, this.row(key1(25, p)));
      addRow(V, o + h * L, W, this.row(key2(37, h, p)));
    }
    addRow(V, o + 2 * L, W, this.row(key1(26, p)));
    addRow(V, o + 3 * L, W, this.row(key1(27, p)));
    addRow(V, o + 4 * L, W, this.row(key1(28, p)));
    addRow(V, o + 5 * L, W, this.row(key1(29, p)));
  }

  /** Offset in triPool of the vector of POS ids (pm1, p0, pp1) with headline h. */
  tri(pm1: number, p0: number, pp1: number, h: number): number {
    const cap = this.posCap,
      i = ((pm1 * cap + p0) * cap + pp1) * 2 + h;
    const t = this.triIdx[i]!;
    if (t !== TRI_UNSET) return t;
    if ((this.triNext + 1) * L > this.triPool.length) {
      const P = new Int32Array(this.triPool.length * 2);
      P.set(this.triPool);
      this.triPool = P;
    }
    const o = this.triNext++ * L,
      P = this.triPool,
      V = this.posVec,
      W = this.W;
    const q0 = p0 * PV + h * L,
      qm1 = pm1 * PV + 2 * L,
      qp1 = pp1 * PV + 3 * L;
    for (let l = 0; l < L; l++) P[o + l] = V[q0 + l]! + V[qm1 + l]! + V[qp1 + l]!;
    addRow(P, o, W, this.row30(pm1, p0));
    addRow(P, o, W, this.row31(p0, pp1));
    addRow(P, o, W, this.row55(p0, 0));
    this.triIdx[i] = o;
    return o;
  }

  row30(a: number, b: number): number {
    const i = a * this.posCap + b;
    let r = this.pair30[i]!;
    if (r === -2) {
      r = this.row(key2(30, this.posHashes[a]!, this.posHashes[b]!));
      this.pair30[i] = r;
    }
    return r;
  }

  row31(a: number, b: number): number {
    const i = a * this.posCap + b;
    let r = this.pair31[i]!;
    if (r === -2) {
      r = this.row(key2(31, this.posHashes[a]!, this.posHashes[b]!));
      this.pair31[i] = r;
    }
    return r;
  }

  row55(pid: number, p1: number): number {
    const i = pid * L1 + p1;
    let r = this.pos55[i]!;
    if (r === -2) {
      r = this.row(key2(T_P1POS, p1, this.posHashes[pid]!));
      this.pos55[i] = r;
    }
    return r;
  }

  /** Row of the POS x shape feature of a word entry for a POS other than the one in its R0 (one-slot cache). */
  row32(e: number, pid: number): number {
    const S = this.slab;
    if (S[e + P32B] === pid) return S[e + R32B]!;
    const r = this.row(key2(32, this.posHashes[pid]!, S[e + SHAPE]!));
    S[e + P32B] = pid;
    S[e + R32B] = r;
    return r;
  }

  grow(n: number): void {
    if (this.out.length >= n) return;
    let c = this.out.length;
    while (c < n) c *= 2;
    this.ids = new Int32Array(c + 4);
    this.pids = new Int32Array(c + 4);
    this.acc = new Int32Array(c * L);
    this.codes = new Uint8Array(c * NUM_GAZ);
    this.dt = new Int32Array(c);
    this.dt2 = new Int32Array(c);
    this.out = new Int32Array(c);
    this.rows = newTokenRows(c);
  }
}

const states = new WeakMap<NerModel, FastState>();
/** The fast path's tables and caches for a model, built on first use. */
export function stateOf(model: NerModel): FastState {
  let st = states.get(model);
  if (!st) {
    st = new FastState(model);
    states.set(model, st);
  }
  return st;
}

function docType(ctx: DocContext, h: number): number {
  const c = ctx.typeCounts.get(h);
  if (!c) return 0;
  let best = 0,
    bestN = 0;
  for (let t = 0; t < 4; t++)
    if (c[t]! > bestN) {
      bestN = c[t]!;
      best = t + 1;
    }
  return best;
}

/** Gazetteer codes as G.matchGazetteer computes them; starts only where the word can begin an entry. */
function matchGaz(st: FastState, n: number): void {
  const S = st.slab,
    ids = st.ids,
    codes = st.codes,
    T = st.gazTab,
    gmask = st.gazMask;
  codes.fill(0, 0, n * NUM_GAZ);
  for (let i = 0; i < n; i++) {
    if (!S[ids[i + 2]! + GAZ]) continue;
    let h = SEQ_SEED;
    const end = Math.min(n, i + st.maxLen);
    for (let j = i; j < end; j++) {
      h = mix(h, S[ids[j + 2]! + LOWER]!);
      const v = gazLookup(T, gmask, h);
      if (v & GAZ_FULL)
        G.markMatch(codes, i, j, v & GAZ_BITS, S[ids[i + 2]! + CAP] === 1 && S[ids[j + 2]! + CAP] === 1);
      if (!(v & GAZ_PREFIX)) break;
    }
  }
}

// Hashing seeds of the pairwise templates (key2/key3 in hash.ts with the template step done once).
const SEED6 = mix(6, 0x2545f491),
  SEED7 = mix(7, 0x2545f491),
  SEED42 = mix(42, 0x2545f491),
  SEED43 = mix(43, 0x2545f491);
const SEED14 = mix(14, 0x3c6ef372),
  SEED53 = mix(T_P1W, 0x2545f491),
  SEED54 = mix(T_P1S, 0x2545f491);

/** Row offset of a key (unsigned or not; 0 is never a key) through the presence filter, -1 when absent. */
function rowF(bloom: Int32Array, S: Int32Array, mask: number, key: number): number {
  if (!((bloom[key >>> 16]! >>> ((key >>> 11) & 31)) & 1)) return -1;
  return rowOf(S, mask, key);
}

/** Swaps the rows R0 holds for the commonest context (POS, bucket 3, no headline) for those of token i's. */
function contextRows(
  st: FastState,
  acc: Int32Array,
  a: number,
  e: number,
  p0: number,
  bucket: number,
  headline: number,
): void {
  const S = st.slab,
    W = st.W;
  if (p0 !== S[e + P32A]) {
    subRow(acc, a, W, S[e + R32A]!);
    addRow(acc, a, W, st.row32(e, p0));
  }
  if (bucket !== 3) {
    subRow(acc, a, W, S[e + R34 + 3]!);
    addRow(acc, a, W, S[e + R34 + bucket]!);
  }
  if (headline) {
    subRow(acc, a, W, S[e + R36]!);
    addRow(acc, a, W, S[e + R36 + 1]!);
  }
}

/** Adds the gazetteer features (codes from matchGaz) of every token. */
function gazRows(st: FastState, n: number): void {
  const S = st.slab,
    W = st.W,
    acc = st.acc,
    ids = st.ids,
    codes = st.codes;
  for (let i = 0; i < n; i++) {
    const a = i * L,
      gi = i * NUM_GAZ;
    for (let c = 0; c < NUM_GAZ; c++) {
      const code = codes[gi + c]!;
      if (code) addRow(acc, a, W, st.g38[c * 5 + code]!);
      if (i > 0 && codes[gi - NUM_GAZ + c]) addRow(acc, a, W, st.g39[c]!);
      if (i + 1 < n && codes[gi + NUM_GAZ + c]) addRow(acc, a, W, st.g40[c]!);
    }
    if (
      codes[gi + PARTICLE_CLASS] &&
      !S[ids[i + 2]! + CAP] &&
      i > 0 &&
      S[ids[i + 1]! + CAP] &&
      ((i + 1 < n && S[ids[i + 3]! + CAP]) || (i + 2 < n && S[ids[i + 4]! + CAP]))
    )
      addRow(acc, a, W, st.g44);
  }
}

/** Adds the document-memory features of every token. */
function docRows(st: FastState, n: number, ctx: DocContext): void {
  const S = st.slab,
    W = st.W,
    acc = st.acc,
    ids = st.ids,
    dt = st.dt;
  for (let i = 0; i < n; i++) dt[i] = docType(ctx, S[ids[i + 2]! + LOWER]!);
  for (let i = 0; i < n; i++) {
    const a = i * L,
      e = ids[i + 2]!,
      cap = S[e + CAP]!;
    const d0 = dt[i]!;
    if (d0) {
      addRow(acc, a, W, st.d60[d0]!);
      addRow(acc, a, W, st.d61[d0 * 2 + cap]!);
    }
    const tn = i + 1 < n ? dt[i + 1]! : 0;
    if (tn) addRow(acc, a, W, st.d62[tn]!);
    const tp = i > 0 ? dt[i - 1]! : 0;
    if (tp) addRow(acc, a, W, st.d63[tp]!);
    if (cap && ctx.seenLower.has(S[e + LOWER]!)) addRow(acc, a, W, st.d64);
  }
}

/** Word and POS entries of tokens [from, from + n) into st.ids / st.pids (padded by two each side); returns the
 * headline flag | 2 if any gazetteer start. `wordIds` (with st.useIds called), where not -1, name each token's
 * word string, so that its entry is found without hashing the string. */
function lookupWords(
  st: FastState,
  tokens: readonly TaggerToken[],
  from: number,
  n: number,
  wordIds: Int32Array | undefined,
): number {
  const ids = st.ids,
    pids = st.pids;
  ids[0] = PADL_E;
  ids[1] = PADL_E;
  ids[n + 2] = PADR_E;
  ids[n + 3] = PADR_E;
  pids[0] = 0;
  pids[1] = 0;
  pids[n + 2] = 1;
  pids[n + 3] = 1;
  let lettered = 0,
    upperOnly = 0,
    anyGaz = 0;
  for (let i = 0; i < n; i++) {
    const t = tokens[from + i]!;
    const pid = st.pos(t.pos);
    const id = wordIds === undefined ? -1 : wordIds[from + i]!;
    const e = id >= 0 ? st.wordById(id, t.value, pid) : st.word(t.value, pid);
    ids[i + 2] = e;
    pids[i + 2] = pid;
    const f = st.slab[e + FLAGS]!;
    if (f & (F_UPPER | F_LOWER)) {
      lettered++;
      if (!(f & F_LOWER)) upperOnly++;
    }
    anyGaz |= st.slab[e + GAZ]!;
  }
  return (lettered >= 1 && upperOnly === lettered ? 1 : 0) | (anyGaz << 1);
}

/**
 * Scores of every token into st.acc (L per token): static features, document memory and, baked in, the
 * tag-history rows conjoined with previous label O (decoding swaps them when the previous label differs).
 * Returns the headline flag (all capitals) | 2 when a gazetteer entry may start in the sentence.
 */
export function staticScores(
  st: FastState,
  tokens: readonly TaggerToken[],
  from: number,
  n: number,
  ctx: DocContext | undefined,
  wordIds?: Int32Array,
): number {
  st.grow(n);
  st.reserve(n);
  const hg = lookupWords(st, tokens, from, n, wordIds),
    headline = hg & 1;
  const ids = st.ids,
    pids = st.pids;
  // Every POS triple vector first (tri() may grow the pool).
  const tris = st.dt2;
  for (let i = 0; i < n; i++) tris[i] = st.tri(pids[i + 1]!, pids[i + 2]!, pids[i + 3]!, headline);
  const S = st.slab,
    W = st.W,
    acc = st.acc,
    PVec = st.posVec,
    C = st.constV,
    T = st.triPool,
    rws = st.rws;
  const slots = st.slots,
    mask = st.mask,
    bloom = st.bloom;
  for (let i = 0; i < n; i++) {
    const a = i * L;
    const e = ids[i + 2]!,
      em1 = ids[i + 1]!,
      ep1 = ids[i + 3]!,
      em2 = ids[i]!,
      ep2 = ids[i + 4]!;
    const bucket = i === 0 ? 0 : i === 1 ? 1 : i === n - 1 ? 2 : 3;
    const t0 = tris[i]!,
      qm2 = pids[i]! * PV + 4 * L,
      qp2 = pids[i + 4]! * PV + 5 * L,
      c0 = (bucket * 2 + headline) * L;
    for (let l = 0; l < L; l++) {
      acc[a + l] =
        S[e + l]! +
        S[em1 + VM1 + l]! +
        S[ep1 + VP1 + l]! +
        S[em2 + VM2 + l]! +
        S[ep2 + VP2 + l]! +
        T[t0 + l]! +
        PVec[qm2 + l]! +
        PVec[qp2 + l]! +
        C[c0 + l]!;
    }
    // Pairwise features: word bigrams, word x shape, the shape trigram.
    const w0 = S[e + LOWER]!,
      s0 = S[e + SHAPE]!,
      wm1 = S[em1 + LOWER]!,
      wp1 = S[ep1 + LOWER]!;
    let m = 0,
      r = rowF(bloom, slots, mask, mix(mix(SEED6, wm1), w0) || 1);
    if (r >= 0) rws[m++] = r;
    r = rowF(bloom, slots, mask, mix(mix(SEED7, w0), wp1) || 1);
    if (r >= 0) rws[m++] = r;
    r = rowF(bloom, slots, mask, mix(mix(mix(SEED14, S[em1 + SHAPE]!), s0), S[ep1 + SHAPE]!) || 1);
    if (r >= 0) rws[m++] = r;
    r = rowF(bloom, slots, mask, mix(mix(SEED42, wm1), s0) || 1);
    if (r >= 0) rws[m++] = r;
    r = rowF(bloom, slots, mask, mix(mix(SEED43, s0), wp1) || 1);
    if (r >= 0) rws[m++] = r;
    for (let k = 0; k < m; k++) {
      const o = rws[k]!;
      for (let l = 0; l < L; l++) acc[a + l]! += W[o + l]!;
    }
    const p0 = pids[i + 2]!;
    if (bucket !== 3 || headline || p0 !== S[e + P32A]) contextRows(st, acc, a, e, p0, bucket, headline);
  }
  if (hg & 2) {
    matchGaz(st, n);
    gazRows(st, n);
  }
  if (ctx !== undefined && (ctx.typeCounts.size !== 0 || ctx.seenLower.size !== 0)) docRows(st, n, ctx);
  return hg;
}

/** Tags one sentence (same contract and the same labels as tagSentenceReference). */
export function tagSentenceFast(model: NerModel, tokens: readonly TaggerToken[], docContext?: DocContext): string[] {
  const n = tokens.length;
  if (n === 0) return [];
  const out = decodeInto(model, tokens, 0, n, docContext);
  const res = new Array<string>(n);
  for (let i = 0; i < n; i++) res[i] = LABELS[out[i]!]!;
  return res;
}

/**
 * Tags tokens [from, to) as one sentence, as tagSentenceFast does, and hands each entity span to `span` (token
 * indexes relative to `from`, last exclusive; the spans spansFromTags reads from the labels). `wordIds` and
 * `idSpace`: ids of the tokens' word strings (see lookupWords), -1 where unknown; both or neither.
 */
export function tagSpansFast(
  model: NerModel,
  tokens: readonly TaggerToken[],
  from: number,
  to: number,
  docContext: DocContext | undefined,
  wordIds: Int32Array | undefined,
  idSpace: object | undefined,
  span: (type: number, first: number, last: number) => void,
): void {
  const n = to - from;
  if (n <= 0) return;
  const st = stateOf(model);
  if (wordIds !== undefined && idSpace !== undefined) st.useIds(idSpace);
  const out = decodeInto(model, tokens, from, n, docContext, idSpace === undefined ? undefined : wordIds);
  // Labels are O, or 1 + 4 * type + part with part B 0, I 1, L 2, U 3; decoding only makes I-x/L-x after B-x/I-x.
  let open = -1,
    start = 0;
  for (let i = 0; i < n; i++) {
    const l = out[i]!;
    if (l === 0) {
      if (open >= 0) {
        span(open, start, i);
        open = -1;
      }
      continue;
    }
    const type = (l - 1) >> 2,
      part = (l - 1) & 3;
    if (!(open === type && (part === 1 || part === 2))) {
      if (open >= 0) span(open, start, i);
      open = type;
      start = i;
    }
    if (part === 3 || part === 2) {
      span(open, start, i + 1);
      open = -1;
    }
  }
  if (open >= 0) span(open, start, n);
}

/** Per-token values the decoder needs besides the scores, copied out of the word cache (so that a document's
 * second pass can decode a sentence again after the cache moved on). */
export interface TokenRows {
  /** Rows of the tag-history features conjoined with the word and the shape for previous label O. */
  c53: Int32Array;
  c54: Int32Array;
  lower: Int32Array;
  shape: Int32Array;
  pid: Int32Array;
  cap: Int32Array;
}

/** Token rows for c tokens. */
export function newTokenRows(c: number): TokenRows {
  return {
    c53: new Int32Array(c),
    c54: new Int32Array(c),
    lower: new Int32Array(c),
    shape: new Int32Array(c),
    pid: new Int32Array(c),
    cap: new Int32Array(c),
  };
}

/** Copies the decoder's per-token values of the sentence in st.ids/st.pids into rows at offset `at`. */
export function copyTokenRows(st: FastState, n: number, rows: TokenRows, at: number): void {
  const S = st.slab,
    ids = st.ids,
    pids = st.pids;
  for (let i = 0; i < n; i++) {
    const e = ids[i + 2]!;
    rows.c53[at + i] = S[e + C53]!;
    rows.c54[at + i] = S[e + C54]!;
    rows.lower[at + i] = S[e + LOWER]!;
    rows.shape[at + i] = S[e + SHAPE]!;
    rows.pid[at + i] = pids[i + 2]!;
    rows.cap[at + i] = S[e + CAP]!;
  }
}

/** Decodes tokens [from, from + n) into st.out and returns it. */
function decodeInto(
  model: NerModel,
  tokens: readonly TaggerToken[],
  from: number,
  n: number,
  docContext: DocContext | undefined,
  wordIds?: Int32Array,
): Int32Array {
  const st = stateOf(model);
  staticScores(st, tokens, from, n, docContext, wordIds);
  copyTokenRows(st, n, st.rows, 0);
  decodeScores(st, st.acc, 0, st.rows, 0, n, st.out);
  if (docContext) remember(docContext, st.rows, 0, n, st.out);
  return st.out;
}

/** Records a decoded sentence (tokens [at, at + n) of rows, labels from out[0]) in the document memory. */
export function remember(docContext: DocContext, rows: TokenRows, at: number, n: number, out: Int32Array): void {
  // Document memory keyed by the lower-case hash as a signed int32 (a small integer to V8's Map and Set; the
  // reference path keys by the unsigned value, so the two paths' contexts must not be mixed).
  for (let i = 0; i < n; i++) {
    const l = out[i]!,
      h = rows.lower[at + i]!;
    if (l !== 0) {
      let c = docContext.typeCounts.get(h);
      if (!c) {
        c = new Int32Array(4);
        docContext.typeCounts.set(h, c);
      }
      c[typeOf(l)]!++;
    } else if (!rows.cap[at + i]) docContext.seenLower.add(h);
  }
}

/**
 * Greedy constrained decoding of n tokens whose scores (static, document memory and the tag-history rows for
 * previous label O) are acc[accAt * L ...] and whose per-token values are rows[at ...]; labels into out[0 .. n).
 * Changes acc (the outside case adds the tag-history rows in place).
 */
export function decodeScores(
  st: FastState,
  acc: Int32Array,
  accAt: number,
  rows: TokenRows,
  at: number,
  n: number,
  out: Int32Array,
): void {
  const W = st.W,
    dyn12 = st.dyn12,
    slots = st.slots,
    mask = st.mask,
    bloom = st.bloom;
  let p1 = L,
    p2 = L; // L stands for "before the sentence"
  for (let i = 0; i < n; i++) {
    const a = (accAt + i) * L,
      t = at + i;
    // Rows of the tag-history features conjoined with word, shape and POS: acc holds those for p1 = O.
    let q53 = -1,
      q54 = -1,
      q55 = -1,
      o53 = -1,
      o54 = -1,
      o55 = -1;
    if (p1 !== 0) {
      const pid = rows.pid[t]!;
      o53 = rows.c53[t]!;
      o54 = rows.c54[t]!;
      o55 = st.row55(pid, 0);
      q53 = rowF(bloom, slots, mask, mix(mix(SEED53, p1), rows.lower[t]!) || 1);
      q54 = rowF(bloom, slots, mask, mix(mix(SEED54, p1), rows.shape[t]!) || 1);
      q55 = st.row55(pid, p1);
    }
    const dy = (p1 * L1 + p2) * L;
    const last = i === n - 1;
    let best = 0;
    const prevPart = p1 === L || p1 === 0 ? -1 : (p1 - 1) & 3;
    if (prevPart === 0 || prevPart === 1) {
      // Inside an entity: only I-x or L-x (L-x alone at the sentence end).
      const la = p1 - prevPart + 1,
        lb = la + 1;
      let sa = acc[a + la]! + dyn12[dy + la]!,
        sb = acc[a + lb]! + dyn12[dy + lb]!;
      if (o53 >= 0) {
        sa -= W[o53 + la]!;
        sb -= W[o53 + lb]!;
      }
      if (o54 >= 0) {
        sa -= W[o54 + la]!;
        sb -= W[o54 + lb]!;
      }
      if (o55 >= 0) {
        sa -= W[o55 + la]!;
        sb -= W[o55 + lb]!;
      }
      if (q53 >= 0) {
        sa += W[q53 + la]!;
        sb += W[q53 + lb]!;
      }
      if (q54 >= 0) {
        sa += W[q54 + la]!;
        sb += W[q54 + lb]!;
      }
      if (q55 >= 0) {
        sa += W[q55 + la]!;
        sb += W[q55 + lb]!;
      }
      best = last || sb >= sa ? lb : la;
    } else {
      // Outside: O, B-x or U-x (no B-x at the sentence end). Label order: O, then B I L U per type.
      for (let l = 0; l < L; l++) acc[a + l]! += dyn12[dy + l]!;
      if (p1 !== 0) {
        subRow(acc, a, W, o53);
        subRow(acc, a, W, o54);
        subRow(acc, a, W, o55);
        addRow(acc, a, W, q53);
        addRow(acc, a, W, q54);
        addRow(acc, a, W, q55);
      }
      let bs = acc[a]!;
      for (let t = 1; t < L; t += 4) {
        if (!last) {
          const s = acc[a + t]!;
          if (s > bs) {
            bs = s;
            best = t;
          }
        }
        const u = acc[a + t + 3]!;
        if (u > bs) {
          bs = u;
          best = t + 3;
        }
      }
    }
    out[i] = best;
    p2 = p1;
    p1 = best;
  }
}

/** Static plus document-memory scores of a sentence as tagSentenceFast sees them (for checks against reference.ts). */
export function fastStaticScores(model: NerModel, tokens: readonly TaggerToken[], docContext?: DocContext): Int32Array {
  if (tokens.length === 0) return new Int32Array(0);
  const st = stateOf(model);
  const n = tokens.length;
  staticScores(st, tokens, 0, n, docContext);
  const out = st.acc.slice(0, n * L);
  for (let i = 0; i < n; i++) {
    const e = st.ids[i + 2]!;
    subRow(out, i * L, st.W, st.slab[e + C53]!);
    subRow(out, i * L, st.W, st.slab[e + C54]!);
    subRow(out, i * L, st.W, st.row55(st.pids[i + 2]!, 0));
  }
  return out;
}
