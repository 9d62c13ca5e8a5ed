// writeReport: dataset.jsonl → a static HTML report (index.html and one page per article), streaming the dataset.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataset } from '../tables/read-dataset.ts';
import { articlePage } from './article-page.ts';
import { indexPage } from './index-page.ts';
import { articleFileName } from './paths.ts';
import { addArticle, emptyStats } from './stats.ts';

export { articleFileName } from './paths.ts';

/** Writes the HTML report of a dataset.jsonl into `reportDir` (index.html, articles/*.html). */
export async function writeReport(datasetPath: string, reportDir: string): Promise<void> {
  const articlesDir = join(reportDir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  const stale = new Set(readdirSync(articlesDir));
  const stats = emptyStats();
  for await (const record of readDataset(datasetPath)) {
    const file = articleFileName(record.id);
    writeFileSync(join(articlesDir, file), articlePage(record, '../index.html'));
    stale.delete(file);
    addArticle(stats, record, file);
  }
  // Pages of articles no longer in the dataset must not linger. Pages are overwritten in place rather than
  // the folder emptied first: deleting a thousand files costs more than writing them.
  for (const file of stale) rmSync(join(articlesDir, file), { force: true });
  writeFileSync(join(reportDir, 'index.html'), indexPage(stats));
}
