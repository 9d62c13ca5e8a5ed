// Part-of-speech classes the rules test tokens against: wink's Universal Dependencies tags, not vocabulary.

/** Tags of the words a noun phrase is made of. */
export const NP_POS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM']);
/** Tags of a noun phrase's head. */
export const HEAD_POS: ReadonlySet<string> = new Set(['PROPN', 'NOUN', 'PRON', 'NUM']);
/** Tags of the noun that ends a phrase of time or place ("after the debate"). */
export const NOUN_HEADS: ReadonlySet<string> = new Set(['NOUN', 'PROPN', 'NUM']);
/** Tags of the first word of an adjunct ("In her post about the tweet, …"). */
export const ADJUNCT_OPENERS: ReadonlySet<string> = new Set(['ADP', 'SCONJ', 'CCONJ']);
/** Tags of the word before a clause's subject: a subject opens its clause. */
export const CLAUSE_START_POS: ReadonlySet<string> = new Set(['PUNCT', 'CCONJ', 'SCONJ', 'ADV']);
