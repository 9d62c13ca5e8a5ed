// The one CSV rule of the tables, for the header row (csvText) and the records (chunk.ts, encoded straight to bytes):
// RFC 4180 quoting, and the OWASP guard against formula injection. A spreadsheet opening the file runs a cell that
// starts with = + - @ (or a tab or CR before one) as a formula: such a string cell is written with a leading
// apostrophe, which spreadsheets show as text and do not keep, and in quotes. A cell holding a semicolon is quoted
// too, so a spreadsheet that splits at semicolons (its locale's list separator) cannot start a cell inside it.
// Numbers are written as numbers, never guarded; the Parquet tables keep every value as it is.
import type { Cell } from './spec.ts';

/** A string cell a spreadsheet would take for a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;
/** A string cell that must be quoted: RFC 4180's comma, quote, CR and LF, and the semicolon. */
export const NEEDS_QUOTES = /[",\n\r;]/;

/** One cell as CSV text: null as nothing, a number as String(n), a string quoted (quotes doubled) when needed and
 * guarded when a spreadsheet would run it. */
export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  if (FORMULA_START.test(cell)) return `"'${cell.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}
