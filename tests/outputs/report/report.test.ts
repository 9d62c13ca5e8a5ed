// writeReport without a browser: pages for every article, deterministic bytes, escaping, safe file names.
import { mkdtempSync, readFileSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFileName, writeReport } from '../../../src/outputs/report/index.ts';
import { SEARCH_SCRIPT, SEARCH_SCRIPT_SHA256 } from '../../../src/outputs/report/search.ts';
import { trickyRecord } from '../tables/tricky-record.ts';

const ROOT = new URL('../../..', import.meta.url).pathname;
const DATASET = join(ROOT, 'output/dataset.jsonl');

describe('writeReport', () => {
  it('writes the index and one page per article, the same bytes twice', async () => {
    const a = mkdtempSync(join(tmpdir(), 'report-'));
    const b = mkdtempSync(join(tmpdir(), 'report-'));
    await writeReport(DATASET, a);
    await writeReport(DATASET, b);
    const ids = readFileSync(DATASET, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { id: string }).id);
    expect(readdirSync(join(a, 'articles')).sort()).toEqual(ids.map(articleFileName).sort());
    for (const f of ['index.html', ...ids.map((id) => `articles/${articleFileName(id)}`)]) {
      expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
    }
    const index = readFileSync(join(a, 'index.html'), 'utf8');
    expect(index).toContain('Antony Blinken');
    expect(index).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // nothing to fetch: no CDN, no web fonts
  });

  it('escapes everything that comes from the article and links only http(s) URLs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    const record = trickyRecord();
    writeFileSync(join(dir, 'dataset.jsonl'), `${JSON.stringify(record)}\n`);
    await writeReport(join(dir, 'dataset.jsonl'), join(dir, 'report'));
    const html = readFileSync(join(dir, 'report/articles', articleFileName(record.id)), 'utf8');
    expect(html).not.toMatch(/<script|<img|<b>|<i>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // the index's only scripts are its own: the JSON index of quotes (no "<" in it) and the search, whose hash the
    // page's policy names
    const index = readFileSync(join(dir, 'report/index.html'), 'utf8');
    const json = /<script type="application\/json" id="quote-index">([^<]*)<\/script>/.exec(index);
    expect(json, 'the JSON index').not.toBeNull();
    const data = JSON.parse(json![1]!) as { quotes: unknown[][] };
    expect(data.quotes.map((q) => q[3])).toContain('<b>bold</b>');
    const rest = index.replace(json![0], '').replace(`<script>${SEARCH_SCRIPT}</script>`, '');
    expect(rest).not.toMatch(/<script|<img/i);
    expect(index).toContain(`script-src 'sha256-${SEARCH_SCRIPT_SHA256}'`);
  });

  it('drops pages of articles no longer in the dataset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'd.jsonl'), `${JSON.stringify(trickyRecord('a'))}\n${JSON.stringify(trickyRecord('b'))}\n`);
    await writeReport(join(dir, 'd.jsonl'), dir);
    writeFileSync(join(dir, 'd.jsonl'), `${JSON.stringify(trickyRecord('b'))}\n`);
    await writeReport(join(dir, 'd.jsonl'), dir);
    expect(readdirSync(join(dir, 'articles'))).toEqual(['b.html']);
  });
});

describe('re-running writeReport', () => {
  it('leaves pages that would not change untouched and rewrites any that differ, even by one byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-'));
    writeFileSync(join(dir, 'd.jsonl'), `${JSON.stringify(trickyRecord('a'))}\n${JSON.stringify(trickyRecord('b'))}\n`);
    await writeReport(join(dir, 'd.jsonl'), dir);
    const a = join(dir, 'articles/a.html');
    const b = join(dir, 'articles/b.html');
    const want = readFileSync(b, 'utf8');
    // a: unchanged, dated back so that a rewrite would show in its mtime; b: same length, one byte off
    const old = new Date('2001-01-01T00:00:00Z');
    utimesSync(a, old, old);
    writeFileSync(b, want.replace('<html', '<htmL'));
    await writeReport(join(dir, 'd.jsonl'), dir);
    expect(statSync(a).mtime.getTime()).toBe(old.getTime());
    expect(readFileSync(b, 'utf8')).toBe(want);
  });
});

describe('articleFileName', () => {
  it('keeps plain ids and makes any other id a distinct safe name', () => {
    expect(articleFileName('000_c15b9b24642192a5')).toBe('000_c15b9b24642192a5.html');
    const names = ['a/b', 'a_b', 'a b', '../x', '.hidden', 'ü'].map(articleFileName);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9_-][A-Za-z0-9._-]*\.html$/);
  });
});
