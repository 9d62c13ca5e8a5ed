// Reading tokens by index. Past either end of the article a reader gets NO_TOKEN, a token with no text and no tag,
// so that rules read `tok(tokens, k).pos` without asserting that k is in range.
import type { Token } from '../../types.ts';

/** The token outside the article: no text, no tag, no offsets. */
export const NO_TOKEN: Readonly<Token> = { start: -1, end: -1, value: '', pos: '', lower: '', sentence: -1 };

/** Token k of the list, or NO_TOKEN when k is outside it. */
export function tok(tokens: readonly Token[], k: number): Token {
  return tokens[k] ?? NO_TOKEN;
}
