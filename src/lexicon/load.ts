// Lexicons are data files under data/, read once per process and shared by every article.
import { readFileSync } from 'node:fs';

const DATA = new URL('../../data/', import.meta.url);
const cache = new Map<string, unknown>();

/** Reads and caches a JSON file under data/ (e.g. 'lexicon/titles.json'). */
export function loadData<T>(relative: string): T {
  let value = cache.get(relative);
  if (value === undefined) {
    value = JSON.parse(readFileSync(new URL(relative, DATA), 'utf8'));
    cache.set(relative, value);
  }
  return value as T;
}

/** Absolute URL of a file under data/. */
export function dataUrl(relative: string): URL {
  return new URL(relative, DATA);
}
