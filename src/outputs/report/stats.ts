// Corpus figures for the report index, gathered one record at a time.
import type { ArticleRecord } from '../../schema.ts';

export interface ArticleSummary {
  id: string;
  title: string | null;
  /** Publication date as the input carries it, or null. */
  published: string | null;
  file: string;
  quotes: number;
  entities: number;
  topSpeaker: string | null;
}

export interface CorpusStats {
  articles: ArticleSummary[];
  sentences: number;
  entities: number;
  mentions: number;
  quotes: number;
  quotesByType: Map<string, number>;
  /** Quotes per named speaker (speakers linked to an entity), by canonical name across articles. */
  speakers: Map<string, number>;
  /** Quotes whose speaker is a phrase with no entity ("aides"), and quotes with no speaker. */
  phraseSpeakerQuotes: number;
  unattributedQuotes: number;
  entityTypes: Map<string, number>;
}

/** An empty tally. */
export function emptyStats(): CorpusStats {
  return {
    articles: [],
    sentences: 0,
    entities: 0,
    mentions: 0,
    quotes: 0,
    quotesByType: new Map(),
    speakers: new Map(),
    phraseSpeakerQuotes: 0,
    unattributedQuotes: 0,
    entityTypes: new Map(),
  };
}

const bump = (m: Map<string, number>, k: string, by = 1): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

/** What one article adds to the corpus figures: small and plain, so that the pool worker that processed the
 * article can make it from its record and send it, and the main thread never parses the line for the index. Keys
 * in the order of the article's first occurrences, so that adding tallies in article order fills the maps in the
 * order adding the records did. */
export interface ArticleTally {
  summary: ArticleSummary;
  sentences: number;
  entities: number;
  mentions: number;
  quotes: number;
  quotesByType: [string, number][];
  speakers: [string, number][];
  phraseSpeakerQuotes: number;
  unattributedQuotes: number;
  entityTypes: [string, number][];
  /** The article's quotes, for the speaker pages and the search index. */
  quoteList: QuoteEntry[];
}

/** One quote as the speaker pages and the search index show it. */
export interface QuoteEntry {
  id: string;
  type: string;
  /** The quote's text, cut to MAX_QUOTE_TEXT characters. */
  text: string;
  /** The speaker's name, or null when unknown. */
  speaker: string | null;
  /** The speaking entity's key (corpus keys are looked up from it), or null. */
  key: string | null;
}

// A speaker page or the search index shows this much of a quote; the article page has it all.
const MAX_QUOTE_TEXT = 600;

/** One article's tally. */
export function articleTally(r: ArticleRecord, file: string): ArticleTally {
  let mentions = 0;
  let phraseSpeakerQuotes = 0;
  let unattributedQuotes = 0;
  const entityTypes = new Map<string, number>();
  const quotesByType = new Map<string, number>();
  const speakers = new Map<string, number>();
  for (const e of r.entities) {
    mentions += e.mentions.length;
    bump(entityTypes, e.type);
  }
  for (const q of r.quotes) {
    bump(quotesByType, q.type);
    if (!q.speaker) unattributedQuotes++;
    else if (q.speaker.entityId === null) phraseSpeakerQuotes++;
    else bump(speakers, q.speaker.name);
  }
  return {
    summary: {
      id: r.id,
      title: r.meta.title ?? null,
      published: r.meta.published ?? null,
      file,
      quotes: r.quotes.length,
      entities: r.entities.length,
      topSpeaker: ranked(speakers, 1)[0]?.[0] ?? null,
    },
    sentences: r.sentences.length,
    entities: r.entities.length,
    mentions,
    quotes: r.quotes.length,
    quotesByType: [...quotesByType],
    speakers: [...speakers],
    phraseSpeakerQuotes,
    unattributedQuotes,
    entityTypes: [...entityTypes],
    quoteList: r.quotes.map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text.length > MAX_QUOTE_TEXT ? `${q.text.slice(0, MAX_QUOTE_TEXT - 1)}…` : q.text,
      speaker: q.speaker?.name ?? null,
      key: q.speaker?.key ?? null,
    })),
  };
}

/** Adds one article's tally to the corpus figures. */
export function addTally(stats: CorpusStats, t: ArticleTally): void {
  stats.sentences += t.sentences;
  stats.entities += t.entities;
  stats.mentions += t.mentions;
  stats.quotes += t.quotes;
  for (const [k, n] of t.entityTypes) bump(stats.entityTypes, k, n);
  for (const [k, n] of t.quotesByType) bump(stats.quotesByType, k, n);
  for (const [k, n] of t.speakers) bump(stats.speakers, k, n);
  stats.phraseSpeakerQuotes += t.phraseSpeakerQuotes;
  stats.unattributedQuotes += t.unattributedQuotes;
  stats.articles.push(t.summary);
}

/** Adds one article to the tally. */
export function addArticle(stats: CorpusStats, r: ArticleRecord, file: string): void {
  addTally(stats, articleTally(r, file));
}

/** Entries by count, high to low, ties by name (plain string order, so the result never depends on locale). */
export function ranked(m: Map<string, number>, limit = Infinity): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}
