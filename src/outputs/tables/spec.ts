// The flat tables: their names, column order, types and descriptions. One list drives the CSV header, the Parquet
// schema and the generated column reference in docs/dataset.md, so the three cannot disagree. Four tables have rows
// per article (made from each record); two have rows per corpus key (made by the corpus pass, src/outputs/corpus/,
// once every record is in). A `corpus_key` column of an article table is filled in from the corpus pass too.

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
  /** The column holds the corpus key of the article key in the named column of the same row: filled in once the
   * corpus pass has merged the keys. Always the last column. */
  corpusKeyOf?: string;
}

export type ArticleTableName = 'articles' | 'entities' | 'mentions' | 'quotes';
export type CorpusTableName = 'speakers' | 'corpus_entities';
export type TableName = ArticleTableName | CorpusTableName;

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

const corpusKey = (of: string, description: string): ColumnSpec => ({
  name: 'corpus_key',
  type: 'STRING',
  nullable: true,
  description,
  corpusKeyOf: of,
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
      str('key', "The entity's key from this article (`entities[].key`), null for dates, amounts and numbers.", true),
      str('gender', 'PERSON only: female, male or unknown, as this article tells it (`entities[].gender`).', true),
      str(
        'gender_evidence',
        'PERSON only: pronoun, honorific or name; null with unknown (`entities[].genderEvidence`).',
        true,
      ),
      corpusKey('key', 'The corpus key `key` was merged into (joins speakers and corpus_entities on key).'),
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
      str('entity_key', "The entity's key from this article, null for dates, amounts and numbers.", true),
      corpusKey('entity_key', 'The corpus key of the entity (joins speakers and corpus_entities on key).'),
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
      str(
        'speaker_mention_text',
        'Words naming the speaker for this quote as written (name with its descriptors, pronoun, phrase), or null.',
        true,
      ),
      int('speaker_mention_start', 'Code point offset of the speaker mention, or null.', true),
      int('speaker_mention_end', 'Code point end offset (exclusive) of the speaker mention, or null.', true),
      str('cue_text', 'Reporting verb or phrase ("said", "according to"), or null.', true),
      int('cue_start', 'Code point offset of the cue, or null.', true),
      int('cue_end', 'Code point end offset (exclusive) of the cue, or null.', true),
      { name: 'confidence', type: 'DOUBLE', nullable: false, description: 'Extractor confidence in [0, 1].' },
      str(
        'speaker_key',
        'Key of the entity that speaks (`quotes[].speaker.key`), null when no named entity speaks.',
        true,
      ),
      corpusKey('speaker_key', "The speaker's corpus key (joins speakers on key), null when no named entity speaks."),
    ],
  },
  {
    name: 'speakers',
    description:
      'One row per corpus key that speaks: the people and organisations quoted, each merged across articles (docs/speakers.md), most quoted first.',
    columns: corpusColumns(),
  },
  {
    name: 'corpus_entities',
    description:
      'One row per corpus key: every person, organisation, place, group and other named thing, merged across articles, in key order.',
    columns: corpusColumns(),
  },
];

/** The columns of the two corpus tables. */
function corpusColumns(): ColumnSpec[] {
  return [
    str('key', "The corpus key: the article key the merged keys share (a full name's, the one in most articles)."),
    str('name', 'The most frequent full form of the name across the articles.'),
    str('aliases', 'Other names and mention forms, most frequent first, as a JSON array of strings (at most 30).'),
    str('type', 'OntoNotes type (PERSON, ORG, GPE, NORP, …).'),
    str(
      'gender',
      "PERSON only: female, male or unknown across the articles: the articles' text (pronouns, honorifics) by a clear majority, else first-name statistics.",
      true,
    ),
    str('gender_evidence', 'PERSON only: pronoun, honorific or name; null with unknown.', true),
    int('articles', 'Articles that name it.'),
    int('quoted_articles', 'Articles that quote it.'),
    int('quotes', 'Quotes it speaks.'),
    int('mentions', 'Mentions across the articles.'),
    str('merged_keys', 'The article keys merged into this one, as a JSON array of strings in plain string order.'),
  ];
}

/** The article tables, in TABLES order. */
export const ARTICLE_TABLES: readonly TableSpec[] = TABLES.filter((t) => !isCorpusTable(t.name));
/** The corpus tables, in TABLES order. */
export const CORPUS_TABLES: readonly TableSpec[] = TABLES.filter((t) => isCorpusTable(t.name));

/** True for a table with a row per corpus key. */
export function isCorpusTable(name: TableName): name is CorpusTableName {
  return name === 'speakers' || name === 'corpus_entities';
}

/** The columns an article's record gives (all but a corpus key filled in later). */
export function recordColumns(spec: TableSpec): ColumnSpec[] {
  return spec.columns.filter((c) => !c.corpusKeyOf);
}

/** The spec of one table by name. */
export function tableSpec(name: TableName): TableSpec {
  const spec = TABLES.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown table ${name}`);
  return spec;
}
