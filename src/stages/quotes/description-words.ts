// The words that resolving a description reads (data/lexicon/descriptions.json): document nouns, place nouns,
// role synonyms, company name endings, and the words beside a name that are no role.
import { loadData } from '../../lexicon/load.ts';

interface DescriptionFile {
  documents: string[];
  places: string[];
  synonyms: string[][];
  companies: string[];
  anonymous: string[];
  notRoles: string[];
  people: string[];
  topicOrganisations: string[];
  honorifics: string[];
}

export interface DescriptionWords {
  /** Nouns for what someone issues ("statement", "report"): the speaker is their owner. */
  documents: ReadonlySet<string>;
  /** Organisation nouns that mean a place's government ("the city said"). */
  places: ReadonlySet<string>;
  /** Last words of a company's name ("Inc.", "Corp."). */
  companies: ReadonlySet<string>;
  /** Heads of phrases for someone unnamed ("a person familiar with the talks"): never resolved by topic alone. */
  anonymous: ReadonlySet<string>;
  /** Nouns that describe a person ("proprietor", "maverick"). */
  people: ReadonlySet<string>;
  /** Organisation words that refer back to the organisation last speaking or just named ("the agency"). */
  topicOrganisations: ReadonlySet<string>;
  /** Title words (the last word of each title in titles.json, lower case): a person called by one was introduced
   * with it, so it is resolved by role alone. */
  titles: ReadonlySet<string>;
  /** Honorifics written before a surname ("Ms.", "Mr."), lower case. */
  honorifics: ReadonlySet<string>;
  /** Words beside a name that say nothing of its role. */
  notRoles: ReadonlySet<string>;
  /** A role word in the form matched: singular, lower case, its synonym group's first word. */
  role: (word: string) => string;
}

let cached: DescriptionWords | undefined;

/** Singular of a lower-case noun, by its ending ("agencies" -> "agency", "leaders" -> "leader"; "press" stays). */
export function singular(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is|'s|’s)$/.test(w)) return w.slice(0, -1);
  return w;
}

/** Loads the description words once. */
export function descriptionWords(): DescriptionWords {
  if (cached) return cached;
  const file = loadData<DescriptionFile>('lexicon/descriptions.json');
  const canonical = new Map<string, string>();
  for (const group of file.synonyms) for (const w of group) canonical.set(w, group[0]!);
  cached = {
    documents: new Set(file.documents),
    places: new Set(file.places),
    companies: new Set(file.companies),
    anonymous: new Set(file.anonymous),
    honorifics: new Set(file.honorifics),
    people: new Set(file.people),
    topicOrganisations: new Set(file.topicOrganisations),
    titles: new Set(
      loadData<{ titles: string[] }>('lexicon/titles.json').titles.map((t) =>
        t
          .toLowerCase()
          .split(/[\s-]+/)
          .at(-1)!,
      ),
    ),
    notRoles: new Set(file.notRoles),
    role: (word) => {
      const w = word.toLowerCase();
      return canonical.get(w) ?? canonical.get(singular(w)) ?? singular(w);
    },
  };
  return cached;
}
