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
import type { Entity, Token } from '../../types.ts';
import { descriptionWords, singular } from './description-words.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { buildRoles, ownerOf, type RoleIndex } from './roles.ts';
import type { MentionIndex, Referent } from './speakers.ts';

const DEFINITE = new Set(['the', 'this', 'that']);
const INDEFINITE = new Set(['a', 'an', 'one', 'another']);
const POSSESSIVE_DETERMINERS = new Set(['his', 'her', 'its', 'their']);
const PREPOSITIONS = new Set(['of', 'for', 'to', 'at', 'with', 'from', 'by', 'in', 'on']);
// Organisation words whose referent is an organisation (the rest of a speaker's nouns are people).
const ORG_ROLES = new Set(['company', 'agency', 'group', 'team', 'union', 'utility', 'university', 'police']);
// Sentences a description looks back for its topic.
const LOOK_BACK = 8;

const roleCache = new WeakMap<MentionIndex, RoleIndex>();

function rolesOf(index: MentionIndex, entities: readonly Entity[], lex: QuoteLexicons): RoleIndex {
  let r = roleCache.get(index);
  if (!r) roleCache.set(index, (r = buildRoles(entities, index.tokens, index.quoted, lex)));
  return r;
}

/** The entity a describing speaker phrase, tokens [first, last), refers to, or null. */
export function resolveDescription(
  np: [number, number],
  index: MentionIndex,
  entities: readonly Entity[],
  lex: QuoteLexicons,
): Entity | null {
  const { tokens } = index;
  const [first, last] = np;
  if (last <= first) return null;
  const apposed = appositionAfter(tokens, last, index);
  if (apposed) return apposed;
  const words = descriptionWords();
  const named = new Set<Entity>();
  for (let k = first; k < last; k++) {
    const hit = index.byToken.get(k);
    if (hit) named.add(hit.entity);
  }
  const head = headWord(tokens, first, last);
  if (head < 0) return null;
  const headLower = tokens[head]!.lower;
  const roles = rolesOf(index, entities, lex);
  const at = tokens[first]!.start;

  if (words.documents.has(headLower)) {
    const owner = documentOwner(tokens, first, head, last, index, entities, lex);
    if (owner) return owner;
    return byRole(roles, entities, [headLower], named, at, 'any', tokens[first]!.lower);
  }

  const det = tokens[first]!.lower;
  const plural = singular(headLower) !== headLower && tokens[head]!.pos === 'NOUN';
  const role = words.role(lex.titleWords.get(headLower) ?? headLower);
  const kind: Kind = words.places.has(headLower)
    ? 'place'
    : ORG_ROLES.has(role) || lex.organisationNouns.has(headLower)
      ? 'org'
      : 'person';
  if (plural) return null;
  const content: string[] = [];
  for (let k = first; k < last; k++) if (k !== head && tokens[k]!.pos !== 'DET') content.push(tokens[k]!.lower);
  const byRoleHit = byRole(roles, entities, [headLower], named, at, kind, det, content);
  if (byRoleHit) return byRoleHit;
  // With no role to go by, only a definite description refers back ("the affable proprietor"); "a judge" is new.
  if (!DEFINITE.has(det) || tokens[head]!.pos === 'PROPN' || words.anonymous.has(headLower)) return null;
  return topicBefore(index, first, kind, named);
}

type Kind = 'person' | 'org' | 'place' | 'any';

/** The head of a describing phrase: its last noun before a preposition or comma ("A Superior Court of Ontario judge"
 * has "judge" after the name inside it, so the last noun of the whole phrase when it ends in a common noun). */
function headWord(tokens: readonly Token[], first: number, last: number): number {
  const lastToken = tokens[last - 1]!;
  if (lastToken.pos === 'NOUN' && /^\p{Ll}/u.test(lastToken.value)) return last - 1;
  let end = last;
  for (let k = first + 1; k < last; k++)
    if (PREPOSITIONS.has(tokens[k]!.lower) || tokens[k]!.value === ',') {
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
  return ownerOf(tokens, head, entityAt) ?? null;
}

/** The entity whose role words hold the phrase's head word (and the most of its other words), of the right kind,
 * not named inside the phrase; the nearest before the phrase on a tie. An indefinite phrase ("a hockey coach") is
 * resolved only when one entity alone has the role. */
function byRole(
  roles: RoleIndex,
  entities: readonly Entity[],
  heads: readonly string[],
  named: ReadonlySet<Entity>,
  at: number,
  kind: Kind,
  det: string,
  others: readonly string[] = [],
): Entity | null {
  const words = descriptionWords();
  const wanted = heads.map((h) => words.role(h));
  const extra = others.map((w) => words.role(w));
  let best: Entity | null = null;
  let bestScore = 0;
  let bestDistance = Infinity;
  let tied = false;
  for (const e of entities) {
    if (named.has(e) || !fitsKind(e, kind)) continue;
    const r = roles.roles.get(e.id);
    if (!r || !wanted.some((w) => r.has(w))) continue;
    const score = 2 + extra.filter((w) => r.has(w)).length;
    const distance = distanceTo(e, at);
    if (score > bestScore || (score === bestScore && distance < bestDistance)) {
      tied = score === bestScore;
      best = e;
      bestScore = score;
      bestDistance = distance;
    } else if (score === bestScore) tied = true;
  }
  if (!best) return null;
  if ((INDEFINITE.has(det) || !DEFINITE.has(det)) && tied && !POSSESSIVE_DETERMINERS.has(det)) return null;
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

/** The topic of the nearest sentence before token `at` that names an entity of the kind: its first mention that is
 * no prepositional object or possessor, else its last. */
function topicBefore(index: MentionIndex, at: number, kind: Kind, named: ReadonlySet<Entity>): Entity | null {
  const refs = index.referents;
  let k = refs.length - 1;
  while (k >= 0 && refs[k]!.firstToken >= at) k--;
  const here = index.tokens[at]!.sentence;
  for (let sentence = here; sentence >= Math.max(0, here - LOOK_BACK) && k >= 0; sentence--) {
    const fitting: Referent[] = [];
    for (; k >= 0 && refs[k]!.sentence >= sentence; k--)
      if (refs[k]!.sentence === sentence && fitsKind(refs[k]!.entity, kind) && !named.has(refs[k]!.entity))
        fitting.push(refs[k]!);
    if (fitting.length === 0) continue;
    fitting.reverse();
    return (fitting.find((m) => !m.oblique) ?? fitting[fitting.length - 1]!).entity;
  }
  return null;
}
