// The gender words of data/lexicon/gender-words.json and the gendered titles of titles.json, loaded once.
import { loadData } from '../../lexicon/load.ts';
import { entityLexicons } from '../entities/lexicons.ts';

export type Sex = 'm' | 'f';

export interface GenderWords {
  /** Third-person singular pronouns (he, his, her, herself …) and the gender they tell. */
  pronouns: Map<string, Sex>;
  /** "they", "them", "their", "themself" …: singular only when nothing plural is near. */
  they: Set<string>;
  /** Role and kin nouns with a gender ("spokeswoman", "wife"). */
  nouns: Map<string, Sex>;
  /** Lower-cased title words with a gender ("mrs.", "mrs", "congresswoman"). */
  titles: Map<string, Sex>;
  /** Nouns for a person ("victim", "wife", "spokesman"): a referent a pronoun in the next sentence may mean. */
  personNouns: Set<string>;
  /** Present and past forms of reporting verbs ("says", "added"): the name after one is its subject. */
  reporting: ReadonlySet<string>;
}

interface GenderWordsFile {
  female: string[];
  male: string[];
  pronouns: Record<string, Sex>;
  they: string[];
  referents: string[];
}

let cached: GenderWords | undefined;

/** Loads the gender words once. */
export function genderWords(): GenderWords {
  if (cached) return cached;
  const f = loadData<GenderWordsFile>('lexicon/gender-words.json');
  const nouns = new Map<string, Sex>();
  for (const w of f.female) nouns.set(w, 'f');
  for (const w of f.male) nouns.set(w, 'm');
  const titles = new Map<string, Sex>();
  const lex = entityLexicons();
  for (const [k, info] of lex.titles) if (info.gender && !k.includes(' ')) titles.set(k, info.gender);
  const personNouns = new Set([...f.referents, ...nouns.keys()]);
  cached = {
    pronouns: new Map(Object.entries(f.pronouns)),
    they: new Set(f.they),
    nouns,
    titles,
    personNouns,
    reporting: lex.reportingVerbs,
  };
  return cached;
}
