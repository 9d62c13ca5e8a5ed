// Pronoun speakers: the referent of "he said", "she added", "it said" is the topic of the nearest sentence that names
// someone who fits, as a reader takes it (see resolvePronoun).
import type { Entity, Span, Speaker, Token } from '../../types.ts';
import { isRoleWord } from './as-written.ts';
import type { QuoteLexicons } from './lexicon.ts';
import type { MentionIndex, Referent } from './mention-index.ts';
import { headOf } from './phrase-head.ts';
import { sentenceStart, tok, tokenAt } from './tokens.ts';

// Subject pronouns that carry a referent on from sentence to sentence ("He attended the rally …").
const CHAIN_PRONOUNS: Record<string, 'm' | 'f' | 'pl' | 'org'> = { he: 'm', she: 'f', they: 'pl', it: 'org' };
// How many sentences back a pronoun looks for its referent before falling back to the last fitting mention.
const LOOK_BACK = 6;

/**
 * The referent of a pronoun at token `at`: sentence by sentence backwards, the topic of the nearest sentence that
 * names a fitting person (or organisation for "it"/"they"). A sentence's topic is its first fitting mention that is
 * no prepositional object or possessor, nor the object of a verb when a subject is there ("Reid said that Sanders
 * …" -> Reid; "Scott Reed, who managed Bob Dole's campaign, said" -> Reed; "Rempel called Immigration Minister
 * Ahmed Hussen a chicken, and Scheer insists …" -> Scheer). A sentence whose subject is the same pronoun before any
 * name ("He attended the rally, though he may vote for Sanders"), or before names only set against it ("Unlike Al
 * Mnajer, he has been unable to find work"), continues the referent of the sentences before it, so it is skipped. A
 * sentence that names nobody fitting but whose subject describes a person the article names ("On Dec. 13, the
 * mayor brought up the plan again") refers to that person (`describedSubject`).
 */
