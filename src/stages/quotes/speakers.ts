// Speaker resolution: the noun phrase of an attribution becomes a named entity ("Secretary Blinken" -> Antony
// Blinken), a pronoun resolved by gender and recency ("he" -> the last man named), a title that names a known
// person ("the secretary"), or the phrase as written ("aides", "the report").
import type { Entity, Span, Speaker, Token } from '../../types.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { inCompound } from './compounds.ts';
import { isCredit } from './credits.ts';
import { personAtTail, resolveDescription } from './descriptions.ts';
import { shapePhrase } from './phrase-shape.ts';
import { pronounGenders } from './pronoun-gender.ts';
import { tok } from './tokens.ts';

/** Entity mentions by token, for looking up what a phrase names. */
export interface MentionIndex {
  /** Token index -> entity and the mention covering it. */
  byToken: Map<number, { entity: Entity; mention: Span }>;
  /** Person and organisation mentions in text order, for pronoun resolution. */
  ordered: { entity: Entity; mention: Span; firstToken: number }[];
  /** The same outside quotation marks: what a pronoun in the narration can refer to ("“… Bush got fewer votes,”
   * he points out" is not Bush speaking). */
  referents: Referent[];
  tokens: readonly Token[];
  quoted: (offset: number) => boolean;
  /** A person's gender as the article's pronouns give it, where they tell it clearly; else the entity's own. */
  genderOf: (e: Entity) => 'm' | 'f' | undefined;
}

