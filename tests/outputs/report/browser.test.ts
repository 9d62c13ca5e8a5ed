// The report in a real browser: Debian's chromium, headless, driven by playwright-core, pages opened from disk.
// Each highlighted quote spells the dataset's quote, no console errors, a screenshot for the README, and
// article text holding <script> shows as text; the quote search filters and sorts, speaker pages link back to the
// articles, and every page reads at phone width (390 px). Skips (saying why) where /usr/bin/chromium is not
// installed.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleFileName, writeReport } from '../../../src/outputs/report/index.ts';
import type { ArticleRecord } from '../../../src/schema.ts';
import { trickyRecord } from '../tables/tricky-record.ts';

const CHROMIUM = '/usr/bin/chromium';
const ROOT = new URL('../../..', import.meta.url).pathname;
const DATASET = join(ROOT, 'output/dataset.jsonl');
const REPORT = join(ROOT, 'output/report');
const FOUNDING = '000_c15b9b24642192a5';

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `browser tests skipped: ${CHROMIUM} not found (CI: command -v chromium || (apt-get update && apt-get install -y chromium))`,
  );
}

// Browser-side code stays a string: the project compiles without the DOM library.
const QUOTE_TEXTS = `(() => {
  const texts = {};
  for (const el of document.querySelectorAll('[data-quote]')) {
    const id = el.getAttribute('data-quote');
    texts[id] = (texts[id] || '') + el.textContent;
  }
  return texts;
})()`;
const MARKED_TEXTS = (attr: string): string => `(() => {
  const texts = {};
  for (const el of document.querySelectorAll('[${attr}]')) {
    for (const id of el.getAttribute('${attr}').split(' ')) texts[id] = (texts[id] || '') + el.textContent;
  }
  return texts;
})()`;

