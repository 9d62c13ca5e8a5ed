// The head of a speaker phrase: the word a reader takes it to be about ("A spokeswoman for Fiorina" -> spokeswoman).
import type { Token } from '../../types.ts';
import { inCompound } from './compounds.ts';
import { tok } from './tokens.ts';

const HEAD_ENDS = new Set(['of', 'for', 'to', 'at', 'with']);

/** Head of a phrase: its last noun-like token before "of" or a possessive's owner. */
export function headOf(
  tokens: readonly Token[],
  first: number,
  last: number,
  inName: (k: number) => boolean = () => false,
): number {
  let end = last;
  // "A spokeswoman for Fiorina", "aides to Clinton", "a professor at Yale": the head comes before the preposition
  // (unless it is part of a name: "Club for Growth").
  for (let k = first + 1; k < last; k++)
    if ((HEAD_ENDS.has(tok(tokens, k).lower) && !inName(k) && !inCompound(tokens, k)) || tok(tokens, k).value === ',') {
      end = k;
      break;
    }
  for (let k = end - 1; k >= first; k--) {
    const p = tok(tokens, k).pos;
    if (p === 'PROPN' || p === 'NOUN' || p === 'PRON' || p === 'NUM') return k;
  }
  return end - 1;
}
