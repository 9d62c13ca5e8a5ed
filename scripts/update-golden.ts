// npm run golden:update: rewrites the golden records in tests/golden/ from the articles in corpus/. Review the
// diff before committing: a golden change is a behaviour change.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../src/config.ts';
import { processArticle } from '../src/pipeline.ts';
import { scriptHelp } from './help.ts';

scriptHelp('golden:update', 'Rewrite the golden records in tests/golden/ from the articles in corpus/.', []);

const config = loadConfig('pipeline.config.json', false);
for (const name of readdirSync('corpus').sort()) {
  if (!/\.(txt|md|html?)$/.test(name)) continue;
  const id = name.replace(/\.[^.]+$/, '');
  const r = processArticle({ id, path: name, bytes: readFileSync(`corpus/${name}`) }, config);
  if (!r.record) throw new Error(`${name} was rejected: ${JSON.stringify(r.messages)}`);
  writeFileSync(`tests/golden/${id}.json`, `${JSON.stringify(r.record, null, 1)}\n`);
  console.log(`tests/golden/${id}.json`);
}