describe.skipIf(!hasChromium)('report in headless chromium', () => {
  let browser: Browser;
  const problems: string[] = [];

  // Opens a page from disk, recording console errors, page errors, failed requests and dialogs.
  async function open(file: string, width = 1280): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
    page.on('dialog', (d) => {
      problems.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    return page;
  }

  beforeAll(async () => {
    await writeReport(DATASET, REPORT);
    // playwright gives every launch a new empty profile folder itself (it refuses --user-data-dir in args).
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('highlights every quote of the founding article with exactly its text, with cues and speakers marked', async () => {
    const record = JSON.parse(readFileSync(DATASET, 'utf8').split('\n')[0]!) as ArticleRecord;
    expect(record.id).toBe(FOUNDING);
    const page = await open(join(REPORT, 'articles', articleFileName(FOUNDING)));
    const quotes = await page.evaluate<Record<string, string>>(QUOTE_TEXTS);
    const cps = Array.from(record.text);
    expect(Object.keys(quotes).sort()).toEqual(record.quotes.map((q) => q.id).sort());
    for (const q of record.quotes) {
      expect(quotes[q.id], q.id).toBe(q.text);
      expect(cps.slice(q.start, q.end).join(''), q.id).toBe(q.text);
    }
    const cues = await page.evaluate<Record<string, string>>(MARKED_TEXTS('data-cue-of'));
    const speakers = await page.evaluate<Record<string, string>>(MARKED_TEXTS('data-speaker-of'));
    for (const q of record.quotes) {
      expect(cues[q.id] ?? null, `cue of ${q.id}`).toBe(q.cue?.text ?? null);
      expect(speakers[q.id] ?? null, `speaker of ${q.id}`).toBe(q.speaker?.mention?.text ?? null);
    }
    const side = await page.evaluate(`document.querySelector('aside .speaker h3').textContent`);
    expect(side).toBe('Antony Blinken (8)');
    // The committed screenshot (README) is rewritten only on request: PNG bytes differ from run to run.
    const shot = process.env.UPDATE_SCREENSHOT
      ? join(REPORT, 'screenshot.png')
      : join(tmpdir(), `report-screenshot-${process.pid}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    expect(problems).toEqual([]);
  });

  it('renders the index with its charts and no errors', async () => {
    const page = await open(join(REPORT, 'index.html'));
    expect(await page.evaluate(`document.querySelectorAll('svg rect').length`)).toBeGreaterThan(0);
    expect(await page.evaluate(`document.body.textContent.includes('Antony Blinken')`)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('searches and sorts the quotes of the index, from disk, with no network', async () => {
    const page = await open(join(REPORT, 'index.html'));
    const rows = () =>
      page.evaluate<string[][]>(
        `[...document.querySelectorAll('#results tbody tr')].map((tr) => [...tr.children].map((td) => td.textContent))`,
      );
    const all = await rows();
    const record = JSON.parse(readFileSync(DATASET, 'utf8').split('\n')[0]!) as ArticleRecord;
    expect(all).toHaveLength(record.quotes.length);
    expect(await page.textContent('#count')).toBe(`${record.quotes.length} of ${record.quotes.length} quotes`);
    // words of one quote find it alone; a type filter keeps its type only
    const q = record.quotes.find((x) => x.type === 'direct')!;
    const words = q.text.split(/\s+/).slice(0, 6).join(' ');
    await page.fill('#q', words);
    const found = await rows();
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.every((r) => r[4]!.toLowerCase().includes(words.toLowerCase()))).toBe(true);
    await page.fill('#q', 'blinken');
    expect((await rows()).length).toBe(record.quotes.filter((x) => x.speaker?.name === 'Antony Blinken').length);
    await page.fill('#q', '');
    await page.selectOption('#type', 'indirect');
    const indirect = await rows();
    expect(indirect.map((r) => r[3])).toEqual(record.quotes.filter((x) => x.type === 'indirect').map(() => 'indirect'));
    await page.selectOption('#type', '');
    // sorting by type, then the other way round
    await page.click('button[data-sort="type"]');
    const types = (await rows()).map((r) => r[3]!);
    expect(types).toEqual([...types].sort());
    await page.click('button[data-sort="type"]');
    expect((await rows()).map((r) => r[3]!)).toEqual([...types].sort().reverse());
    // a speaker links to the speaker's page, whose quotes link back to the article
    const href = await page.getAttribute('#results tbody tr a', 'href');
    expect(href).toBe('speakers/person_antony-blinken.html');
    expect(problems).toEqual([]);
  });

  it('gives each speaker a page with their quotes, linked to their places in the articles', async () => {
    const record = JSON.parse(readFileSync(DATASET, 'utf8').split('\n')[0]!) as ArticleRecord;
    const page = await open(join(REPORT, 'speakers', 'person_antony-blinken.html'));
    expect(await page.textContent('h1')).toBe('Antony Blinken');
    const links = await page.evaluate<string[]>(
      `[...document.querySelectorAll('.speaker-article li a')].map((a) => a.getAttribute('href'))`,
    );
    const mine = record.quotes.filter((q) => q.speaker?.key === 'person:antony-blinken');
    expect(links).toEqual(mine.map((q) => `../articles/${articleFileName(record.id)}#${q.id}`));
    expect(await page.evaluate(`document.querySelector('.facts').textContent.includes('male')`)).toBe(true);
    // the article page's side list links to it
    const article = await open(join(REPORT, 'articles', articleFileName(FOUNDING)));
    expect(await article.getAttribute('aside .speaker h3 a', 'href')).toBe('../speakers/person_antony-blinken.html');
    expect(problems).toEqual([]);
  });

  it('reads at phone width: no page wider than the screen, the article text the width of the screen', async () => {
    const pages = [
      'index.html',
      join('articles', articleFileName(FOUNDING)),
      join('speakers', 'person_antony-blinken.html'),
    ];
    for (const p of pages) {
      const page = await open(join(REPORT, p), 390);
      expect(await page.evaluate('document.documentElement.scrollWidth'), p).toBeLessThanOrEqual(390);
      if (p.startsWith('articles')) {
        const width = await page.evaluate<number>(
          `document.querySelector('article.text').getBoundingClientRect().width`,
        );
        expect(width, 'article column').toBeGreaterThan(330);
      }
      if (process.env.UPDATE_SCREENSHOT)
        await page.screenshot({ path: join(REPORT, `screenshot-390-${p.split('/')[0]!.replace('.html', '')}.png`) });
    }
    expect(problems).toEqual([]);
  });

  it('shows <script> from an article as text and runs nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-xss-'));
    const record = trickyRecord();
    writeFileSync(join(dir, 'dataset.jsonl'), `${JSON.stringify(record)}\n`);
    await writeReport(join(dir, 'dataset.jsonl'), dir);
    const page = await open(join(dir, 'articles', articleFileName(record.id)));
    expect(await page.evaluate('document.scripts.length + document.images.length')).toBe(0);
    expect(await page.evaluate(`document.querySelector('article.text').textContent`)).toBe(record.text);
    expect(await page.evaluate(`document.querySelector('h1').textContent`)).toBe(record.meta.title);
    expect(await page.evaluate(QUOTE_TEXTS)).toEqual(Object.fromEntries(record.quotes.map((q) => [q.id, q.text])));
    expect(problems).toEqual([]);
  });
});
