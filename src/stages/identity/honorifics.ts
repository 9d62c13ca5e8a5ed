// Honorific evidence of a person's gender: what the article calls the person, other than a pronoun.
//   - a gendered title before the name ("Mrs. Clinton", "Congresswoman Maxine Waters"), the entities stage's split;
//   - a role or kin noun right before the name ("his wife Jane Smith", "businesswoman Jane Smith");
//   - a role or kin noun in apposition ("Jane Smith, a spokeswoman for the ministry,"; not "Jane Smith, whose
//     husband …");
//   - the phrase the quote stage resolved to the person as a speaker ("the congresswoman said").
import type { Entity, QuotedArticle, Token } from '../../types.ts';
import type { GenderWords, Sex } from './words.ts';

export interface HonorificVotes {
  m: number;
  f: number;
}

// Words that may stand in an appositive between the comma and its head noun ("a former", "the 42-year-old").
const APPOSITIVE_POS = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM', 'PUNCT', 'ADV']);
const MAX_APPOSITIVE = 6;

/** Honorific votes per PERSON entity id. */
export function honorificVotes(a: QuotedArticle, words: GenderWords): Map<string, HonorificVotes> {
  const { tokens } = a;
  const votes = new Map<string, HonorificVotes>();
  const vote = (e: Entity, sex: Sex | undefined): void => {
    if (!sex) return;
    let v = votes.get(e.id);
    if (!v) votes.set(e.id, (v = { m: 0, f: 0 }));
    v[sex]++;
  };
  for (const e of a.entities) {
    if (e.type !== 'PERSON') continue;
    for (const m of e.mentions) {
      if (m.title) vote(e, titleSex(m.title, words));
      vote(e, before(tokens, m.firstToken, words));
      vote(e, appositive(tokens, m.lastToken, words));
    }
  }
  // "the congresswoman said": a speaker phrase the quote stage linked to a person.
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  for (const q of a.quotes) {
    const e = q.speaker?.entityId ? byId.get(q.speaker.entityId) : undefined;
    const text = q.speaker?.mention?.text;
    if (!e || e.type !== 'PERSON' || !text || !/^(?:the|this|that)\s/i.test(text)) continue;
    const head = text.toLowerCase().split(/\s+/).at(-1)!;
    vote(e, words.nouns.get(head) ?? words.titles.get(head));
  }
  return votes;
}

/** The gender a title tells ("Mrs.", "former Congresswoman"): that of its one gendered word. */
function titleSex(title: string, words: GenderWords): Sex | undefined {
  let sex: Sex | undefined;
  for (const w of title.toLowerCase().split(/\s+/)) {
    const s = words.titles.get(w) ?? words.nouns.get(w);
    if (s && sex && s !== sex) return undefined;
    sex ??= s;
  }
  return sex;
}

/** "his wife Jane Smith", "wife, Jane Smith", "businesswoman Jane Smith": a lower-case gendered noun just before. */
function before(tokens: readonly Token[], first: number, words: GenderWords): Sex | undefined {
  let k = first - 1;
  if (tokens[k]?.value === ',') k--;
  const t = tokens[k];
  if (!t || t.value !== t.lower) return undefined;
  return words.nouns.get(t.lower) ?? words.titles.get(t.lower);
}

/** "Jane Smith, a spokeswoman for …": the head of an appositive right after the name, in the same sentence. */
function appositive(tokens: readonly Token[], last: number, words: GenderWords): Sex | undefined {
  if (tokens[last]?.value !== ',') return undefined;
  const sentence = tokens[last].sentence;
  for (let k = last + 1; k < tokens.length && k <= last + MAX_APPOSITIVE; k++) {
    const t = tokens[k]!;
    if (t.sentence !== sentence || t.value === ',' || !APPOSITIVE_POS.has(t.pos)) return undefined;
    const sex = words.nouns.get(t.lower);
    if (sex) return t.value === t.lower ? sex : undefined;
  }
  return undefined;
}
