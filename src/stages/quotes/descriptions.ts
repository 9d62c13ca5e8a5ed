// A speaker described rather than named, resolved to the person or organisation it refers to, as a reader does:
//   1. a name in apposition right after the phrase ("says Campbell's partner, Jason Louth.");
//   2. a document speaks for its owner ("The RCMP statement", "numbers from Statistics Canada", "the union's
//      release", "the study" after "a study … by Civic Action");
//   3. role words the article gave someone ("the mayor" after "McCallum's last term as Surrey mayor", "the judge"
//      for "Justice Sean Dunphy", "the parole board" for the Parole Board of Canada, "the group" after "Rally
//      Canada, the group that …");
//   4. a definite description of the right kind ("the agency" an organisation, "the 32-year-old labourer" a
//      person) with no role to go by: the topic of the nearest sentence that names one.
// A description that fits nobody stays the phrase as written (the caller's business).
import type { Entity, Speaker, Token } from '../../types.ts';
import { inCompound } from './compounds.ts';
import { descriptionWords, singular } from './description-words.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { buildRoles, ownerOf, type RoleIndex } from './roles.ts';
import type { MentionIndex, Referent } from './mention-index.ts';

const DEFINITE = new Set(['the', 'this', 'that']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
const PREPOSITIONS = new Set(['of', 'for', 'to', 'at', 'with', 'from', 'by', 'in', 'on']);
// Sentences a person description looks back for its topic.
const LOOK_BACK = 8;
// Sentences an organisation or place description looks back, and within which an indefinite phrase's referent is
// named.
const NEAR = 3;

const roleCache = new WeakMap<MentionIndex, RoleIndex>();

function rolesOf(index: MentionIndex, entities: readonly Entity[], lex: QuoteLexicons): RoleIndex {
  let r = roleCache.get(index);
  if (!r) {
    const entityAt = (k: number) => index.byToken.get(k)?.entity;
    roleCache.set(index, (r = buildRoles(entities, index.tokens, index.quoted, lex, entityAt)));
  }
  return r;
}

/** The entity a describing speaker phrase, tokens [first, last), refers to, or null. `recent`: the speakers so far. */
export function resolveDescription(
  np: [number, number],
  index: MentionIndex,
  entities: readonly Entity[],
  lex: QuoteLexicons,
  recent: readonly Speaker[] = [],
): Entity | null {
  const { tokens } = index;
  const [first, last] = np;
  if (last <= first) return null;
  // "Another 19 percent", "73 percent": a share of people, not someone ("the 32-year-old" is an age).
  for (let k = first; k < last; k++) if (tokens[k]!.pos === 'NUM' && tokens[k + 1]?.value !== '-') return null;
  const apposed = appositionAfter(tokens, last, index);
  if (apposed) return apposed;
  const tail = personAtTail(tokens, first, last, index, entities);
  if (tail) return tail;
  const words = descriptionWords();
  const named = new Set<Entity>();
  let possessive = false;
  for (let k = first; k < last; k++) {
    const hit = index.byToken.get(k);
    if (hit) named.add(hit.entity);
    if (/^['’]s?$/.test(tokens[k]!.value)) possessive = true;
  }
  const head = headWord(tokens, first, last);
  if (head < 0 || tokens[first]!.pos === 'NUM') return null;
  const headToken = tokens[head]!;
  const headLower = headToken.lower;
  const role = words.role(lex.titleWords.get(headLower) ?? headLower);
  const personNoun =
    lex.peopleNouns.has(headLower) ||
    words.people.has(headLower) ||
    words.titles.has(role) ||
    aged(tokens, first, head);
  // A capitalised head is a name the entity stage missed ("Yahoo News"), unless it is a person noun written as a
  // title ("Former White House Doctor").
  if (/^\p{Lu}/u.test(headToken.value) && !personNoun) return null;
  const roles = () => rolesOf(index, entities, lex);
  const at = tokens[first]!.start;
  const det = tokens[first]!.lower;
  const sentence = headToken.sentence;
  // A phrase that introduces someone ("a hockey coach says") is someone already named only when the name is near.
  const near = DEFINITE.has(det) || POSSESSIVE_DETERMINERS.has(det) ? () => true : nearSentence(tokens, sentence);

  if (words.documents.has(headLower)) {
    const owner = documentOwner(tokens, first, head, last, index, entities, lex);
    if (owner) return owner;
    // What a document is, the article says once ("a study … by Civic Action"): near or far, it is that one.
    // Else a document no one is said to own is the last speaker's, named in the sentence before ("The British aid
    // group Gatsby said …. A statement said …").
    return (
      byRole(roles, entities, headLower, named, at, 'any', () => true) ??
      lastSpeaking(recent, entities, index, first, 'any', 1)
    );
  }
  if (singular(headLower) !== headLower && headToken.pos === 'NOUN') return null;
  const kind: Kind = words.places.has(headLower)
    ? 'place'
    : words.topicOrganisations.has(role) || lex.organisationNouns.has(headLower)
      ? 'org'
      : personNoun
        ? 'person'
        : 'any';
  // "North Korea's state-run KCNA news agency": an organisation named right before its own kind of noun.
  if (kind === 'org') {
    let k = head - 1;
    while (k > first && tokens[k]!.pos === 'NOUN' && !index.byToken.has(k)) k--;
    const own = index.byToken.get(k);
    if (own?.entity.type === 'ORG') return own.entity;
  }
  if (kind === 'any' && !DEFINITE.has(det)) return null;
  const content: string[] = [];
  for (let k = first; k < last; k++) if (k !== head && tokens[k]!.pos !== 'DET') content.push(tokens[k]!.lower);
  const byRoleHit = byRole(roles, entities, headLower, named, at, kind, near, content);
  if (byRoleHit) return byRoleHit;
  // With no role to go by, only a definite description of the story's people refers back ("the affable
  // proprietor", "the agency"); a title ("the Indiana governor") was given with the name, a phrase with a name or
  // possessor in it ("The Trump campaign", "the ad's narrator") is about someone else, and "the person" is nobody
  // named.
  if (!DEFINITE.has(det) || headToken.pos !== 'NOUN' || named.size > 0 || possessive) return null;
  if (words.anonymous.has(headLower) || words.titles.has(role)) return null;
  if (kind === 'person') return topicBefore(index, first, 'person', LOOK_BACK);
  if (kind === 'org' && words.topicOrganisations.has(role))
    return lastSpeaking(recent, entities, index, first, 'org') ?? topicBefore(index, first, 'org', NEAR);
  if (kind === 'place') return topicBefore(index, first, 'place', NEAR);
  return null;
}

/**
 * A person the phrase names at its end, or right after an honorific the frame cut the name from: "Niagara County
 * District Attorney Caroline Wojtaszek" (no entity holds the phrase, one person is called Wojtaszek), "Ms." before
 * "May". The word must be the surname of exactly one person of the article.
 */
export function personAtTail(
  tokens: readonly Token[],
  first: number,
  last: number,
  index: MentionIndex,
  entities: readonly Entity[],
): Entity | null {
  const words = descriptionWords();
  let k = last - 1;
  let honorifics = true;
  for (let j = first; j < last; j++)
    if (!words.honorifics.has(tokens[j]!.lower) && tokens[j]!.value !== '.') honorifics = false;
  if (honorifics) k = last;
  const t = tokens[k];
  if (!t || !/^\p{Lu}\p{Ll}/u.test(t.value) || (k !== last && last - first < 2)) return null;
  const person = index.byToken.get(k)?.entity;
  if (person?.type === 'PERSON') return k === last ? person : null;
  let found: Entity | null = null;
  for (const e of entities) {
    if (e.type !== 'PERSON' || e.name.split(/\s+/).at(-1)!.toLowerCase() !== t.lower) continue;
    if (found) return null;
    found = e;
  }
  return found;
}

/** "The 32-year-old labourer": an age in the phrase says person. */
function aged(tokens: readonly Token[], first: number, head: number): boolean {
  for (let k = first; k < head; k++) if (tokens[k]!.lower === 'old' && tokens[k - 1]?.value === '-') return true;
  return false;
}

/** A test that an entity is named within NEAR sentences of `sentence`. */
function nearSentence(tokens: readonly Token[], sentence: number): (e: Entity) => boolean {
  return (e) =>
    e.mentions.some((m) => {
      const s = tokens[m.firstToken]?.sentence ?? -1e9;
      return Math.abs(s - sentence) <= NEAR;
    });
}

/** The last speaker when it is an entity of the kind named in the `window` sentences before token `at`. */
function lastSpeaking(
  recent: readonly Speaker[],
  entities: readonly Entity[],
  index: MentionIndex,
  at: number,
  kind: Kind,
  window = LOOK_BACK,
): Entity | null {
  const id = recent[recent.length - 1]?.entityId;
  if (!id) return null;
  const e = entities.find((x) => x.id === id);
  if (!e || !fitsKind(e, kind)) return null;
  const here = index.tokens[at]!.sentence;
  const seen = index.referents.some((r) => r.entity === e && r.firstToken < at && here - r.sentence <= window);
  return seen ? e : null;
}

type Kind = 'person' | 'org' | 'place' | 'any';

/** The head of a describing phrase: its last noun before a preposition or comma ("A Superior Court of Ontario judge"
 * has "judge" after the name inside it, so the last noun of the whole phrase when it ends in a common noun). */
function headWord(tokens: readonly Token[], first: number, last: number): number {
  const lastToken = tokens[last - 1]!;
  if (lastToken.pos === 'NOUN' && /^\p{Ll}/u.test(lastToken.value)) return last - 1;
  let end = last;
  for (let k = first + 1; k < last; k++)
    if ((PREPOSITIONS.has(tokens[k]!.lower) && !inCompound(tokens, k)) || tokens[k]!.value === ',') {
      end = k;
      break;
    }
  for (let k = end - 1; k >= first; k--) if (tokens[k]!.pos === 'NOUN' || tokens[k]!.pos === 'PROPN') return k;
  return -1;
}

/** "says Campbell's partner, Jason Louth." / "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said": a name
 * standing alone between the comma after the phrase and the end of its clause. */
function appositionAfter(tokens: readonly Token[], last: number, index: MentionIndex): Entity | null {
  if (tokens[last]?.value !== ',') return null;
  const hit = index.byToken.get(last + 1);
  if (!hit || (hit.entity.type !== 'PERSON' && hit.entity.type !== 'ORG')) return null;
  if (hit.mention.start !== tokens[last + 1]!.start) return null;
  let k = last + 1;
  while (k < tokens.length && index.byToken.get(k)?.mention === hit.mention) k++;
  const after = tokens[k];
  if (after && after.sentence === tokens[last].sentence && ![',', '.', ';', '!', '?'].includes(after.value))
    return null;
  return hit.entity;
}

/** The owner of a document phrase: a possessor ("the union's Friday release", resolved in turn when it is itself a
 * description), a name before the noun ("The RCMP statement"), or a name after "by" or "from" ("numbers from
 * Statistics Canada"). */
function documentOwner(
  tokens: readonly Token[],
  first: number,
  head: number,
  last: number,
  index: MentionIndex,
  entities: readonly Entity[],
  lex: QuoteLexicons,
): Entity | null {
  for (let k = first + 1; k < head; k++) {
    if (!/^['’]s?$/.test(tokens[k]!.value)) continue;
    const named = index.byToken.get(k - 1);
    if (named) return named.entity;
    return resolveDescription([first, k], index, entities, lex);
  }
  const entityAt = (k: number) => (k >= first && k < last ? index.byToken.get(k)?.entity : undefined);
  const owner = ownerOf(tokens, head, entityAt);
  if (owner) return owner;
  // "The parole board decision": the nouns before the document name its owner, described in turn.
  if (head - first >= 2 && tokens[head - 1]!.pos === 'NOUN')
    return resolveDescription([first, head], index, entities, lex);
  return null;
}

/** The entity whose role words hold the phrase's head word (and the most of its other words), of the right kind,
 * not named inside the phrase, `near` enough; the nearest before the phrase on a tie. */
function byRole(
  roles: () => RoleIndex,
  entities: readonly Entity[],
  head: string,
  named: ReadonlySet<Entity>,
  at: number,
  kind: Kind,
  near: (e: Entity) => boolean,
  others: readonly string[] = [],
): Entity | null {
  const words = descriptionWords();
  const wanted = words.role(head);
  const extra = others.map((w) => words.role(w));
  let best: Entity | null = null;
  let bestScore = 0;
  let bestDistance = Infinity;
  for (const e of entities) {
    if (named.has(e) || !fitsKind(e, kind)) continue;
    const r = roles().roles.get(e.id);
    if (!r || !r.has(wanted) || !near(e)) continue;
    const score = 2 + extra.filter((w) => r.has(w)).length;
    const distance = distanceTo(e, at);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      best = e;
      bestScore = score;
      bestDistance = distance;
    }
  }
  return best;
}

/** Characters from the entity's last mention before `at` to `at`; a mention only after it counts as far. */
function distanceTo(e: Entity, at: number): number {
  let before = -1;
  for (const m of e.mentions) if (m.start < at) before = m.start;
  return before >= 0 ? at - before : 1e9 + e.mentions[0]!.start;
}

function fitsKind(e: Entity, kind: Kind): boolean {
  if (kind === 'person') return e.type === 'PERSON';
  if (kind === 'org') return e.type === 'ORG';
  if (kind === 'place') return e.type === 'GPE';
  return e.type === 'PERSON' || e.type === 'ORG';
}

/** The topic of the nearest sentence before token `at`, within `window` sentences, that names an entity of the
 * kind: its first mention that is no prepositional object or possessor, else its last. */
function topicBefore(index: MentionIndex, at: number, kind: Kind, window: number): Entity | null {
  const refs = index.referents;
  let k = refs.length - 1;
  while (k >= 0 && refs[k]!.firstToken >= at) k--;
  const here = index.tokens[at]!.sentence;
  for (let sentence = here; sentence >= Math.max(0, here - window) && k >= 0; sentence--) {
    const fitting: Referent[] = [];
    for (; k >= 0 && refs[k]!.sentence >= sentence; k--)
      if (refs[k]!.sentence === sentence && fitsKind(refs[k]!.entity, kind)) fitting.push(refs[k]!);
    if (fitting.length === 0) continue;
    fitting.reverse();
    return (fitting.find((m) => !m.oblique) ?? fitting[fitting.length - 1]!).entity;
  }
  return null;
}
