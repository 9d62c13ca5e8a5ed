// Reading tokens by index. Past either end of the article a reader gets NO_TOKEN, a token with no text and no tag,
// so that rules read `tok(tokens, k).pos` without asserting that k is in range.
import type { Token } from '../../types.ts';

/** The token outside the article: no text, no tag, no offsets. */
export const NO_TOKEN: Readonly<Token> = { start: -1, end: -1, value: '', pos: '', lower: '', sentence: -1 };

/** Token k of the list, or NO_TOKEN when k is outside it. */
export function tok(tokens: readonly Token[], k: number): Token {
  return tokens[k] ?? NO_TOKEN;
}

/** Index of the first token that ends after char offset `at` (the token covering it, or the next), or -1 (tokens in
 * text order). */
export function tokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tok(tokens, mid).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** Index of the first token of sentence `sentence` (tokens in sentence order). */
export function sentenceStart(tokens: readonly Token[], sentence: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tok(tokens, mid).sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
