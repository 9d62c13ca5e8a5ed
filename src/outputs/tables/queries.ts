// Example DuckDB queries over the flat tables: printed in docs/dataset.md and run by the tests, so the
// documented SQL is known to work.
import { TABLES } from './spec.ts';

export interface ExampleQuery {
  name: string;
  description: string;
  sql: string;
}

/** SQL that makes the tables visible as views over the Parquet files in `tablesDir`. */
export function duckdbViews(tablesDir: string): string {
  const dir = tablesDir.replace(/'/g, "''");
  return TABLES.map((t) => `CREATE VIEW ${t.name} AS SELECT * FROM read_parquet('${dir}/${t.name}.parquet');`).join(
    '\n',
  );
}

// The outlet of an article: the publishing site the input names, else the first folder of its path.
const OUTLET = `coalesce(a.site_name, CASE WHEN strpos(a.source_path, '/') > 0 THEN split_part(a.source_path, '/', 1) ELSE '(top folder)' END)`;
// Women's share of the quotes by people whose gender the articles tell, in percent.
const WOMEN_SHARE = `round(100.0 * count(*) FILTER (WHERE s.gender = 'female') / nullif(count(*) FILTER (WHERE s.gender IN ('female', 'male')), 0), 1)`;

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    name: 'Share of quotes by women, per outlet',
    description:
      'Quotes by people (speakers table, PERSON) per outlet: the publishing site when the input names it, else the first folder of the input path. ' +
      "The speaker's gender is the corpus one (speakers.gender); the share is of the quotes by women and men, unknown left out.",
    sql: `SELECT ${OUTLET} AS outlet,
       count(*) AS quotes_by_people,
       count(*) FILTER (WHERE s.gender = 'female') AS by_women,
       count(*) FILTER (WHERE s.gender = 'male') AS by_men,
       count(*) FILTER (WHERE s.gender = 'unknown') AS by_unknown,
       ${WOMEN_SHARE} AS women_share_pct
FROM quotes q
JOIN speakers s ON s.key = q.corpus_key
JOIN articles a USING (article_id)
WHERE s.type = 'PERSON'
GROUP BY ALL
ORDER BY quotes_by_people DESC, outlet;`,
  },
  {
    name: 'Share of quotes by women, per month',
    description: 'The same per month of publication (`meta.published`); articles without a date are counted apart.',
    sql: `SELECT coalesce(substr(a.published, 1, 7), '(no date)') AS month,
       count(*) AS quotes_by_people,
       count(*) FILTER (WHERE s.gender = 'female') AS by_women,
       count(*) FILTER (WHERE s.gender = 'male') AS by_men,
       ${WOMEN_SHARE} AS women_share_pct
FROM quotes q
JOIN speakers s ON s.key = q.corpus_key
JOIN articles a USING (article_id)
WHERE s.type = 'PERSON'
GROUP BY ALL
ORDER BY month;`,
  },
  {
    name: 'Top speakers by corpus key',
    description:
      'One row per person or organisation however the articles write the name ("Donald J. Trump", "Donald Trump", "President Trump"; a lone "Obama" where the corpus leaves no doubt who it is): docs/speakers.md.',
    sql: `SELECT key, name, type, gender, quotes, quoted_articles, articles
FROM speakers
ORDER BY quotes DESC, key
LIMIT 20;`,
  },
  {
    name: 'Quotes per organisation',
    description: 'Quotes whose speaker is an organisation, by corpus key, with the number of articles quoting it.',
    sql: `SELECT s.key, s.name, count(*) AS quotes, count(DISTINCT q.article_id) AS articles
FROM quotes q
JOIN speakers s ON s.key = q.corpus_key
WHERE s.type = 'ORG'
GROUP BY ALL
ORDER BY quotes DESC, s.key
LIMIT 20;`,
  },
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
