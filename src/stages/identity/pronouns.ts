// Pronoun evidence of a person's gender: the third-person pronouns the article itself uses of that person, outside
// quotation marks, found where the referent is plain:
//   - in the sentence whose subject the person is, after the name and before any other person or kin noun
//     ("Jane Smith said she would run": she -> Jane Smith; not "Smith said his wife …"; "her" and "him" only as a
//     possessive, since an object is as often someone else: "Sanders beat her");
//   - opening the sentence right after one whose subject the person is and that names no one else, nor a person
//     noun ("…, a 39-year-old woman, Lohmar said. She was taken …" is no evidence about Lohmar);
//   - the pronoun the quote stage resolved as a quote's speaker ("…,” she said).
// Each pronoun counts once. "They" counts only where nothing plural (a plural noun, an organisation, a group) stands
// between it and the sentence before: news uses it mostly of groups, and a singular "they" is no guess to make.
import type { Entity, QuotedArticle, Token } from '../../types.ts';
import { appositives, isSubject, tokenStartingAt, type ArticleView } from './view.ts';
import type { GenderWords } from './words.ts';

export interface PronounVotes {
  m: number;
  f: number;
  they: number;
}

type Kind = 'm' | 'f' | 'they';

const OPENERS = new Set(['but', 'and', 'yet', 'still', 'so', 'then', 'now', 'later', 'instead']);
const GROUP_TYPES = new Set(['ORG', 'NORP', 'GPE']);
const POSSESSED = new Set(['NOUN', 'ADJ', 'PROPN']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'they']);

/** Pronoun votes per PERSON entity id. */
export function pronounVotes(a: QuotedArticle, v: ArticleView, words: GenderWords): Map<string, PronounVotes> {
  const votes = new Map<string, PronounVotes>();
  const counted = new Set<number>();
  const vote = (e: Entity, k: number, kind: Kind): void => {
    if (counted.has(k)) return;
    counted.add(k);
    let x = votes.get(e.id);
    if (!x) votes.set(e.id, (x = { m: 0, f: 0, they: 0 }));
    x[kind]++;
  };
  const kindOf = (t: Token): Kind | undefined =>
    words.pronouns.get(t.lower) ?? (words.they.has(t.lower) ? 'they' : undefined);
  subjectSentences(a, v, words, kindOf, vote);
  nextSentences(a, v, words, kindOf, vote);
  // The quote stage's own resolution of a pronoun speaker.
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  for (const q of a.quotes) {
    const e = q.speaker?.entityId ? byId.get(q.speaker.entityId) : undefined;
    const mention = q.speaker?.mention;
    if (!e || e.type !== 'PERSON' || !mention) continue;
    const kind = words.pronouns.get(mention.text.toLowerCase());
    const k = kind ? tokenStartingAt(a.tokens, mention.start) : -1;
    if (kind && k >= 0) vote(e, k, kind);
  }
  return votes;
}

