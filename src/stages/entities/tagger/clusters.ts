// Word clusters (data/clusters/word-clusters.txt, built by scripts/build-word-clusters.ts): each known word has a
// fine cluster, and each fine cluster a mid and a coarse one (nested). Looked up by the hash of the lower-cased
// word (features.ts already has it), in an open-addressing table, so tagging creates no strings for them.
import * as H from './hash.ts';

const hashString = H.hashString;

/** Cluster levels, finest first. */
export const CLUSTER_LEVELS = 3;
/** Cluster id of a word the table does not hold (at every level). */
export const NO_CLUSTER = 0xffff;

/** The cluster table: words (as hashes) and the ids of their clusters. */
export interface WordClusters {
  /** [word hash, 1 + fine id] pairs; 0 marks an empty slot. */
  readonly slots: Int32Array;
  readonly mask: number;
  /** Mid and coarse cluster of each fine cluster. */
  readonly mid: Uint16Array;
  readonly coarse: Uint16Array;
}

/** The serialisable form: word hashes and their fine ids, side by side, and the fine -> mid / coarse maps. */
export interface ClusterLists {
  hashes: Uint32Array;
  fine: Uint16Array;
  mid: Uint16Array;
  coarse: Uint16Array;
}

/** Parses the cluster file's text (a line per fine cluster: fine, mid and coarse id, then its words). */
export function parseClusterFile(text: string): ClusterLists {
  const hashes: number[] = [],
    fine: number[] = [],
    mid: number[] = [],
    coarse: number[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const [f, m, c, ...words] = line.split(' ');
    const id = Number(f);
    mid[id] = Number(m);
    coarse[id] = Number(c);
    for (const w of words) {
      hashes.push(hashString(w));
      fine.push(id);
    }
  }
  return {
    hashes: Uint32Array.from(hashes),
    fine: Uint16Array.from(fine),
    mid: Uint16Array.from(mid),
    coarse: Uint16Array.from(coarse),
  };
}

/** Builds the look-up table (the first word of a hash wins, so a collision never moves a frequent word). */
export function compileClusters(lists: ClusterLists): WordClusters {
  let cap = 1024;
  while (cap < lists.hashes.length * 2) cap <<= 1;
  const mask = cap - 1,
    slots = new Int32Array(cap * 2);
  for (let i = 0; i < lists.hashes.length; i++) {
    const h = lists.hashes[i]! | 0;
    let s = h & mask;
    while (slots[s * 2 + 1] !== 0 && slots[s * 2] !== h) s = (s + 1) & mask;
    if (slots[s * 2 + 1] !== 0) continue;
    slots[s * 2] = h;
    slots[s * 2 + 1] = lists.fine[i]! + 1;
  }
  return { slots, mask, mid: lists.mid, coarse: lists.coarse };
}

/** Fine cluster of the word whose lower-cased hash is h, or NO_CLUSTER. */
export function fineCluster(c: WordClusters, h: number): number {
  const S = c.slots,
    h32 = h | 0;
  let s = h & c.mask;
  for (;;) {
    const v = S[s * 2 + 1]!;
    if (v === 0) return NO_CLUSTER;
    if (S[s * 2] === h32) return v - 1;
    s = (s + 1) & c.mask;
  }
}

/** The cluster of a fine cluster at a level (0 fine, 1 mid, 2 coarse); ids from NO_CLUSTER - 2 up (no cluster,
 * paddings) stay as they are. */
export function clusterAt(c: WordClusters, fine: number, level: number): number {
  if (fine >= NO_CLUSTER - 2 || level === 0) return fine;
  return level === 1 ? c.mid[fine]! : c.coarse[fine]!;
}
