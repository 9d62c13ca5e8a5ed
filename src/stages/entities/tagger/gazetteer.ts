// Gazetteer matching over token hashes: each entry is a sequence of lower-cased tokens (tokenised the way wink
// tokenises, at training time), looked up by a rolling hash so matching creates no strings.
import * as H from './hash.ts';

// Imported bindings are copied to module constants: some loaders (tsx, vitest) turn every use of an import
// into a getter call, which costs a lot inside the per-feature loops.
const hashString = H.hashString,
  mix = H.mix;

/** Gazetteer classes, in bit order: the one definition (scripts/build-gazetteers.ts writes
 * data/gazetteers/gazetteers.json with these keys; the training script reads them). */
export const GAZ_CLASSES = [
  'country',
  'demonym',
  'region',
  'city',
  'firstName',
  'lastName',
  'title',
  'orgSuffix',
  'organization',
  'person',
  'nameParticle',
  'company',
  'sportsTeam',
  'media',
  'marketIndex',
] as const;
export type GazClass = (typeof GAZ_CLASSES)[number];
export const NUM_GAZ = GAZ_CLASSES.length;
export const TITLE_CLASS = GAZ_CLASSES.indexOf('title'),
  PARTICLE_CLASS = GAZ_CLASSES.indexOf('nameParticle');
/** Start value of the rolling hash over an entry's token hashes. */
export const SEQ_SEED = 0x1b873593;

/** Compiled gazetteer: full-entry hashes with their class bits, and every proper prefix hash. */
export interface Gazetteer {
  entries: Map<number, number>;
  prefixes: Set<number>;
  maxLen: number;
}

/** Tokenised entries per class: each entry is its tokens joined by single spaces (tokens hold no spaces). */
export type GazetteerLists = Record<string, string[]>;

/** Builds the look-up structure from tokenised, lower-cased entry lists. */
export function compileGazetteer(lists: GazetteerLists): Gazetteer {
  const entries = new Map<number, number>();
  const prefixes = new Set<number>();
  let maxLen = 1;
  GAZ_CLASSES.forEach((cls, c) => {
    for (const entry of lists[cls] ?? []) {
      const toks = entry.split(' ');
      let h = SEQ_SEED;
      toks.forEach((t, j) => {
        h = mix(h, hashString(t));
        if (j < toks.length - 1) prefixes.add(h);
      });
      entries.set(h, (entries.get(h) ?? 0) | (1 << c));
      if (toks.length > maxLen) maxLen = toks.length;
    }
  });
  return { entries, prefixes, maxLen };
}

/**
 * Marks gazetteer matches in a sentence. `lower[i]` is the hash of token i lower-cased, `cap[i]` whether it
 * starts with an upper-case letter. Writes codes[i * NUM_GAZ + c] = 1 B, 2 I, 3 L, 4 U (0 none), taking for
 * each class the longest match from the leftmost start. Only capitalised matches count (except titles and name particles), since
 * "will", "may" or "china" in lower case are ordinary words.
 */
export function matchGazetteer(g: Gazetteer, lower: Uint32Array, cap: Uint8Array, n: number, codes: Uint8Array): void {
  codes.fill(0, 0, n * NUM_GAZ);
  for (let i = 0; i < n; i++) {
    let h = SEQ_SEED;
    const end = Math.min(n, i + g.maxLen);
    for (let j = i; j < end; j++) {
      h = mix(h, lower[j]!);
      const bits = g.entries.get(h);
      if (bits !== undefined) {
        markMatch(codes, i, j, bits, cap[i] === 1 && cap[j] === 1);
      }
      if (!g.prefixes.has(h)) break;
    }
  }
}

/**
 * Marks a gazetteer match of tokens [i, j] (inclusive) in `codes` (per token and class: 1 B, 2 I, 3 L, 4 U) for
 * every class in `bits`. Names need capitals at both ends (titles and particles do not). An earlier match of a
 * class covering token i wins (leftmost); a longer match from the same start overwrites a shorter one.
 */
export function markMatch(
  codes: Uint8Array | Int32Array | number[],
  i: number,
  j: number,
  bits: number,
  capsOk: boolean,
): void {
  for (let c = 0; c < NUM_GAZ; c++) {
    if (!((bits >> c) & 1) || (!capsOk && c !== TITLE_CLASS && c !== PARTICLE_CLASS)) continue;
    if (codes[i * NUM_GAZ + c] !== 0 && codes[i * NUM_GAZ + c] !== 1 && codes[i * NUM_GAZ + c] !== 4) continue;
    if (i > 0 && (codes[(i - 1) * NUM_GAZ + c] === 1 || codes[(i - 1) * NUM_GAZ + c] === 2)) continue;
    if (j === i) {
      if (codes[i * NUM_GAZ + c] === 0) codes[i * NUM_GAZ + c] = 4;
      continue;
    }
    codes[i * NUM_GAZ + c] = 1;
    for (let k = i + 1; k < j; k++) codes[k * NUM_GAZ + c] = 2;
    codes[j * NUM_GAZ + c] = 3;
  }
}
