// Paragraph bounds in the article's text, for the rules whose content is a whole paragraph (transcripts, block
// quotes).

/** Where the paragraph that holds offset `at` ends, trailing spaces left out. */
export function paragraphEnd(text: string, at: number): number {
  let end = text.indexOf('\n', at);
  if (end < 0) end = text.length;
  while (end > at && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}
