// The mentions a speaker phrase or a pronoun can name: every person, organisation, place and group mention by token,
// and, for pronouns, those in the narration (outside quotation marks, credit lines and name modifiers) in text
// order, each with how it stands in its sentence (a prepositional object, a possessor).
import type { Entity, Span, Token } from '../../types.ts';
import { captions, isCredit } from './credits.ts';
import { quoteLexicons, type QuoteLexicons } from './lexicon.ts';
import { pronounGenders } from './pronoun-gender.ts';

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
  /** The gender genderOf gives is only a first name's usual one: no pronoun of the article nor a title tells it. */
  genderGuessed: (e: Entity) => boolean;
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
  /** "called Immigration Minister Ahmed Hussen a chicken": the object of a verb that reports nothing, seldom the
   * topic either. */
  object: boolean;
}

const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);

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
        object: objectOfVerb(tokens, m.firstToken),
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
  const inCaption = captions(text);
  // Read only when a pronoun is resolved, once.
  let said: Map<string, 'm' | 'f'> | undefined;
  return {
    byToken,
    ordered,
    referents: ordered.filter(
      (m) =>
        !quoted(m.mention.start) &&
        !attributive.has(m.mention) &&
        !isCredit(text, m.mention.start, m.mention.end) &&
        !inCaption.some(([a, b]) => m.mention.start >= a && m.mention.start < b),
    ),
    tokens,
    quoted,
    genderOf: (e) => (said ??= pronounGenders(ordered, tokens, quoted)).get(e.id) ?? e.gender,
    genderGuessed: (e) =>
      e.gender !== undefined &&
      !(said ??= pronounGenders(ordered, tokens, quoted)).has(e.id) &&
      !gendered(e.title, quoteLexicons()),
  };
}

// How many words of a name's own phrase ("Immigration Minister", "the former") may stand between it and its verb.
const OBJECT_REACH = 4;
const NOUN_PHRASE = new Set(['PROPN', 'NOUN', 'ADJ', 'DET', 'NUM']);

/** The name at token `first` is the object of a verb that reports no speech ("called Immigration Minister Ahmed
 * Hussen a chicken"; not "said Sen. Ted Cruz"). */
function objectOfVerb(tokens: readonly Token[], first: number): boolean {
  const lex = quoteLexicons();
  const sentence = tokens[first]?.sentence;
  for (let k = first - 1; k >= Math.max(0, first - 1 - OBJECT_REACH); k--) {
    const t = tokens[k]!;
    if (t.sentence !== sentence) return false;
    // "called" names something ("called him a chicken") more often than it inverts an attribution.
    if (t.pos === 'VERB') return !lex.verbs.get(t.lower)?.some((f) => f.tokens.length === 1 && !f.verb.naming);
    if (!NOUN_PHRASE.has(t.pos)) return false;
  }
  return false;
}

/** A title that tells a gender ("Mrs.", "Congresswoman"). */
function gendered(title: string | undefined, lex: QuoteLexicons): boolean {
  return title !== undefined && title.split(/\s+/).some((w) => lex.genderedTitles.has(w.toLowerCase()));
}
