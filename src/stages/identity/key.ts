// Keys: a readable, stable name for an entity's real-world referent, made from the article's own canonical name
// alone, so that the same person gets the same key in every article and every run ("Donald J. Trump", "Donald
// Trump" -> person:donald-trump). People: titles before the name, one middle initial, post-nominal letters and
// diacritics go; a generational suffix stays ("Donald Trump Jr." -> person:donald-trump-jr). Other named things:
// their name, folded (gpe:united-states). Numbers, dates and amounts name no referent: no key.
import { loadData } from '../../lexicon/load.ts';
import type { EntityType } from '../../types.ts';
import { entityLexicons } from '../entities/lexicons.ts';

interface NamePartsFile {
  suffixes: Record<string, string>;
  postNominals: string[];
  particles: string[];
  honorifics: string[];
  letters: Record<string, string>;
}

/** A person's name as the key sees it: lower-case folded words, the surname last (a particle joined to it: "von der
 * leyen"), and a generational suffix apart. */
export interface PersonName {
  /** Name words, first name first; one word for a lone surname or first name. */
  words: string[];
  suffix: string | null;
}

const VALUE_TYPES: ReadonlySet<EntityType> = new Set([
  'DATE',
  'TIME',
  'MONEY',
  'PERCENT',
  'QUANTITY',
  'CARDINAL',
  'ORDINAL',
]);

interface Lexicon {
  suffixes: Map<string, string>;
  postNominals: Set<string>;
  particles: Set<string>;
  /** Words (lower case, no period) dropped before a name. */
  titles: Set<string>;
  firstNames: Set<string>;
  letters: RegExp;
  letterMap: Record<string, string>;
}

let lexicon: Lexicon | undefined;

function lex(): Lexicon {
  if (lexicon) return lexicon;
  const f = loadData<NamePartsFile>('lexicon/name-parts.json');
  const entities = entityLexicons();
  const titles = new Set(f.honorifics);
  // One-word titles of the title lexicon ("President", "Senator", "Mrs."), period dropped.
  for (const k of entities.titles.keys()) if (!k.includes(' ')) titles.add(k.replace(/\.$/, ''));
  const letters = Object.keys(f.letters);
  lexicon = {
    suffixes: new Map(Object.entries(f.suffixes)),
    postNominals: new Set(f.postNominals),
    particles: new Set(f.particles),
    titles,
    firstNames: entities.firstNames,
    letters: new RegExp(`[${letters.join('')}]`, 'gu'),
    letterMap: f.letters,
  };
  return lexicon;
}

/** Latin letters without diacritics: "Peña Nieto" -> "Pena Nieto", "Søren" -> "Soren"; other scripts keep their
 * marks (a Devanagari vowel sign is no accent). */
export function foldText(s: string): string {
  if (ASCII.test(s)) return s;
  const l = lex();
  return s
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(l.letters, (c) => l.letterMap[c] ?? c)
    .normalize('NFC');
}

const ASCII = /^[\x20-\x7e]*$/;

// What a key keeps of a word: lower-case (or caseless) letters, marks and digits.
const NOT_KEPT = /[^\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}-]+/gu;

/** Lower-case letters and digits of a word, nothing else ("O'Rourke" -> "orourke", "U.S." -> "us"). */
function bare(word: string): string {
  return word
    .toLowerCase()
    .replace(NOT_KEPT, '')
    .replace(/^-+|-+$/g, '');
}

// Names recur from article to article (and within one): their parts and keys are remembered, up to CACHE entries
// (then forgotten all at once, so that a process reading millions of articles keeps the maps small).
const CACHE = 50_000;
const people = new Map<string, PersonName | null>();
const keys = new Map<string, string | null>();

function remember<T>(m: Map<string, T>, k: string, make: () => T): T {
  const hit = m.get(k);
  if (hit !== undefined || m.has(k)) return hit as T;
  if (m.size >= CACHE) m.clear();
  const v = make();
  m.set(k, v);
  return v;
}

/** A person's name (a canonical name or a mention as written) as name words and suffix; null when nothing of it is
 * left (punctuation alone). The result is shared: never change it. */
export function personName(name: string): PersonName | null {
  return remember(people, name, () => readPersonName(name));
}

/** The text with every "(…)" replaced by a space: what `.replace(/\([^)]*\)/g, ' ')` gives, in linear time (the
 * regex tries again from every "(" when no ")" follows: 100,000 of them would take seconds). */
