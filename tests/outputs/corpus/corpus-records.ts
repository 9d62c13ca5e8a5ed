// Small records for the corpus pass tests: each article names people by the forms given, with the gender calls
// given, and quotes the speakers given. Keys are made the way the identity stage makes them.
import { ArticleRecordSchema, type ArticleRecord } from '../../../src/schema.ts';
import { entityKey } from '../../../src/stages/identity/key.ts';
import type { EntityType, Gender, GenderEvidence } from '../../../src/types.ts';

export interface Named {
  /** The entity's canonical name. */
  name: string;
  type?: EntityType;
  /** Mention forms besides the name (each written once, after the name). */
  forms?: string[];
  gender?: Gender;
  evidence?: GenderEvidence;
  /** Quotes it speaks. */
  quotes?: number;
}

/** A record naming these entities. */
export function article(id: string, named: Named[]): ArticleRecord {
  let text = '';
  const entities = named.map((n, i) => {
    const mentions = [n.name, ...(n.forms ?? [])].map((f) => {
      const start = [...text].length;
      text += `${f}. `;
      return { start, end: start + [...f].length, text: f };
    });
    const type = n.type ?? 'PERSON';
    return {
      id: `e${i + 1}`,
      type,
      name: n.name,
      key: entityKey(type, n.name),
      mentions,
      ...(type === 'PERSON' ? { gender: n.gender ?? 'unknown', genderEvidence: n.evidence ?? null } : {}),
    };
  });
  const quotes = named.flatMap((n, i) =>
    Array.from({ length: n.quotes ?? 0 }, () => ({ entity: entities[i]! })),
  ).map(({ entity }, k) => ({
    id: `q${k + 1}`,
    type: 'direct' as const,
    text: entity.mentions[0]!.text,
    start: entity.mentions[0]!.start,
    end: entity.mentions[0]!.end,
    cue: null,
    speaker: { name: entity.name, entityId: entity.id, key: entity.key, mention: null },
    confidence: 1,
  }));
  return ArticleRecordSchema.parse({
    id,
    source: { path: `${id}.txt`, sha256: '0'.repeat(64), format: 'text' },
    meta: {},
    text,
    sentences: [],
    entities,
    quotes,
  });
}