export function resolvePronoun(
  p: { gender?: 'm' | 'f'; number?: 'sg' | 'pl'; kind?: 'org' },
  at: number,
  index: MentionIndex,
  recent: readonly Speaker[],
  lex: QuoteLexicons,
  describedSubject: (sentence: number) => Entity | null = () => null,
): Speaker | null {
  const { tokens } = index;
  const lastSpeaker = recent[recent.length - 1];
  // "…, adds Al Basha. “We can borrow the money,” she says": the speaker of the sentence just before goes on
  // speaking, whatever her first name usually says, when nobody fitting is named there.
  const here = tokens[at]?.sentence ?? 0;
  const goesOn = (e: Entity) =>
    e.id === lastSpeaker?.entityId &&
    lastSpeaker.mention !== null &&
    tok(tokens, tokenAt(tokens, lastSpeaker.mention.start)).sentence >= here - 1 &&
    index.genderGuessed(e);
  const fits = (e: Entity) => {
    if (p.kind === 'org') return e.type === 'ORG' || e.type === 'GPE';
    if (p.number === 'pl') return e.type === 'ORG' || e.type === 'NORP';
    if (e.type !== 'PERSON') return false;
    const g = index.genderOf(e);
    return !p.gender || !g || g === p.gender;
  };
  const klass = p.kind === 'org' ? 'org' : p.number === 'pl' ? 'pl' : p.gender;
  // Referents before the pronoun, nearest sentence last.
  let hi = index.referents.length;
  while (hi > 0 && index.referents[hi - 1]!.firstToken >= at) hi--;
  let best: Referent | undefined;
  // "A health ministry spokesperson said … ‘…,’ they added": the last speaker may be a phrase no entity holds, or
  // one a description resolved ("A Department of Health spokesperson": the department); it is the referent when
  // its sentence is reached before any fitting name, and no name precedes it there. A phrase's head word must fit
  // the pronoun: a person for "he"/"she" ("a spokesman"), people or a body for "they", a body or a document for
  // "it" ("the report"); a resolved one's entity must.
  const spoken = lastSpeaker?.entityId ? index.ordered.find((m) => m.entity.id === lastSpeaker.entityId) : undefined;
  const phrase =
    lastSpeaker?.mention &&
    !PRONOUN_WORDS.has(lastSpeaker.mention.text.toLowerCase()) &&
    (lastSpeaker.entityId === null
      ? phraseFits(klass, tokens, lastSpeaker.mention, lex)
      : spoken !== undefined && fits(spoken.entity) && describes(lastSpeaker.mention, index))
      ? tokenAt(tokens, lastSpeaker.mention.start)
      : -1;
  const phraseSentence = phrase >= 0 && phrase < at ? tok(tokens, phrase).sentence : -1;
  let k = hi - 1;
  let onlyOblique: Referent | undefined;
  for (let sentence = here; sentence >= Math.max(0, here - LOOK_BACK) && !best; sentence--) {
    while (k >= 0 && index.referents[k]!.sentence > sentence) k--;
    const fitting: Referent[] = [];
    let carried: Referent | undefined;
    for (; k >= 0 && index.referents[k]!.sentence === sentence; k--) {
      const m = index.referents[k]!;
      if (fits(m.entity)) fitting.push(m);
      else if (klass !== 'org' && klass !== 'pl' && m.entity.type === 'PERSON' && goesOn(m.entity)) carried = m;
    }
    fitting.reverse();
    if (sentence === phraseSentence && !(fitting.length && fitting[0]!.firstToken < phrase))
      return { ...lastSpeaker!, mention: null };
    const chainAt = klass ? chainPronounIn(tokens, sentence, sentence === here ? at : -1, klass, index.quoted) : -1;
    if (fitting.length === 0 && carried) {
      best = carried;
      break;
    }
    if (fitting.length === 0) {
      // "On Dec. 13, the mayor brought up the plan again. “…,” he said": a sentence about someone described, not
      // named, names the person the description stands for.
      const described = (klass === 'm' || klass === 'f') && sentence !== here ? describedSubject(sentence) : null;
      if (described && fits(described)) return { name: described.name, entityId: described.id, mention: null };
      continue;
    }
    if (chainAt >= 0 && fitting.every((m) => m.firstToken > chainAt || contrasted(tokens, m))) continue;
    // "Flynn said Donald Trump was right when he said …": a pronoun opening a subordinate clause in its own sentence
    // refers to the subject of the clause that clause hangs on, the nearest name before it.
    const subordinate = sentence === here && SUBORDINATE_OPENERS.has(tokens[at - 1]?.lower ?? '');
    const subject = subordinate
      ? fitting.filter((m) => !m.oblique).at(-1)
      : (fitting.find((m) => !m.oblique && !m.object) ?? fitting.find((m) => !m.oblique));
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

// Prepositions that set a name against the sentence's subject ("Unlike Al Mnajer, he has been unable to find work");
// "For Espinos, … he is simply filling a niche" makes the name the topic instead.
const CONTRASTING = new Set(['unlike', 'besides', 'except']);

/** The mention is the object of a contrasting preposition. */
function contrasted(tokens: readonly Token[], m: Referent): boolean {
  return m.oblique && !m.possessor && CONTRASTING.has(tok(tokens, m.firstToken - 1).lower);
}

/** The speaker mention is a description that does not end in a name ("A Department of Health spokesperson"; not
 * "Retired Lt. Gen. Michael Flynn"). */
function describes(mention: Span, index: MentionIndex): boolean {
  return !index.ordered.some((m) => m.mention.end === mention.end && m.mention.start >= mention.start);
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
  // wink may tag a role word an adjective ("a private security professional"): a last word that names a role heads.
  const end = tok(tokens, last - 1).lower;
  const head = isRoleWord(end, lex) ? end : tok(tokens, headOf(tokens, first, last)).lower;
  const people = lex.peopleNouns.has(head);
  if (klass === 'm' || klass === 'f') return (people || isRoleWord(head, lex)) && !head.endsWith('s');
  // "Stella's owners Tore Sohlberg and Lehla Abreder": names joined by "and" are people.
  if (klass === 'pl' && / and /.test(mention.text)) return true;
  if (klass === 'pl') return people || lex.organisationNouns.has(head);
  return lex.organisationNouns.has(head) && !people;
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
