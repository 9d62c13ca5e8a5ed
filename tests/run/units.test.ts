// The small pieces of a batch run: shard assignment, in-order mapping with a bounded window, worker counts, an
// article's share of the tables and the report.
import { describe, expect, it } from 'vitest';
import { ArticleRecordSchema } from '../../src/schema.ts';
import { articleOutputs } from '../../src/outputs/article-outputs.ts';
import { trickyRecord } from '../outputs/tables/tricky-record.ts';
import { mapInOrder } from '../../src/run/ordered.ts';
import { MIN_ARTICLES_FOR_AUTO_POOL, MIN_ARTICLES_FOR_POOL, workerCount } from '../../src/run/pool.ts';
import { inShard, parseShard, shardOf } from '../../src/run/shard.ts';

describe('shards', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
  ])('parses %s', (text, shard) => expect(parseShard(text)).toEqual(shard));

  it.each(['3/3', '-1/2', '1', 'a/b', '0/0', '1/2/3'])('rejects %s', (text) =>
    expect(() => parseShard(text)).toThrow(/i\/N/),
  );

  it('assigns every id to exactly one shard, stably', () => {
    const ids = Array.from({ length: 300 }, (_, i) => `2024/article-${i}`);
    const counts = [0, 0, 0];
    for (const id of ids) {
      const s = shardOf(id, 3);
      expect(shardOf(id, 3)).toBe(s);
      expect([0, 1, 2].filter((i) => inShard(id, { index: i, count: 3 }))).toEqual([s]);
      counts[s]!++;
    }
    for (const c of counts) expect(c).toBeGreaterThan(60); // roughly even
    expect(shardOf('a', 7)).toBe(shardOf('a', 7));
  });
});

describe('mapInOrder', () => {
  it('yields in input order with at most `limit` in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const out: number[] = [];
    const delays = [30, 1, 20, 5, 1, 15, 2, 8, 1, 4];
    for await (const v of mapInOrder(delays.keys(), 3, async (i) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, delays[i]));
      inFlight--;
      return i;
    }))
      out.push(v);
    expect(out).toEqual([...delays.keys()]);
    expect(peak).toBeLessThanOrEqual(3);
  });

  it('passes a failure through at its place', async () => {
    const seen: number[] = [];
    const run = async () => {
      for await (const v of mapInOrder([1, 2, 3], 2, (i) => {
        if (i === 2) throw new Error('boom');
        return i;
      }))
        seen.push(v);
    };
    await expect(run()).rejects.toThrow('boom');
    expect(seen).toEqual([1]);
  });
});

describe('workerCount', () => {
  it('runs small batches and off/1 in process', () => {
    expect(workerCount('off', 1000)).toBe(0);
    expect(workerCount(1, 1000)).toBe(0);
    expect(workerCount(4, MIN_ARTICLES_FOR_POOL - 1)).toBe(0);
    expect(workerCount(4, 1000)).toBe(4);
    expect(workerCount(64, 10)).toBe(5);
    expect(workerCount('auto', 1000)).toBeGreaterThanOrEqual(0);
  });

  it('keeps auto in process below the size where a pool pays, an explicit count from 8 articles', () => {
    expect(workerCount('auto', MIN_ARTICLES_FOR_AUTO_POOL - 1)).toBe(0);
    expect(workerCount(2, MIN_ARTICLES_FOR_AUTO_POOL - 1)).toBe(2);
    expect(MIN_ARTICLES_FOR_AUTO_POOL).toBeGreaterThan(MIN_ARTICLES_FOR_POOL);
  });
});

describe('article outputs', () => {
  it('makes the same page from the record object as from its parsed dataset line', () => {
    const tricky = trickyRecord();
    // a -0 confidence passes the schema and serialises as 0; absent optional keys stay absent
    const negativeZero = ArticleRecordSchema.parse({
      ...tricky,
      quotes: tricky.quotes.map((q, i) => (i ? q : { ...q, confidence: -0 })),
    });
    for (const record of [tricky, negativeZero]) {
      const line = JSON.stringify(record);
      const want = { tables: true, report: true };
      const fromRecord = articleOutputs(line, want, record);
      expect(fromRecord).toEqual(articleOutputs(line, want));
      expect(fromRecord.page).toContain('<!DOCTYPE html>');
    }
  });
});
