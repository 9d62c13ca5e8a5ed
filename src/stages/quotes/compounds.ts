// Hyphenated compounds ("self-taught", "bow-tied", "sergeant-at-arms", "then-Surrey", "ex-minister") are one word
// to a reader, but wink splits them into parts with their own tags ("taught" a verb, "at" a preposition). Speaker
// phrases read them whole.
import type { Token } from '../../types.ts';

/** Token k is a hyphen joining the words on both sides without spaces. */
export function isJoiningHyphen(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  const a = tokens[k - 1];
  const b = tokens[k + 1];
  return (
    t !== undefined &&
    t.value === '-' &&
    a !== undefined &&
    b !== undefined &&
    a.end === t.start &&
    b.start === t.end &&
    /[\p{L}\p{N}]$/u.test(a.value) &&
    /^[\p{L}\p{N}]/u.test(b.value)
  );
}

/** First token of the compound that token k belongs to (k itself when it is in none), not before `min`. */
export function compoundStart(tokens: readonly Token[], k: number, min: number): number {
  let a = k;
  if (isJoiningHyphen(tokens, a)) a--;
  while (a - 2 >= min && isJoiningHyphen(tokens, a - 1)) a -= 2;
  return a;
}

/** One past the last token of the compound that starts at token k (k + 1 when it starts none), not past `max`. */
export function compoundEnd(tokens: readonly Token[], k: number, max: number): number {
  let b = k + 1;
  while (b + 1 < max && isJoiningHyphen(tokens, b)) b += 2;
  return b;
}

/** Token k is inside a compound (a part after its first, or a joining hyphen). */
export function inCompound(tokens: readonly Token[], k: number): boolean {
  return isJoiningHyphen(tokens, k) || isJoiningHyphen(tokens, k - 1);
}
