// Internal article state as it flows through the stages. Offsets here are JS string (UTF-16) indexes into
// `text`; emit converts them to the contract's code point offsets once, at the end.

/** What the input carries about itself; never invented. */
export interface Meta {
  title?: string;
  byline?: string;
  /** ISO 8601 */
  published?: string;
  url?: string;
  siteName?: string;
  language?: string;
}

export type Severity = 'error' | 'warning' | 'info';

/** A problem or a notable action, attached to the article (the vfile way), never thrown through the batch. */
export interface Message {
  /** Stable id from the message table (src/messages.ts). */
  id: string;
  severity: Severity;
  stage: string;
  text: string;
}

export type SourceFormat = 'text' | 'html' | 'markdown';

export interface Source {
  /** Path relative to the input folder, '/'-separated. */
  path: string;
  sha256: string;
  format: SourceFormat;
}

/** Half-open [start, end) in UTF-16 units of the article text, plus the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Token {
  start: number;
  end: number;
  value: string;
  /** wink's UD part of speech; SPACE for newline tokens. */
  pos: string;
  /** Lower-cased value, computed once: lexicon look-ups use it. */
  lower: string;
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

/** An entity wink's own model found (DATE, TIME, MONEY, PERCENT, CARDINAL, ORDINAL, …), by token range. */
export interface WinkEntity {
  type: string;
  firstToken: number;
  lastToken: number;
}

export interface Sentence {
  start: number;
  end: number;
  /** Index range into tokens, [firstToken, lastToken). */
  firstToken: number;
  lastToken: number;
  /** Index of the paragraph (line block) the sentence is in. */
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
}

export type EntityType =
  | 'PERSON'
  | 'ORG'
  | 'GPE'
  | 'LOC'
  | 'NORP'
  | 'FAC'
  | 'EVENT'
  | 'LAW'
  | 'PRODUCT'
  | 'WORK_OF_ART'
  | 'LANGUAGE'
  | 'DATE'
  | 'TIME'
  | 'MONEY'
  | 'PERCENT'
  | 'QUANTITY'
  | 'CARDINAL'
  | 'ORDINAL';

export interface Mention extends Span {
  type: EntityType;
  /** Token index range [first, last). */
  firstToken: number;
  lastToken: number;
  /** A title written before a person's name ("Secretary of State"), kept apart from the span. */
  title?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  mentions: Mention[];
  title?: string;
  /** For people: 'm' | 'f' when a first name or title tells it (the entities stage's hint, which the quote stage's
   * pronoun resolution reads). The contract's gender is the identity stage's `identity`. */
  gender?: 'm' | 'f';
}

/** The contract's gender of a person, and the strongest evidence the article gives for it. */
export type Gender = 'female' | 'male' | 'unknown';
export type GenderEvidence = 'pronoun' | 'honorific' | 'name' | null;

/** An entity with its key (and for people, its gender), after the identity stage. */
export interface IdentifiedEntity extends Entity {
  /** Readable key of the referent, derived from this article only (src/stages/identity/key.ts); null for numbers,
   * dates and other values that name no referent. */
  key: string | null;
  /** PERSON only. */
  person?: { gender: Gender; evidence: GenderEvidence };
}

export type QuoteType = 'direct' | 'indirect' | 'mixed';

export interface Speaker {
  name: string;
  entityId: string | null;
  /** The key of the entity that speaks (set by the identity stage). */
  key?: string | null;
  mention: Span | null;
}

export interface Quote {
  type: QuoteType;
  start: number;
  end: number;
  text: string;
  cue: Span | null;
  speaker: Speaker | null;
  confidence: number;
  /** The evidence signature behind the confidence (internal: calibration reads it, emit drops it). */
  evidence?: string;
}

/** After ingest. */
export interface IngestedArticle {
  id: string;
  source: Source;
  meta: Meta;
  text: string;
  messages: Message[];
}

/** After segment. */
export interface SegmentedArticle extends IngestedArticle {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  winkEntities: WinkEntity[];
}

/** Per token of a segmented article, wink's id of its word string, which the entity tagger caches per-word work by
 * instead of hashing the strings. A performance aid beside the article state (src/stage.ts SideChannel), never in
 * it: the tagger gives the same spans without it. */
export interface TokenWordIds {
  /** Per token, the id of its word (-1 when the token's text is not wink's word), valid in `lexicon` only. */
  ids: Int32Array;
  /** The wink lexicon the ids index (src/stages/segment/nlp.ts readDocIn). */
  lexicon: object;
}

/** After entities. */
export interface EntityArticle extends SegmentedArticle {
  entities: Entity[];
}

/** After quotes. */
export interface QuotedArticle extends EntityArticle {
  quotes: Quote[];
}

/** After identity: every entity keyed, people given a gender, every speaker its entity's key. */
export interface IdentifiedArticle extends QuotedArticle {
  entities: IdentifiedEntity[];
}
