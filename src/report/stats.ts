// Corpus figures for the report index, gathered one record at a time.
import type { ArticleRecord } from '../schema.ts';

export interface ArticleSummary {
  id: string;
  title: string | null;
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
  return { articles: [], sentences: 0, entities: 0, mentions: 0, quotes: 0, quotesByType: new Map(), speakers: new Map(),
    phraseSpeakerQuotes: 0, unattributedQuotes: 0, entityTypes: new Map() };
}

const bump = (m: Map<string, number>, k: string, by = 1): void => {
  m.set(k, (m.get(k) ?? 0) + by);
};

/** Adds one article to the tally. */
export function addArticle(stats: CorpusStats, r: ArticleRecord, file: string): void {
  stats.sentences += r.sentences.length;
  stats.entities += r.entities.length;
  stats.quotes += r.quotes.length;
  const local = new Map<string, number>();
  for (const e of r.entities) {
    stats.mentions += e.mentions.length;
    bump(stats.entityTypes, e.type);
  }
  for (const q of r.quotes) {
    bump(stats.quotesByType, q.type);
    if (!q.speaker) stats.unattributedQuotes++;
    else if (q.speaker.entityId === null) stats.phraseSpeakerQuotes++;
    else {
      bump(stats.speakers, q.speaker.name);
      bump(local, q.speaker.name);
    }
  }
  stats.articles.push({ id: r.id, title: r.meta.title ?? null, file, quotes: r.quotes.length, entities: r.entities.length,
    topSpeaker: ranked(local, 1)[0]?.[0] ?? null });
}

/** Entries by count, high to low, ties by name (plain string order, so the result never depends on locale). */
export function ranked(m: Map<string, number>, limit = Infinity): [string, number][] {
  return [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, limit);
}
