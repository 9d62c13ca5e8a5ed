// The role words an article gives each person and organisation, as a reader collects them: titles ("Mayor Jane
// Roe"), words before the name ("Cambridge cartoonist Andre Campbell"), appositions ("Roe, the city's mayor,";
// "Campbell's partner, Jason Louth"; "Vickers, who became Canada's ambassador"), "as" phrases ("Roe's last term
// as Surrey mayor"), an organisation's own name words ("Parole Board of Canada" is a board), and what it issues
// ("a study … by Civic Action", "a TransLink study"). Built once per article, when a description first needs it.
import type { Entity, Token } from '../../types.ts';
import { descriptionWords } from './description-words.ts';
import type { QuoteLexicons } from './lexicon.ts';

export interface RoleIndex {
  /** Entity id -> role words in matching form (description-words.ts `role`). */
  roles: Map<string, Set<string>>;
}

const CONTENT_POS = new Set(['NOUN', 'ADJ', 'PROPN']);
const PHRASE_END = new Set([',', '.', ';', ':', '(', ')', '—', '–', '“', '”', '"']);
const RELATIVES = new Set(['who', 'whom', 'whose', 'which', 'that']);
const COPULAS = new Set(['is', 'was', 'became', 'has', 'had', 'been', 'serves', 'served', '’s', "'s"]);
// How far each kind of phrase is read, in tokens.
const BEFORE = 5;
const APPOSITION = 12;
const AS_WITHIN = 6;
const OWNER_WITHIN = 8;

/** Collects the role words of every person, organisation and place entity. `entityAt`: the speaker-type entity a
 * token belongs to (the mention index's). */
export function buildRoles(
  entities: readonly Entity[],
  tokens: readonly Token[],
  quoted: (offset: number) => boolean,
  lex: QuoteLexicons,
  entityAt: (k: number) => Entity | undefined,
): RoleIndex {
  const words = descriptionWords();
  const roles = new Map<string, Set<string>>();
  const add = (e: Entity, w: string) => addRole(roles, e, w, words, lex);
  const same = (k: number, sentence: number) => k >= 0 && k < tokens.length && tokens[k]!.sentence === sentence;
  const addRange = (e: Entity, a: number, b: number) => {
    for (let k = a; k < b; k++) {
      const t = tokens[k]!;
      if (CONTENT_POS.has(t.pos) && entityAt(k) !== e) add(e, t.value);
    }
  };

  for (const e of entities) {
    if (e.type !== 'PERSON' && e.type !== 'ORG' && e.type !== 'GPE') continue;
    if (e.type === 'ORG') {
      const parts = e.name.split(/\s+/);
      for (const p of parts) add(e, p);
      if (words.companies.has(parts.at(-1)!.toLowerCase())) add(e, 'company');
    }
    if (e.title) for (const w of e.title.split(/\s+/)) add(e, w);
    for (const m of e.mentions) {
      if (quoted(m.start)) continue;
      if (m.title) for (const w of m.title.split(/\s+/)) add(e, w);
      const sentence = tokens[m.firstToken]!.sentence;
      // Words right before the name: "Cambridge cartoonist Andre Campbell", "Rival candidate Bruce Hayne".
      let k = m.firstToken - 1;
      while (k >= m.firstToken - BEFORE && same(k, sentence) && !entityAt(k) && isModifier(tokens, k)) k--;
      addRange(e, k + 1, m.firstToken);
      // An apposition after: "Roe, the city's mayor,"; "Vickers, who became Canada's ambassador".
      k = m.lastToken;
      if (/^['’]s?$/.test(tokens[k]?.value ?? '')) k++;
      if (tokens[k]?.value === ',' && same(k + 1, sentence)) {
        let a = k + 1;
        if (tokens[a]!.lower === 'who') {
          a++;
          while (same(a, sentence) && COPULAS.has(tokens[a]!.lower)) a++;
        }
        if (!entityAt(a) || tokens[a]!.pos === 'DET') {
          let b = a;
          while (b < a + APPOSITION && same(b, sentence) && !PHRASE_END.has(tokens[b]!.value) && !ends(tokens[b]!)) b++;
          addRange(e, a, b);
        }
      }
      // An apposition before: "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said"; "Spindler's father,
      // Joseph, says". The phrase runs back to the sentence's start or a comma, and holds no verb.
      if (tokens[m.firstToken - 1]?.value === ',' && same(m.firstToken - 2, sentence)) {
        let a = m.firstToken - 1;
        let verb = false;
        while (
          a - 1 >= m.firstToken - 1 - APPOSITION &&
          same(a - 1, sentence) &&
          !PHRASE_END.has(tokens[a - 1]!.value)
        ) {
          if (isVerb(tokens[a - 1]!)) verb = true;
          a--;
        }
        const opens = !same(a - 1, sentence) || PHRASE_END.has(tokens[a - 1]!.value);
        if (!verb && opens) addRange(e, a, m.firstToken - 1);
      }
      // "Roe's last term as Surrey mayor".
      for (k = m.lastToken; k < m.lastToken + AS_WITHIN && same(k, sentence); k++) {
        if (PHRASE_END.has(tokens[k]!.value) && tokens[k]!.value !== ',') break;
        if (tokens[k]!.lower !== 'as') continue;
        let a = k + 1;
        if (tokens[a]?.pos === 'DET') a++;
        let b = a;
        while (b < a + 3 && same(b, sentence) && CONTENT_POS.has(tokens[b]!.pos)) b++;
        addRange(e, a, b);
        break;
      }
    }
  }
  // What an organisation or person issues: "a study … by Civic Action", "a TransLink study".
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.pos !== 'NOUN' || !words.documents.has(t.lower) || quoted(t.start)) continue;
    const owner = ownerOf(tokens, k, entityAt);
    if (owner) add(owner, t.lower);
  }
  return { roles };
}

