// A peer of the pipeline, run by npm run bench as a whole process: `node scripts/bench-peer.mjs wink|compromise
// FILELIST` reads the texts FILELIST names (one path a line) and runs them through wink's default pipe (readDoc
// with every annotation wink makes) or through compromise (people, places, organisations and quotations: what the
// pipeline finds), once, as a user's script would.
import { readFileSync } from 'node:fs';

const [mode, list] = process.argv.slice(2);
const texts = readFileSync(list, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((f) => readFileSync(f, 'utf8'));
if (mode === 'wink') {
  const { default: winkNLP } = await import('wink-nlp');
  const { default: model } = await import('wink-eng-lite-web-model');
  const nlp = winkNLP(model);
  for (const t of texts) nlp.readDoc(t);
} else if (mode === 'compromise') {
  const { default: nlp } = await import('compromise');
  for (const t of texts) {
    const doc = nlp(t);
    doc.people().out('array');
    doc.places().out('array');
    doc.organizations().out('array');
    doc.quotations().out('array');
  }
} else throw new Error(`unknown peer ${mode}`);
