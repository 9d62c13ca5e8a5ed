// One dataset record flattened into rows of the four article tables, cells in the column order of spec.ts (a
// corpus_key column is left out: the corpus pass fills it in, src/outputs/tables/deferred.ts).
import type { ArticleRecord } from '../../schema.ts';
import type { ArticleTableName, Row } from './spec.ts';

export type TableRows = Record<ArticleTableName, Row[]>;

/** Number of Unicode code points in a string (offsets in the dataset count code points, not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A high surrogate followed by a low one is one code point; count it once.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** Where emitRows puts cells: one call per cell, in the column order of spec.ts, then end() per row. */
export interface RowSink {
  str(v: string | null | undefined): void;
  int(v: number | null | undefined): void;
  dbl(v: number): void;
  end(): void;
}

/** Emits the rows one article contributes to each table, cell by cell, with no row arrays: the encoder
 * (src/outputs/tables/chunk.ts) writes each cell's bytes as it comes. */
export function emitRows(r: ArticleRecord, out: Record<ArticleTableName, RowSink>): void {
  const m = r.meta;
  let mentionCount = 0;
  for (const e of r.entities) mentionCount += e.mentions.length;
  const a = out.articles;
  a.str(r.id);
  a.str(r.source.path);
  a.str(r.source.sha256);
  a.str(r.source.format);
  a.str(m.title);
  a.str(m.byline);
  a.str(m.published);
  a.str(m.url);
  a.str(m.siteName);
  a.str(m.language);
  a.int(codePointLength(r.text));
  a.int(r.sentences.length);
  a.int(r.entities.length);
  a.int(mentionCount);
  a.int(r.quotes.length);
  a.str(r.text);
  a.end();
  const ent = out.entities;
  const men = out.mentions;
  for (const e of r.entities) {
    ent.str(r.id);
    ent.str(e.id);
    ent.str(e.type);
    ent.str(e.name);
    ent.str(e.title);
    ent.int(e.mentions.length);
    ent.int(e.mentions[0]?.start);
    ent.str(e.key);
    ent.str(e.gender);
    ent.str(e.genderEvidence);
    ent.end();
    for (let i = 0; i < e.mentions.length; i++) {
      const mn = e.mentions[i]!;
      men.str(r.id);
      men.str(e.id);
      men.str(e.type);
      men.str(e.name);
      men.int(i + 1);
      men.int(mn.start);
      men.int(mn.end);
      men.str(mn.text);
      men.str(e.key);
      men.end();
    }
  }
  const qs = out.quotes;
  for (const q of r.quotes) {
    qs.str(r.id);
    qs.str(q.id);
    qs.str(q.type);
    qs.str(q.text);
    qs.int(q.start);
    qs.int(q.end);
    qs.str(q.speaker?.name);
    qs.str(q.speaker?.entityId);
    qs.str(q.speaker?.mention?.text);
    qs.int(q.speaker?.mention?.start);
    qs.int(q.speaker?.mention?.end);
    qs.str(q.cue?.text);
    qs.int(q.cue?.start);
    qs.int(q.cue?.end);
    qs.dbl(q.confidence);
    qs.str(q.speaker?.key);
    qs.end();
  }
}

/** The rows one article contributes to each table, as arrays of cells (undefined as null). */
export function articleRows(r: ArticleRecord): TableRows {
  const rows: TableRows = { articles: [], entities: [], mentions: [], quotes: [] };
  const sink = (list: Row[]): RowSink => {
    let row: Row = [];
    const cell = (v: string | number | null | undefined): void => {
      row.push(v ?? null);
    };
    return {
      str: cell,
      int: cell,
      dbl: cell,
      end: () => {
        list.push(row);
        row = [];
      },
    };
  };
  emitRows(r, {
    articles: sink(rows.articles),
    entities: sink(rows.entities),
    mentions: sink(rows.mentions),
    quotes: sink(rows.quotes),
  });
  return rows;
}