/** Adds a role word (in matching form) to an entity's. */
function addRole(
  roles: Map<string, Set<string>>,
  e: Entity,
  w: string,
  words: ReturnType<typeof descriptionWords>,
  lex: QuoteLexicons,
): void {
  const lower = w.toLowerCase();
  if (!/\p{L}/u.test(lower) || words.notRoles.has(lower)) return;
  let set = roles.get(e.id);
  if (!set) roles.set(e.id, (set = new Set()));
  set.add(words.role(lex.titleWords.get(lower) ?? lower));
}

/** The entity that issues the document noun at token k: named right before it ("a TransLink study"), or after "by"
 * or "from" further on in its sentence. (A possessor is too often no issuer: "Trump's poll numbers".) */
export function ownerOf(
  tokens: readonly Token[],
  k: number,
  entityAt: (k: number) => Entity | undefined,
): Entity | undefined {
  let j = k - 1;
  while (j >= 0 && tokens[j]!.pos === 'ADJ') j--;
  const before = entityAt(j);
  if (before) return before;
  const sentence = tokens[k]!.sentence;
  for (j = k + 1; j < Math.min(tokens.length, k + OWNER_WITHIN) && tokens[j]!.sentence === sentence; j++) {
    if (PHRASE_END.has(tokens[j]!.value)) break;
    if (tokens[j]!.lower === 'by' || tokens[j]!.lower === 'from') {
      const after = entityAt(j + 1) ?? (tokens[j + 1]?.pos === 'DET' ? entityAt(j + 2) : undefined);
      if (after) return after;
    }
  }
  return undefined;
}

/** A word that ends an apposition: a verb or a relative word ("the group that organized …"). */
function ends(t: Token): boolean {
  return isVerb(t) || RELATIVES.has(t.lower);
}

/** A verb that ends a describing phrase (participles used as adjectives, "self-taught", do not). */
function isVerb(t: Token): boolean {
  return (t.pos === 'VERB' || t.pos === 'AUX') && !/(?:ed|en|ing)$/.test(t.lower);
}

/** Token k can stand in the words before a name: a noun, adjective, number or a hyphenated compound's part. */
function isModifier(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k]!;
  if (CONTENT_POS.has(t.pos) || t.pos === 'NUM') return true;
  if (t.value === '-') return tokens[k - 1]?.end === t.start && tokens[k + 1]?.start === t.end;
  // "then-Surrey mayoral candidate", "self-described": a word joined to the next by a hyphen.
  return tokens[k + 1]?.value === '-' && tokens[k + 1]!.start === t.end;
}
