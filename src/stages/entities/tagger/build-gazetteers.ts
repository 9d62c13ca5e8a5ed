// Builds data/gazetteers/gazetteers.json from word lists shipped inside npm packages already in node_modules
// (compromise's lexicon, gender-detection-from-name's English first names) plus our hand-written lists
// (data/gazetteers/handwritten.json). Run: npx tsx src/stages/entities/tagger/build-gazetteers.ts
// The output is sorted and de-duplicated so that rebuilding gives the same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../../..');
const outDir = path.join(repo, 'data/gazetteers');
const require = createRequire(import.meta.url);

/** Gazetteer classes, in the order the tagger gives them bits. */
export const GAZ_CLASSES = [
  'country',
  'demonym',
  'region',
  'city',
  'firstName',
  'lastName',
  'title',
  'orgSuffix',
  'organization',
  'person',
  'nameParticle',
] as const;

// Words that are names in the lists but far more often ordinary words, even when capitalised at sentence start.
const STOP = new Set(
  (
    'a an the and or of in on at to for by with from as is it be he she we they i you his her ' +
    'their our my me us him them this that these those not no yes all any some one two will may can june april august ' +
    'mark bill rose grace hope joy faith major general frank earnest sunny summer winter autumn spring page young ' +
    'long white black green brown gray grey price case will'
  ).split(' '),
);

async function main(): Promise<void> {
  const lists: Record<string, Set<string>> = Object.fromEntries(GAZ_CLASSES.map((c) => [c, new Set<string>()]));
  const add = (cls: string, words: Iterable<string>, filterStop = false): void => {
    for (const w of words) {
      const k = w.trim().toLowerCase().replace(/\s+/g, ' ');
      if (!k || (filterStop && STOP.has(k))) continue;
      lists[cls]!.add(k);
    }
  };
  // compromise keeps its lexicon packed with efrt; unpack gives {word: true}.
  const lexPath = path.join(repo, 'node_modules/compromise/src/2-two/preTagger/model/lexicon/_data.js');
  const lex = (await import(lexPath)).default as Record<string, string>;
  const { unpack } = (await import(path.join(repo, 'node_modules/efrt/src/index.js'))) as {
    unpack: (s: string) => Record<string, unknown>;
  };
  const words = (tag: string): string[] => Object.keys(unpack(lex[tag] ?? ''));
  add('country', words('Country'));
  add('demonym', words('Demonym'));
  add('region', words('Region'));
  add('city', [...words('City'), ...words('Place'), ...words('Person|Place')]);
  add(
    'firstName',
    [
      ...words('MaleName'),
      ...words('FemaleName'),
      ...words('FirstName'),
      ...words('Person|Noun'),
      ...words('Person|Verb'),
      ...words('Person|Adj'),
      ...words('Person|Date'),
    ],
    true,
  );
  add('lastName', words('LastName'), true);
  add('title', words('Honorific'));
  add('organization', [...words('Organization'), ...words('SportsTeam')]);
  add('person', words('Person'));
  // gender-detection-from-name ships a Map of English first names.
  const enNames = require(path.join(repo, 'node_modules/gender-detection-from-name/names/en.js')) as
    Map<string, string> | { default: Map<string, string> };
  const nameMap = enNames instanceof Map ? enNames : enNames.default;
  add(
    'firstName',
    [...nameMap.keys()].filter((n) => n.length > 2),
    true,
  );
  const hand = JSON.parse(fs.readFileSync(path.join(outDir, 'handwritten.json'), 'utf8')) as Record<string, string[]>;
  for (const [cls, ws] of Object.entries(hand)) add(cls, ws);
  const out = Object.fromEntries(GAZ_CLASSES.map((c) => [c, [...lists[c]!].sort()]));
  fs.writeFileSync(path.join(outDir, 'gazetteers.json'), JSON.stringify(out, null, 0).replace(/\],/g, '],\n') + '\n');
  console.log(
    Object.entries(out)
      .map(([k, v]) => `${k} ${v.length}`)
      .join(', '),
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
