// Versions that identify what produced an output: they key the cache and go into the manifest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  name: string;
  version: string;
};

/** The package's name, which is also its command's. */
export const PACKAGE_NAME: string = pkg.name;

/** The pipeline's version, from package.json. */
export const PIPELINE_VERSION: string = pkg.version;

let modelHash: string | undefined;

/** A short hash of the shipped model and data files, so that retraining or a lexicon edit invalidates caches. */
export function modelVersion(): string {
  if (modelHash) return modelHash;
  const h = createHash('sha256');
  for (const rel of ['../models/ner.model.json.gz', '../models/ner.model.json']) {
    const url = new URL(rel, import.meta.url);
    if (existsSync(url)) h.update(readFileSync(url));
  }
  modelHash = h.digest('hex').slice(0, 16);
  return modelHash;
}
