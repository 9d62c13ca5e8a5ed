// Marked-up article text: overlapping spans (quotes, cues, speaker mentions, entity mentions) turned into
// properly nested HTML. A span crossing another's edge is split into fragments that all carry its attributes,
// so the concatenated text of a span's fragments is exactly its code point slice.
import { esc } from './escape.ts';

export interface Mark {
  start: number;
  end: number;
  /** Nesting rank: lower ranks are opened outside higher ones (quote 0, cue 1, speaker mention 2, entity 3). */
  rank: number;
  /** The opening tag; the closing tag is always </span>. */
  open: string;
  /** The opening tag of the first fragment when it differs (to carry an anchor id only once), else null. Every mark
   * carries the key, so that all marks share one shape: marks of two shapes made V8 recompile markUp. */
  firstOpen: string | null;
}

/** The article text as HTML with every mark applied; offsets are code points into `text`. */
export function markUp(text: string, marks: readonly Mark[]): string {
  // Offsets count code points; slicing wants UTF-16 units. Only texts with astral characters (emoji) need
  // the table, the rest slice directly.
  const units = codeUnitOffsets(text);
  const n = units ? units.length - 1 : text.length;
  const valid = marks.filter((m) => m.start < m.end && m.start >= 0 && m.end <= n);
  // Outer marks first; among equals the earlier and then the longer one, so nesting is stable.
  const order = (a: Mark, b: Mark): number => a.rank - b.rank || a.start - b.start || b.end - a.end;
  // Every start and end is a cut; a typed array sorts numbers without a comparator, and equal cuts are
  // skipped in the loop.
  const cuts = new Int32Array(valid.length * 2 + 2);
  cuts[0] = 0;
  cuts[1] = n;
  for (let i = 0; i < valid.length; i++) {
    cuts[2 + 2 * i] = valid[i]!.start;
    cuts[3 + 2 * i] = valid[i]!.end;
  }
  cuts.sort();
  // Marks in order of their start (a stable sort: marks starting together keep their input order).
  const byStart = valid.length > 1 ? [...valid].sort((a, b) => a.start - b.start) : valid;
  let next = 0;
  // Where the characters to escape are (UTF-16 offsets, ascending): a segment before the next one needs no
  // escaping pass, and most segments hold none.
  const specials: number[] = [];
  for (SPECIALS.lastIndex = 0; SPECIALS.test(text);) specials.push(SPECIALS.lastIndex - 1);
  let special = 0;

  let out = '';
  let active: Mark[] = [];
  let stack: Mark[] = [];
  // the earliest end among the active marks: no mark can end before it (a small integer beyond any offset, not
  // Infinity: a double there made V8 recompile the loop)
  const NONE = 0x3fffffff;
  let firstEnd = NONE;
  const opened = new Set<Mark>();
  for (let i = 0; i + 1 < cuts.length; i++) {
    const from = cuts[i]!;
    const to = cuts[i + 1]!;
    if (from === to) continue;
    const ending = firstEnd <= from;
    if (ending) {
      active = active.filter((m) => m.end > from);
      firstEnd = NONE;
      for (const m of active) if (m.end < firstEnd) firstEnd = m.end;
    }
    const starting = next < byStart.length && byStart[next]!.start === from;
    if (starting) {
      active = active.slice();
      for (; next < byStart.length && byStart[next]!.start === from; next++) {
        const m = byStart[next]!;
        active.push(m);
        if (m.end < firstEnd) firstEnd = m.end;
      }
    }
    // The sorted stack only changes where a mark starts or ends, which is at every cut but costs nothing
    // to skip when neither happened (a cut made by an empty or out-of-range mark).
    const want = !ending && !starting ? stack : active.length > 1 ? [...active].sort(order) : active;
    // Keep the open elements both stacks share, close the rest, open what is new.
    let keep = 0;
    while (keep < stack.length && keep < want.length && stack[keep] === want[keep]) keep++;
    for (let k = stack.length - 1; k >= keep; k--) out += '</span>';
    for (let k = keep; k < want.length; k++) {
      const m = want[k]!;
      if (m.firstOpen === null) out += m.open;
      else {
        out += opened.has(m) ? m.open : m.firstOpen;
        opened.add(m);
      }
    }
    stack = want;
    const a = units ? units[from]! : from;
    const b = units ? units[to]! : to;
    while (special < specials.length && specials[special]! < a) special++;
    out += special < specials.length && specials[special]! < b ? esc(text.slice(a, b)) : text.slice(a, b);
  }
  for (let k = stack.length - 1; k >= 0; k--) out += '</span>';
  return out;
}

// The characters esc() replaces, found once per text.
const SPECIALS = /[&<>"'\r]/g;

/** UTF-16 offset of every code point offset (one past the end included), or null when the two coincide. */
function codeUnitOffsets(text: string): Int32Array | null {
  if (!/[\uD800-\uDFFF]/.test(text)) return null;
  const offsets: number[] = [];
  let i = 0;
  for (const ch of text) {
    offsets.push(i);
    i += ch.length;
  }
  offsets.push(i);
  return Int32Array.from(offsets);
}
