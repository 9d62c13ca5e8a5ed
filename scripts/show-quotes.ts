// Development tool: prints one article's quotes (and optionally its gold) side by side.
//   npx tsx scripts/show-quotes.ts ../shared/dev/polnear-train/corpus/ID.txt [--gold]
import { existsSync, readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { processArticle } from '../src/pipeline.ts';

const path = process.argv[2]!;
const r = processArticle(
  { id: 'x', path, bytes: readFileSync(path) },
  loadConfig('pipeline.config.json', false),
).record!;
for (const q of r.quotes)
  console.log(
    `${q.type.padEnd(8)} ${q.confidence.toFixed(2)} cue=${q.cue?.text ?? '-'} spk=${q.speaker?.name ?? '-'} [${q.speaker?.mention?.text ?? ''}]\n         ${q.text.slice(0, 200)}`,
  );
const goldPath = path.replace('/corpus/', '/gold/').replace(/\.txt$/, '.gold.json');
if (process.argv.includes('--gold') && existsSync(goldPath)) {
  console.log('--- gold');
  const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as {
    quotes: { type: string; cue: string; speaker: string; text: string }[];
  };
  for (const q of gold.quotes)
    console.log(`${q.type.padEnd(8)} cue=${q.cue} spk=${q.speaker}\n         ${q.text.slice(0, 200)}`);
}
