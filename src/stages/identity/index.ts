// Stage 5, identity: after the quotes, every entity gets its key (src/stages/identity/key.ts), every person a gender
// with its evidence (pronouns the article resolves to the person, honorifics, first-name statistics: gender.ts), and
// every speaker the key of the entity that speaks. It runs after the quote stage because a quote's speaker pronoun
// ("…,” she said) is evidence, and it changes no entity, mention or quote: it only adds to them.
import type { IdentifiedArticle, IdentifiedEntity, QuotedArticle } from '../../types.ts';
import { firstNameGender } from '../entities/classify.ts';
import { decideGender } from './gender.ts';
import { honorificVotes } from './honorifics.ts';
import { entityKey, personName } from './key.ts';
import { pronounVotes } from './pronouns.ts';
import { articleView } from './view.ts';
import { genderWords } from './words.ts';

/** Adds keys, genders and speaker keys to an article. */
export function identify(a: QuotedArticle): IdentifiedArticle {
  const words = genderWords();
  const pronouns = pronounVotes(a, articleView(a), words);
  const honorifics = honorificVotes(a, words);
  const entities: IdentifiedEntity[] = a.entities.map((e) => {
    const out: IdentifiedEntity = { ...e, key: entityKey(e.type, e.name) };
    if (e.type === 'PERSON') {
      const p = personName(e.name);
      const first = p && p.words.length >= 2 ? nameGender(p.words[0]!) : undefined;
      out.person = decideGender({
        pronoun: pronouns.get(e.id) ?? { m: 0, f: 0, they: 0 },
        honorific: honorifics.get(e.id) ?? { m: 0, f: 0 },
        ...(first ? { name: first } : {}),
      });
    }
    return out;
  });
  const keys = new Map(entities.map((e) => [e.id, e.key]));
  const quotes = a.quotes.map((q) =>
    q.speaker
      ? { ...q, speaker: { ...q.speaker, key: q.speaker.entityId ? (keys.get(q.speaker.entityId) ?? null) : null } }
      : q,
  );
  return { ...a, entities, quotes };
}

// First names and their gender by the name list, as looked up so far (a few thousand names at most in a corpus;
// emptied past NAME_CACHE so that a process that reads millions of articles keeps it small).
const nameCache = new Map<string, 'm' | 'f' | undefined>();
const NAME_CACHE = 50_000;

/** firstNameGender, remembered. */
function nameGender(first: string): 'm' | 'f' | undefined {
  if (nameCache.has(first)) return nameCache.get(first);
  if (nameCache.size >= NAME_CACHE) nameCache.clear();
  const g = firstNameGender(first);
  nameCache.set(first, g);
  return g;
}
