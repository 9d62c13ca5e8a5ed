// writeReport: dataset.jsonl → a static HTML report (index.html, a page per article and a page per speaker),
// streaming the dataset. Article pages are written as records come; the speaker pages and the index, which need the
// corpus keys, once the corpus pass (src/outputs/corpus/) has seen every record.
import { createHash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { AtomicWriter } from '../../io/atomic.ts';
import type { ArticleRecord } from '../../schema.ts';
import type { Corpus } from '../corpus/corpus.ts';
import { CorpusIndex } from '../corpus/index.ts';
import { readDatasetSync } from '../read-dataset.ts';
import { articlePage } from './article-page.ts';
import { indexPageParts } from './index-page.ts';
import { articleFileName } from './paths.ts';
import { QuoteSpill } from './speaker-pages.ts';
import { addTally, articleTally, emptyStats, type ArticleTally, type CorpusStats } from './stats.ts';

export { articleFileName } from './paths.ts';

/** The HTML of an article's page in the report (articles/<file>, linking back to ../index.html). */
export function articleReportPage(record: ArticleRecord): string {
  return articlePage(record, '../index.html');
}

/** Writes the report record by record: each article's page at once, the index at finish(). */
export class ReportWriter {
  /** The folder of the article pages (a pipeline worker writes pages into it directly). */
  readonly articlesDir: string;
  private readonly pages = new Set<string>();
  private readonly stats: CorpusStats = emptyStats();
  private readonly quotes = new QuoteSpill();

  constructor(private readonly reportDir: string) {
    this.articlesDir = join(reportDir, 'articles');
    mkdirSync(this.articlesDir, { recursive: true });
  }

  /** Writes one article's page and counts it for the index. `made.page` is its HTML when already made elsewhere;
   * `made.pageSha` its hash when only that is at hand (from the pipeline's cache): a page file with that hash is
   * kept as it is, and the page is made only when the file is missing or differs. */
  add(record: ArticleRecord, made: { page?: string; pageSha?: string } = {}): void {
    const file = articleFileName(record.id);
    if (made.page !== undefined) writeArticlePage(this.articlesDir, record.id, made.page);
    else if (made.pageSha === undefined || !hasSha256(join(this.articlesDir, file), made.pageSha)) {
      writeArticlePage(this.articlesDir, record.id, articleReportPage(record));
    }
    this.addWritten(articleTally(record, file));
  }

  /** Counts for the index an article whose page was written into articlesDir elsewhere (by a pipeline worker),
   * from its record or from the tally made where the record was (articleTally). */
  addWritten(made: ArticleRecord | ArticleTally): void {
    const tally = 'summary' in made ? made : articleTally(made, articleFileName(made.id));
    this.pages.add(tally.summary.file);
    addTally(this.stats, tally);
    this.quotes.add(tally.summary, tally.quoteList);
  }

  /** Deletes pages of articles no longer in the dataset, writes the speaker pages and the index. */
  finish(corpus: Corpus): void {
    // Pages of articles no longer in the dataset must not linger. Pages are overwritten in place rather than
    // the folder emptied first: deleting a thousand files costs more than writing them. The folder is listed
    // now, not when the writer opened, so that a page written for an article that then failed goes too.
    for (const file of readdirSync(this.articlesDir))
      if (!this.pages.has(file)) rmSync(join(this.articlesDir, file), { force: true });
    this.quotes.writeSpeakerPages(join(this.reportDir, 'speakers'), corpus, writeIfChanged);
    // the index holds every quote: streamed into its file, never a string whole
    const { head, tail } = indexPageParts(this.stats, corpus);
    const index = new AtomicWriter(join(this.reportDir, 'index.html'), { digest: false });
    try {
      index.write(head);
      this.quotes.writeIndex(corpus, (chunk) => index.write(chunk));
      index.write(tail);
      index.prepare();
      index.renameIntoPlace();
    } catch (err) {
      index.abort();
      throw err;
    }
  }
}

/** Writes an article's page (HTML, or its UTF-8) into the articles folder (unless it already holds these bytes). */
export function writeArticlePage(articlesDir: string, id: string, html: string | Buffer): void {
  writeIfChanged(join(articlesDir, articleFileName(id)), html);
}

/** True when the file at `path` exists and its bytes have this sha256 (hex). */
function hasSha256(path: string, sha: string): boolean {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return false;
  }
  return createHash('sha256').update(bytes).digest('hex') === sha;
}

/** Writes `html` to `path` unless the file already holds exactly these bytes. After a re-run most pages are
 * unchanged, and reading a page back costs far less than rewriting it: a rewrite truncates the file, and ext4
 * (auto_da_alloc) then starts writing it to disk at close, which took seconds for a thousand pages on a busy
 * machine. A page that changed is written as before; one that did not is never touched. */
function writeIfChanged(path: string, html: string | Buffer): void {
  const want = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  // a stat that returns undefined for a missing file rather than throwing: a fresh report has no page yet, and an
  // exception per page (a failed open) cost more than the stat
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.size !== want.length) {
    writeFileSync(path, want); // no such page yet, or another size
    return;
  }
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    writeFileSync(path, want);
    return;
  }
  let same = false;
  try {
    if (fstatSync(fd).size === want.length) {
      const have = Buffer.allocUnsafe(want.length);
      let got = 0;
      for (let n = 1; n > 0 && got < have.length; got += n) n = readSync(fd, have, got, have.length - got, got);
      same = got === have.length && have.equals(want);
    }
  } finally {
    closeSync(fd);
  }
  if (!same) writeFileSync(path, want);
}

/** Writes the HTML report of a dataset.jsonl into `reportDir` (index.html, articles/*.html, speakers/*.html). */
export async function writeReport(datasetPath: string, reportDir: string): Promise<void> {
  const report = new ReportWriter(reportDir);
  const corpus = new CorpusIndex();
  for (const record of readDatasetSync(datasetPath)) {
    report.add(record);
    corpus.add(record);
  }
  report.finish(corpus.resolve());
}
