// Mends wink's sentence breaks that news text trips over (see shared/notes/wink-nlp.md):
//   “Is this right?” she asked.   -> split after the closing mark, though the sentence goes on in lower case;
//   Rep. Nancy Pelosi (D-Calif.), spoke.  -> split before the comma.
// Paragraph cuts are never undone: a sentence does not cross a line break.
import type { Token } from '../../types.ts';

const CONTINUATION = /^[a-z,;:)\]’”%]/;

/** Joins a sentence to the one before when it cannot start a sentence (lower case, a comma, a closing bracket). */
export function fixSentenceBreaks(ranges: [number, number][], tokens: readonly Token[], text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const range of ranges) {
    const prev = out[out.length - 1];
    if (prev && prev[1] === range[0]) {
      const before = tokens[prev[1] - 1]!;
      const first = tokens[range[0]]!;
      const sameLine = !text.slice(before.end, first.start).includes('\n');
      if (sameLine && CONTINUATION.test(first.value) && !/^[a-z]+\.[a-z]/.test(first.value)) {
        prev[1] = range[1];
        continue;
      }
    }
    out.push([range[0], range[1]]);
  }
  return out;
}
