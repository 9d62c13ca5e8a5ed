// One wink-nlp instance per process (worker): the model loads once, ~95 ms and ~57 MB.
//
// wink learns: every out-of-vocabulary word it meets is added to the lexicon its tokenizer consults, so after
// one article writes "—Trump’s—" (kept whole), every later "Trump’s" in the process stays one token instead of
// "Trump" + "’s". A record would then depend on what the process read before it: on the worker count, the
// shard, the cache. `readDoc` here first makes wink forget the words the previous document taught it (their
// hash entries; the lists stay, so the indexes wink already handed out stay valid and a word met again is
// simply learned again), so every document is read as by a fresh process.
//
// Some learned words are kept, because knowing them early changes nothing: a word of ASCII letters only. Every
// path of wink's tokenizer that looks such a string up (a whole space-separated chunk, the part before or after
// punctuation, a regex match of the recursive tokenizer, the period and hyphen rules, which only look up strings
// holding a period or hyphen or compare with a build that is empty) makes it one token of category "word" whether
// it is found or not, and its lexicon entry (features, normal, POS guess) is a function of the string and that
// category alone; its normal is letters too. The exceptions are the four currency codes the recursive tokenizer
// tags as currency, and a Kelvin sign (U+212A), whose lower case is "k": a document holding one is read by a
// fresh instance of its own. Re-learning those words was a fifth of readDoc, and keeping them keeps the lists short. Feature
// values (prefixes, suffixes, shapes) are kept too: only their indexes are learned, and a value keeps one index.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
type Doc = ReturnType<Wink['readDoc']>;
interface Feature {
  hash?: Record<string, number>;
  list?: unknown[];
}
interface CoreModel {
  features?: Record<string, Feature>;
}

interface Instance {
  wink: Wink;
  /** The lexeme feature (a hash from word to index and a list of words), with the list length already seen. */
  lexemes: { hash: Record<string, number>; list: unknown[]; seen: number; initial: number };
}

// Words a later document may find already learned (see the top of this file).
const KEEPABLE = /^[A-Za-z]+$/;
const CURRENCY_CODES = new Set(['USD', 'AUD', 'INR', 'GBP']);
const KELVIN = '\u212a';

// Forgotten words stay in wink's lists (their indexes must stay valid), so the lists grow with every document; past
// this many entries the instance is rebuilt (~0.1 s), which keeps memory flat however long a batch runs. Output
// does not change: every document is read as by a fresh process either way.
const REBUILD_AFTER = 200_000;

let instance: Instance | undefined;

// wink-eng-lite-web-model's metaCER() loader replaces the module variable it returns with its JSON text on every
// call, so the Nth instance built in a process stringifies a string N-1 times: memory and time double per build,
// and the 20th (20 articles holding a Kelvin sign, each read by a fresh instance) threw "Invalid string length".
// Its first result is kept and handed to every later build.
let metaCER: unknown;

type Pipe = Parameters<typeof winkNLP>[1];

function build(pipe: Pipe = ['sbd', 'pos', 'ner']): Instance {
  const loader = model as unknown as { core: (...args: unknown[]) => CoreModel; metaCER: () => unknown };
  const original = loader.core;
  let core: CoreModel | undefined;
  metaCER ??= loader.metaCER();
  const once = metaCER;
  // the model's own loaders, but core's result captured and metaCER's kept: a model object of our own, so the
  // package's shared one is left as it is
  const ours = Object.assign(Object.create(null) as object, model, {
    core: (...args: unknown[]) => (core = original.apply(loader, args)),
    metaCER: () => once,
  }) as typeof model;
  const wink = winkNLP(ours, pipe);
  if (!core?.features?.lexeme?.hash)
    throw new Error('wink-eng-lite-web-model changed its layout: its learning cannot be reset');
  const lexeme = core.features.lexeme as Required<Feature>;
  return {
    wink,
    lexemes: { hash: lexeme.hash, list: lexeme.list, seen: lexeme.list.length, initial: lexeme.list.length },
  };
}

/** The process-wide wink-nlp instance (sentence boundaries, POS, wink's own entities; no sentiment). */
export function nlp(): Wink {
  instance ??= build();
  return instance.wink;
}

/** Reads a document the way a fresh process would, whatever this process read before. */
export function readDoc(text: string): Doc {
  return readDocIn(text).doc;
}

/**
 * readDoc, and the lexicon the document's token ids (`its.uniqueId`) index: the same object for every document
 * read by one wink instance, whose ids then name one word string each (its list only grows); a new one after a
 * rebuild; undefined when the document was read by a throwaway instance, whose ids name nothing later.
 */
export function readDocIn(text: string): { doc: Doc; lexicon: object | undefined } {
  instance ??= build();
  const lex = instance.lexemes;
  if (lex.list.length - lex.initial > REBUILD_AFTER) instance = build();
  if (text.includes(KELVIN)) {
    // Read by a fresh instance that no later document uses: it may have learned "k…" words in another category.
    return { doc: build().wink.readDoc(text), lexicon: undefined };
  }
  const doc = instance.wink.readDoc(text);
  forget(instance.lexemes);
  return { doc, lexicon: instance.lexemes };
}

/** The number of wink tokens of a text given as consecutive slices (cut where no token changes), as readDoc of
 * the whole text would count them; the count stops once past `limit`. A fresh tokenizer-only instance (no
 * sentences, tags or entities: tokenizing is all a count needs) reads the slices as one document read by a fresh
 * process; it is built per text (~0.1 s, only for a text that may be over the limit) and dropped after, so its
 * lexicon does not stay in memory. */
export function countTokens(slices: Iterable<string>, limit: number): number {
  const reader = build([]);
  let n = 0;
  for (const slice of slices) {
    n += reader.wink.readDoc(slice).tokens().length();
    if (n > limit) break;
  }
  return n;
}

/** Makes wink forget the words the last document taught it, except those knowing early changes nothing for. */
function forget(lex: Instance['lexemes']): void {
  const { hash, list } = lex;
  for (let i = lex.seen; i < list.length; i++) {
    const word = list[i] as string;
    // Only entries that still point at this index: a word learned twice keeps neither.
    if (hash[word] === i && !(KEEPABLE.test(word) && !CURRENCY_CODES.has(word))) delete hash[word];
  }
  lex.seen = list.length;
}
