// The rows of the two corpus tables, from the corpus pass's entries: `speakers` (the keys that speak, most quoted
// first) and `corpus_entities` (every key, in key order), cells in the column order of spec.ts.
import type { Corpus, CorpusEntry } from '../corpus/corpus.ts';
import type { RowSink } from './rows.ts';
import type { CorpusTableName } from './spec.ts';

/** Emits one corpus entry as a row. */
export function emitCorpusRow(e: CorpusEntry, out: RowSink): void {
  out.str(e.key);
  out.str(e.name);
  out.str(JSON.stringify(e.aliases));
  out.str(e.type);
  out.str(e.gender);
  out.str(e.genderEvidence);
  out.int(e.articles);
  out.int(e.quotedArticles);
  out.int(e.quotes);
  out.int(e.mentions);
  out.str(JSON.stringify(e.keys));
  out.end();
}

/** The entries of a corpus table, in its row order. */
export function corpusTableEntries(corpus: Corpus, table: CorpusTableName): CorpusEntry[] {
  const all = corpus.entries();
  if (table === 'corpus_entities') return all; // already in key order
  return all
    .filter((e) => e.quotes > 0)
    .sort((a, b) => b.quotes - a.quotes || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
