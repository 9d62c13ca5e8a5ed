// Stage 3, entities: people, organisations, places and groups (ours: candidates from the tagger and from
// proper-noun runs, typed by lexicons), numbers and dates (wink's), grouped into one entity per referent.
import type { Config } from '../../config.ts';
import type { EntityArticle, SegmentedArticle, Token, TokenWordIds } from '../../types.ts';
import { linkAcronyms } from './acronyms.ts';
import { groupMentions, type PendingMention } from './canonical.ts';
import { repairHeadlineMentions, titleCaseSentences } from './headline.ts';
import { propnCandidates, type Candidate } from './candidates.ts';
import { classify, spanKey } from './classify.ts';
import { entityLexicons } from './lexicons.ts';
import { numericMentions } from './numeric.ts';
import { splitTitle, titleAt } from './titles.ts';
import { taggerCandidates } from './tagged.ts';
import { filterCandidate, paragraphBounds } from './filters.ts';
import { joinHyphenated, joinOrgComplements, mergeCandidates, splitAtLowercase } from './merge.ts';
import { mention } from './mention.ts';
import { personByName, resolveSingles, splitOrgBeforePerson } from './people.ts';

export { personByName };
import { tokenAt } from './tokens.ts';

/** Finds, types and groups the entities of an article (`wordIds`, segment's side data, only speed the tagger up). */
export function findEntities(article: SegmentedArticle, config: Config, wordIds?: TokenWordIds): EntityArticle {
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
      const t = tokenAt(tokens, k);
      if (lex.orgHeads.has(t.lower) || lex.calendar.has(t.lower) || isPlace(t) || !/^\p{Lu}\p{Ll}/u.test(t.value))
        return false;
    }
    return true;
  };
  const personSpan = (c: Candidate) => {
    if (c.label === 'PER') return true;
    const title = titleAt(tokens, c.first, c.last - 1, lex);
    return title !== undefined && lex.firstNames.has(tokenAt(tokens, c.first + title[0]).lower);
  };
  // Proper nouns that may start a person's name: first names that are no title.
  const firstNamesAt = (from: number, to: number) => {
    for (let k = from; k < to; k++) {
      const t = tokenAt(tokens, k);
      if (!lex.firstNames.has(t.lower) || lex.titles.has(t.lower) || isPlace(t) || !/^\p{Lu}\p{Ll}/u.test(t.value))
        return false;
    }
    return true;
  };
  const tagged = tagging
    ? joinHyphenated(tokens, splitAtLowercase(tokens, taggerCandidates(article, wordIds), lex), isPlace)
    : [];
  const candidates = joinOrgComplements(
    tokens,
    mergeCandidates(tagged, propnCandidates(tokens, isPlace, lex.connectors), known, {
      person: personSpan,
      surname: surnameTail,
      firstName: firstNamesAt,
    }),
    lex,
  );

  const mentions: PendingMention[] = [];
  const unresolved: Candidate[] = [];
  const rules = { tokens, lex, sentences: article.sentences, paragraphs: paragraphBounds(article.sentences) };
  for (const c of candidates) {
    const trimmed = filterCandidate(c, rules);
    if (!trimmed) continue;
    const split = splitTitle(tokens, trimmed.first, trimmed.last, lex, trimmed.label === 'PER');
    const name: Candidate = { ...trimmed, first: split.nameFirst };
    // A tagger span that held a title ("State John F. Kerry" as ORG) was labelled for the whole span: a first name
    // after the title says person.
    if (
      split.title &&
      split.nameFirst > trimmed.first &&
      name.label !== 'PER' &&
      name.last - name.first >= 2 &&
      lex.firstNames.has(tokenAt(tokens, name.first).lower)
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
      if (split.title?.gender) m.genderByTitle = true;
    }
    mentions.push(m);
  }
  for (const m of resolveSingles(unresolved, mentions, text, tokens, lex)) mentions.push(m);
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
      lex.firstNames.has(tokenAt(tokens, first).lower) &&
      tokens
        .slice(first + 1, last)
        .every(
          (t) => /^\p{Lu}/u.test(t.value) && !lex.headlineSmallWords.has(t.lower) && !lex.reportingVerbs.has(t.lower),
        ),
  );
  personByName(named);
  const split = splitOrgBeforePerson(named, tokens, text, lex);
  for (const m of numericMentions(article, lex)) split.push(m);
  return { ...article, entities: linkAcronyms(groupMentions(split, tokens), tokens, text) };
}
