// An organisation the article names by an acronym ("PBO said") and also writes out ("The Parliamentary Budget
// Officer released …") is one entity, named by the long form. Grouping links "Assembly of First Nations (AFN)"
// when both forms are entities; this links the long form where the tagger found only the acronym (a title word
// such as "Officer" can keep the long form from being tagged at all), or found it as an entity of its own.
import type { Entity, Mention, Token } from '../../types.ts';

// Words an acronym skips ("Department of Justice" -> DOJ is not matched, "Bank of Canada" -> BoC is).
const SMALL = new Set(['of', 'and', 'the', 'for', 'on', 'in', '&', 'de', 'du', 'des', 'la', 'le']);
// Three letters at least: two-letter ones ("UN", "TV") spell too many other runs of capitalised words.
const ACRONYM = /^[A-Z]{3,6}$/;
const ACRONYM_MENTION = /^[A-Z]{3,6}(?:['’]s)?$/;

/** The entities with every acronym organisation that the text writes out linked to its long form. */
export function linkAcronyms(entities: Entity[], tokens: readonly Token[], text: string): Entity[] {
  const acronyms = entities.filter(
    (e) => e.type === 'ORG' && ACRONYM.test(e.name) && e.mentions.every((m) => ACRONYM_MENTION.test(m.text)),
  );
  if (acronyms.length === 0) return entities;
  let owner: Map<number, Entity> | undefined;
  const merged = new Set<Entity>();
  for (const acronym of acronyms) {
    const long = longForm(tokens, acronym.name);
    if (!long) continue;
    const [first, last] = long;
    if (!owner) {
      owner = new Map();
      for (const e of entities)
        for (const m of e.mentions) for (let k = m.firstToken; k < m.lastToken; k++) owner.set(k, e);
    }
    const inside = new Set<Entity>();
    for (let k = first; k < last; k++) {
      const e = owner.get(k);
      if (e) inside.add(e);
    }
    // The long form may be an entity of its own, exactly: its mentions join the acronym's. Any other overlap (a
    // name inside it, or running past it) is left alone.
    const [other] = inside;
    if (inside.size > 1 || (other && (other === acronym || !sameSpan(other, first, last)))) continue;
    if (other) {
      // one push per mention, no spread: the input decides how many there are
      for (const m of other.mentions) acronym.mentions.push({ ...m, type: acronym.type });
      merged.add(other);
    } else {
      const m: Mention = {
        type: acronym.type,
        start: tokens[first]!.start,
        end: tokens[last - 1]!.end,
        text: text.slice(tokens[first]!.start, tokens[last - 1]!.end),
        firstToken: first,
        lastToken: last,
      };
      acronym.mentions.push(m);
    }
    acronym.mentions.sort((a, b) => a.start - b.start);
    acronym.name = text.slice(tokens[first]!.start, tokens[last - 1]!.end);
  }
  return merged.size ? entities.filter((e) => !merged.has(e)) : entities;
}

/** Every mention of the entity covers exactly tokens [first, last) or the same words elsewhere. */
function sameSpan(e: Entity, first: number, last: number): boolean {
  return e.mentions.some((m) => m.firstToken === first && m.lastToken === last);
}

/** The first run of capitalised words whose initials spell the acronym (small words skipped), as a token range. */
function longForm(tokens: readonly Token[], acronym: string): [number, number] | null {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.value[0] !== acronym[0] || !/^\p{Lu}\p{Ll}/u.test(tokens[i]!.value)) continue;
    let j = i;
    let n = 0;
    while (j < tokens.length && n < acronym.length && tokens[j]!.sentence === tokens[i]!.sentence) {
      const t = tokens[j]!;
      if (n > 0 && SMALL.has(t.lower)) {
        j++;
        continue;
      }
      if (t.value[0] !== acronym[n] || !/^\p{Lu}\p{Ll}/u.test(t.value)) break;
      n++;
      j++;
    }
    if (n === acronym.length && j - i >= 2) return [i, j];
  }
  return null;
}