export interface Referent {
  entity: Entity;
  mention: Span;
  firstToken: number;
  /** Sentence index of the mention. */
  sentence: number;
  /** "with Obama", "Obama's weaknesses": a prepositional object or a possessor, seldom the topic a pronoun picks up. */
  oblique: boolean;
  /** "Obama's weaknesses": a possessor. */
  possessor: boolean;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/** Indexes the mentions that can speak. */
export function indexMentions(
  entities: readonly Entity[],
  quoted: (offset: number) => boolean = () => false,
  tokens: readonly Token[] = [],
  text = '',
): MentionIndex {
  const byToken = new Map<number, { entity: Entity; mention: Span }>();
  const ordered: Referent[] = [];
  const attributive = new Set<Span>();
  for (const entity of entities) {
    if (!SPEAKER_TYPES.has(entity.type)) continue;
    for (const m of entity.mentions) {
      const mention: Span = { start: m.start, end: m.end, text: m.text };
      for (let t = m.firstToken; t < m.lastToken; t++) byToken.set(t, { entity, mention });
      const before = tokens[m.firstToken - 1];
      const possessor = /^['’]s?$/.test(tokens[m.lastToken]?.value ?? '');
      const oblique = (before?.pos === 'ADP' && before.lower !== 'to') || possessor;
      ordered.push({
        entity,
        mention,
        firstToken: m.firstToken,
        sentence: tokens[m.firstToken]?.sentence ?? 0,
        oblique,
        possessor,
      });
      // "the Trump meeting", "a Clinton aide", "Clinton communication director Jennifer Palmieri": a name used as a
      // modifier is seldom what a later pronoun means ("Trump notes that …", a verb wink read as a noun, is no
      // modifier).
      const after = tokens[m.lastToken];
      const afterNext = tokens[m.lastToken + 1];
      if (
        after?.pos === 'NOUN' &&
        /^\p{Ll}/u.test(after.value) &&
        (DETERMINERS.has(before?.lower ?? '') || afterNext?.pos === 'NOUN' || afterNext?.pos === 'PROPN')
      )
        attributive.add(mention);
    }
  }
  ordered.sort((a, b) => a.firstToken - b.firstToken);
  // Read only when a pronoun is resolved, once.
  let said: Map<string, 'm' | 'f'> | undefined;
  return {
    byToken,
    ordered,
    referents: ordered.filter(
      (m) => !quoted(m.mention.start) && !attributive.has(m.mention) && !isCredit(text, m.mention.start, m.mention.end),
    ),
    tokens,
    quoted,
    genderOf: (e) => (said ??= pronounGenders(ordered, tokens, quoted)).get(e.id) ?? e.gender,
  };
}

export interface Resolution {
  speaker: Speaker;
  /** How the speaker was found: a name in the phrase, a pronoun, a title, or the phrase itself. */
  via: 'name' | 'pronoun' | 'title' | 'phrase';
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

/** Resolves the speaker phrase tokens [first, last) at a cue, against entities and earlier speakers. */
export function resolveSpeaker(
  tokens: readonly Token[],
  np: [number, number],
  text: string,
  index: MentionIndex,
  entities: readonly Entity[],
  lex: QuoteLexicons,
  recent: readonly Speaker[],
): Resolution | null {
  const [first, np0] = shapePhrase(tokens, np, (t) => lex.verbs.has(t.lower));
  const np1 = nameAfterAnd(tokens, first, np0, index);
  // "Tulsa police’s claim": the possessive ending is no part of the speaker's name.
  const last = np1 - first > 1 && /^['’]s?$/.test(tok(tokens, np1 - 1).value) ? np1 - 1 : np1;
  // "Trump and Ryan", "Carson, Fiorina and Huckabee": several named speakers are the phrase as written, not the last
  // of them (a name with "and" inside it, "Procter and Gamble", is one entity and no coordination).
  for (let k = first + 1; k < last - 1; k++) {
    const w = tok(tokens, k).lower;
    if ((w === 'and' || w === '&') && !index.byToken.has(k) && index.byToken.has(k - 1) && namedAfter(k, last, index)) {
      const mention: Span = {
        start: tok(tokens, first).start,
        end: tok(tokens, last - 1).end,
        text: text.slice(tok(tokens, first).start, tok(tokens, last - 1).end),
      };
      // "Stella's owners Tore Sohlberg and Lehla Abreder": the names are the speakers' name, the words before them
      // stay in the mention.
      const from = coordinationStart(tokens, k, first, index);
      const name = text.slice(tok(tokens, from).start, tok(tokens, last - 1).end);
      return { speaker: { name, entityId: null, mention }, via: 'phrase' };
    }
  }
  // A name in the phrase: prefer a person, then the last (head-most) named thing. "Clinton's campaign manager":
  // the head is not the name, so only a phrase whose head word is part of a name counts.
  const head = headOf(tokens, first, last, (k) => index.byToken.has(k));
  const named = index.byToken.get(head);
  if (named) {
    // "Conservative Leader Andrew Scheer" read as one organisation: the person it ends with, when the article names
    // them.
    const person =
      named.entity.type === 'ORG'
        ? personAtTail(
            tokens,
            tokenAt(tokens, named.mention.start),
            tokenAt(tokens, named.mention.end - 1) + 1,
            index,
            entities,
          )
        : null;
    const e = person ?? named.entity;
    return { speaker: { name: e.name, entityId: e.id, mention: named.mention }, via: 'name' };
  }
  for (let k = last - 1; k >= first; k--) {
    const hit = index.byToken.get(k);
    if (hit && hit.entity.type === 'PERSON' && tok(tokens, head).pos === 'PROPN') {
      return { speaker: { name: hit.entity.name, entityId: hit.entity.id, mention: hit.mention }, via: 'name' };
    }
  }

  const headToken = tok(tokens, head);
  const pronoun = lex.pronouns.get(headToken.lower);
  if (pronoun && last - first === 1) {
    const mention: Span = { start: headToken.start, end: headToken.end, text: headToken.value };
    const target = resolvePronoun(pronoun, head, index, recent, lex);
    if (target) return { speaker: { name: target.name, entityId: target.entityId, mention }, via: 'pronoun' };
    // "The ministry issued a statement. It said …": "it"/"they" after a nameless organisation.
    if (pronoun.kind === 'org' || pronoun.number === 'pl') {
      const org = nominalOrganisationBefore(tokens, first, lex);
      if (org) return { speaker: { name: org, entityId: null, mention }, via: 'pronoun' };
    }
    return null;
  }

  // "the secretary", "the prime minister": a title a person of the article carries.
  const words: string[] = [];
  for (let k = first; k < last; k++) if (!DETERMINERS.has(tok(tokens, k).lower)) words.push(tok(tokens, k).lower);
  const phraseText = text.slice(tok(tokens, first).start, tok(tokens, last - 1).end);
  const mention: Span = { start: tok(tokens, first).start, end: tok(tokens, last - 1).end, text: phraseText };
  // Only a definite phrase names someone known ("the senator"); "a Democratic senator" is someone else.
  if (['the', 'this', 'that'].includes(tok(tokens, first).lower) && words.length > 0) {
    const titled = personWithTitle(words.join(' '), entities, headToken.start, index, lex);
    if (titled) return { speaker: { name: titled.name, entityId: titled.id, mention }, via: 'title' };
  }
  if (headToken.pos === 'PRON') return null;
  // A description resolved to whom it describes keeps its evidence class ('phrase'): confidence reads how the
  // attribution was written, and the quote set does not change with the name given.
  const described = resolveDescription([first, last], index, entities, lex, recent);
  if (described) return { speaker: { name: described.name, entityId: described.id, mention }, via: 'phrase' };
  return { speaker: { name: phraseText, entityId: null, mention }, via: 'phrase' };
}

// How far past an "and" a person's name may end the speaker phrase.
const AND_NAME_WITHIN = 6;

/** "said oil and gas worker Mike Wipf": a nameless phrase cut at "and" whose next words end in a person's name is
 * a modifier of that person ("oil" is no speaker); the phrase runs to the name's end. Else `last` as it is. */
function nameAfterAnd(tokens: readonly Token[], first: number, last: number, index: MentionIndex): number {
  if (tokens[last]?.lower !== 'and') return last;
  for (let k = first; k < last; k++) if (index.byToken.has(k)) return last;
  const sentence = tokens[last].sentence;
  for (let k = last + 1; k < Math.min(tokens.length, last + 1 + AND_NAME_WITHIN); k++) {
    const t = tok(tokens, k);
    if (t.sentence !== sentence || /^\p{P}$/u.test(t.value) || t.pos === 'VERB' || t.pos === 'DET') return last;
    const hit = index.byToken.get(k);
    if (!hit) continue;
    if (hit.entity.type !== 'PERSON') return last;
    while (k < tokens.length && index.byToken.get(k)?.mention === hit.mention) k++;
    return k;
  }
  return last;
}

/** First token of the names coordinated before the "and" at token k: the name before it, and names before that
 * one separated by commas ("Carson, Fiorina and Huckabee"). */
function coordinationStart(tokens: readonly Token[], k: number, first: number, index: MentionIndex): number {
  let from = k;
  for (;;) {
    const hit = index.byToken.get(from - 1);
    if (!hit) break;
    while (from - 1 >= first && index.byToken.get(from - 1)?.mention === hit.mention) from--;
    if (from - 2 >= first && tok(tokens, from - 1).value === ',' && index.byToken.has(from - 2)) from--;
    else break;
  }
  return Math.max(first, from);
}

function namedAfter(k: number, last: number, index: MentionIndex): boolean {
  for (let j = k + 1; j < last; j++) if (index.byToken.has(j)) return true;
  return false;
}

/** The nearest "the ministry" (determiner + organisation noun) in the 40 tokens before `at`, as written. */
function nominalOrganisationBefore(tokens: readonly Token[], at: number, lex: QuoteLexicons): string | null {
  for (let k = at - 1; k >= Math.max(1, at - 40); k--) {
    const t = tok(tokens, k);
    if (t.pos === 'NOUN' && lex.organisationNouns.has(t.lower) && tok(tokens, k - 1).lower === 'the')
      return `${tok(tokens, k - 1).value} ${t.value}`;
  }
  return null;
}

const HEAD_ENDS = new Set(['of', 'for', 'to', 'at', 'with']);

/** Head of a phrase: its last noun-like token before "of" or a possessive's owner. */
function headOf(
  tokens: readonly Token[],
  first: number,
  last: number,
  inName: (k: number) => boolean = () => false,
): number {
  let end = last;
  // "A spokeswoman for Fiorina", "aides to Clinton", "a professor at Yale": the head comes before the preposition
  // (unless it is part of a name: "Club for Growth").
  for (let k = first + 1; k < last; k++)
    if ((HEAD_ENDS.has(tok(tokens, k).lower) && !inName(k) && !inCompound(tokens, k)) || tok(tokens, k).value === ',') {
      end = k;
      break;
    }
  for (let k = end - 1; k >= first; k--) {
    const p = tok(tokens, k).pos;
    if (p === 'PROPN' || p === 'NOUN' || p === 'PRON' || p === 'NUM') return k;
  }
  return end - 1;
}

// Subject pronouns that carry a referent on from sentence to sentence ("He attended the rally …").
const CHAIN_PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'org'> = { he: 'm', she: 'f', they: 'pl', it: 'org' };
// How many sentences back a pronoun looks for its referent before falling back to the last fitting mention.
const LOOK_BACK = 6;

/**
 * The referent of a pronoun at token `at`: sentence by sentence backwards, the topic of the nearest sentence that
 * names a fitting person (or organisation for "it"/"they"). A sentence's topic is its first fitting mention that is
 * no prepositional object or possessor ("Reid said that Sanders …" -> Reid; "Scott Reed, who managed Bob Dole's
 * campaign, said" -> Reed). A sentence whose subject is the same pronoun before any name ("He attended the rally,
 * though he may vote for Sanders") continues the referent of the sentences before it, so it is skipped.
 */
export function resolvePronoun(
  p: { gender?: 'm' | 'f'; number?: 'sg' | 'pl'; kind?: 'org' },
  at: number,
  index: MentionIndex,
  recent: readonly Speaker[],
  lex: QuoteLexicons,
): Speaker | null {
  const fits = (e: Entity) => {
    if (p.kind === 'org') return e.type === 'ORG' || e.type === 'GPE';
    if (p.number === 'pl') return e.type === 'ORG' || e.type === 'NORP';
    if (e.type !== 'PERSON') return false;
    const g = index.genderOf(e);
    return !p.gender || !g || g === p.gender;
  };
  const { tokens } = index;
  const klass = p.kind === 'org' ? 'org' : p.number === 'pl' ? 'pl' : p.gender;
  const here = tokens[at]?.sentence ?? 0;
  // Referents before the pronoun, nearest sentence last.
  let hi = index.referents.length;
  while (hi > 0 && index.referents[hi - 1]!.firstToken >= at) hi--;
  let best: Referent | undefined;
  // "A Department of Health spokesperson said … ‘…,’ they added": the last speaker may be a phrase no entity holds;
  // it is the referent when its sentence is reached before any fitting name, and no name precedes it there.
  const lastSpeaker = recent[recent.length - 1];
  // Its head word must fit the pronoun: a person for "he"/"she" ("a spokesman"), people or a body for "they", a
  // body or a document for "it" ("the report").
  const phrase =
    lastSpeaker &&
    lastSpeaker.entityId === null &&
    lastSpeaker.mention &&
    !PRONOUN_WORDS.has(lastSpeaker.mention.text.toLowerCase()) &&
    phraseFits(klass, tokens, lastSpeaker.mention, lex)
      ? tokenAt(tokens, lastSpeaker.mention.start)
      : -1;
  const phraseSentence = phrase >= 0 && phrase < at ? tok(tokens, phrase).sentence : -1;
  let k = hi - 1;
  let onlyOblique: Referent | undefined;
  for (let sentence = here; sentence >= Math.max(0, here - LOOK_BACK) && !best; sentence--) {
    while (k >= 0 && index.referents[k]!.sentence > sentence) k--;
    const fitting: Referent[] = [];
    for (; k >= 0 && index.referents[k]!.sentence === sentence; k--)
      if (fits(index.referents[k]!.entity)) fitting.push(index.referents[k]!);
    fitting.reverse();
    if (sentence === phraseSentence && !(fitting.length && fitting[0]!.firstToken < phrase))
      return { ...lastSpeaker!, mention: null };
    const chainAt = klass ? chainPronounIn(tokens, sentence, sentence === here ? at : -1, klass, index.quoted) : -1;
    if (fitting.length === 0) continue;
    if (chainAt >= 0 && chainAt < fitting[0]!.firstToken) continue;
    // "Flynn said Donald Trump was right when he said …": a pronoun opening a subordinate clause in its own sentence
    // refers to the subject of the clause that clause hangs on, the nearest name before it.
    const subordinate = sentence === here && SUBORDINATE_OPENERS.has(tokens[at - 1]?.lower ?? '');
    const subject = subordinate ? fitting.filter((m) => !m.oblique).at(-1) : fitting.find((m) => !m.oblique);
    // An earlier sentence that names fitting people only as possessors ("Greenspan's name could be seen on Child's
    // phone") seldom changes the topic: an earlier subject is looked for first, this one kept as a fallback. (In the
    // pronoun's own clause the possessor is the referent: "Trump's appearance, in which he said"; a quotation between
    // them parts the clauses, wherever the sentence ends.)
    const apart = (m: Referent) => sentence !== here || quotedBetween(tokens, m.firstToken, at, index.quoted);
    const possessorsOnly = fitting.every((m) => m.possessor && apart(m));
    if (!subject && !subordinate && (klass === 'm' || klass === 'f') && possessorsOnly) {
      onlyOblique ??= fitting[fitting.length - 1];
      continue;
    }
    best = subject ?? fitting[fitting.length - 1];
  }
  best ??= onlyOblique;
  // Nobody fitting named in the look-back: the last speaker, when it fits, is still the topic ("The parole board
  // decision … said …. It also said …").
  if (!best && lastSpeaker?.entityId) {
    const last = index.referents.find((m) => m.entity.id === lastSpeaker.entityId && m.firstToken < at);
    if (last && fits(last.entity)) return { name: last.entity.name, entityId: last.entity.id, mention: null };
  }
  // Past the look-back only a person is looked for further ("it" and "they" that far from any body name none).
  if (!best && klass !== 'org' && klass !== 'pl')
    for (const m of index.referents) {
      if (m.firstToken >= at) break;
      if (fits(m.entity)) best = m;
    }
  // The last speaker is the likeliest referent of "he said" when they fit better by gender: news keeps its subject.
  if (lastSpeaker?.entityId && best && lastSpeaker.entityId !== best.entity.id) {
    const same = index.referents.find((m) => m.entity.id === lastSpeaker.entityId);
    // Prefer the last speaker over a more recent mention only when that mention is no better match by gender.
    // A subject name followed in its own clause by the same pronoun has shown its gender there ("Ban Ki-moon
    // condemned what he called …"; not "During his tour of Midway, he paused": a pronoun after a comma opens the
    // main clause, and the name there is no subject).
    const again = klass !== undefined ? chainPronounIn(tokens, best.sentence, -1, klass, index.quoted) : -1;
    const opensSentence =
      !best.oblique &&
      !tokens.slice(sentenceStart(tokens, best.sentence), best.firstToken).some((t) => t.value === ',');
    const shown = again > best.firstToken && opensSentence && tokens[again - 1]?.value !== ',';
    const sameGender = same ? index.genderOf(same.entity) : undefined;
    if (
      same &&
      fits(same.entity) &&
      sameGender &&
      sameGender === p.gender &&
      index.genderOf(best.entity) !== p.gender &&
      !shown
    )
      best = same;
  }
  if (!best) return null;
  return { name: best.entity.name, entityId: best.entity.id, mention: null };
}

/** Some token in [from, to) lies inside quotation marks. */
function quotedBetween(
  tokens: readonly Token[],
  from: number,
  to: number,
  quoted: (offset: number) => boolean,
): boolean {
  for (let k = from; k < to; k++) if (quoted(tok(tokens, k).start)) return true;
  return false;
}

const SUBORDINATE_OPENERS = new Set([
  'when',
  'after',
  'before',
  'because',
  'as',
  'since',
  'while',
  'if',
  'although',
  'though',
  'until',
]);
const PRONOUN_WORDS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** A speaker phrase's head word fits the pronoun's class. */
function phraseFits(klass: string | undefined, tokens: readonly Token[], mention: Span, lex: QuoteLexicons): boolean {
  const first = tokenAt(tokens, mention.start);
  const last = tokenAt(tokens, mention.end - 1) + 1;
  if (first < 0 || last <= first) return false;
  const head = tok(tokens, headOf(tokens, first, last)).lower;
  const people = lex.peopleNouns.has(head);
  if (klass === 'm' || klass === 'f') return people && !head.endsWith('s');
  if (klass === 'pl') return people || lex.organisationNouns.has(head);
  return lex.organisationNouns.has(head) && !people;
}

/** Index of the first token that ends after char offset `at` (the token covering it, or the next), or -1 (tokens in
 * text order). */
export function tokenAt(tokens: readonly Token[], at: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tok(tokens, mid).end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? lo : -1;
}

/** Index of the first token of sentence `sentence` (tokens in sentence order). */
function sentenceStart(tokens: readonly Token[], sentence: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tok(tokens, mid).sentence < sentence) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First token of sentence `sentence` (before `before`, when given) that is a subject pronoun of class `klass`
 * outside quotation marks, or -1. */
function chainPronounIn(
  tokens: readonly Token[],
  sentence: number,
  before: number,
  klass: string,
  quoted: (offset: number) => boolean,
): number {
  for (
    let k = sentenceStart(tokens, sentence);
    k < tokens.length && tok(tokens, k).sentence === sentence && (before < 0 || k < before);
    k++
  ) {
    const t = tok(tokens, k);
    if (CHAIN_PRONOUNS[t.lower] === klass && !quoted(t.start)) return k;
  }
  return -1;
}

/** The person last named before `at` whose title the phrase's words ("governor", "prime minister") end; "Gov." is
 * read as "governor". */
function personWithTitle(
  title: string,
  entities: readonly Entity[],
  at: number,
  index: MentionIndex,
  lex: QuoteLexicons,
): Entity | undefined {
  let best: Entity | undefined;
  let bestAt = -1;
  for (const e of entities) {
    if (e.type !== 'PERSON' || !e.title) continue;
    const t = e.title
      .toLowerCase()
      .split(/\s+/)
      .map((w) => lex.titleWords.get(w) ?? w)
      .join(' ');
    // "the secretary" names the Secretary of State: the title's head word is the one before "of".
    const head = t.split(' of ')[0]!;
    if (t !== title && !t.endsWith(` ${title}`) && !title.endsWith(t) && head !== title && !head.endsWith(` ${title}`))
      continue;
    const seen = index.ordered.filter((m) => m.entity === e && m.mention.start < at).pop();
    if (seen && seen.mention.start > bestAt) {
      best = e;
      bestAt = seen.mention.start;
    }
  }
  return best;
}
