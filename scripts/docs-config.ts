// npm run docs:config: regenerate, from the zod schema in src/config.ts, the config's JSON Schema
// (pipeline.config.schema.json), the shipped pipeline.config.json (the built-in defaults), docs/config.md and the
// README's config table (both Markdown files formatted by Prettier, as the repository keeps them).
// tests/config.test.ts fails while any of them is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import {
  CONFIG_FILE,
  CONFIG_SCHEMA_FILE,
  configDocs,
  configSchemaText,
  readmeWithConfig,
  shippedConfigText,
} from '../src/config-docs.ts';
import { scriptHelp } from './help.ts';

scriptHelp('docs:config', 'Regenerate the config JSON Schema, pipeline.config.json and the config reference.', []);
const root = new URL('../', import.meta.url);
// Markdown is written as generated (Prettier leaves *.md alone: padded tables only add bytes); JSON is formatted.
const json = async (url: URL, text: string) => {
  const options = await prettier.resolveConfig(fileURLToPath(url));
  writeFileSync(url, await prettier.format(text, { ...options, filepath: fileURLToPath(url) }));
};
await json(new URL(CONFIG_SCHEMA_FILE, root), configSchemaText());
await json(new URL(CONFIG_FILE, root), shippedConfigText());
writeFileSync(new URL('docs/config.md', root), configDocs());
const readme = new URL('README.md', root);
writeFileSync(readme, readmeWithConfig(readFileSync(readme, 'utf8')));
console.log(`written: ${CONFIG_SCHEMA_FILE}, ${CONFIG_FILE}, docs/config.md, README.md (config table)`);
