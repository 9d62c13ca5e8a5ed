// The name of a merged referent: the most frequent full form the articles write it in (for a person: a form with a
// first name and a surname, counting every mention form, so that a span gone wrong in one article, "Deport Nikki
// Haley", does not name Nikki Haley; for anything else: the articles' canonical names, "United States" before
// "U.S."). The corpus key is that name's key when the group has it.
import { entityKey, personName } from '../../stages/identity/key.ts';
import type { EntityType } from '../../types.ts';
import type { KeyStats } from './evidence.ts';

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Names by count, high to low, then longer first, then plain string order. */
export function ranked(m: Map<string, number>): string[] {
  return [...m].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || byString(a[0], b[0])).map(([n]) => n);
}

/** How often the group's names are written: canonical names (per article) and, for people, mention forms too. */
export function writtenCounts(members: readonly KeyStats[], withForms: boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of members) {
    for (const [n, c] of k.names) counts.set(n, (counts.get(n) ?? 0) + c);
    if (withForms) for (const [n, c] of k.forms) counts.set(n, (counts.get(n) ?? 0) + c);
  }
  return counts;
}

/** The group's name. */
export function groupName(members: readonly KeyStats[]): string {
  const type = members[0]!.type;
  const person = type === 'PERSON';
  const names = ranked(writtenCounts(members, person));
  if (person) for (const n of names) if ((personName(n)?.words.length ?? 0) >= 2) return n;
  return names[0] ?? '';
}

/** The member whose key the group's name has, if any. */
export function keyOfName(members: readonly KeyStats[], name: string): KeyStats | undefined {
  const key = entityKey(members[0]!.type as EntityType, name);
  return members.find((k) => k.key === key);
}
