// What one article tells the corpus pass: its keyed entities, each with its name, the forms it is written in, its
// gender call and its quote count. Small and plain, so that the thread that processed the article can make it.
import type { ArticleRecord } from '../../schema.ts';
import type { Gender, GenderEvidence } from '../../types.ts';

export interface EntityDigest {
  key: string;
  type: string;
  name: string;
  /** Distinct mention texts, possessive dropped, in order of first appearance. */
  forms: string[];
  gender: Gender | null;
  evidence: GenderEvidence;
  /** Quotes the entity speaks in this article. */
  quotes: number;
  mentions: number;
}

export interface ArticleDigest {
  entities: EntityDigest[];
}

/** The digest of one record: its entities that have a key. */
export function articleDigest(r: ArticleRecord): ArticleDigest {
  const quotes = new Map<string, number>();
  for (const q of r.quotes) {
    const id = q.speaker?.entityId;
    if (id) quotes.set(id, (quotes.get(id) ?? 0) + 1);
  }
  const entities: EntityDigest[] = [];
  for (const e of r.entities) {
    if (!e.key) continue;
    const forms: string[] = [];
    let last = '';
    for (const m of e.mentions) {
      if (m.text === last) continue; // most mentions repeat the one before
      last = m.text;
      const f = form(m.text);
      if (f && !forms.includes(f)) forms.push(f);
    }
    entities.push({
      key: e.key,
      type: e.type,
      name: e.name,
      forms,
      gender: e.gender ?? null,
      evidence: e.genderEvidence ?? null,
      quotes: quotes.get(e.id) ?? 0,
      mentions: e.mentions.length,
    });
  }
  return { entities };
}

/** A mention as a form of the name: possessive dropped, spaces single. */
function form(text: string): string {
  const c = text.charCodeAt(text.length - 1);
  // only a text ending in s or an apostrophe can carry a possessive
  let f = c === 0x73 || c === 0x27 || c === 0x2019 ? text.replace(/['’]s?$/u, '') : text;
  if (/\s\s|[^\S ]/.test(f)) f = f.replace(/\s+/g, ' ');
  return f.trim();
}
