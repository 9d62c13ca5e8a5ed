// Candidate name spans from wink's part-of-speech tags: runs of proper nouns, joined across the small words
// that sit inside names ("Republic of Korea", "Ursula von der Leyen", "Mohammed bin Salman").
// The trained tagger, when enabled, proposes spans as well; both kinds meet in classification.
import type { Token } from '../../types.ts';
import { startsUpper } from './chars.ts';
import { tokenAt } from './tokens.ts';

export interface Candidate {
  first: number;
  /** Exclusive. */
  last: number;
  /** The tagger's CoNLL label, when the span came from it. */
  label?: 'PER' | 'ORG' | 'LOC' | 'MISC';
  /** A piece of a longer tagger span that was cut at a lower-case word. */
  split?: boolean;
}

function isNameToken(t: Token): boolean {
  return t.pos === 'PROPN' && startsUpper(t.value);
}

const HYPHENS = new Set(['-', '‐', '‑']);

/** Maximal proper-noun runs inside each sentence; `isPlace` keeps "U.S.-Japan" two names, "Jean-Claude" one. */
export function propnCandidates(
  tokens: readonly Token[],
  isPlace: (t: Token) => boolean,
  connectors: ReadonlySet<string>,
): Candidate[] {
  const out: Candidate[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isNameToken(tokenAt(tokens, i))) {
      i++;
      continue;
    }
    const first = i;
    const sentence = tokenAt(tokens, i).sentence;
    let last = i + 1;
    while (last < tokens.length && tokenAt(tokens, last).sentence === sentence) {
      const t = tokenAt(tokens, last);
      if (isNameToken(t)) {
        last++;
        continue;
      }
      const next = tokens[last + 1];
      const prev = tokenAt(tokens, last - 1);
      // A hyphen written tight between two names joins them unless either side is a place.
      if (
        HYPHENS.has(t.value) &&
        next &&
        next.sentence === sentence &&
        prev.end === t.start &&
        t.end === next.start &&
        isNameToken(next) &&
        !isPlace(prev) &&
        !isPlace(next)
      ) {
        last += 2;
        continue;
      }
      // A connector joins only when a name continues right after it, on the same sentence, with no space lost.
      if (connectors.has(t.lower) && next && next.sentence === sentence) {
        // "al-Assad": the particle and its hyphen both sit between the names.
        const after = HYPHENS.has(next.value) && next.start === t.end ? tokens[last + 2] : next;
        if (after && after.sentence === sentence && isNameToken(after)) {
          last += after === next ? 2 : 3;
          continue;
        }
      }
      break;
    }
    out.push({ first, last });
    i = last;
  }
  return out;
}
