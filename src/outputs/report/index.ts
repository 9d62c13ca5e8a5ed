// writeReport: dataset.jsonl → a static HTML report (index.html, a page per article and a page per speaker),
// streaming the dataset. Article pages are staged as records come; the speaker pages and the index, which need the
// corpus keys, once the corpus pass (src/outputs/corpus/) has seen every record. All of it becomes visible when the
// output set commits.
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readdirSync, readSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { AtomicWriter, TEMP_NAME } from '../../io/atomic.ts';
import { OutputSet, recoverFolder } from '../../io/commit.ts';
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

/** Writes the report record by record: each article's page staged at once (only when it differs from the page in
 * place); the speaker pages, the index and the removal of pages no longer wanted at finish(). Nothing is visible
 * until the output set commits: a pipeline run's set, with its dataset, or this writer's own. */
export class ReportWriter {
  /** The folder of the article pages (a pipeline worker stages pages into it directly). */
  readonly articlesDir: string;
  private readonly pages = new Set<string>();
  private readonly stats: CorpusStats = emptyStats();
  private readonly set: OutputSet;
  private readonly own: boolean;
  private readonly quotes = new QuoteSpill();

  constructor(
    private readonly reportDir: string,
    set?: OutputSet,
  ) {
    this.articlesDir = join(reportDir, 'articles');
    this.own = set === undefined || set.relative(this.articlesDir) === undefined;
    if (this.own) recoverFolder(reportDir, { folders: ['', 'articles', 'speakers'] });
    this.set = this.own ? new OutputSet(reportDir) : set!;
    this.set.mkdir(this.articlesDir);
  }

  /** Stages one article's page and counts it for the index. `made.page` is its HTML when already made elsewhere;
   * `made.pageSha` its hash when only that is at hand (from the pipeline's cache): a page file with that hash is
   * kept as it is, and the page is made only when the file is missing or differs. */
  add(record: ArticleRecord, made: { page?: string; pageSha?: string } = {}): void {
    const file = articleFileName(record.id);
    if (made.page !== undefined) this.adopt(file, stageArticlePage(this.articlesDir, record.id, made.page));
    else if (made.pageSha === undefined || !hasSha256(join(this.articlesDir, file), made.pageSha)) {
      this.adopt(file, stageArticlePage(this.articlesDir, record.id, articleReportPage(record)));
    }
    this.addWritten(articleTally(record, file));
  }

  /** Counts for the index an article whose page was staged in articlesDir elsewhere (by a pipeline worker), from
   * its record or from the tally made where the record was (articleTally); `staged` is the temporary file's name,
   * undefined when the page in place already held its bytes. */
  addWritten(made: ArticleRecord | ArticleTally, staged?: string): void {
    const tally = 'summary' in made ? made : articleTally(made, articleFileName(made.id));
    this.adopt(tally.summary.file, staged);
    this.pages.add(tally.summary.file);
    addTally(this.stats, tally);
    this.quotes.add(tally.summary, tally.quoteList);
  }

  private adopt(file: string, staged: string | undefined): void {
    if (staged !== undefined) this.set.adopt(join(this.articlesDir, staged), join(this.articlesDir, file));
  }

  /** Stages the removal of pages of articles no longer in the dataset, the speaker pages and the index; commits an
   * own set. */
  finish(corpus: Corpus): void {
    // Pages of articles no longer in the dataset must not linger. Pages are overwritten in place rather than
    // the folder emptied first: deleting a thousand files costs more than writing them. The folder is listed
    // now, not when the writer opened, so that a page written for an article that then failed goes too.
    for (const file of readdirSync(this.articlesDir))
      if (!this.pages.has(file) && !TEMP_NAME.test(file)) this.set.remove(join(this.articlesDir, file));
    const speakersDir = join(this.reportDir, 'speakers');
    this.set.mkdir(speakersDir);
    this.quotes.writeSpeakerPages(speakersDir, corpus, {
      write: (path, html) => {
        const want = Buffer.from(html, 'utf8');
        if (!sameBytes(path, want)) this.set.writer(path, { digest: false, sync: false }).write(want);
      },
      remove: (path) => this.set.remove(path),
    });
    // the index holds every quote: streamed into its staged file, never a string whole
    const { head, tail } = indexPageParts(this.stats, corpus);
    const index = this.set.writer(join(this.reportDir, 'index.html'), { digest: false });
    index.write(head);
    this.quotes.writeIndex(corpus, (chunk) => index.write(chunk));
    index.write(tail);
    if (this.own) this.set.commit();
  }

  /** Drops what was staged (an own set; a run's set is aborted by the run). */
  abort(): void {
    if (this.own) this.set.abort();
  }
}

/** Stages an article's page (HTML, or its UTF-8) in the articles folder: a complete temporary file beside the page
 * it replaces, whose name is returned for the output set to rename at its commit; undefined when the page in place
 * already holds these bytes. Not synced: a killed run never tears it (the rename happens only after it is
 * complete), and the dataset it goes with is synced before the commit. */
export function stageArticlePage(articlesDir: string, id: string, html: string | Buffer): string | undefined {
  const path = join(articlesDir, articleFileName(id));
  const want = typeof html === 'string' ? Buffer.from(html, 'utf8') : html;
  if (sameBytes(path, want)) return undefined;
  const w = new AtomicWriter(path, { digest: false, sync: false });
  try {
    w.write(want);
    w.prepare();
  } catch (err) {
    w.abort();
    throw err;
  }
  return basename(w.tmp);
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

/** Whether the file at `path` holds exactly `want`. After a re-run most pages are unchanged, and reading a page
 * back costs far less than rewriting it (a rewrite, then a rename, makes ext4 write it to disk again), so a page
 * that did not change is never touched. */
function sameBytes(path: string, want: Buffer): boolean {
  // a stat that returns undefined for a missing file rather than throwing: a fresh report has no page yet, and an
  // exception per page (a failed open) cost more than the stat
  const st = statSync(path, { throwIfNoEntry: false });
  if (st?.size !== want.length || !st.isFile()) return false;
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return false;
  }
  try {
    if (fstatSync(fd).size !== want.length) return false;
    const have = Buffer.allocUnsafe(want.length);
    let got = 0;
    for (let n = 1; n > 0 && got < have.length; got += n) n = readSync(fd, have, got, have.length - got, got);
    return got === have.length && have.equals(want);
  } finally {
    closeSync(fd);
  }
}

/** Writes the HTML report of a dataset.jsonl into `reportDir` (index.html, articles/*.html, speakers/*.html). */
// eslint-disable-next-line @typescript-eslint/require-await -- a promise in the public API; the writing is synchronous
export async function writeReport(datasetPath: string, reportDir: string): Promise<void> {
  const report = new ReportWriter(reportDir);
  const corpus = new CorpusIndex();
  try {
    for (const record of readDatasetSync(datasetPath)) {
      report.add(record);
      corpus.add(record);
    }
    report.finish(corpus.resolve());
  } catch (err) {
    report.abort();
    throw err;
  }
}
