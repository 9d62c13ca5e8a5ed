// What the pronoun rules read of an article, made once per article: per token, whether it lies inside quotation
// marks and which entity's mention it belongs to; per sentence, its people mentioned outside quotation marks and its
// first verb outside them; and who is a sentence's subject.
import type { Entity, Mention, QuotedArticle, Token } from '../../types.ts';
import { findQuotedSpans } from '../quotes/marks.ts';

export interface PersonMention {
  e: Entity;
  m: Mention;
}

export interface ArticleView {
  tokens: readonly Token[];
  /** Per token: 1 inside quotation marks. */
  quoted: Uint8Array;
  /** Per token: the entity whose mention covers it. */
  owner: (Entity | undefined)[];
  /** Per sentence: its person mentions outside quotation marks, in text order. */
  people: PersonMention[][];
  /** Per sentence: its first verb outside quotation marks (the sentence's end when none). */
  firstVerb: Int32Array;
}

const VERBISH = new Set(['VERB', 'AUX']);

/** The view of an article. */
export function articleView(a: QuotedArticle): ArticleView {
  const { tokens, sentences } = a;
  const quoted = new Uint8Array(tokens.length);
  // tokens and quoted spans are both in text order: one sweep
  let k = 0;
  for (const s of findQuotedSpans(a.text, a.paragraphs)) {
    while (k < tokens.length && tokens[k]!.start < s.start) k++;
    for (; k < tokens.length && tokens[k]!.start < s.end; k++) quoted[k] = 1;
  }
  const owner = new Array<Entity | undefined>(tokens.length);
  const people: PersonMention[][] = sentences.map(() => []);
  for (const e of a.entities) {
    for (const m of e.mentions) {
      for (let t = m.firstToken; t < m.lastToken; t++) owner[t] = e;
      if (e.type === 'PERSON' && !quoted[m.firstToken]) people[tokens[m.firstToken]!.sentence]?.push({ e, m });
    }
  }
  for (const list of people) list.sort((x, y) => x.m.firstToken - y.m.firstToken);
  const firstVerb = new Int32Array(sentences.length);
  sentences.forEach((s, i) => {
    let t = s.firstToken;
    while (t < s.lastToken && !(VERBISH.has(tokens[t]!.pos) && !quoted[t])) t++;
    firstVerb[i] = t;
  });
  return { tokens, quoted, owner, people, firstVerb };
}

/** The index of the word before a mention and its title ("a former aide to Sen. Ted Cruz": "to"; "declared
 * Secretary of State Antony Blinken": "declared"). The entities stage split the title off right before the name. */
function wordBefore(tokens: readonly Token[], m: Mention): number {
  const k = m.firstToken - 1;
  if (!m.title) return k;
  const words = m.title.split(/\s+/);
  const t = tokens[k - words.length + 1];
  return t && t.lower === words[0]!.toLowerCase() ? k - words.length : k;
}

/** "with Smith", "Smith's", "the Clinton campaign", "a Hillary mask": a prepositional object, a possessor or a
 * modifier is no subject. */
export function oblique(tokens: readonly Token[], m: Mention): boolean {
  const before = tokens[wordBefore(tokens, m)];
  const after = tokens[m.lastToken];
  return (
    before?.pos === 'ADP' ||
    /['’]s?$/.test(m.text) ||
    /^['’]s?$/.test(after?.value ?? '') ||
    (after?.pos === 'NOUN' && after.value === after.lower)
  );
}

/** The mention is its sentence's subject: no object or modifier, and before the sentence's first verb, right before
 * a verb of its own ("…, but Mahathir had said"), or right after a reporting verb ("…, says Pulga Muchochoma"); not
 * "similar to those of O'Malley and Clinton". */
export function isSubject(v: ArticleView, m: Mention, sentence: number, reporting: ReadonlySet<string>): boolean {
  const { tokens } = v;
  if (oblique(tokens, m)) return false;
  if (VERBISH.has(tokens[m.lastToken]?.pos ?? '')) return true;
  if (reporting.has(tokens[wordBefore(tokens, m)]?.lower ?? '')) return true;
  return v.firstVerb[sentence]! >= m.firstToken;
}

/** Tokens of the appositives after the mentions ("Jane Smith, a lawyer for the family, said"): a noun there is the
 * person named, no other referent. */
export function appositives(tokens: readonly Token[], list: readonly PersonMention[], end: number): Set<number> {
  const out = new Set<number>();
  for (const { m } of list) {
    if (tokens[m.lastToken]?.value !== ',') continue;
    for (let k = m.lastToken + 1; k < end && k <= m.lastToken + 8 && tokens[k]!.value !== ','; k++) out.add(k);
  }
  return out;
}

/** The index of the token that starts at `offset`, or -1 (binary search; tokens in text order). */
export function tokenStartingAt(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s < offset) lo = mid + 1;
    else if (s > offset) hi = mid - 1;
    else return mid;
  }
  return -1;
}
