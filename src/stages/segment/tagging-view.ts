// Editorial brackets ("[W]e're", "[and]") break wink's tagger: "[W]" comes out a proper noun. wink reads a
// same-length copy of the text with the brackets blanked and the inserted letters joined to their word; tokens
// that start or end inside such a group are then widened back to cover it in the real text.

export interface Rewrite {
  start: number;
  end: number;
}

// Short insertions only: letters, apostrophes and spaces, as editors write them.
const EDITORIAL = /\[([A-Za-z’' ]{1,20})\]/g;
const LETTER = /[A-Za-z]/;

/** Returns the text wink should read and the regions rewritten in it. */
export function taggingView(text: string): { view: string; rewrites: Rewrite[] } {
  if (!text.includes('[')) return { view: text, rewrites: [] };
  const rewrites: Rewrite[] = [];
  const view = text.replace(EDITORIAL, (whole, inner: string, at: number) => {
    rewrites.push({ start: at, end: at + whole.length });
    const before = LETTER.test(text[at - 1] ?? '');
    const after = LETTER.test(text[at + whole.length] ?? '');
    if (after && !before) return `  ${inner}`; // "[W]e" -> "  We"
    if (before && !after) return `${inner}  `; // "her[s]" -> "hers  "
    return ` ${inner} `; // "[and]" -> " and "
  });
  return { view, rewrites };
}

/** Widens [start, end) so that it never cuts through a rewritten region. `from` is the index of the first
 * region that can still matter; callers walking tokens in order pass it back (linear, not quadratic). */
export function widen(start: number, end: number, rewrites: readonly Rewrite[], from = 0): [number, number, number] {
  let i = from;
  while (i < rewrites.length && rewrites[i]!.end <= start) i++;
  for (let k = i; k < rewrites.length; k++) {
    const r = rewrites[k]!;
    if (r.start > end) break;
    if (start > r.start && start < r.end) start = r.start;
    if (end > r.start && end < r.end) end = r.end;
  }
  return [start, end, i];
}
