// Title case: the way titles of books and shows and headlines are written. A quoted title ("She wrote “The Lives of
// the Super Rich”", "on “Fox News Sunday,”") is no quote, and a title-case sentence is a headline.
import { TITLE_SMALL_WORDS } from './words.ts';

/** Most words capitalised, small words aside. */
export function looksLikeTitle(s: string): boolean {
  const words = s.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  // "I" is capitalised in any sentence ("I support Ted Cruz" is speech, not a title).
  let content = words.filter((w) => !TITLE_SMALL_WORDS.has(w.toLowerCase()) && w !== 'I');
  if (content.length < 2) return false;
  // A sentence capitalises its first word too: past three words, only the rest tell ("Yes, I support Ted Cruz").
  if (content.length >= 4) content = content.slice(1);
  const capitalised = content.filter((w) => /^\p{Lu}/u.test(w)).length;
  return capitalised / content.length >= 0.75;
}
