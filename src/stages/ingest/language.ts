// Tells an article that is clearly not in English, so that the manifest can say the English models read it.
// Two signals must agree: franc's trigram verdict (franc-min, which reads the first 2,048 characters) puts
// another language first, well ahead of English, and few of the words are English function words. Tables of
// names and figures (sports results, price lists) fool the first signal alone, and the second is low for
// them too, so both are needed. Deterministic: same text, same answer.
import { francAll } from 'franc-min';
import { loadData } from '../../lexicon/load.ts';

// franc's own sample length: it reads no further.
const SAMPLE_CHARS = 2048;
// Below this many letters in the sample there is too little text to tell (a line of Japanese is about 50).
const MIN_LETTERS = 40;
// franc scores each language 1 - (distance - best) / (length × 300 - best): the lead of the top language over
// English, times the sample length, is close to the raw trigram distance between them and does not shrink as
// the sample grows. Prose in Spanish, French, German, Italian or Portuguese leads by 60-90; English tables
// that franc misreads lead by under 6.
const MIN_LEAD = 25;
// English prose has at least 16% function words in every corpus measured; other languages a few per cent.
const MAX_FUNCTION_WORD_SHARE = 0.12;

let functionWords: ReadonlySet<string> | undefined;

function englishFunctionWords(): ReadonlySet<string> {
  functionWords ??= new Set(loadData<{ words: string[] }>('lexicon/english-function-words.json').words);
  return functionWords;
}

/** The share of the words that are English function words. */
export function functionWordShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return shareOf(words);
}

function shareOf(words: readonly string[]): number {
  if (words.length === 0) return 0;
  const known = englishFunctionWords();
  let found = 0;
  for (const w of words) if (known.has(w)) found++;
  return found / words.length;
}

/** The ISO 639-3 code of the language an article is clearly written in when that is not English, else
 * undefined (English, or too little text to tell). */
export function clearlyNotEnglish(text: string): string | undefined {
  const sample = text.slice(0, SAMPLE_CHARS);
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  let letters = 0;
  for (const w of words) letters += w.length;
  if (letters < MIN_LETTERS) return undefined;
  // The cheap signal first: English prose, nearly every article, never reaches franc (a few ms per text).
  if (shareOf(words) >= MAX_FUNCTION_WORD_SHARE) return undefined;
  const ranked = francAll(sample);
  const [top, topScore] = ranked[0] ?? ['und', 0];
  if (top === 'eng' || top === 'und') return undefined;
  const english = ranked.find(([code]) => code === 'eng')?.[1] ?? 0;
  return (topScore - english) * sample.length >= MIN_LEAD ? top : undefined;
}
