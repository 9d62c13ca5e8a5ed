// One entity per referent per article: mentions are grouped and the group gets one canonical name.
//   people: "Antony Blinken", "Secretary Blinken", "Blinken" -> "Antony Blinken" (the longest full name wins; a
//           lone surname or first name joins the most recent person it completes);
//   places and organisations: aliases ("U.S." -> "United States") and acronyms the article defines
//           ("the Assembly of First Nations (AFN)").
import type { Entity, EntityType, Mention, Token } from '../../types.ts';
import { itemAt } from './tokens.ts';

export interface PendingMention extends Mention {
  canonical?: string;
  gender?: 'm' | 'f';
  /** The gender is a title's ("Mrs."), not a first name's guess. */
  genderByTitle?: boolean;
}

/** Name tokens of a mention: words only, lower-cased, possessive dropped. */
function nameParts(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s$/, '')
    .split(/[\s-]+/)
    .filter((w) => /\p{L}/u.test(w));
}

const NUMERIC: ReadonlySet<EntityType> = new Set([
  'DATE',
  'TIME',
  'MONEY',
  'PERCENT',
  'QUANTITY',
  'CARDINAL',
  'ORDINAL',
]);

/** Initials of a multi-word name ("Assembly of First Nations" -> "AFN"); '' when too short to tell. */
function initials(name: string): string {
  const caps = name
    .split(/\s+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0]);
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
  // The person groups, in the same order (personGroup looks only at them).
  const people: Group[] = [];
  const byKey = new Map<string, Group>();
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  // nameParts of each distinct text (a name recurs; the arrays are never changed, only shared).
  const partsOf = new Map<string, string[]>();
  const partsFor = (text: string): string[] => {
    let p = partsOf.get(text);
    if (!p) partsOf.set(text, (p = nameParts(text)));
    return p;
  };

  const open = (m: PendingMention, key: string, name: string): Group => {
    const g: Group = { type: m.type, mentions: [], parts: partsFor(name), name, lastSeen: -1 };
    groups.push(g);
    if (g.type === 'PERSON') people.push(g);
    byKey.set(key, g);
    return g;
  };

  for (const m of sorted) {
    let g: Group | undefined;
    const parts = m.type === 'PERSON' ? partsFor(m.text) : undefined;
    if (parts) g = personGroup(parts, people, m.gender, m.genderByTitle === true);
    else if (NUMERIC.has(m.type)) g = byKey.get(`${m.type}|${m.text.toLowerCase()}`);
    else {
      const name = m.canonical ?? m.text;
      g = byKey.get(`${m.type}|${name.toLowerCase()}`) ?? acronymGroup(m, groups, tokens);
    }
    if (!g) {
      const name = m.canonical ?? stripPossessive(m.text);
      g = open(m, `${m.type}|${(m.type === 'PERSON' ? name : (m.canonical ?? m.text)).toLowerCase()}`, name);
    }
    g.mentions.push(m);
    g.lastSeen = m.start;
    if (parts) {
      if (parts.length > g.parts.length) {
        g.parts = parts;
        g.name = stripPossessive(m.text);
      }
    }
    if (m.title && !g.title) g.title = m.title;
    if (m.gender && !g.gender) g.gender = m.gender;
  }

  return groups.map((g, i) => {
    const name = g.type === 'PERSON' || NUMERIC.has(g.type) ? g.name : writtenName(g);
    const e: Entity = { id: `e${i + 1}`, type: g.type, name, mentions: g.mentions.map(stripPending) };
    if (g.title) e.title = g.title;
    if (g.gender) e.gender = g.gender;
    return e;
  });
}

/** A place's or organisation's name as this article writes it: the gazetteer's canonical name when one of the
 * mentions is that name ("U.S." and "United States" -> "United States"), else the fullest form written ("AP"
 * stays "AP" in an article that never writes "Associated Press"; "Republic of Korea" stays itself). The gazetteer
 * still links the forms into one entity; it only never puts words in the article's mouth. */
function writtenName(g: Group): string {
  const canonical = g.name.toLowerCase();
  let best = '';
  for (const m of g.mentions) {
    const form = stripPossessive(m.text);
    if (form.toLowerCase() === canonical) return g.name;
    if (form.length > best.length) best = form;
  }
  return best || g.name;
}

/** "Blinken’s" -> "Blinken"; a bare "'s" stays as it is rather than become an empty name. */
function stripPossessive(text: string): string {
  const bare = text.replace(/['’]s$/, '');
  return bare.trim() ? bare : text;
}

function stripPending(m: PendingMention): Mention {
  const rest: Mention & { canonical?: string; gender?: 'm' | 'f'; genderByTitle?: boolean } = { ...m };
  delete rest.canonical;
  delete rest.gender;
  delete rest.genderByTitle;
  return rest;
}

/** The person group a mention (its name parts) belongs to: same full name, or the person whose name it completes.
 * When a lone surname completes several ("Cruz": Ted Cruz, Heidi Cruz), the one named more often so far wins (news
 * calls the secondary one by the first name), then the most recent; a title's gender ("Mrs. Cruz") must fit, and so
 * must a first name's, but for a surname of two words. */
function personGroup(
  parts: readonly string[],
  groups: readonly Group[],
  gender: 'm' | 'f' | undefined,
  byTitle: boolean,
): Group | undefined {
  if (parts.length === 0) return undefined;
  // A lone word is a surname far more often than a first name: surname matches are tried first.
  let best: Group | undefined;
  let bestRank = 0;
  for (const g of groups) {
    if (g.type !== 'PERSON') continue;
    let rank = matchRank(parts, g.parts);
    // A first name's gender says nothing of a surname of two words that ends the name ("Al Hashish" of "Fouzia Al
    // Hashish": "Al" is no first name there).
    const guessOnTail = rank === 2 && !byTitle && parts.length < g.parts.length;
    if (rank > 0 && rank < 3 && gender && g.gender && gender !== g.gender && !guessOnTail) rank = 0;
    if (
      rank > bestRank ||
      (rank === bestRank &&
        rank > 0 &&
        (g.mentions.length > best!.mentions.length ||
          (g.mentions.length === best!.mentions.length && g.lastSeen > best!.lastSeen)))
    ) {
      best = g;
      bestRank = rank;
    }
  }
  return best;
}

/** 3: same name; 2: one is the other's tail (surname); 1: a lone word is the other's first name; 0: no match.
 * Parts hold no spaces, so comparing them one by one is comparing the names (run for every person mention
 * against every person group: no strings are built). */
function matchRank(a: readonly string[], b: readonly string[]): number {
  const short = a.length <= b.length ? a : b;
  const long = short === a ? b : a;
  const offset = long.length - short.length;
  let tail = true;
  for (let i = 0; i < short.length; i++) {
    if (short[i] !== long[offset + i]) {
      tail = false;
      break;
    }
  }
  if (offset === 0) return tail ? 3 : 0;
  if (tail) return 2;
  return short.length === 1 && long[0] === short[0] ? 1 : 0;
}

/** An acronym joins the organisation it abbreviates, when the article wrote it out ("… Nations (AFN)"). */
function acronymGroup(m: PendingMention, groups: readonly Group[], tokens: readonly Token[]): Group | undefined {
  if (!/^[A-Z]{2,8}$/.test(m.text)) return undefined;
  void tokens;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = itemAt(groups, i);
    if ((g.type === 'ORG' || g.type === 'GPE') && initials(g.name) === m.text) return g;
  }
  return undefined;
}