/** Whether token k is plural: a plural noun, a group, an organisation. */
function isPlural(v: ArticleView, k: number): boolean {
  const t = v.tokens[k]!;
  const o = v.owner[k];
  if (o && GROUP_TYPES.has(o.type)) return true;
  return (t.pos === 'NOUN' || t.pos === 'PROPN') && !o && /[^s']s$/.test(t.lower);
}

const pluralCounts = new WeakMap<ArticleView, Int32Array>();

/** Something plural in tokens [from, to). From counts made once per article (plural tokens before each token):
 * reading the tokens again for every "they" made a sentence of many of them quadratic. */
function pluralIn(v: ArticleView, from: number, to: number): boolean {
  let before = pluralCounts.get(v);
  if (!before) {
    before = new Int32Array(v.tokens.length + 1);
    for (let k = 0; k < v.tokens.length; k++) before[k + 1] = before[k]! + (isPlural(v, k) ? 1 : 0);
    pluralCounts.set(v, before);
  }
  const lo = Math.max(0, Math.min(from, v.tokens.length));
  const hi = Math.max(lo, Math.min(to, v.tokens.length));
  return before[hi]! - before[lo]! > 0;
}

/** A subject's own sentence: the pronouns after the subject, up to the next person or person noun or quoted words
 * ("Clinton cracked, ‘…’ – he has often …": past the quote the sentence may have moved on). */
function subjectSentences(
  a: QuotedArticle,
  v: ArticleView,
  words: GenderWords,
  kindOf: (t: Token) => Kind | undefined,
  vote: (e: Entity, k: number, kind: Kind) => void,
): void {
  const { tokens } = v;
  a.sentences.forEach((s, si) => {
    // Where each person's last walk in this sentence started and stopped: a walk from a later mention of the same
    // person that starts inside it would stop at the same token and find the same pronouns, already counted.
    // Skipping it keeps a sentence of many mentions linear (20,000 names in one sentence took 52 s).
    const walked = new Map<Entity, [number, number]>();
    for (const subject of v.people[si]!) {
      const from = subject.m.lastToken;
      const w = walked.get(subject.e);
      if (w && from >= w[0] && from < w[1]) continue;
      if (!isSubject(v, subject.m, si, words.reporting)) continue;
      let k = from;
      for (; k < s.lastToken; k++) {
        const t = tokens[k]!;
        const o = v.owner[k];
        if (v.quoted[k] || (o && o.type === 'PERSON' && o !== subject.e) || words.nouns.has(t.lower)) break;
        const object = t.lower === 'him' || (t.lower === 'her' && !POSSESSED.has(tokens[k + 1]?.pos ?? ''));
        const kind = object ? undefined : kindOf(t);
        if (!kind) continue;
        if (kind === 'they' && pluralIn(v, a.sentences[Math.max(0, si - 1)]!.firstToken, k)) break;
        vote(subject.e, k, kind);
      }
      walked.set(subject.e, [from, k]);
    }
  });
}

/** The sentence after one whose subject is the one person it names, opening with a pronoun (quoted words and
 * punctuation before it aside: "“…,” she said"). */
function nextSentences(
  a: QuotedArticle,
  v: ArticleView,
  words: GenderWords,
  kindOf: (t: Token) => Kind | undefined,
  vote: (e: Entity, k: number, kind: Kind) => void,
): void {
  const { tokens } = v;
  for (let s = 1; s < a.sentences.length; s++) {
    const prev = a.sentences[s - 1]!;
    const cur = a.sentences[s]!;
    const before = v.people[s - 1]!;
    if (before.length === 0 || before.some((p) => p.e !== before[0]!.e) || cur.paragraph - prev.paragraph > 1) continue;
    if (!before.some((p) => isSubject(v, p.m, s - 1, words.reporting))) continue;
    // no other referent in that sentence: a person noun outside an appositive of the name, or a pronoun before it
    const apposed = appositives(tokens, before, prev.lastToken);
    let other = false;
    for (let k = prev.firstToken; k < prev.lastToken && !other; k++) {
      if (v.owner[k] || v.quoted[k] || apposed.has(k)) continue;
      const w = tokens[k]!.lower;
      other = words.personNouns.has(w) || (k < before[0]!.m.firstToken && words.pronouns.has(w));
    }
    if (other) continue;
    let k = cur.firstToken;
    while (k < cur.lastToken && (v.quoted[k] || tokens[k]!.pos === 'PUNCT')) k++;
    if (OPENERS.has(tokens[k]?.lower ?? '')) k++;
    const t = tokens[k];
    if (!t || k >= cur.lastToken || v.quoted[k] || !SUBJECT_PRONOUNS.has(t.lower)) continue;
    const kind = kindOf(t)!;
    if (kind === 'they' && pluralIn(v, prev.firstToken, k)) continue;
    vote(before[0]!.e, k, kind);
  }
}
