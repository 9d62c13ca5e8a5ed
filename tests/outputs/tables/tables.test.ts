// writeTables: the four tables load in DuckDB as CSV and Parquet, hold what the dataset holds, round-trip awkward
// text, come out byte-identical on a rerun, and the documented example queries give the founding article's answer.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleRecord } from '../../../src/schema.ts';
import { csvText } from '../../../src/outputs/tables/csv-sink.ts';
import { writeTables } from '../../../src/outputs/tables/index.ts';
import { writeOutputs } from '../../../src/outputs/write-outputs.ts';
import { writeReport } from '../../../src/outputs/report/index.ts';
import { PARQUET_CREATED_BY } from '../../../src/outputs/tables/parquet-sink.ts';
import { EXAMPLE_QUERIES, duckdbViews } from '../../../src/outputs/tables/queries.ts';
import { TABLES, type TableName } from '../../../src/outputs/tables/spec.ts';
import { trickyRecord } from './tricky-record.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const DATASET = join(ROOT, 'output/dataset.jsonl');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'tables-'));

let db: DuckDBInstance;
let con: DuckDBConnection;
const rows = async (sql: string): Promise<Record<string, unknown>[]> =>
  (await con.runAndReadAll(sql)).getRowObjectsJS();

beforeAll(async () => {
  db = await DuckDBInstance.create(':memory:');
  con = await db.connect();
});
afterAll(() => {
  con.closeSync();
  db.closeSync();
});

describe('CSV text', () => {
  it('quotes every field with a line break, also one with no comma or quote in it (RFC 4180)', async () => {
    const row = ['para one\n\npara two', 'a\rb', 'c\r\nd', 'plain', null, 3, 0.5];
    const text = csvText([row]);
    expect(text).toBe('"para one\n\npara two","a\rb","c\r\nd",plain,,3,0.5\r\n');
    const dir = tmp();
    writeFileSync(join(dir, 't.csv'), `a,b,c,d,e,f,g\r\n${text}${text}`);
    const got = await rows(`SELECT a, b, c, d FROM read_csv('${dir}/t.csv', header = true, all_varchar = true)`);
    expect(got).toEqual([0, 1].map(() => ({ a: row[0], b: row[1], c: row[2], d: row[3] })));
  });
});

