// Speaker resolution: the noun phrase of an attribution becomes a named entity ("Secretary Blinken" -> Antony
// Blinken), a pronoun resolved by gender and recency ("he" -> the last man named), a title that names a known
// person ("the secretary"), or the phrase as written ("aides", "the report").
import type { Entity, Span, Speaker, Token } from '../../types.ts';
import { isRoleWord, writtenStart } from './as-written.ts';
import { personAtTail, resolveDescription } from './descriptions.ts';
import type { QuoteLexicons } from './lexicon.ts';
import type { MentionIndex } from './mention-index.ts';
import { headOf } from './phrase-head.ts';
import { shapePhrase } from './phrase-shape.ts';
import { resolvePronoun } from './pronoun-referent.ts';
import { sentenceStart, tok, tokenAt } from './tokens.ts';

// Read from here by drafting and floating quotes.
export type { MentionIndex } from './mention-index.ts';
export { tokenAt } from './tokens.ts';

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
    const mention = asWritten(tokens, first, named.mention, text, lex);
    return { speaker: { name: e.name, entityId: e.id, mention }, via: 'name' };
  }
  for (let k = last - 1; k >= first; k--) {
    const hit = index.byToken.get(k);
    if (hit && hit.entity.type === 'PERSON' && tok(tokens, head).pos === 'PROPN') {
      const mention = asWritten(tokens, first, hit.mention, text, lex);
      return { speaker: { name: hit.entity.name, entityId: hit.entity.id, mention }, via: 'name' };
    }
  }

  const headToken = tok(tokens, head);
  const pronoun = lex.pronouns.get(headToken.lower);
  if (pronoun && last - first === 1) {
    const mention: Span = { start: headToken.start, end: headToken.end, text: headToken.value };
    const target = resolvePronoun(pronoun, head, index, recent, lex, (sentence) =>
      describedSubject(tokens, sentence, index, entities, lex, recent),
    );
    if (target) return { speaker: { name: target.name, entityId: target.entityId, mention }, via: 'pronoun' };
    // "The ministry issued a statement. It said …": "it"/"they" after a nameless organisation.
    if (pronoun.kind === 'org' || pronoun.number === 'pl') {
      const org = nominalOrganisationBefore(tokens, first, lex, pronoun.number === 'pl');
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
  // "A person familiar with the negotiations says … according to the person who spoke": the same nameless source.
  const before = tok(tokens, first).lower === 'the' ? sameSource(tokens, headToken.lower, recent) : undefined;
  return { speaker: { name: before ?? phraseText, entityId: null, mention }, via: 'phrase' };
}

// How many words may open a sentence before its described subject ("On Dec. 13, the mayor …").
const OPENING_REACH = 8;
// How many words a described subject may have after its determiner ("the rookie defenceman").
const DESCRIPTION_REACH = 5;

/** The person a sentence's subject describes ("On Dec. 13, the mayor brought up the plan": the mayor's name), or
 * null: a definite phrase with a person's role word as its head, right before the sentence's verb, resolved by title
 * or description. */
function describedSubject(
  tokens: readonly Token[],
  sentence: number,
  index: MentionIndex,
  entities: readonly Entity[],
  lex: QuoteLexicons,
  recent: readonly Speaker[],
): Entity | null {
  let k = sentenceStart(tokens, sentence);
  if (tok(tokens, k).lower !== 'the')
    for (let j = k; j < k + OPENING_REACH && tok(tokens, j).sentence === sentence; j++)
      if (tok(tokens, j).value === ',') {
        k = j + 1;
        break;
      }
  if (tok(tokens, k).lower !== 'the' || index.quoted(tok(tokens, k).start)) return null;
  let end = k + 1;
  while (end < k + 1 + DESCRIPTION_REACH && ['ADJ', 'NOUN'].includes(tok(tokens, end).pos)) end++;
  const head = tok(tokens, end - 1);
  const verb = tok(tokens, end);
  if (end === k + 1 || head.pos !== 'NOUN' || (verb.pos !== 'VERB' && verb.pos !== 'AUX')) return null;
  if (!isRoleWord(head.value, lex)) return null;
  const words: string[] = [];
  for (let j = k + 1; j < end; j++) words.push(tok(tokens, j).lower);
  const found =
    personWithTitle(words.join(' '), entities, head.start, index, lex) ??
    resolveDescription([k, end], index, entities, lex, recent);
  return found?.type === 'PERSON' ? found : null;
}

/** The name's mention with the words before it in the speaker phrase that describe its bearer (as-written.ts). */
function asWritten(tokens: readonly Token[], first: number, mention: Span, text: string, lex: QuoteLexicons): Span {
  const name = tokenAt(tokens, mention.start);
  if (name <= first) return mention;
  const start = tok(tokens, writtenStart(tokens, first, name, lex)).start;
  return start < mention.start ? { start, end: mention.end, text: text.slice(start, mention.end) } : mention;
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

/** The nearest "the ministry" (determiner + organisation noun) in the 40 tokens before `at`, as written; for
 * "they" (`plural`) also a plural noun for people or bodies that opens its sentence ("Authorities said … They
 * said"). */
function nominalOrganisationBefore(
  tokens: readonly Token[],
  at: number,
  lex: QuoteLexicons,
  plural: boolean,
): string | null {
  for (let k = at - 1; k >= Math.max(0, at - 40); k--) {
    const t = tok(tokens, k);
    if (t.pos === 'NOUN' && lex.organisationNouns.has(t.lower) && tok(tokens, k - 1).lower === 'the')
      return `${tok(tokens, k - 1).value} ${t.value}`;
    if (
      plural &&
      (t.pos === 'NOUN' || t.pos === 'PROPN') &&
      t.lower.endsWith('s') &&
      (lex.organisationNouns.has(t.lower) || lex.peopleNouns.has(t.lower)) &&
      tok(tokens, k - 1).sentence !== t.sentence
    )
      return t.value;
  }
  return null;
}

const INTRODUCING = new Set(['a', 'an', 'one', 'another']);
// How many speakers back a definite phrase looks for the nameless source it takes up.
const SAME_SOURCE_REACH = 30;

/** The name of the last nameless speaker phrase introduced as new with the head word `head` ("A person familiar
 * with the negotiations" for a later "the person"), or undefined. */
function sameSource(tokens: readonly Token[], head: string, recent: readonly Speaker[]): string | undefined {
  for (let i = recent.length - 1; i >= Math.max(0, recent.length - SAME_SOURCE_REACH); i--) {
    const s = recent[i]!;
    if (s.entityId !== null || !s.mention) continue;
    const a = tokenAt(tokens, s.mention.start);
    // Only a source introduced as new ("A person …") is taken up; two definite phrases are two people ("the
    // laid-back Cambridge resident", "the self-taught Cambridge resident").
    if (!INTRODUCING.has(tok(tokens, a).lower)) continue;
    const b = tokenAt(tokens, s.mention.end - 1) + 1;
    if (a >= 0 && b > a + 1 && tok(tokens, headOf(tokens, a, b)).lower === head) return s.name;
  }
  return undefined;
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
