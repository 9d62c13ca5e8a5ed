// Integer hashing used for features and gazetteer look-ups: features are 32-bit keys, never strings, so that
// tagging allocates almost nothing per token.

/** FNV-1a offset basis, the start value of every string hash. */
export const FNV_START = 0x811c9dc5 | 0;

/** One FNV-1a step: folds a char code into a running hash. */
export function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** FNV-1a hash of a whole string, unsigned 32-bit. */
export function hashString(s: string): number {
  let h = FNV_START;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Mixes two 32-bit values into one well-spread unsigned key (murmur3 finaliser over a combination). */
export function mix(a: number, b: number): number {
  let h = (a ^ Math.imul(b + 0x7f4a7c15, 0x9e3779b1)) | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Feature key for a template id and one value; never 0 (0 marks an empty slot in the weight table). */
export function key1(t: number, a: number): number {
  return mix(mix(t, 0x51ed270b), a) || 1;
}

/** Feature key for a template id and two values. */
export function key2(t: number, a: number, b: number): number {
  return mix(mix(mix(t, 0x2545f491), a), b) || 1;
}

/** Feature key for a template id and three values. */
export function key3(t: number, a: number, b: number, c: number): number {
  return mix(mix(mix(mix(t, 0x3c6ef372), a), b), c) || 1;
}
