// The spaces wink's tokenizer splits a text at, shared by the segmenter and the token budget.
// wink's tokenizer splits the text at runs of these characters and at runs of [\n\r\t] (its model's splitter,
// trex.helpers.splitter); a run of the first kind becomes the next token's preceding spaces, one of the second a
// token of type tabCRLF (POS SPACE). So no token starts with a space, and only line-break tokens start with \n \r \t.
export function isSplitSpace(c: number): boolean {
  return (
    c === 32 ||
    c === 0xa0 ||
    (c >= 0x2002 && c <= 0x2005) ||
    c === 0x2009 ||
    c === 0x200a ||
    c === 0x202f ||
    c === 0x205f
  );
}
