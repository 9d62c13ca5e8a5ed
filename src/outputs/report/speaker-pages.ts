// The speaker pages and the quote index, from the articles' quotes once the corpus keys are known. The quotes wait in
// a scratch file (one JSON record per article); the pages are written a batch of speakers at a time, each batch
// one read of the file holding at most PAGE_BATCH_QUOTES quotes, so memory stays bounded however many quotes a
// corpus has. The index's rows are streamed out in one more read.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { TEMP_NAME } from '../../io/atomic.ts';
import { Spill } from '../../io/spill.ts';
import type { Corpus, CorpusEntry } from '../corpus/corpus.ts';
import { speakerFileName } from './paths.ts';
import { scriptJson, type SearchRow } from './search.ts';
import { redirectPage, speakerPage, type SpeakerArticle } from './speaker-page.ts';
import type { ArticleSummary, QuoteEntry } from './stats.ts';

const PAGE_BATCH_QUOTES = 50_000;
// The index shows this much of a quote (the speaker page more, the article page all).
const INDEX_TEXT = 200;

interface Spilled {
  a: ArticleSummary;
  q: QuoteEntry[];
}

/** The articles' quotes, spilled until the corpus is resolved. */
export class QuoteSpill {
  private readonly spill = new Spill();

  /** Keeps one article's quotes. */
  add(article: ArticleSummary, quotes: readonly QuoteEntry[]): void {
    this.spill.append(Buffer.from(JSON.stringify({ a: article, q: quotes }), 'utf8'));
  }

  private *articles(): Generator<Spilled> {
    for (const rec of this.spill.records()) yield JSON.parse(rec.toString('utf8')) as Spilled;
  }

  /** Writes a page per speaker (and a page that sends each merged key on to it) into the folder `dir` (which must
   * exist) through `io.write`, and hands every other page there to `io.remove` (temporary files excepted). */
  writeSpeakerPages(
    dir: string,
    corpus: Corpus,
    io: { write: (path: string, html: string) => void; remove: (path: string) => void },
  ): void {
    const speakers = corpus.entries().filter((e) => e.quotes > 0);
    const files = new Set<string>();
    for (const batch of batches(speakers)) {
      const pages = new Map<string, SpeakerArticle[]>(batch.map((e) => [e.key, []]));
      for (const { a, q } of this.articles()) {
        for (const quote of q) {
          const list = pages.get(corpus.corpusKey(quote.key) ?? '');
          if (!list) continue;
          const last = list[list.length - 1];
          if (last?.article.id === a.id) last.quotes.push(quote);
          else list.push({ article: a, quotes: [quote] });
        }
      }
      for (const e of batch) {
        const file = speakerFileName(e.key);
        files.add(file);
        io.write(join(dir, file), speakerPage(e, pages.get(e.key)!));
      }
    }
    for (const e of speakers) {
      for (const k of e.keys) {
        const file = speakerFileName(k);
        if (k === e.key || files.has(file)) continue;
        files.add(file);
        io.write(join(dir, file), redirectPage(k, e, speakerFileName(e.key)));
      }
    }
    for (const f of readdirSync(dir)) if (!files.has(f) && !TEMP_NAME.test(f)) io.remove(join(dir, f));
  }

  /** Streams the JSON index of every quote (speakers, articles, rows) through `out`; frees the spill. */
  writeIndex(corpus: Corpus, out: (chunk: string) => void): void {
    const speakers = corpus.entries().filter((e) => e.quotes > 0);
    const speakerIndex = new Map(speakers.map((e, i) => [e.key, i]));
    out(`{"speakers":${scriptJson(speakers.map((e) => [e.name, speakerFileName(e.key), e.gender]))},"articles":[`);
    let first = true;
    for (const { a } of this.articles()) {
      out(`${first ? '' : ','}${scriptJson([a.file, a.id, a.title, a.published])}`);
      first = false;
    }
    out('],"quotes":[');
    let n = 0;
    let rows: string[] = [];
    first = true;
    for (const { q } of this.articles()) {
      for (const quote of q) {
        const s = speakerIndex.get(corpus.corpusKey(quote.key) ?? '') ?? -1;
        const text = quote.text.length > INDEX_TEXT ? `${quote.text.slice(0, INDEX_TEXT - 1)}…` : quote.text;
        const row: SearchRow = [n, s, quote.type, text, s < 0 ? quote.speaker : null, quote.id];
        rows.push(scriptJson(row));
      }
      n++;
      if (rows.length >= 1000) {
        out(`${first ? '' : ','}${rows.join(',')}`);
        first = false;
        rows = [];
      }
    }
    if (rows.length) out(`${first ? '' : ','}${rows.join(',')}`);
    out(']}');
    this.spill.close();
  }
}

/** Speakers in key order, cut into batches of at most PAGE_BATCH_QUOTES quotes (a speaker with more is a batch). */
function* batches(speakers: readonly CorpusEntry[]): Generator<CorpusEntry[]> {
  let batch: CorpusEntry[] = [];
  let quotes = 0;
  for (const e of speakers) {
    if (batch.length && quotes + e.quotes > PAGE_BATCH_QUOTES) {
      yield batch;
      batch = [];
      quotes = 0;
    }
    batch.push(e);
    quotes += e.quotes;
  }
  if (batch.length) yield batch;
}