describe('tables of the founding dataset', () => {
  let out: string;
  let records: ArticleRecord[];
  beforeAll(async () => {
    out = tmp();
    await writeTables(DATASET, out);
    records = readFileSync(DATASET, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as ArticleRecord);
    await con.run(duckdbViews(join(out, 'tables')).replace(/CREATE VIEW/g, 'CREATE OR REPLACE VIEW'));
  });

  it('writes the twelve files', () => {
    expect(readdirSync(join(out, 'tables')).sort()).toEqual(
      TABLES.flatMap((t) => [`${t.name}.csv`, `${t.name}.parquet`]).sort(),
    );
  });

  it('has as many rows as the dataset has articles, entities, mentions, quotes and keys, in CSV and Parquet alike', async () => {
    // the founding article names no one twice under two keys: one corpus key per key
    const keys = new Set(records.flatMap((r) => r.entities.map((e) => e.key).filter(Boolean)));
    const speakers = new Set(records.flatMap((r) => r.quotes.map((q) => q.speaker?.key).filter(Boolean)));
    const want: Record<TableName, number> = {
      articles: records.length,
      entities: records.reduce((n, r) => n + r.entities.length, 0),
      mentions: records.reduce((n, r) => n + r.entities.reduce((m, e) => m + e.mentions.length, 0), 0),
      quotes: records.reduce((n, r) => n + r.quotes.length, 0),
      speakers: speakers.size,
      corpus_entities: keys.size,
    };
    for (const t of TABLES) {
      const dir = join(out, 'tables');
      const [pq] = await rows(`SELECT count(*)::INT AS n FROM read_parquet('${dir}/${t.name}.parquet')`);
      const [csv] = await rows(`SELECT count(*)::INT AS n FROM read_csv('${dir}/${t.name}.csv', header = true)`);
      expect([t.name, pq?.n, csv?.n]).toEqual([t.name, want[t.name], want[t.name]]);
    }
  });

  it("keeps each entity's key and gender, and gives every key its corpus key", async () => {
    const got = await rows('SELECT article_id, entity_id, key, gender, gender_evidence, corpus_key FROM entities');
    const want = records.flatMap((r) =>
      r.entities.map((e) => ({
        article_id: r.id,
        entity_id: e.id,
        key: e.key,
        gender: e.gender ?? null,
        gender_evidence: e.genderEvidence ?? null,
        corpus_key: e.key,
      })),
    );
    expect(got).toEqual(want);
    const [m] = await rows(
      'SELECT count(*)::INT AS n FROM mentions m JOIN entities e USING (article_id, entity_id) WHERE m.corpus_key IS DISTINCT FROM e.corpus_key OR m.entity_key IS DISTINCT FROM e.key',
    );
    expect(m).toEqual({ n: 0 });
    const [blinken] = await rows("SELECT * FROM speakers WHERE key = 'person:antony-blinken'");
    expect(blinken).toMatchObject({ name: 'Antony Blinken', type: 'PERSON', gender: 'male', quotes: 8, articles: 1 });
    expect(JSON.parse(blinken!.aliases as string)).toEqual(['Blinken']);
  });

  it('keeps quote text, offsets, speaker, cue and confidence', async () => {
    const got = await rows('SELECT * FROM quotes ORDER BY article_id, start_offset');
    const want = records.flatMap((r) =>
      r.quotes.map((q) => ({
        article_id: r.id,
        quote_id: q.id,
        type: q.type,
        text: q.text,
        start_offset: q.start,
        end_offset: q.end,
        speaker_name: q.speaker?.name ?? null,
        speaker_entity_id: q.speaker?.entityId ?? null,
        speaker_mention_text: q.speaker?.mention?.text ?? null,
        speaker_mention_start: q.speaker?.mention?.start ?? null,
        speaker_mention_end: q.speaker?.mention?.end ?? null,
        cue_text: q.cue?.text ?? null,
        cue_start: q.cue?.start ?? null,
        cue_end: q.cue?.end ?? null,
        confidence: q.confidence,
        speaker_key: q.speaker?.key ?? null,
        corpus_key: q.speaker?.key ?? null,
      })),
    );
    expect(got).toEqual(want);
  });

  it('answers the example queries: Antony Blinken, 8 quotes, all by a man', async () => {
    const [byOutlet, byMonth, topKeys, orgs, top, perSource, cooccur] = await Promise.all(
      EXAMPLE_QUERIES.map((q) => rows(q.sql)),
    );
    expect(byOutlet).toEqual([
      { outlet: '(top folder)', quotes_by_people: 8n, by_women: 0n, by_men: 8n, by_unknown: 0n, women_share_pct: 0 },
    ]);
    expect(byMonth).toEqual([
      { month: '(no date)', quotes_by_people: 8n, by_women: 0n, by_men: 8n, women_share_pct: 0 },
    ]);
    expect(topKeys?.[0]).toMatchObject({ key: 'person:antony-blinken', name: 'Antony Blinken', quotes: 8 });
    expect(orgs).toEqual([]);
    expect(top?.[0]).toEqual({ speaker_name: 'Antony Blinken', quotes: 8n, articles: 1n });
    expect(perSource?.[0]).toMatchObject({
      speaker_name: 'Antony Blinken',
      source: '000_c15b9b24642192a5.txt',
      quotes: 8n,
    });
    const names = (cooccur ?? []).map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(['Japan', 'United States']));
    expect(names).not.toContain('Antony Blinken');
  });

  it('writes the same bytes twice, with a fixed created_by and no time in the files', async () => {
    const again = tmp();
    await writeTables(DATASET, again);
    for (const f of readdirSync(join(out, 'tables'))) {
      expect(readFileSync(join(again, 'tables', f)).equals(readFileSync(join(out, 'tables', f))), f).toBe(true);
    }
    const meta = await rows(
      `SELECT DISTINCT created_by FROM parquet_file_metadata('${join(out, 'tables')}/*.parquet')`,
    );
    expect(meta).toEqual([{ created_by: PARQUET_CREATED_BY }]);
    const kv = await rows(`SELECT count(*)::INT AS n FROM parquet_kv_metadata('${join(out, 'tables')}/*.parquet')`);
    expect(kv).toEqual([{ n: 0 }]);
  });
});

