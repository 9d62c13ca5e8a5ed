// One wink-nlp instance per process (worker): the model loads once, ~95 ms and ~57 MB.
//
// wink learns: every out-of-vocabulary word it meets is added to the lexicon its tokenizer consults, so after
// one article writes "—Trump’s—" (kept whole), every later "Trump’s" in the process stays one token instead of
// "Trump" + "’s". A record would then depend on what the process read before it: on the worker count, the
// shard, the cache. `readDoc` here first makes wink forget the words the previous document taught it (their
// hash entries; the lists stay, so the indexes wink already handed out stay valid and a word met again is
// simply learned again), so every document is read as by a fresh process.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

type Wink = ReturnType<typeof winkNLP>;
type Doc = ReturnType<Wink['readDoc']>;
interface Feature { hash?: Record<string, number>; list?: unknown[] }
interface CoreModel { features?: Record<string, Feature> }

interface Instance {
  wink: Wink;
  /** The features that learn (a hash from value to index and a list of values), with the list length to keep. */
  learning: { hash: Record<string, number>; list: unknown[]; keep: number; initial: number }[];
}

// Forgotten words stay in wink's lists (their indexes must stay valid), so the lists grow with every document; past
// this many entries the instance is rebuilt (~0.1 s), which keeps memory flat however long a batch runs. Output
// does not change: every document is read as by a fresh process either way.
const REBUILD_AFTER = 200_000;

let instance: Instance | undefined;

function build(): Instance {
  const loader = model as unknown as { core: (...args: unknown[]) => CoreModel };
  const original = loader.core;
  let core: CoreModel | undefined;
  loader.core = (...args: unknown[]) => (core = original.apply(loader, args));
  let wink: Wink;
  try {
    wink = winkNLP(model, ['sbd', 'pos', 'ner']);
  } finally {
    loader.core = original;
  }
  if (!core?.features?.lexeme?.hash) throw new Error('wink-eng-lite-web-model changed its layout: its learning cannot be reset');
  const learning = Object.values(core.features)
    .filter((f): f is Required<Feature> => !!f && typeof f.hash === 'object' && Array.isArray(f.list))
    .map((f) => ({ hash: f.hash, list: f.list, keep: f.list.length, initial: f.list.length }));
  return { wink, learning };
}

/** The process-wide wink-nlp instance (sentence boundaries, POS, wink's own entities; no sentiment). */
export function nlp(): Wink {
  instance ??= build();
  return instance.wink;
}

/** Reads a document the way a fresh process would, whatever this process read before. */
export function readDoc(text: string): Doc {
  instance ??= build();
  if (instance.learning.some((f) => f.list.length - f.initial > REBUILD_AFTER)) instance = build();
  for (const f of instance.learning) {
    for (let i = f.keep; i < f.list.length; i++) {
      const value = f.list[i] as string;
      // Only entries that still point at this index: a word learned twice keeps neither.
      if (f.hash[value] === i) delete f.hash[value];
    }
    f.keep = f.list.length;
  }
  return instance.wink.readDoc(text);
}
