// The one function of d3-dsv the tables use (d3-dsv ships no types; @types/d3-dsv would type rows as strings
// only, while its formatter takes numbers and nulls as they are: a number as String(n), null as an empty field).
declare module 'd3-dsv' {
  /** One CSV row without its line end: fields joined by commas, a field quoted (quotes doubled) when it holds a
   * comma, a quote, a CR or an LF. */
  export function csvFormatRow(row: readonly (string | number | null | undefined)[]): string;
}
