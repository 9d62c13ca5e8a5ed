// Example DuckDB queries over the flat tables: printed in docs/dataset.md and run by the tests, so the
// documented SQL is known to work.

export interface ExampleQuery {
  name: string;
  description: string;
  sql: string;
}

/** SQL that makes the four tables visible as views over the Parquet files in `tablesDir`. */
export function duckdbViews(tablesDir: string): string {
  const dir = tablesDir.replace(/'/g, "''");
  return ['articles', 'entities', 'mentions', 'quotes']
    .map((t) => `CREATE VIEW ${t} AS SELECT * FROM read_parquet('${dir}/${t}.parquet');`)
    .join('\n');
}

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'Top quoted people',
    description:
      'Speakers that are named entities, by number of quotes, with the number of articles they are quoted in.',
    sql: `SELECT speaker_name, count(*) AS quotes, count(DISTINCT article_id) AS articles
FROM quotes
WHERE speaker_entity_id IS NOT NULL
GROUP BY speaker_name
ORDER BY quotes DESC, speaker_name
LIMIT 20;`,
  },
  {
    name: 'Quotes per speaker per source',
    description:
      'Quote counts by speaker and source: the publishing site when the input names it, else the input file. ' +
      'Direct, indirect and mixed quotes are counted apart.',
    sql: `SELECT q.speaker_name,
       coalesce(a.site_name, a.source_path) AS source,
       count(*) AS quotes,
       count(*) FILTER (WHERE q.type = 'direct') AS direct,
       count(*) FILTER (WHERE q.type = 'indirect') AS indirect,
       count(*) FILTER (WHERE q.type = 'mixed') AS mixed
FROM quotes q JOIN articles a USING (article_id)
WHERE q.speaker_name IS NOT NULL
GROUP BY ALL
ORDER BY quotes DESC, q.speaker_name, source
LIMIT 50;`,
  },
  {
    name: 'Entities co-occurring with a speaker',
    description:
      'Other entities named in the articles where Antony Blinken is quoted, by number of such articles and mentions.',
    sql: `WITH speaker_articles AS (
  SELECT DISTINCT article_id, speaker_entity_id
  FROM quotes
  WHERE speaker_name = 'Antony Blinken' AND speaker_entity_id IS NOT NULL
)
SELECT e.name, e.type, count(DISTINCT e.article_id) AS articles, sum(e.mention_count) AS mentions
FROM entities e JOIN speaker_articles s USING (article_id)
WHERE e.entity_id <> s.speaker_entity_id
GROUP BY e.name, e.type
ORDER BY articles DESC, mentions DESC, e.name
LIMIT 20;`,
  },
];
