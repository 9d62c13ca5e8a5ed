// The entity stage's lexicons, built once per process from data files.
import { existsSync } from 'node:fs';
import { dataUrl, loadData } from '../../lexicon/load.ts';
import type { EntityType } from '../../types.ts';

export interface TitleInfo {
  /** The title as the lexicon writes it. */
  title: string;
  gender?: 'm' | 'f';
}

export interface EntityLexicons {
  /** Lower-cased title token sequences, joined by a space, to their info. */
  titles: Map<string, TitleInfo>;
  /** Longest title, in tokens. */
  maxTitleTokens: number;
  /** Every title key and each of its leading word sequences ("lt.", "lt. col."): a token sequence that is none of
   * these starts no title, so title look-ups stop there. */
  titlePrefixes: Set<string>;
  /** Words that may stand before a title ("former", "Democratic"). */
  titleModifiers: Set<string>;
  /** Lower-cased alias or canonical name to its canonical form and type. */
  aliases: Map<string, { name: string; type: EntityType }>;
  countries: Set<string>;
  regions: Set<string>;
  cities: Set<string>;
  demonyms: Set<string>;
  organizations: Set<string>;
  orgSuffixes: Set<string>;
  firstNames: Set<string>;
  people: Set<string>;
  /** Last words that make a multi-word name a LAW. */
  lawHeads: Set<string>;
  facHeads: Set<string>;
  /** Last words of place names that are no surname ("Highway", "Heights"), and those that are also surnames. */
  placeHeads: Set<string>;
  placeHeadsAlsoSurnames: Set<string>;
  /** Last words of names of events ("Games", "Invitational"). */
  eventHeads: Set<string>;
  /** State and province abbreviations written after a place ("b.c.", "calif."). */
  regionAbbreviations: Set<string>;
  /** Sentence openers that are never a name's first word ("Even", "But"). */
  openers: Set<string>;
  /** Head words of organisations named with a complement ("Center" in "Brennan Center for Justice"). */
  orgHeads: Set<string>;
  /** Day and month names (lower-cased). */
  calendar: Set<string>;
  /** Words a title-case headline leaves in lower case ("a", "of", "with"). */
  headlineSmallWords: Set<string>;
  /** Present and past forms of reporting verbs ("says", "tells"): a title-case headline's verb, not a name. */
  reportingVerbs: Set<string>;
  /** Lower-case words that sit inside names ("of", "von"): a tagger span is not cut there. */
  nameInnerWords: Set<string>;
  /** Words that join two proper nouns into one name run ("Republic of Korea"). */
  connectors: Set<string>;
  /** Words that start an organisation's complement ("for"), and the articles that may follow them. */
  complementWords: Set<string>;
  complementArticles: Set<string>;
  /** Prepositions wink puts at the start of a date ("by 2030"). */
  datePrepositions: Set<string>;
  /** Relative words before a duration that belong to the date ("the last four years"). */
  dateRelative: Set<string>;
  /** Phrases of credit lines, links and biographies (data/lexicon/credit-words.json). */
  relatedLinkHeads: Set<string>;
  contributorOpeners: Set<string>;
  contributorPhrases: Set<string>;
  teaserTails: Set<string>;
  bioNouns: Set<string>;
}

interface WordList {
  words: string[];
}

interface TitlesFile {
  titles: string[];
  male: string[];
  female: string[];
  modifiers: string[];
}
interface AliasesFile {
  entries: Record<string, { type: EntityType; aliases: string[] }>;
}
type Gazetteers = Partial<
  Record<
    | 'country'
    | 'demonym'
    | 'region'
    | 'city'
    | 'firstName'
    | 'organization'
    | 'orgSuffix'
    | 'person'
    | 'media'
    | 'marketIndex'
    | 'sportsTeam',
    string[]
  >
>;

let cached: EntityLexicons | undefined;

/** Title text as token keys: "Lt. Col." -> "lt. col.", tokenised the way wink splits it (on spaces). */
function titleKey(title: string): string {
  return title.toLowerCase().split(/\s+/).join(' ');
}

