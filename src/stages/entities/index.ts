// Stage 3, entities: people, organisations, places and groups (ours: candidates from the tagger and from
// proper-noun runs, typed by lexicons), numbers and dates (wink's), grouped into one entity per referent.
import type { Config } from '../../config.ts';
import type { EntityArticle, EntityType, SegmentedArticle, Token } from '../../types.ts';
import { groupMentions, type PendingMention } from './canonical.ts';
import { repairHeadlineMentions, titleCaseSentences } from './headline.ts';
import { propnCandidates, type Candidate } from './candidates.ts';
import { classify, spanKey } from './classify.ts';
import { startsAsciiAlnum, startsLower, startsUpper } from './chars.ts';
import { entityLexicons, type EntityLexicons } from './lexicons.ts';
import { numericMentions } from './numeric.ts';
import { splitTitle, titleAt } from './titles.ts';
import { taggerCandidates } from './tagged.ts';

/** Finds, types and groups the entities of an article. */
export function findEntities(article: SegmentedArticle, config: Config): EntityArticle {
  const lex = entityLexicons();
  const { tokens, text } = article;
  const isPlace = (t: Token) =>
    lex.countries.has(t.lower) || lex.aliases.has(t.lower) || lex.regions.has(t.lower) || lex.cities.has(t.lower);
  const tagging = config.entities.tagger;
  const knownKey = (key: string) =>
    lex.aliases.has(key) ||
    lex.countries.has(key) ||
    lex.organizations.has(key) ||
    lex.regions.has(key) ||
    lex.cities.has(key);
  const known = (c: Candidate) => knownKey(spanKey(tokens, c.first, c.last));
  // Proper nouns that may end a person's name: no organisation head word, weekday or place.
  const surnameTail = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const t = tokens[k]!;
      if (lex.orgHeads.has(t.lower) || lex.calendar.has(t.lower) || isPlace(t) || !/^\p{Lu}\p{Ll}/u.test(t.value))
        return false;
    }
    return true;
  };
  const personSpan = (c: Candidate) => {
    if (c.label === 'PER') return true;
    const title = titleAt(tokens, c.first, c.last - 1, lex);
    return title !== undefined && lex.firstNames.has(tokens[c.first + title[0]]!.lower);
  };
  // Proper nouns that may start a person's name: first names that are no title.
  const firstNamesAt = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const t = tokens[k]!;
      if (!lex.firstNames.has(t.lower) || lex.titles.has(t.lower) || isPlace(t) || !/^\p{Lu}\p{Ll}/u.test(t.value))
        return false;
    }
    return true;
  };
  const tagged = tagging ? splitAtLowercase(tokens, taggerCandidates(article)) : [];
  const candidates = joinOrgComplements(
    tokens,
    mergeCandidates(tagged, propnCandidates(tokens, isPlace), known, {
      person: personSpan,
      surname: surnameTail,
      firstName: firstNamesAt,
    }),
    lex,
  );

  const mentions: PendingMention[] = [];
  const unresolved: Candidate[] = [];
  for (const c of candidates) {
    const trimmed = trimEdges(tokens, c, lex);
    if (!trimmed) continue;
    // "Howard Dean Tells Guns Are …", "Trevor Noah Says …": in a title-case headline the verb joins the name.
    if (
      trimmed.last - trimmed.first >= 3 &&
      lex.reportingVerbs.has(tokens[trimmed.last - 1]!.lower) &&
      startsUpper(tokens[trimmed.last - 1]!.value)
    )
      trimmed.last--;
    // "Rick Perry Just Said …": an adverb the headline capitalised ends no name either.
    while (trimmed.last - trimmed.first >= 3 && lex.openers.has(tokens[trimmed.last - 1]!.lower)) trimmed.last--;
    // "commander in chief Wednesday": a lone day or month name is a date (wink's), whatever stands before it; "May"
    // is also a surname.
    if (
      trimmed.last - trimmed.first === 1 &&
      lex.calendar.has(tokens[trimmed.first]!.lower) &&
      tokens[trimmed.first]!.lower !== 'may'
    )
      continue;
    // "(R-Ariz.)", "D-N.Y.": the state of a party tag is no name of its own here.
    if (partyTagState(tokens, trimmed.first)) continue;
    const split = splitTitle(tokens, trimmed.first, trimmed.last, lex, trimmed.label === 'PER');
    const name: Candidate = { ...trimmed, first: split.nameFirst };
    // A tagger span that held a title ("State John F. Kerry" as ORG) was labelled for the whole span: a first name
    // after the title says person.
    if (
      split.title &&
      split.nameFirst > trimmed.first &&
      name.label !== 'PER' &&
      name.last - name.first >= 2 &&
      lex.firstNames.has(tokens[name.first]!.lower)
    )
      name.label = 'PER';
    const kind = classify(tokens, name, split.title !== undefined, lex, tagging && name.label === undefined);
    if (!kind) {
      if (name.last - name.first === 1) unresolved.push(name);
      continue;
    }
    const m = mention(text, tokens, name.first, name.last, kind.type);
    if (kind.canonical) m.canonical = kind.canonical;
    if (kind.type === 'PERSON') {
      if (split.title) m.title = split.title.title;
      const g = split.title?.gender ?? kind.gender;
      if (g) m.gender = g;
    }
    mentions.push(m);
  }
  mentions.push(...resolveSingles(unresolved, mentions, text, tokens, lex));
  mentions.sort((a, b) => a.start - b.start);
  const headlines = titleCaseSentences(tokens, article.sentences, lex);
  const named = repairHeadlineMentions(
    mentions,
    tokens,
    text,
    headlines,
    (key) => knownKey(key) || lex.people.has(key) || lex.demonyms.has(key),
    (first, last) =>
      last - first >= 2 &&
      last - first <= 3 &&
      lex.firstNames.has(tokens[first]!.lower) &&
      tokens
        .slice(first + 1, last)
        .every(
          (t) => /^\p{Lu}/u.test(t.value) && !lex.headlineSmallWords.has(t.lower) && !lex.reportingVerbs.has(t.lower),
        ),
  );
  personByName(named);
  const split = splitOrgBeforePerson(named, tokens, text, lex);
  split.push(...numericMentions(article));
  return { ...article, entities: groupMentions(split, tokens) };
}

