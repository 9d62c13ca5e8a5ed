// The merge rules of the corpus pass (docs/speakers.md), applied once every article is in:
//   1. variants one article wrote for one person ("Hillary Rodham Clinton" and "Hillary Clinton" as mentions of one
//      entity) are one person;
//   2. a first-and-last name joins the one longer name with middle names it shares an article with ("Hillary
//      Clinton" beside "Hillary Rodham Clinton"), when there is exactly one such longer name in the corpus;
//   3. a lone word ("Obama") joins the one person named in full it stood for: exactly one person of that surname or
//      first name across the corpus, counting every article where the word alone stood for someone named in full
//      there (Barack Obama, but also Michelle Obama if any article's "Obama" was hers: then "Obama" stays itself);
//   4. an acronym joins the one name written out that it abbreviated in some article, when there is exactly one.
// Groups are then numbered by their corpus key, so the result does not depend on the order the articles came in.
import type { Gender } from '../../types.ts';
import { isAcronym, isFull, type KeyStats, type MergeEvidence } from './evidence.ts';
import { addCalls, corpusGender, noCalls, type GenderCalls } from './gender.ts';
import { groupName, keyOfName } from './names.ts';

export interface Groups {
  count: number;
  /** Key id -> group index. */
  of: Int32Array;
  /** Per group: its key ids, and its corpus key. */
  members: number[][];
  corpusKey: string[];
}

/** Union-find over key ids. */
class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

// Article gender calls (pronoun or honorific) a lone word needs before its gender sets a candidate aside.
const MIN_GENDER_CALLS = 3;

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Merges the keys by the rules above. */
export function mergeKeys(keys: readonly KeyStats[], ev: MergeEvidence): Groups {
  const id = new Map(keys.map((k) => [k.key, k.id]));
  const uf = new UnionFind(keys.length);
  // Rules are applied in key order, each rule's pairs sorted: the same merges whatever the order of the articles.
  for (const pair of [...ev.variants].sort(byString)) {
    const [a, b] = pair.split('\t');
    const ia = id.get(a!);
    const ib = id.get(b!);
    if (ia !== undefined && ib !== undefined) uf.union(ia, ib);
  }
  for (const [short, longer] of sortedEntries(ev.extensions)) {
    const roots = rootsOf(longer, id, uf);
    const s = id.get(short);
    if (s !== undefined && roots.size === 1) uf.union(s, [...roots][0]!);
  }
  // Lone words join only after the full names are settled, and only a full name's group.
  const gender = groupGender(keys, uf);
  for (const k of [...keys].sort((a, b) => byString(a.key, b.key))) {
    if (k.type !== 'PERSON' || !k.proper || !k.person || k.person.words.length !== 1 || k.person.suffix) continue;
    const target = loneTarget(k, ev, id, uf, gender);
    if (target !== undefined) uf.union(k.id, target);
  }
  for (const [acronym, longer] of sortedEntries(ev.acronyms)) {
    const a = id.get(acronym);
    const roots = rootsOf(longer, id, uf);
    if (a !== undefined && roots.size === 1) uf.union(a, [...roots][0]!);
  }
  return numberGroups(keys, uf);
}

/** The one group a lone word can only mean, or undefined. Its candidates: the people named in full it stood for in
 * some article, by surname ("Obama"), or by first name ("Bernie") when no one else in the corpus has that first name;
 * those whose gender contradicts what the articles say of the lone word ("Mr. Obama", "he") are set aside. */
function loneTarget(
  k: KeyStats,
  ev: MergeEvidence,
  id: Map<string, number>,
  uf: UnionFind,
  gender: (root: number) => Gender,
): number | undefined {
  const w = k.person!.words[0]!;
  const byFirst = ev.loneFirst.get(w);
  if (byFirst && rootsOf(ev.firstNames.get(w) ?? [], id, uf).size !== 1) return undefined;
  const roots = rootsOf([...(ev.loneSurname.get(w) ?? []), ...(byFirst ?? [])], id, uf);
  // What the articles say of the lone word counts when it is said often enough not to be one stray pronoun.
  const textCalls = k.calls.pronoun[0] + k.calls.pronoun[1] + k.calls.honorific[0] + k.calls.honorific[1];
  const own = corpusGender(k.calls);
  const said = textCalls >= MIN_GENDER_CALLS && own.evidence !== 'name' ? own.gender : 'unknown';
  const fitting = [...roots].filter((r) => said === 'unknown' || gender(r) === 'unknown' || gender(r) === said);
  return fitting.length === 1 ? fitting[0] : undefined;
}

/** The corpus gender of each group (by its root) as the unions so far make it. */
function groupGender(keys: readonly KeyStats[], uf: UnionFind): (root: number) => Gender {
  const calls = new Map<number, GenderCalls>();
  for (const k of keys) {
    if (k.type !== 'PERSON') continue;
    const r = uf.find(k.id);
    let c = calls.get(r);
    if (!c) calls.set(r, (c = noCalls()));
    addCalls(c, k.calls);
  }
  return (root) => {
    const c = calls.get(root);
    return c ? corpusGender(c).gender : 'unknown';
  };
}

function sortedEntries(m: Map<string, Set<string>>): [string, Set<string>][] {
  return [...m].sort((a, b) => byString(a[0], b[0]));
}

function rootsOf(keys: Iterable<string>, id: Map<string, number>, uf: UnionFind): Set<number> {
  const roots = new Set<number>();
  for (const k of keys) {
    const i = id.get(k);
    if (i !== undefined) roots.add(uf.find(i));
  }
  return roots;
}

/** The key that names a group: its name's (src/outputs/corpus/names.ts), else a full name (or a written-out name)
 * before a lone word or an acronym, then the one in most articles, then the first in plain string order. */
function representative(members: readonly KeyStats[]): KeyStats {
  if (members.length === 1) return members[0]!;
  const named = keyOfName(members, groupName(members));
  if (named) return named;
  const full = (k: KeyStats) => (k.type === 'PERSON' ? isFull(k.person) : [...k.names.keys()].some((n) => !isAcronym(n)));
  return [...members].sort(
    (a, b) => Number(full(b)) - Number(full(a)) || b.articles - a.articles || byString(a.key, b.key),
  )[0]!;
}

/** Groups numbered in order of their corpus keys. */
function numberGroups(keys: readonly KeyStats[], uf: UnionFind): Groups {
  const byRoot = new Map<number, KeyStats[]>();
  for (const k of keys) {
    const r = uf.find(k.id);
    let g = byRoot.get(r);
    if (!g) byRoot.set(r, (g = []));
    g.push(k);
  }
  const groups = [...byRoot.values()].map((members) => ({ members, key: representative(members).key }));
  groups.sort((a, b) => byString(a.key, b.key));
  const of = new Int32Array(keys.length);
  groups.forEach((g, i) => {
    for (const k of g.members) of[k.id] = i;
  });
  return {
    count: groups.length,
    of,
    members: groups.map((g) => g.members.map((k) => k.id).sort((a, b) => byString(keys[a]!.key, keys[b]!.key))),
    corpusKey: groups.map((g) => g.key),
  };
}
