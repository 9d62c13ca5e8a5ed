// BILOU label set for PER/ORG/LOC/MISC and the transition rules greedy decoding must respect.

/** Entity types the tagger knows, in label order. */
export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];

const PARTS = ['B', 'I', 'L', 'U'] as const;

/** All labels: index 0 is 'O', then B/I/L/U for each type (1 + 4 * type + part). */
export const LABELS: readonly string[] = ['O', ...TYPES.flatMap((t) => PARTS.map((p) => `${p}-${t}`))];
export const NUM_LABELS = LABELS.length;

/** Index of a label string, or -1. */
export function labelIndex(label: string): number {
  return LABELS.indexOf(label);
}

/** Part of a label index: -1 for O, else 0 B, 1 I, 2 L, 3 U. */
export function partOf(l: number): number {
  return l === 0 ? -1 : (l - 1) & 3;
}

/** Type index (0..3) of a label index, -1 for O. */
export function typeOf(l: number): number {
  return l === 0 ? -1 : (l - 1) >> 2;
}

// ALLOWED[prev * NUM_LABELS + cur]: after B-x or I-x only I-x or L-x may follow; otherwise only O, B-*, U-*.
// Row NUM_LABELS stands for the sentence start. FINAL[cur]: may close a sentence (not B or I).
export const ALLOWED = new Uint8Array((NUM_LABELS + 1) * NUM_LABELS);
export const FINAL = new Uint8Array(NUM_LABELS);
for (let p = 0; p <= NUM_LABELS; p++) {
  for (let c = 0; c < NUM_LABELS; c++) {
    const open = p < NUM_LABELS && (partOf(p) === 0 || partOf(p) === 1);
    const pc = partOf(c);
    ALLOWED[p * NUM_LABELS + c] = open
      ? typeOf(c) === typeOf(p) && (pc === 1 || pc === 2)
        ? 1
        : 0
      : pc === 1 || pc === 2
        ? 0
        : 1;
  }
}
for (let c = 0; c < NUM_LABELS; c++) FINAL[c] = partOf(c) === 0 || partOf(c) === 1 ? 0 : 1;

/** An entity span over token indexes, last exclusive. */
export interface TagSpan {
  type: NerType;
  first: number;
  last: number;
}

/** Turns BILOU (or IOB) tags into spans, repairing invalid sequences instead of dropping them. */
export function spansFromTags(tags: readonly string[]): TagSpan[] {
  const out: TagSpan[] = [];
  let openType: NerType | null = null;
  let openStart = 0;
  const close = (end: number): void => {
    if (openType !== null) out.push({ type: openType, first: openStart, last: end });
    openType = null;
  };
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i] ?? 'O';
    if (tag === 'O') {
      close(i);
      continue;
    } // the common case, without string slicing
    const dash = tag.indexOf('-');
    const part = dash > 0 ? tag.slice(0, dash) : 'O';
    const type = (dash > 0 ? tag.slice(dash + 1) : '') as NerType;
    if (part === 'O' || !(TYPES as readonly string[]).includes(type)) {
      close(i);
      continue;
    }
    // A continuation of the open span of the same type; anything else closes it.
    const continues = openType === type && (part === 'I' || part === 'L');
    if (!continues) {
      close(i);
      openType = type;
      openStart = i;
    }
    // U and L end the span here; a stray L with nothing open is a one-token span, a stray I opens one.
    if (part === 'U' || part === 'L' || part === 'E' || part === 'S') close(i + 1);
  }
  close(tags.length);
  return out;
}
