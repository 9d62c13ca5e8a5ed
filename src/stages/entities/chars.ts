// First-character tests the entity stage runs on every token of a span, answered without a Unicode regex for
// ASCII (most tokens); other characters go to the same regex as before.
const UPPER = /^\p{Lu}/u;
const LOWER = /^\p{Ll}/u;

/** /^\p{Lu}/u.test(s) */
export function startsUpper(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(s);
}

/** /^\p{Ll}/u.test(s) */
export function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  return c < 128 ? c >= 97 && c <= 122 : LOWER.test(s);
}

/** Whether s starts with an ASCII letter or digit (then it is neither punctuation nor an apostrophe). */
export function startsAsciiAlnum(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
