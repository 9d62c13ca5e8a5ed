// Splitting a corpus across machines: an article belongs to shard i of N when a stable hash of its id says so,
// whatever machine, file order or corpus growth; so N runs see disjoint sets that together are the corpus.
import { createHash } from 'node:crypto';
import type { Shard } from '../outputs/manifest.ts';

export type { Shard };

/** Parses "i/N" (0 <= i < N); throws an Error naming the expected form. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new Error(`bad shard "${text}": use i/N with 0 <= i < N, e.g. 0/4`);
  }
  return { index, count };
}

/** The shard an id belongs to: the first 48 bits of sha256(id), modulo the shard count. */
export function shardOf(id: string, count: number): number {
  const digest = createHash('sha256').update(id).digest();
  return digest.readUIntBE(0, 6) % count;
}

/** True when the id is this shard's (always true without a shard). */
export function inShard(id: string, shard: Shard | undefined): boolean {
  return !shard || shard.count === 1 || shardOf(id, shard.count) === shard.index;
}
