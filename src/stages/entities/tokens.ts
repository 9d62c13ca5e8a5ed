// Indexed access the entity stage uses instead of `list[i]!`: every index it reads is one it computed from the
// same list, so an index out of range is a bug, and it fails loudly here instead of as an undefined later.
import type { Token } from '../../types.ts';

/** Token `i` of the article's tokens; throws when `i` is out of range. */
export function tokenAt(tokens: readonly Token[], i: number): Token {
  const t = tokens[i];
  if (t === undefined) throw new RangeError(`token ${i} of ${tokens.length}`);
  return t;
}

/** Item `i` of a list; throws when `i` is out of range. */
export function itemAt<T>(list: readonly T[], i: number): T {
  const x = list[i];
  if (x === undefined) throw new RangeError(`item ${i} of ${list.length}`);
  return x;
}
