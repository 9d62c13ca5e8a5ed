// The four flat tables: their names, column order, types and descriptions. One list drives the CSV header, the
// Parquet schema and the generated column reference in docs/dataset.md, so the three cannot disagree.

/** A cell: strings, integers and doubles; null is an absent value (an empty CSV field, a Parquet null). */
export type Cell = string | number | null;
/** One table row, its cells in the order of the table's columns. */
export type Row = Cell[];

export type ColumnType = 'STRING' | 'INT32' | 'DOUBLE';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  nullable: boolean;
  description: string;
}

export type TableName = 'articles' | 'entities' | 'mentions' | 'quotes';

export interface TableSpec {
  name: TableName;
  description: string;
  columns: ColumnSpec[];
}

const str = (name: string, description: string, nullable = false): ColumnSpec => ({
  name,
  type: 'STRING',
  nullable,
  description,
});
const int = (name: string, description: string, nullable = false): ColumnSpec => ({
  name,
  type: 'INT32',
  nullable,
  description,
});

// Offsets keep the dataset's meaning (Unicode code points into the article text, half-open) and are named
// *_start/*_end rather than start/end: END is an SQL keyword, and a column named end must be quoted in DuckDB.
export const TABLES: readonly TableSpec[] = [
  {
    name: 'articles',
    description: 'One row per article (a line of dataset.jsonl).',
    columns: [
      str('article_id', 'Article id (`id`): corpus-relative path without extension.'),
      str('source_path', 'Input path relative to the input folder (`source.path`).'),
      str('source_sha256', 'SHA-256 of the raw input bytes (`source.sha256`).'),
      str('source_format', 'text, html or markdown (`source.format`).'),
      str('title', 'Headline (`meta.title`), null when the input has none.', true),
      str('byline', 'Author line (`meta.byline`), null when absent.', true),
      str('published', 'Publication date, ISO 8601 (`meta.published`), null when absent.', true),
      str('url', 'Canonical URL (`meta.url`), null when absent.', true),
      str('site_name', 'Publishing site (`meta.siteName`), null when absent.', true),
      str('language', 'Language tag (`meta.language`), null when absent.', true),
      int('text_length', 'Length of `text` in Unicode code points.'),
      int('sentence_count', 'Number of sentences.'),
      int('entity_count', 'Number of entities.'),
      int('mention_count', 'Number of entity mentions.'),
      int('quote_count', 'Number of quotes.'),
      str('text', 'The cleaned article text; every offset in the other tables points into it.'),
    ],
  },
  {
    name: 'entities',
    description: 'One row per entity (one real-world referent per article).',
    columns: [
      str('article_id', 'Article the entity belongs to.'),
      str('entity_id', 'Entity id, unique within the article (e1, e2, …).'),
      str('type', 'OntoNotes type (PERSON, ORG, GPE, …).'),
      str('name', 'Canonical name in this article.'),
      str('title', "Title written before a person's name, null when none.", true),
      int('mention_count', 'Number of mentions.'),
      int('first_start', 'Code point offset of the first mention.'),
    ],
  },
  {
    name: 'mentions',
    description: 'One row per entity mention.',
    columns: [
      str('article_id', 'Article the mention is in.'),
      str('entity_id', 'Entity mentioned (joins entities on article_id, entity_id).'),
      str('entity_type', 'Type of the entity (copied from entities for convenience).'),
      str('entity_name', 'Canonical name of the entity (copied from entities for convenience).'),
      int('mention_index', "Position of the mention among the entity's mentions, from 1, in text order."),
      int('start_offset', 'Code point offset where the mention starts (inclusive).'),
      int('end_offset', 'Code point offset where the mention ends (exclusive).'),
      str('text', 'The mention as written.'),
    ],
  },
  {
    name: 'quotes',
    description: 'One row per quote.',
    columns: [
      str('article_id', 'Article the quote is in.'),
      str('quote_id', 'Quote id, unique within the article (q1, q2, …).'),
      str('type', 'direct, indirect or mixed.'),
      str('text', 'Direct: the words inside the marks; indirect and mixed: the reported content.'),
      int('start_offset', 'Code point offset where the quote text starts (inclusive).'),
      int('end_offset', 'Code point offset where the quote text ends (exclusive).'),
      str('speaker_name', 'Canonical speaker name, or the phrase as written; null when the speaker is unknown.', true),
      str(
        'speaker_entity_id',
        'Entity that speaks (joins entities), null when no named entity speaks or unknown.',
        true,
      ),
      str('speaker_mention_text', 'Words naming the speaker for this quote (name, pronoun, phrase), or null.', true),
      int('speaker_mention_start', 'Code point offset of the speaker mention, or null.', true),
      int('speaker_mention_end', 'Code point end offset (exclusive) of the speaker mention, or null.', true),
      str('cue_text', 'Reporting verb or phrase ("said", "according to"), or null.', true),
      int('cue_start', 'Code point offset of the cue, or null.', true),
      int('cue_end', 'Code point end offset (exclusive) of the cue, or null.', true),
      { name: 'confidence', type: 'DOUBLE', nullable: false, description: 'Extractor confidence in [0, 1].' },
    ],
  },
];

/** The spec of one table by name. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
}
