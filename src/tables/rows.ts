// One dataset record flattened into rows of the four tables, cells in the column order of spec.ts.
import type { ArticleRecord } from '../schema.ts';
import type { Row, TableName } from './spec.ts';

export type TableRows = Record<TableName, Row[]>;

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

/** The rows one article contributes to each table. */
export function articleRows(r: ArticleRecord): TableRows {
  const entities: Row[] = [];
  const mentions: Row[] = [];
  let mentionCount = 0;
  for (const e of r.entities) {
    entities.push([r.id, e.id, e.type, e.name, e.title ?? null, e.mentions.length, e.mentions[0]?.start ?? null]);
    e.mentions.forEach((m, i) => {
      mentions.push([r.id, e.id, e.type, e.name, i + 1, m.start, m.end, m.text]);
    });
    mentionCount += e.mentions.length;
  }
  const quotes: Row[] = r.quotes.map((q) => [
    r.id, q.id, q.type, q.text, q.start, q.end,
    q.speaker?.name ?? null, q.speaker?.entityId ?? null,
    q.speaker?.mention?.text ?? null, q.speaker?.mention?.start ?? null, q.speaker?.mention?.end ?? null,
    q.cue?.text ?? null, q.cue?.start ?? null, q.cue?.end ?? null,
    q.confidence,
  ]);
  const m = r.meta;
  const articles: Row[] = [[
    r.id, r.source.path, r.source.sha256, r.source.format,
    m.title ?? null, m.byline ?? null, m.published ?? null, m.url ?? null, m.siteName ?? null, m.language ?? null,
    codePointLength(r.text), r.sentences.length, r.entities.length, mentionCount, r.quotes.length, r.text,
  ]];
  return { articles, entities, mentions, quotes };
}
