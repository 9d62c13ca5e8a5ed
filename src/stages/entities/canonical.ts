// One entity per referent per article: mentions are grouped and the group gets one canonical name.
//   people: "Antony Blinken", "Secretary Blinken", "Blinken" -> "Antony Blinken" (the longest full name wins; a
//           lone surname or first name joins the most recent person it completes);
//   places and organisations: aliases ("U.S." -> "United States") and acronyms the article defines
//           ("the Assembly of First Nations (AFN)").
import type { Entity, EntityType, Mention, Token } from '../../types.ts';

export interface PendingMention extends Mention {
  canonical?: string;
  gender?: 'm' | 'f';
}

/** Name tokens of a mention: words only, lower-cased, possessive dropped. */
function nameParts(text: string): string[] {
  return text.toLowerCase().replace(/['’]s$/, '').split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
}

const NUMERIC: ReadonlySet<EntityType> = new Set(['DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'CARDINAL', 'ORDINAL']);

/** Initials of a multi-word name ("Assembly of First Nations" -> "AFN"); '' when too short to tell. */
function initials(name: string): string {
  const caps = name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)).map((w) => w[0]);
  return caps.length >= 2 ? caps.join('') : '';
}

interface Group {
  type: EntityType;
  mentions: PendingMention[];
  /** Name parts of the best full name so far. */
  parts: string[];
  name: string;
  title?: string;
  gender?: 'm' | 'f';
  lastSeen: number;
}

/** Groups mentions (in text order) into entities with canonical names and ids e1, e2, … by first mention. */
export function groupMentions(mentions: readonly PendingMention[], tokens: readonly Token[]): Entity[] {
  const groups: Group[] = [];
  const byKey = new Map<string, Group>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);

  const open = (m: PendingMention, key: string, name: string): Group => {
    const g: Group = { type: m.type, mentions: [], parts: nameParts(name), name, lastSeen: -1 };
    groups.push(g);
    byKey.set(key, g);
    return g;
  };

  for (const m of sorted) {
    let g: Group | undefined;
    if (m.type === 'PERSON') g = personGroup(m, groups);
    else if (NUMERIC.has(m.type)) g = byKey.get(`${m.type}|${m.text.toLowerCase()}`);
    else {
      const name = m.canonical ?? m.text;
      g = byKey.get(`${m.type}|${name.toLowerCase()}`) ?? acronymGroup(m, groups, tokens);
    }
    if (!g) {
      const name = m.canonical ?? stripPossessive(m.text);
      g = open(m, `${m.type}|${(m.type === 'PERSON' ? name : m.canonical ?? m.text).toLowerCase()}`, name);
    }
    g.mentions.push(m);
    g.lastSeen = m.start;
    if (m.type === 'PERSON') {
      const parts = nameParts(m.text);
      if (parts.length > g.parts.length) {
        g.parts = parts;
        g.name = stripPossessive(m.text);
      }
    }
    if (m.title && !g.title) g.title = m.title;
    if (m.gender && !g.gender) g.gender = m.gender;
  }

  return groups.map((g, i) => {
    const e: Entity = { id: `e${i + 1}`, type: g.type, name: g.name, mentions: g.mentions.map(stripPending) };
    if (g.title) e.title = g.title;
    if (g.gender) e.gender = g.gender;
    return e;
  });
}

/** "Blinken’s" -> "Blinken"; a bare "'s" stays as it is rather than become an empty name. */
function stripPossessive(text: string): string {
  const bare = text.replace(/['’]s$/, '');
  return bare.trim() ? bare : text;
}

function stripPending(m: PendingMention): Mention {
  const { canonical: _c, gender: _g, ...rest } = m;
  return rest;
}

/** The person group a mention belongs to: same full name, or the most recent person whose name it completes. */
function personGroup(m: PendingMention, groups: readonly Group[]): Group | undefined {
  const parts = nameParts(m.text);
  if (parts.length === 0) return undefined;
  let best: Group | undefined;
  for (const g of groups) {
    if (g.type !== 'PERSON') continue;
    if (sameOrExtends(parts, g.parts) && (!best || g.lastSeen > best.lastSeen)) best = g;
  }
  return best;
}

/** True when one name is the other, or one's words are the other's surname, first name or a tail of it. */
function sameOrExtends(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === long.length) return short.join(' ') === long.join(' ');
  // "Blinken" / "Antony Blinken"; "von der Leyen" / "Ursula von der Leyen"; "Hillary" / "Hillary Clinton".
  const tail = long.slice(long.length - short.length).join(' ');
  if (tail === short.join(' ')) return true;
  return short.length === 1 && long[0] === short[0];
}

/** An acronym joins the organisation it abbreviates, when the article wrote it out ("… Nations (AFN)"). */
function acronymGroup(m: PendingMention, groups: readonly Group[], tokens: readonly Token[]): Group | undefined {
  if (!/^[A-Z]{2,8}$/.test(m.text)) return undefined;
  void tokens;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if ((g.type === 'ORG' || g.type === 'GPE') && initials(g.name) === m.text) return g;
  }
  return undefined;
}