/** Loads the entity lexicons once. */
export function entityLexicons(): EntityLexicons {
  if (cached) return cached;
  const t = loadData<TitlesFile>('lexicon/titles.json');
  const titles = new Map<string, TitleInfo>();
  const add = (title: string, gender?: 'm' | 'f') => {
    const info: TitleInfo = gender ? { title, gender } : { title };
    titles.set(titleKey(title), info);
    // "Sen." is also written "Sen": wink keeps the period on the token, so both forms are keys.
    if (title.endsWith('.')) titles.set(titleKey(title.slice(0, -1)), info);
  };
  for (const x of t.titles) add(x);
  for (const x of t.male) add(x, 'm');
  for (const x of t.female) add(x, 'f');
  let maxTitleTokens = 1;
  const titlePrefixes = new Set<string>();
  for (const k of titles.keys()) {
    const words = k.split(' ');
    maxTitleTokens = Math.max(maxTitleTokens, words.length);
    for (let n = 1; n <= words.length; n++) titlePrefixes.add(words.slice(0, n).join(' '));
  }

  const aliases = new Map<string, { name: string; type: EntityType }>();
  const a = loadData<AliasesFile>('lexicon/aliases.json');
  for (const [name, entry] of Object.entries(a.entries)) {
    aliases.set(name.toLowerCase(), { name, type: entry.type });
    for (const alias of entry.aliases) aliases.set(alias.toLowerCase(), { name, type: entry.type });
  }

  const words = loadData<{
    lawHeads: string[];
    facHeads: string[];
    placeHeads: string[];
    placeHeadsAlsoSurnames: string[];
    eventHeads: string[];
    regionAbbreviations: string[];
    openers: string[];
    orgHeads: string[];
    calendar: string[];
    headlineSmallWords: string[];
  }>('lexicon/entity-words.json');
  // The quote stage's cue verbs; forms are listed base, present, past, participle, gerund.
  const cues = loadData<{ verbs: Record<string, { forms: string[] }> }>('lexicon/cue-verbs.json');
  const reportingVerbs = new Set<string>();
  for (const v of Object.values(cues.verbs))
    for (const f of [v.forms[1], v.forms[2]]) if (f && !f.includes(' ')) reportingVerbs.add(f.toLowerCase());
  const names =
    loadData<Record<'nameInnerWords' | 'connectors' | 'complementWords' | 'complementArticles', WordList>>(
      'lexicon/name-words.json',
    );
  const dates = loadData<Record<'leadingPrepositions' | 'relative', WordList>>('lexicon/date-words.json');
  const credits =
    loadData<
      Record<'relatedLinkHeads' | 'contributorOpeners' | 'contributorPhrases' | 'teaserTails' | 'bioNouns', WordList>
    >('lexicon/credit-words.json');
  const gz: Gazetteers = existsSync(dataUrl('gazetteers/gazetteers.json'))
    ? loadData<Gazetteers>('gazetteers/gazetteers.json')
    : {};
  const set = (k: keyof Gazetteers) => new Set((gz[k] ?? []).map((x) => x.toLowerCase()));
  cached = {
    titles,
    maxTitleTokens,
    titlePrefixes,
    titleModifiers: new Set(t.modifiers.map((m) => m.toLowerCase())),
    aliases,
    countries: set('country'),
    regions: set('region'),
    cities: set('city'),
    demonyms: set('demonym'),
    // Newspapers, stock indices and teams named in two words or more ("Toronto Star", "Hang Seng") are organisations
    // too; a one-word one ("Bloomberg", "Forbes") is as often a person's surname.
    organizations: new Set([
      ...set('organization'),
      ...[...set('media'), ...set('marketIndex'), ...set('sportsTeam')].filter((x) => x.includes(' ')),
    ]),
    orgSuffixes: set('orgSuffix'),
    firstNames: set('firstName'),
    people: set('person'),
    lawHeads: new Set(words.lawHeads.map((w) => w.toLowerCase())),
    facHeads: new Set(words.facHeads.map((w) => w.toLowerCase())),
    placeHeads: new Set(words.placeHeads.map((w) => w.toLowerCase())),
    placeHeadsAlsoSurnames: new Set(words.placeHeadsAlsoSurnames.map((w) => w.toLowerCase())),
    eventHeads: new Set(words.eventHeads.map((w) => w.toLowerCase())),
    regionAbbreviations: new Set(words.regionAbbreviations.map((w) => w.toLowerCase())),
    openers: new Set(words.openers),
    orgHeads: new Set(words.orgHeads.map((w) => w.toLowerCase())),
    calendar: new Set(words.calendar.map((w) => w.toLowerCase())),
    headlineSmallWords: new Set(words.headlineSmallWords),
    reportingVerbs,
    nameInnerWords: new Set(names.nameInnerWords.words),
    connectors: new Set(names.connectors.words),
    complementWords: new Set(names.complementWords.words),
    complementArticles: new Set(names.complementArticles.words),
    datePrepositions: new Set(dates.leadingPrepositions.words),
    dateRelative: new Set(dates.relative.words),
    relatedLinkHeads: new Set(credits.relatedLinkHeads.words),
    contributorOpeners: new Set(credits.contributorOpeners.words),
    contributorPhrases: new Set(credits.contributorPhrases.words),
    teaserTails: new Set(credits.teaserTails.words),
    bioNouns: new Set(credits.bioNouns.words),
  };
  return cached;
}
