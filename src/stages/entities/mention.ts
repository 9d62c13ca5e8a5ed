// A mention over a token range, with its text and offsets.
import type { EntityType, Token } from '../../types.ts';
import type { PendingMention } from './canonical.ts';
import { tokenAt } from './tokens.ts';

/** A mention over tokens [first, last). */
export function mention(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  type: EntityType,
): PendingMention {
  const start = tokenAt(tokens, first).start;
  const end = tokenAt(tokens, last - 1).end;
  return { type, start, end, text: text.slice(start, end), firstToken: first, lastToken: last };
}
