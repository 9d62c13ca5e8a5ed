// The gender an article gives a person by the pronouns it uses for them ("Darian Lonechild … has proven herself";
// "Lonechild said she …"). A first name's usual gender is a guess; the article's own pronouns are evidence, and
// where they clearly disagree with the guess they win.
import type { Entity, Span, Token } from '../../types.ts';

const GENDERED: Record<string, 'm' | 'f'> = {
  he: 'm',
  his: 'm',
  him: 'm',
  himself: 'm',
  she: 'f',
  her: 'f',
  hers: 'f',
  herself: 'f',
};
// How far after a mention its own clause's pronoun is looked for.
const WINDOW = 20;
// Votes the article must give, and the share of them, before they override a first name's gender.
const MIN_VOTES = 2;
const MIN_SHARE = 0.75;

/** A person mention, as the speaker index lists them. */
export interface PersonMention {
  entity: Entity;
  mention: Span;
  firstToken: number;
}

/**
 * Per person entity, the gender the article's pronouns give it: the first gendered pronoun after each of its
 * mentions as a subject, in the same sentence, outside quotation marks, with no other proper noun in between
 * ("Lonechild said she …", "Smith, who founded his company …"; not "Warren told Stumpf, after he admitted …", nor
 * "Warren's grilling he …"). Only entities whose votes are clear enough are listed.
 */
export function pronounGenders(
  mentions: readonly PersonMention[],
  tokens: readonly Token[],
  quoted: (offset: number) => boolean,
): Map<string, 'm' | 'f'> {
  const votes = new Map<string, { m: number; f: number }>();
  const people = mentions.filter((m) => m.entity.type === 'PERSON');
  for (let i = 0; i < people.length; i++) {
    const p = people[i]!;
    if (quoted(p.mention.start)) continue;
    const start = tokens[p.firstToken];
    if (!start) continue;
    let k = p.firstToken + 1;
    while (k < tokens.length && tokens[k]!.start < p.mention.end) k++;
    // A possessor or a prepositional object is seldom what the next pronoun means.
    const before = tokens[p.firstToken - 1];
    if (/^['’]s?$/.test(tokens[k]?.value ?? '') || before?.pos === 'ADP') continue;
    const stop = Math.min(tokens.length, k + WINDOW);
    for (; k < stop; k++) {
      const t = tokens[k]!;
      if (t.sentence !== start.sentence || t.pos === 'PROPN') break;
      const g = GENDERED[t.lower];
      if (!g || quoted(t.start)) continue;
      const v = votes.get(p.entity.id) ?? { m: 0, f: 0 };
      v[g]++;
      votes.set(p.entity.id, v);
      break;
    }
  }
  const out = new Map<string, 'm' | 'f'>();
  for (const [id, v] of votes) {
    const total = v.m + v.f;
    const top: 'm' | 'f' = v.m >= v.f ? 'm' : 'f';
    if (v[top] >= MIN_VOTES && v[top] / total >= MIN_SHARE) out.set(id, top);
  }
  return out;
}
