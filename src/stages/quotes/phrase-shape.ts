// The edges of a speaker phrase as a reader draws them, where the attribution frame cut it elsewhere:
//   - the object of a participle is no subject: "The parole board decision allowing his release said" -> "The
//     parole board decision";
//   - a time phrase before the determiner is no part of it: "early November the company" -> "the company";
//   - an adjective after the head that takes a complement carries it: "a person familiar" -> "a person familiar
//     with the talks" (the words that say who the source is);
//   - any other adjective or adverb after the head (wink may tag the head itself an adjective: "professional") is
//     no part of it: "a private security professional present",
//     "UFCW Local 832 late";
//   - a phrase that is the complement of such an adjective is no speaker, the noun the adjective follows is: "A
//     person familiar with [the negotiations] says" -> "A person familiar with the negotiations";
//   - an organisation after "with" or "from" right after a name says where the named one works: "Tim Guest with
//     [the Nova Scotia Health Authority] says" -> "Tim Guest with the Nova Scotia Health Authority".
// The words are data (data/lexicon/speaker-phrases.json), each shape tested in tests/stages/quotes/.
import { loadData } from '../../lexicon/load.ts';
import type { Token } from '../../types.ts';

interface ShapeFile {
  timeWords: string[];
  complementAdjectives: string[];
  complementPrepositions: string[];
}

let cached: { time: Set<string>; adjectives: Set<string>; prepositions: Set<string> } | undefined;

function words() {
  if (cached) return cached;
  const f = loadData<ShapeFile>('lexicon/speaker-phrases.json');
  cached = {
    time: new Set(f.timeWords),
    adjectives: new Set(f.complementAdjectives),
    prepositions: new Set(f.complementPrepositions),
  };
  return cached;
}

const DETERMINERS = new Set(['the', 'a', 'an']);
const NOUN_PHRASE = new Set(['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM']);
const HEADS = new Set(['NOUN', 'PROPN', 'NUM']);
// How far a complement is read, in tokens.
const COMPLEMENT = 8;
const COMPLEMENT_STOP = new Set([',', '.', ';', ':', '(', '—', '–', '“', '”', '"']);

/** The speaker phrase [first, last) with its edges redrawn (the same range when nothing applies). `isCue`: the
 * token is a reporting verb. */
export function shapePhrase(
  tokens: readonly Token[],
  np: [number, number],
  isCue: (t: Token) => boolean = () => false,
): [number, number] {
  const w = words();
  let [first, last] = np;
  // "The parole board decision allowing his release said": the object of a participle is no subject; the noun the
  // participle hangs on is.
  const participle = tokens[first - 1];
  if (
    participle &&
    participle.pos === 'VERB' &&
    participle.lower.endsWith('ing') &&
    !isCue(participle) &&
    tokens[first - 2]?.pos === 'NOUN' &&
    tokens[first - 2]!.sentence === tokens[first]!.sentence
  ) {
    let a = first - 2;
    while (a - 1 >= 0 && tokens[a - 1]!.sentence === tokens[first]!.sentence && NOUN_PHRASE.has(tokens[a - 1]!.pos))
      a--;
    return [a, first - 1];
  }
  const sentence = tokens[first]!.sentence;
  const inSentence = (k: number) => (k >= 0 && tokens[k]!.sentence === sentence ? tokens[k] : undefined);
  // "A person familiar with [the negotiations] says".
  if (
    w.prepositions.has(inSentence(first - 1)?.lower ?? '') &&
    w.adjectives.has(inSentence(first - 2)?.lower ?? '') &&
    HEADS.has(inSentence(first - 3)?.pos ?? '')
  ) {
    let a = first - 3;
    while (NOUN_PHRASE.has(inSentence(a - 1)?.pos ?? '')) a--;
    return [a, last];
  }
  // "Tim Guest with [the Nova Scotia Health Authority] says": a name of two words or more, capitalised.
  if (AFFILIATIONS.has(inSentence(first - 1)?.lower ?? '') && nameEndsAt(first - 2, inSentence)) {
    let a = first - 2;
    while (nameEndsAt(a - 1, inSentence)) a--;
    if (first - 1 - a >= 2) return [a, last];
  }
  // "early November the company": time words, then a determiner.
  let k = first;
  while (k < last - 1 && (w.time.has(tokens[k]!.lower) || tokens[k]!.pos === 'NUM')) k++;
  if (k > first && k < last - 1 && DETERMINERS.has(tokens[k]!.lower)) first = k;
  // "a person familiar [with the talks]", "a private security professional present".
  const end = tokens[last - 1]!;
  const before = tokens[last - 2];
  const afterHead =
    before !== undefined &&
    (HEADS.has(before.pos) || (before.pos === 'ADJ' && last - first >= 3 && nounIn(tokens, first, last - 2)));
  if (last - first >= 2 && (end.pos === 'ADJ' || end.pos === 'ADV') && afterHead) {
    const next = tokens[last];
    if (w.adjectives.has(end.lower) && next && w.prepositions.has(next.lower) && next.sentence === end.sentence) {
      let b = last + 1;
      while (
        b < tokens.length &&
        b < last + 1 + COMPLEMENT &&
        tokens[b]!.sentence === end.sentence &&
        !COMPLEMENT_STOP.has(tokens[b]!.value) &&
        tokens[b]!.pos !== 'VERB' &&
        tokens[b]!.pos !== 'AUX' &&
        tokens[b]!.pos !== 'CCONJ'
      )
        b++;
      if (b > last + 1) last = b;
    } else last--;
  }
  return [first, last];
}

const AFFILIATIONS = new Set(['with', 'from']);

/** Token k is a capitalised proper noun of the sentence. */
function nameEndsAt(k: number, inSentence: (k: number) => Token | undefined): boolean {
  const t = inSentence(k);
  return t !== undefined && t.pos === 'PROPN' && /^\p{Lu}/u.test(t.value);
}

/** Some token in [a, b) is a noun. */
function nounIn(tokens: readonly Token[], a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (tokens[k]!.pos === 'NOUN') return true;
  return false;
}
