// The corpus pass's running state: per key, what the articles say of it; and the evidence for merging keys, each
// piece a pair of keys the corpus itself puts together. Everything here grows with the number of distinct keys
// (and names), never with the number of articles: what is per article goes to a spill file.
import { entityLexicons } from '../../stages/entities/lexicons.ts';
import { entityKey, personName, type PersonName } from '../../stages/identity/key.ts';
import type { EntityType } from '../../types.ts';
import type { EntityDigest } from './digest.ts';
import type { GenderCalls } from './gender.ts';

export interface KeyStats {
  key: string;
  /** Index of the key, in order of first sight (the spill refers to keys by it). */
  id: number;
  type: string;
  /** PERSON: the name words the key was made from. */
  person: PersonName | null;
  /** The name looks like a name: every word capitalised (particles aside), the first no function word ("The Obama",
   * "Kerry and the Department" do not). Only such names take part in merges. */
  proper: boolean;
  articles: number;
  /** Index of the last article that named it (to count each article once). */
  lastArticle: number;
  quotes: number;
  mentions: number;
  /** Canonical names in the articles, and how many articles gave each. */
  names: Map<string, number>;
  /** Mention forms, and how many articles wrote each. */
  forms: Map<string, number>;
  /** Article gender calls by evidence. */
  calls: GenderCalls;
}

/** Evidence for merges, gathered article by article. */
export interface MergeEvidence {
  /** Lone surname -> the full-name keys it stood for in some article: a mention of that person written as the word
   * alone ("Obama" among Barack Obama's mentions), or an article naming the person in full beside the lone word as an
   * entity of its own. */
  loneSurname: Map<string, Set<string>>;
  /** The same for a lone first name ("Bernie" among Bernie Sanders's mentions). */
  loneFirst: Map<string, Set<string>>;
  /** First name -> every full-name key with that first name in the corpus. */
  firstNames: Map<string, Set<string>>;
  /** Pairs of full-name keys one article's entity was written as ("Hillary Rodham Clinton", "Hillary Clinton"),
   * as "a\tb" with a < b. */
  variants: Set<string>;
  /** First-and-last key -> the longer keys with the same first and last name and middle names between that share an
   * article with it ("Hillary Clinton" -> "Hillary Rodham Clinton"). */
  extensions: Map<string, Set<string>>;
  /** Acronym key -> the keys of the entities written out that the acronym was a mention of ("FBI" -> Federal Bureau
   * of Investigation). */
  acronyms: Map<string, Set<string>>;
}

const ACRONYM = /^[A-Z][A-Z&.]{1,9}$/;

/** True for a name that is an acronym ("FBI", "U.N."). */
export function isAcronym(name: string): boolean {
  return ACRONYM.test(name) && /[A-Z].*[A-Z]/.test(name);
}

/** A person's name is full when it has a first name and a surname. */
export const isFull = (p: PersonName | null): p is PersonName => p !== null && p.words.length >= 2;
const surname = (p: PersonName) => p.words[p.words.length - 1]!;

const add = (m: Map<string, Set<string>>, k: string, v: string): void => {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
};

/** Records what one article's entities say about merges. `stats` gives each digest's key stats. */
export function gatherEvidence(
  entities: readonly EntityDigest[],
  stats: readonly KeyStats[],
  ev: MergeEvidence,
): void {
  const fullPeople: KeyStats[] = [];
  const loneWords: string[] = [];
  entities.forEach((e, i) => {
    const s = stats[i]!;
    if (e.type === 'PERSON') {
      if (!s.proper) return;
      const p = s.person;
      if (p && p.words.length === 1 && !p.suffix) loneWords.push(p.words[0]!);
      if (!isFull(p)) return;
      fullPeople.push(s);
      add(ev.firstNames, p.words[0]!, s.key);
      for (const f of e.forms) {
        if (s.forms.has(f)) continue; // read in an earlier article
        const q = personName(f);
        if (!q) continue;
        if (q.words.length === 1 && !q.suffix) {
          const w = q.words[0]!;
          if (w === surname(p)) add(ev.loneSurname, w, s.key);
          else if (w === p.words[0] && knownFirstName(w)) add(ev.loneFirst, w, s.key);
        } else if (isFull(q) && surname(q) === surname(p) && q.suffix === p.suffix && properName(f)) {
          const k = entityKey('PERSON', f);
          if (k && k !== s.key) ev.variants.add(k < s.key ? `${k}\t${s.key}` : `${s.key}\t${k}`);
        }
      }
    } else if (!isAcronym(e.name)) {
      for (const f of e.forms) {
        if (s.forms.has(f) || !isAcronym(f)) continue;
        const k = entityKey(e.type as EntityType, f);
        if (k && k !== s.key) add(ev.acronyms, k, s.key);
      }
    }
  });
  // A lone word as an entity of its own beside people named in full with that surname or first name: any of them.
  for (const w of loneWords)
    for (const s of fullPeople) {
      if (surname(s.person!) === w) add(ev.loneSurname, w, s.key);
      else if (s.person!.words[0] === w && knownFirstName(w)) add(ev.loneFirst, w, s.key);
    }
  // "Hillary Clinton" beside "Hillary Rodham Clinton": the longer name with middle names (not initials, which key
  // making already drops or keeps: "George H. W. Bush" is not "George W. Bush").
  for (const b of fullPeople) {
    const pb = b.person!;
    if (pb.words.length !== 2) continue;
    for (const a of fullPeople) {
      const pa = a.person!;
      if (pa.words.length <= 2 || pa.suffix !== pb.suffix) continue;
      if (pa.words[0] !== pb.words[0] || surname(pa) !== surname(pb)) continue;
      if (pa.words.slice(1, -1).some((w) => w.length < 2)) continue;
      add(ev.extensions, b.key, a.key);
    }
  }
}

// Words that open a sentence or a phrase, never a name ("The Obama", "Given Obama" are spans gone wrong).
const FUNCTION_WORDS = new Set(
  (
    'the a an this that these those given as at in on of for with by from to into than and or but nor so yet if ' +
    'when while after before since until unless because although though even just only also then now here there ' +
    'why how what where who whom whose which like unlike including via per against about over under'
  ).split(' '),
);
const PARTICLES = new Set(['al', 'bin', 'da', 'de', 'del', 'della', 'der', 'di', 'du', 'el', 'ibn', 'la', 'le', 'van', 'von']);

/** A name as written looks like a name: its words capitalised (particles aside), the first no function word, and
 * for a person the last no organisation's head word ("Obama Administration", "Clinton Foundation" typed PERSON). */
export function properName(name: string, type = 'PERSON'): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (!words.length || FUNCTION_WORDS.has(words[0]!.toLowerCase())) return false;
  if (type !== 'PERSON') return true;
  const lex = entityLexicons();
  const last = words[words.length - 1]!.toLowerCase();
  if (words.length > 1 && (lex.orgSuffixes.has(last) || lex.orgHeads.has(last))) return false;
  return words.every((w) => !/^\p{Ll}/u.test(w) || PARTICLES.has(w)) && !/\d/.test(name);
}

/** A first name the name list knows (a lone "Bernie" may be one; a lone "Obama" is no first name). */
function knownFirstName(w: string): boolean {
  return entityLexicons().firstNames.has(w);
}