function withoutParenthesised(text: string): string {
  let out = '';
  let at = 0;
  for (;;) {
    const open = text.indexOf('(', at);
    const close = open < 0 ? -1 : text.indexOf(')', open + 1);
    if (close < 0) return out + text.slice(at);
    out += `${text.slice(at, open)} `;
    at = close + 1;
  }
}

function readPersonName(name: string): PersonName | null {
  const l = lex();
  let text = foldText(name)
    .replace(/['’]s?$/u, '') // possessive
    .replace(/[“”"][^“”"]*[“”"]/gu, ' '); // a nickname in quotes: Bernard “Bernie” Sanders
  text = withoutParenthesised(text); // (D-Calif.)
  text = text.replace(/,/g, ' ');
  const raw = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  // Titles before the name: "President Trump", "Mrs. Clinton"; never the last word, and a title that is also a first
  // name only when abbreviated or the first-name list lacks it ("Prince Fielder" keeps "Prince").
  while (raw.length > 1) {
    const w = raw[0]!.toLowerCase();
    const plain = w.replace(/\.$/, '');
    if (!l.titles.has(plain) || (l.firstNames.has(plain) && !w.endsWith('.'))) break;
    raw.shift();
  }
  let suffix: string | null = null;
  while (raw.length > 1) {
    const w = raw[raw.length - 1]!.toLowerCase();
    if (l.postNominals.has(w) || l.postNominals.has(w.replace(/\./g, ''))) raw.pop();
    else if (!suffix && l.suffixes.has(w)) suffix = l.suffixes.get(raw.pop()!.toLowerCase())!;
    else break;
  }
  // One middle initial goes ("Donald J. Trump"); two or more stay, as they tell people apart ("George H. W. Bush",
  // "George W. Bush").
  const initial = (w: string) => /^\p{L}\.?$/u.test(w) || /^(?:\p{L}\.){2,}$/u.test(w);
  const middle = raw.slice(1, -1);
  const initials = middle.filter((w) => /^\p{L}\.?$/u.test(w)).length;
  const kept =
    raw.length >= 3 && initials === 1 && middle.length === 1 && initial(middle[0]!) ? [raw[0]!, raw.at(-1)!] : raw;
  // A lower-case particle and what follows it are the surname: "Ursula von der Leyen".
  const words: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const w = kept[i]!;
    const b = bare(w);
    if (!b) continue;
    if (i > 0 && i < kept.length - 1 && l.particles.has(w) && w === w.toLowerCase()) {
      words.push(
        [
          b,
          ...kept
            .slice(i + 1)
            .map(bare)
            .filter(Boolean),
        ].join(' '),
      );
      break;
    }
    words.push(b);
  }
  return words.length ? { words, suffix } : null;
}

/** The slug of name words: letters and digits, words joined by '-' ("von der leyen" -> "von-der-leyen"). */
function slug(words: readonly string[]): string {
  return words
    .join(' ')
    .split(/[\s-]+/)
    .filter(Boolean)
    .join('-');
}

/** A person's key from name parts: person:donald-trump, person:donald-trump-jr. */
export function personKey(p: PersonName): string {
  return `person:${slug(p.suffix ? [...p.words, p.suffix] : p.words)}`;
}

/** The key of a named thing that is no person: its name folded, "&" as "and", a leading "the" and dots dropped
 * ("U.S. Senate" -> org:us-senate). */
function nameKey(type: EntityType, name: string): string | null {
  const words = foldText(name)
    .replace(/['’]s$/u, '')
    .replace(/&/g, ' and ')
    .replace(/\./g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .map((w) => w.toLowerCase().replace(NOT_KEPT, '').replace(/-/g, ''))
    .filter(Boolean);
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.length ? `${type.toLowerCase()}:${words.join('-')}` : null;
}

/** The key of an entity of this type and canonical name; null for values (dates, amounts, numbers) and for a
 * name with no letter or digit. */
export function entityKey(type: EntityType, name: string): string | null {
  if (VALUE_TYPES.has(type)) return null;
  return remember(keys, `${type}\t${name}`, () => makeKey(type, name));
}

function makeKey(type: EntityType, name: string): string | null {
  if (type === 'PERSON') {
    const p = personName(name);
    return p ? personKey(p) : nameKey(type, name);
  }
  return nameKey(type, name);
}
