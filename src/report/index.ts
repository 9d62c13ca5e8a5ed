// writeReport: dataset.jsonl → a static HTML report (index.html and one page per article), streaming the dataset.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArticleRecord } from '../schema.ts';
import { readDatasetSync } from '../tables/read-dataset.ts';
import { articlePage } from './article-page.ts';
import { indexPage } from './index-page.ts';
import { articleFileName } from './paths.ts';
import { addArticle, emptyStats, type CorpusStats } from './stats.ts';

export { articleFileName } from './paths.ts';

/** Writes the report record by record: each article's page at once, the index at finish(). */
export class ReportWriter {
  private readonly articlesDir: string;
  private readonly stale: Set<string>;
  private readonly stats: CorpusStats = emptyStats();

  constructor(private readonly reportDir: string) {
    this.articlesDir = join(reportDir, 'articles');
    mkdirSync(this.articlesDir, { recursive: true });
    this.stale = new Set(readdirSync(this.articlesDir));
  }

  /** Writes one article's page and counts it for the index. */
  add(record: ArticleRecord): void {
    const file = articleFileName(record.id);
    writeFileSync(join(this.articlesDir, file), articlePage(record, '../index.html'));
    this.stale.delete(file);
    addArticle(this.stats, record, file);
  }

  /** Deletes pages of articles no longer in the dataset and writes the index. */
  finish(): void {
    // Pages of articles no longer in the dataset must not linger. Pages are overwritten in place rather than
    // the folder emptied first: deleting a thousand files costs more than writing them.
    for (const file of this.stale) rmSync(join(this.articlesDir, file), { force: true });
    writeFileSync(join(this.reportDir, 'index.html'), indexPage(this.stats));
  }
}

/** Writes the HTML report of a dataset.jsonl into `reportDir` (index.html, articles/*.html). */
export async function writeReport(datasetPath: string, reportDir: string): Promise<void> {
  const report = new ReportWriter(reportDir);
  for (const record of readDatasetSync(datasetPath)) report.add(record);
  report.finish();
}
