// The subject a participle clause ("…, saying …") or a sentence ending in a colon speaks for: the first person or
// pronoun of its sentence before the cue, else the first organisation.
import type { Speaker, Token } from '../../types.ts';
import type { QuoteLexicons } from './lexicon.ts';
import type { MentionIndex } from './mention-index.ts';
import { resolvePronoun } from './pronoun-referent.ts';
import { tok } from './tokens.ts';

/** The subject a participle clause inherits: the first person (not a possessive: "Trump’s plan") or pronoun of
 * its sentence before the cue, else the first organisation. */
export function sentenceSubject(
  tokens: readonly Token[],
  first: number,
  cue: number,
  index: MentionIndex,
  lex: QuoteLexicons,
  recent: Speaker[],
): Speaker | null {
  let org: Speaker | null = null;
  for (let k = first; k < cue; k++) {
    const hit = index.byToken.get(k);
    const possessive = /^['’]s$/.test(tokens[k + 1]?.value ?? '');
    if (hit && hit.entity.type === 'PERSON' && !possessive)
      return { name: hit.entity.name, entityId: hit.entity.id, mention: hit.mention };
    if (hit && hit.entity.type === 'ORG' && !possessive)
      org ??= { name: hit.entity.name, entityId: hit.entity.id, mention: hit.mention };
    const p = lex.pronouns.get(tok(tokens, k).lower);
    if (p && tok(tokens, k).pos === 'PRON' && (p.gender || p.number)) {
      const target = resolvePronoun(p, k, index, recent, lex);
      if (target)
        return {
          ...target,
          mention: { start: tok(tokens, k).start, end: tok(tokens, k).end, text: tok(tokens, k).value },
        };
    }
  }
  return org;
}

/** The head of a phrase that names people or an organisation ("officials", "The Sanders campaign", "Democrats"),
 * unlike "The conversation" or "Hours". */
export function namesPeople(head: Token, lex: QuoteLexicons): boolean {
  return head.pos === 'PROPN' || lex.peopleNouns.has(head.lower) || lex.organisationNouns.has(head.lower);
}