describe('awkward text', () => {
  let dir: string;
  const record = trickyRecord();
  beforeAll(async () => {
    const out = tmp();
    const empty = { ...trickyRecord('empty'), entities: [], quotes: [] };
    writeFileSync(join(out, 'dataset.jsonl'), `${JSON.stringify(empty)}\n${JSON.stringify(record)}\n`);
    await writeTables(join(out, 'dataset.jsonl'), out);
    dir = join(out, 'tables');
  });

  it('round-trips delimiters, quotes, CR/LF, emoji, tags and nulls through CSV and Parquet', async () => {
    for (const source of [
      `read_parquet('${dir}/quotes.parquet')`,
      `read_csv('${dir}/quotes.csv', header = true, all_varchar = true)`,
    ]) {
      const got = await rows(`SELECT quote_id, text, speaker_name, cue_text FROM ${source} ORDER BY quote_id`);
      expect(got).toEqual(
        record.quotes.map((q) => ({
          quote_id: q.id,
          text: q.text,
          speaker_name: q.speaker?.name ?? null,
          cue_text: q.cue?.text ?? null,
        })),
      );
    }
    const [article] = await rows(
      `SELECT text, title, url, text_length FROM read_csv('${dir}/articles.csv', header = true) WHERE article_id = '${record.id.replace(/'/g, "''")}'`,
    );
    expect(article).toEqual({
      text: record.text,
      title: record.meta.title,
      url: record.meta.url,
      text_length: BigInt(Array.from(record.text).length),
    });
  });

  it('writes the header of an empty table and a Parquet file with no rows', async () => {
    const out = tmp();
    writeFileSync(join(out, 'dataset.jsonl'), '');
    await writeTables(join(out, 'dataset.jsonl'), out);
    expect(readFileSync(join(out, 'tables/quotes.csv'), 'utf8')).toMatch(
      /^article_id,quote_id,type,text,.*confidence,speaker_key,corpus_key\r\n$/,
    );
    const [n] = await rows(`SELECT count(*)::INT AS n FROM read_parquet('${out}/tables/quotes.parquet')`);
    expect(n).toEqual({ n: 0 });
  });

  it('removes temporary table files a killed writer left', async () => {
    const out = tmp();
    mkdirSync(join(out, 'tables'));
    writeFileSync(join(out, 'tables', '.quotes.csv.999999999.0badf00d.tmp'), 'torn');
    writeFileSync(join(out, 'tables', '.quotes.parquet.999999998.tmp'), 'torn');
    writeFileSync(join(out, 'dataset.jsonl'), `${JSON.stringify(record)}\n`);
    await writeTables(join(out, 'dataset.jsonl'), out);
    expect(readdirSync(join(out, 'tables')).filter((n) => n.startsWith('.'))).toEqual([]);
    expect(readdirSync(join(out, 'tables'))).toHaveLength(2 * TABLES.length);
  });

  it('names the line of a broken dataset and leaves no half-written table', async () => {
    const out = tmp();
    writeFileSync(join(out, 'dataset.jsonl'), `${JSON.stringify(record)}\n{"id": \n`);
    await expect(writeTables(join(out, 'dataset.jsonl'), out)).rejects.toThrow(/dataset\.jsonl:2/);
    expect(existsSync(join(out, 'tables'))).toBe(false); // the folder it made is gone again
  });
});

