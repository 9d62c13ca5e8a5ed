// Punctuation the rules test tokens against: quotation marks as wink splits them, dashes, and the marks that end a
// clause. Typography, not vocabulary.

/** Marks that end a clause. */
export const CLAUSE_END: ReadonlySet<string> = new Set(['.', '!', '?', '”', '"', '’', "''", ';']);
/** Opening quotation marks (wink splits the wire style ``…'' into single backticks and apostrophes). */
export const OPEN_MARKS: ReadonlySet<string> = new Set(['“', '"', '‘', '«', '„', '``', '`']);
/** Closing quotation marks. */
export const CLOSE_MARKS: ReadonlySet<string> = new Set(['”', '"', '’', '»', "''", "'"]);
/** Dashes and hyphens that set off an aside or an attribution. */
export const DASHES: ReadonlySet<string> = new Set(['–', '—', '-', '―']);
/** The opening mark of each closing one (an inner ‘…’ inside “…” is not the outer quote's opening). */
export const OPENER_OF: Readonly<Record<string, string>> = {
  '”': '“',
  '"': '"',
  '’': '‘',
  '»': '«',
  "''": '``',
  "'": '`',
};
