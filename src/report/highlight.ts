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
  /** The opening tag of the first fragment when it differs (to carry an anchor id only once). */
  firstOpen?: string;
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
  const cuts = new Set<number>([0, n]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const bounds = [...cuts].sort((a, b) => a - b);
  const byStart = new Map<number, Mark[]>();
  for (const m of valid) {
    const list = byStart.get(m.start);
    if (list) list.push(m);
    else byStart.set(m.start, [m]);
  }

  let out = '';
  let active: Mark[] = [];
  let stack: Mark[] = [];
  const opened = new Set<Mark>();
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = bounds[i]!;
    const to = bounds[i + 1]!;
    const starting = byStart.get(from);
    const ending = active.some((m) => m.end <= from);
    if (ending) active = active.filter((m) => m.end > from);
    if (starting) active = active.concat(starting);
    // The sorted stack only changes where a mark starts or ends, which is at every cut but costs nothing
    // to skip when neither happened (a cut made by an empty or out-of-range mark).
    const want = !ending && !starting ? stack : active.length > 1 ? [...active].sort(order) : active;
    // Keep the open elements both stacks share, close the rest, open what is new.
    let keep = 0;
    while (keep < stack.length && keep < want.length && stack[keep] === want[keep]) keep++;
    for (let k = stack.length - 1; k >= keep; k--) out += '</span>';
    for (let k = keep; k < want.length; k++) {
      const m = want[k]!;
      out += m.firstOpen !== undefined && !opened.has(m) ? m.firstOpen : m.open;
      opened.add(m);
    }
    stack = want;
    out += esc(units ? text.slice(units[from], units[to]) : text.slice(from, to));
  }
  for (let k = stack.length - 1; k >= 0; k--) out += '</span>';
  return out;
}

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
