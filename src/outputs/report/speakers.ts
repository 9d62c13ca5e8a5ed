// The speakers of one article, in order of their first quote, each with its colour and quotes.
import type { ArticleRecord } from '../../schema.ts';
import { speakerColour } from './palette.ts';

type Quote = ArticleRecord['quotes'][number];

export interface ArticleSpeaker {
  /** entityId when the speaker is an entity, else the phrase as written; unknown speakers share one group. */
  key: string;
  name: string;
  entityId: string | null;
  /** The speaking entity's key (its page is speakers/<file of the key>), or null. */
  speakerKey: string | null;
  /** CSS class carrying the speaker's colour. */
  cls: string;
  quotes: Quote[];
}

/** Groups an article's quotes by speaker and gives each speaker a colour class. */
export function articleSpeakers(record: ArticleRecord): {
  speakers: ArticleSpeaker[];
  byQuote: Map<string, ArticleSpeaker>;
} {
  const byKey = new Map<string, ArticleSpeaker>();
  const byQuote = new Map<string, ArticleSpeaker>();
  for (const q of record.quotes) {
    const key = q.speaker ? (q.speaker.entityId ?? `phrase:${q.speaker.name}`) : 'unknown';
    let s = byKey.get(key);
    if (!s) {
      const cls = q.speaker
        ? `spk-${speakerColour([...byKey.values()].filter((x) => x.key !== 'unknown').length)}`
        : 'spk-none';
      s = {
        key,
        name: q.speaker?.name ?? 'Unknown speaker',
        entityId: q.speaker?.entityId ?? null,
        speakerKey: q.speaker?.key ?? null,
        cls,
        quotes: [],
      };
      byKey.set(key, s);
    }
    s.quotes.push(q);
    byQuote.set(q.id, s);
  }
  return { speakers: [...byKey.values()], byQuote };
}
