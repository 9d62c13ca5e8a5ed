// Credit and byline lines name people who took a picture or wrote the piece, not people the story is about: "(Mark
// Schiefelbein/Associated Press)", "Niall Carson / PA Images via Getty Images", "Photo: Jane Doe". A pronoun or a
// description never refers to them.

// What stands right before a credited name ("Photo: ", "Photograph by ", "(Instagram/").
const BEFORE = /(?:\b(?:photo|photograph|photos|credit|illustration|video|graphic|image)s?\s*(?:by|:)\s*|\/\s*)$/i;
// What stands right after it: a slash and the agency ("/AP", " / The Canadian Press").
const AFTER = /^\s*\/\s*\S/;

/** True when the name at text[start, end) is a credit: a photographer's or agency's line, not a person in the story. */
export function isCredit(text: string, start: number, end: number): boolean {
  return AFTER.test(text.slice(end, end + 4)) || BEFORE.test(text.slice(Math.max(0, start - 24), start));
}