describe('row groups', () => {
  // 7 articles with 3,001 mentions each: the 20,000-row cut of the mentions table falls inside the 7th article,
  // where the rows of one article go to two row groups. Every row must land in exactly one of them.
  const MENTIONS = 3001;
  const record = (k: number): ArticleRecord => {
    const text = 'ab '.repeat(MENTIONS);
    return {
      ...trickyRecord(`big-${k}`),
      text,
      sentences: [{ start: 0, end: text.length }],
      quotes: [],
      entities: [
        {
          id: 'e1',
          type: 'ORG',
          name: 'ab',
          key: 'org:ab',
          mentions: Array.from({ length: MENTIONS }, (_, i) => ({ start: 3 * i, end: 3 * i + 2, text: 'ab' })),
        },
      ],
    };
  };

  it('keeps every row when a row group is cut in the middle of an article', async () => {
    const out = tmp();
    writeFileSync(
      join(out, 'dataset.jsonl'),
      Array.from({ length: 7 }, (_, k) => `${JSON.stringify(record(k))}\n`).join(''),
    );
    await writeTables(join(out, 'dataset.jsonl'), out);
    const dir = join(out, 'tables');
    const groups = await rows(
      `SELECT row_group_id, any_value(row_group_num_rows)::INT AS n FROM parquet_metadata('${dir}/mentions.parquet') GROUP BY ALL ORDER BY 1`,
    );
    expect(groups.map((g) => g.n)).toEqual([20_000, 7 * MENTIONS - 20_000]);
    // the same rows in the same order as the CSV, which has no row groups
    const diff = await rows(`SELECT count(*)::INT AS n FROM (
      SELECT row_number() OVER () AS i, article_id, mention_index, start_offset FROM read_parquet('${dir}/mentions.parquet')
      EXCEPT SELECT row_number() OVER () AS i, article_id, mention_index, start_offset FROM read_csv('${dir}/mentions.csv', header = true))`);
    expect(diff).toEqual([{ n: 0 }]);
    const [last] = await rows(
      `SELECT count(*)::INT AS n, max(mention_index)::INT AS top FROM read_parquet('${dir}/mentions.parquet') WHERE article_id = 'big-6'`,
    );
    expect(last).toEqual({ n: MENTIONS, top: MENTIONS });
  });
});

describe('writeOutputs', () => {
  it('writes the same bytes as writeTables and writeReport, from one read of the dataset', async () => {
    const dataset = tmp();
    writeFileSync(
      join(dataset, 'dataset.jsonl'),
      `${readFileSync(DATASET, 'utf8')}${JSON.stringify(trickyRecord())}\n`,
    );
    const apart = tmp();
    await writeTables(join(dataset, 'dataset.jsonl'), apart);
    await writeReport(join(dataset, 'dataset.jsonl'), join(apart, 'report'));
    const together = tmp();
    await writeOutputs(join(dataset, 'dataset.jsonl'), { tablesOutDir: together, reportDir: join(together, 'report') });
    const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
    expect(files(together)).toEqual(files(apart));
    expect(files(together)).toContain(join('report', 'index.html'));
    for (const f of files(apart)) {
      if (['tables', 'report', join('report', 'articles'), join('report', 'speakers')].includes(f)) continue;
      expect(readFileSync(join(together, f)).equals(readFileSync(join(apart, f))), f).toBe(true);
    }
  });

  it('leaves no new table behind when a line is broken', async () => {
    const out = tmp();
    writeFileSync(join(out, 'dataset.jsonl'), `${JSON.stringify(trickyRecord())}\n{"id": \n`);
    await expect(
      writeOutputs(join(out, 'dataset.jsonl'), { tablesOutDir: out, reportDir: join(out, 'report') }),
    ).rejects.toThrow(/dataset\.jsonl:2/);
    expect(existsSync(join(out, 'tables'))).toBe(false); // the folder it made is gone again
  });
});