// A name never starts or ends with punctuation or a possessive ending.
const EDGE = /^(?:['’]s|\p{P}+)$/u;
const isEdge = (v: string) => !startsAsciiAlnum(v) && EDGE.test(v);

/** Token `k` follows a party letter and a hyphen ("R-Ariz.", "D-Calif."). */
function partyTagState(tokens: readonly Token[], k: number): boolean {
  const dash = tokens[k - 1];
  const party = tokens[k - 2];
  return (
    dash !== undefined &&
    party !== undefined &&
    dash.value === '-' &&
    /^[RDI]$/.test(party.value) &&
    party.end === dash.start &&
    dash.end === tokens[k]!.start
  );
}

/** The candidate without punctuation or "'s" at its edges; null when nothing is left. */
function trimEdges(tokens: readonly Token[], c: Candidate, lex: EntityLexicons): Candidate | null {
  let { first, last } = c;
  while (first < last && isEdge(tokens[first]!.value)) first++;
  // "Even Lindsey Graham said", "But Mr. Guerrero": a capitalised adverb or conjunction opening the sentence is
  // not the first word of the name after it.
  while (
    last - first >= 2 &&
    lex.openers.has(tokens[first]!.lower) &&
    tokens[first]!.value !== tokens[first]!.value.toUpperCase()
  )
    first++;
  while (last > first && isEdge(tokens[last - 1]!.value) && !/^\p{L}\.$/u.test(tokens[last - 1]!.value)) last--;
  return last > first ? { ...c, first, last } : null;
}

/** A mention over tokens [first, last). */
function mention(
  text: string,
  tokens: readonly Token[],
  first: number,
  last: number,
  type: EntityType,
): PendingMention {
  const start = tokens[first]!.start;
  const end = tokens[last - 1]!.end;
  return { type, start, end, text: text.slice(start, end), firstToken: first, lastToken: last };
}

/** Tests for the proper nouns at a person's edges that the tagger left out, over token ranges [from, to). */
interface NameEdges {
  /** The span is a person: labelled so, or a title and a first name ("Councilwoman Maria", tagged ORG). */
  person: (c: Candidate) => boolean;
  surname: (from: number, to: number) => boolean;
  firstName: (from: number, to: number) => boolean;
}

/**
 * Tagger spans win; a proper-noun run is added where the tagger found nothing that overlaps it, and replaces the
 * tagger's spans inside it when the whole run is a name a lexicon knows ("Republic of Korea", not "Korea").
 */
function mergeCandidates(
  tagged: Candidate[],
  runs: Candidate[],
  known: (c: Candidate) => boolean,
  edges: NameEdges,
): Candidate[] {
  if (tagged.length === 0) return runs;
  // Both lists are in text order: walk them together (linear, however long the article).
  const dropped = new Set<Candidate>();
  const added: Candidate[] = [];
  let t = 0;
  for (const r of runs) {
    while (t < tagged.length && tagged[t]!.last <= r.first) t++;
    const overlapping: Candidate[] = [];
    for (let k = t; k < tagged.length && tagged[k]!.first < r.last; k++) overlapping.push(tagged[k]!);
    if (overlapping.length === 0) added.push(r);
    else if (
      known(r) &&
      overlapping.every((x) => x.first >= r.first && x.last <= r.last) &&
      overlapping.some((x) => x.last - x.first < r.last - r.first)
    ) {
      for (const x of overlapping) dropped.add(x);
      added.push(r);
    } else if (
      overlapping.length === 1 &&
      overlapping[0]!.split &&
      overlapping[0]!.first === r.first &&
      overlapping[0]!.last < r.last
    ) {
      // "Texas-based consultant John" + "Smith": a piece of a tagger span cut at a lower-case word, which the
      // proper-noun run goes on past, is the start of that run's name.
      dropped.add(overlapping[0]!);
      added.push({ ...r, label: overlapping[0]!.label });
    } else {
      for (let k = 0; k < overlapping.length; k++) {
        const x = overlapping[k]!;
        if (!edges.person(x)) continue;
        let { first, last } = x;
        // "Committee Chair Debbie Wasserman" + "Schultz": the tagger ended a person one or two proper nouns before
        // the run does; a surname it left untagged still belongs to the name (an organisation's head word does
        // not: "Clinton Foundation").
        if (k === overlapping.length - 1 && last < r.last && r.last - last <= 2 && edges.surname(last, r.last))
          last = r.last;
        // "Gen." + "Joseph" + "F. Dunford Jr.": a first name it left untagged before the person starts the name.
        const before = k > 0 ? overlapping[k - 1]!.last : r.first;
        if (first > before && first - before <= 2 && edges.firstName(before, first)) first = before;
        if (first !== x.first || last !== x.last) {
          dropped.add(x);
          added.push({ ...x, first, last });
        }
      }
    }
  }
  return [...tagged.filter((x) => !dropped.has(x)), ...added].sort((a, b) => a.first - b.first || a.last - b.last);
}

const COMPLEMENT_WORDS = new Set(['for', 'of', 'on']);
const COMPLEMENT_ARTICLES = new Set(['the', 'a', 'an']);

/** "Brennan Center" + "for" + "Justice", "Committee" + "for a" + "Responsible Federal Budget": a name ending in an
 * organisation's head word and the name its complement starts are one organisation. */
function joinOrgComplements(tokens: readonly Token[], candidates: Candidate[], lex: EntityLexicons): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = candidates[i]!;
    let k = a.last;
    if (
      lex.orgHeads.has(tokens[a.last - 1]!.lower) &&
      /^\p{Lu}/u.test(tokens[a.last - 1]!.value) &&
      COMPLEMENT_WORDS.has(tokens[k]?.lower ?? '')
    ) {
      k++;
      if (COMPLEMENT_ARTICLES.has(tokens[k]?.lower ?? '')) k++;
      // The complement: capitalised words from there ("Justice", "American Progress"), whatever candidates they
      // were split into.
      let end = k;
      while (
        end < tokens.length &&
        tokens[end]!.sentence === tokens[a.first]!.sentence &&
        /^\p{Lu}/u.test(tokens[end]!.value) &&
        /\p{L}/u.test(tokens[end]!.value)
      )
        end++;
      if (end > k && !lex.calendar.has(tokens[k]!.lower)) {
        // "Suu Kyi's National League for Democracy": the organisation starts after a possessive.
        let first = a.first;
        for (let m = a.first; m < a.last; m++) if (/^['’]s$/.test(tokens[m]!.value)) first = m + 1;
        while (i + 1 < candidates.length && candidates[i + 1]!.first < end) {
          i++;
          end = Math.max(end, candidates[i]!.last);
        }
        if (first > a.first) out.push({ ...a, last: first });
        out.push({ first, last: end, label: 'ORG' });
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

// Lower-case words that do sit inside names ("Bank of America", "Committee for …", "Ursula von der Leyen").
const NAME_INNER_WORDS = new Set([
  'of',
  'for',
  'and',
  'the',
  'on',
  'in',
  'de',
  'du',
  'da',
  'di',
  'del',
  'des',
  'la',
  'le',
  'von',
  'van',
  'der',
  'den',
  'al',
  'el',
  'bin',
  'ibn',
  'y',
  '&',
  'at',
  'to',
]);

const HYPHEN_TOKENS = new Set(['-', '‐', '‑']);
const SPAN_BREAKS = new Set([',', ';', ':', '“', '”', '"', '(', ')']);

/** Splits a tagger span at a lower-case word that never sits inside a name ("Quad with India"). */
function splitAtLowercase(tokens: readonly Token[], spans: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of spans) {
    let first = c.first;
    let cut = false;
    let broken: 'comma' | 'other' | undefined;
    const pieces: Candidate[] = [];
    for (let i = c.first; i < c.last; i++) {
      const t = tokens[i]!;
      // "Fox, Cruz": a comma or other clause punctuation never sits inside a name either.
      const punctuation = SPAN_BREAKS.has(t.value);
      // "Ban Ki-moon": a lower-case noun glued to the name by a hyphen is part of it ("Texas-based" is no name).
      const glued =
        i > c.first &&
        t.pos === 'NOUN' &&
        !/(?:ed|ing)$/.test(t.lower) &&
        HYPHEN_TOKENS.has(tokens[i - 1]!.value) &&
        tokens[i - 1]!.end === t.start &&
        tokens[i - 2]?.end === tokens[i - 1]!.start;
      if (
        (startsLower(t.value) &&
          !glued &&
          !NAME_INNER_WORDS.has(t.lower) &&
          !t.value.includes('-') &&
          !t.value.includes('.')) ||
        punctuation
      ) {
        if (i > first) pieces.push({ ...c, first, last: i });
        first = i + 1;
        cut = true;
        // A comma between names ("Joint Chiefs of Staff, Gen.") leaves each longer piece its label; a quote mark,
        // bracket or colon says nothing of the words on either side.
        if (punctuation) broken = broken === 'other' || t.value !== ',' ? 'other' : 'comma';
      }
    }
    if (first < c.last) pieces.push({ ...c, first });
    for (const p of pieces) {
      if (!cut) out.push(p);
      // The label was given to the names joined across the punctuation, not to a lone word of them ("Fox, Cruz");
      // a longer piece keeps it ("Joint Chiefs of Staff, Gen.").
      else if (broken === 'other' || (broken === 'comma' && p.last - p.first === 1))
        out.push({ first: p.first, last: p.last, split: true });
      else out.push({ ...p, split: true });
    }
  }
  return out;
}

/** The names (lower case, possessive dropped) and surnames of the people the article names in full: only a full
 * name is evidence, a lone word typed PERSON may itself be the mistake. */
function fullNamedPeople(mentions: readonly PendingMention[]): { names: Set<string>; surnames: Set<string> } {
  const names = new Set<string>();
  const surnames = new Set<string>();
  for (const m of mentions) {
    if (m.type !== 'PERSON') continue;
    const words = m.text
      .toLowerCase()
      .replace(/['’]s$/, '')
      .split(/\s+/);
    if (words.length < 2) continue;
    names.add(words.join(' '));
    surnames.add(words.at(-1)!);
  }
  return { names, surnames };
}

/** "Trump" typed an organisation where the article names Donald Trump: the full name or surname of a person the
 * article names in full is that person, unless a lexicon typed the mention. */
export function personByName(mentions: PendingMention[]): void {
  const { names, surnames } = fullNamedPeople(mentions);
  for (const m of mentions) {
    const key = m.text.toLowerCase().replace(/['’]s$/, '');
    if (m.type === 'ORG' && !m.canonical && (names.has(key) || surnames.has(key))) m.type = 'PERSON';
  }
}

/** "the Washington Post Trump said" (a comma left out): an organisation of three or more words whose last word is the
 * surname of a person the article names in full is the organisation and then that person. */
export function splitOrgBeforePerson(
  mentions: PendingMention[],
  tokens: readonly Token[],
  text: string,
  lex: EntityLexicons,
): PendingMention[] {
  const { surnames } = fullNamedPeople(mentions);
  if (surnames.size === 0) return mentions;
  const out: PendingMention[] = [];
  for (const m of mentions) {
    const n = m.lastToken - m.firstToken;
    const last = tokens[m.lastToken - 1]!.lower;
    if (
      m.type === 'ORG' &&
      !m.canonical &&
      n >= 3 &&
      surnames.has(last) &&
      !lex.orgSuffixes.has(last) &&
      !lex.orgHeads.has(last) &&
      startsUpper(tokens[m.lastToken - 2]!.value)
    ) {
      out.push(mention(text, tokens, m.firstToken, m.lastToken - 1, 'ORG'));
      out.push(mention(text, tokens, m.lastToken - 1, m.lastToken, 'PERSON'));
    } else out.push(m);
  }
  return out;
}

/** A lone capitalised word nothing typed is a person when it names a known person's surname or first name. */
function resolveSingles(
  singles: readonly Candidate[],
  found: readonly PendingMention[],
  text: string,
  tokens: readonly Token[],
  lex: EntityLexicons,
): PendingMention[] {
  const personParts = new Set<string>();
  for (const m of found) if (m.type === 'PERSON') for (const w of m.text.toLowerCase().split(/\s+/)) personParts.add(w);
  const out: PendingMention[] = [];
  for (const c of singles) {
    const key = spanKey(tokens, c.first, c.last).replace(/['’]s$/, '');
    if (personParts.has(key) && !lex.titles.has(key)) out.push(mention(text, tokens, c.first, c.last, 'PERSON'));
  }
  return out;
}
