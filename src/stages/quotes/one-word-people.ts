// The article's people after its quotes are attributed: a person named by one word only is kept when a quote is
// hers or his, and otherwise left out.
import type { Entity, Quote } from '../../types.ts';

/**
 * A person the article never names with two words or a title ("SkyTrain", "Moana", "Kospi" typed PERSON): news
 * introduces the people it reports on by full name, so a one-word "person" is far more often a place, a product, a
 * character or an organisation the tagger mistyped. Such entities are left out unless a quote is attributed to
 * one (then the article does report that person's words: "Ludacris said"); ids are given again in order, and the
 * quotes' speaker ids follow them.
 */
export function dropOneWordPeople(
  entities: readonly Entity[],
  quotes: readonly Quote[],
): { entities: Entity[]; quotes: Quote[] } {
  const speakers = new Set<string>();
  for (const q of quotes) if (q.speaker?.entityId) speakers.add(q.speaker.entityId);
  const kept = entities.filter(
    (e) =>
      e.type !== 'PERSON' ||
      e.title !== undefined ||
      speakers.has(e.id) ||
      e.mentions.some((m) => /\s/.test(m.text.trim())),
  );
  if (kept.length === entities.length) return { entities: [...entities], quotes: [...quotes] };
  const ids = new Map<string, string>();
  const renamed = kept.map((e, i) => {
    ids.set(e.id, `e${i + 1}`);
    return { ...e, id: `e${i + 1}` };
  });
  const remapped = quotes.map((q) =>
    q.speaker?.entityId ? { ...q, speaker: { ...q.speaker, entityId: ids.get(q.speaker.entityId) ?? null } } : q,
  );
  return { entities: renamed, quotes: remapped };
}
