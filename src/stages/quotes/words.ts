// The quote stage's closed word lists: one data file each under data/lexicon/quotes/ (its $comment says what the
// list is for), read once when the stage loads. Lower case, as tokens' `lower` is.
import { loadData } from '../../lexicon/load.ts';

function words(name: string): ReadonlySet<string> {
  return new Set(loadData<{ words: string[] }>(`lexicon/quotes/${name}.json`).words);
}

/** Words that head a speaker phrase as a quantity ("Most of the candidates", "85% of Democrats"). */
export const QUANTIFIERS = words('quantifiers');
/** "who", "which" …: a relative word starts a clause, not a speaker's name. */
export const RELATIVE_WORDS = words('relative-words');
/** Adverbs, reflexives and auxiliaries between a subject and its cue ("Smith also said", "Smith had said"). */
export const BETWEEN_SUBJECT_AND_CUE = words('words-between-subject-and-cue');
/** Articles and possessives: a cue form after one is a noun ("the claims"). */
export const NOUN_DETERMINERS = words('noun-determiners');
/** "not", "never" …: a negated cue reports nothing. */
export const NEGATION = words('negations');
/** Words after a cue that end the frame: "said so", "said nothing", "declined to say", "is said to be". */
export const NOT_CONTENT = words('not-content-after-cue');
/** Lemmas of verbs whose object is the listener and that never invert ("…, told reporters"). */
export const NEVER_INVERTED = words('never-inverted-verbs');
/** Words that open an embedded question ("whether", "why" …). */
export const WH_WORDS = words('wh-words');
/** "me", "him" …: "told him" names a listener. */
export const OBJECT_PRONOUNS = words('object-pronouns');
/** "I", "he" …: after a phrase of time or place one opens the reported clause. */
export const SUBJECT_PRONOUNS = words('subject-pronouns');
/** Prepositions of a phrase of time or place after a cue ("said after the debate the country needed …"). */
export const PLACE_TIME_PREPS = words('place-time-prepositions');
/** Lemmas of cue verbs whose object is the listener ("told reporters", "urged voters to …"). */
export const LISTENER_VERBS = words('listener-verbs');
/** One word that says when or how, not what: "said Tuesday it will …", "said later". */
export const DAY_WORDS = words('day-words');
/** Words that open an adjunct after a cue ("said in a statement", "said on CNN"), the day words among them. */
export const ADJUNCT_PREPS: ReadonlySet<string> = new Set([...words('adjunct-openers-after-cue'), ...DAY_WORDS]);
/** Conjunctions joining names that speak together ("Trump and Ryan said"). */
export const CONJUNCTIONS = words('name-conjunctions');
/** "…, she said, as the crowd cheered": a subordinate clause after the attribution is narration. */
export const SUBORDINATORS = words('subordinators');
/** Prepositions of an adjunct between a subject and its verb ("Trump at the time said"). */
export const ADJUNCT_BEFORE_VERB = words('adjunct-prepositions-before-verb');
/** Nouns of a time phrase ("last week", "this morning"). */
export const TIME_NOUNS = words('time-nouns');
/** Words of a phrase of time only ("Sunday", "A few weeks later"): such a phrase names no speaker. */
export const TIME_WORDS = words('time-words');
/** Words before a time noun that make a time phrase ("last", "this", "earlier" …). */
export const TIME_MODIFIERS = words('time-modifiers');
/** Words of an approximate quantity ("about half of …", "nearly 40 percent"). */
export const APPROXIMATELY = words('approximators');
/** Conjunctions opening an aside in commas between a cue and "that" ("said, as they bristled …, that"). */
export const ASIDE_OPENERS = words('aside-openers');
/** Quantity words that are a reported clause's subject when a verb follows ("says much is made of …"). */
export const QUANTITY_SUBJECTS = words('quantity-subjects');
/** Words before a passive "asked" that has no asker ("when asked", "after being asked", ", asked about …"). */
export const ASKED_AFTER = words('passive-asked-openers');
/** Subordinators that may open the content after a cue ("says despite being …, she plans …"). */
export const CONTENT_SUBORDINATORS = words('content-subordinators');
/** Words opening a complement or relative clause, whose subject is not the outer clause's. */
export const CLAUSE_OPENERS = words('clause-openers');
/** Day words that are adverbs of sequence ("also", "then"): not skipped back over like a day. */
export const SEQUENCE_ADVERBS = words('sequence-adverbs');
/** Words before a day that belong to its adjunct ("on Tuesday", "last Tuesday"). */
export const DAY_OPENERS = words('day-openers');
/** Quantities after "too" that make it part of the content ("says too much is made of …"). */
export const DEGREE_QUANTITIES = words('degree-quantities');
/** Words that go on inside an adjunct's phrase after a cue ("at the beginning of the meeting"). */
export const ADJUNCT_PHRASE_LINKS = words('adjunct-phrase-links');
/** Connectors before an opening "according to" ("But according to …"). */
export const SENTENCE_CONNECTORS = words('sentence-connectors');
/** Forms of "be": before a gerund cue they make a progressive ("was saying"). */
export const BE_FORMS = words('be-forms');
/** Relative words the tagger may read as a speaker phrase's first word ("what many analysts said was …"). */
export const WH_PHRASE_OPENERS = words('wh-phrase-openers');
/** Small words a title in title case leaves in lower case ("The Lives of the Super Rich"). */
export const TITLE_SMALL_WORDS = words('title-small-words');
/** Labels that open a paragraph linking other stories or media ("READ MORE:", "WATCH BELOW:"). */
export const LINK_LABELS = words('link-labels');
