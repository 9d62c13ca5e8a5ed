// Finds the articles of a corpus folder: recursive, symlinks never followed, ids from corpus-relative paths.
import { lstatSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { formatOf } from '../stages/ingest/format.ts';

export const ARTICLE_EXTENSIONS = ['.txt', '.html', '.htm', '.md', '.markdown'] as const;

export interface Discovered {
  /** Corpus-relative path without extension, '/'-separated. */
  id: string;
  /** Corpus-relative path, '/'-separated. */
  path: string;
  absolute: string;
}

export interface Skipped {
  path: string;
  reason: 'symlink' | 'duplicate-id';
  /** For duplicates: the path that kept the id. */
  kept?: string;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DiscoverOptions {
  /** Lists a folder; a test seam to prove the result does not depend on the order the file system gives. */
  readdir?: (dir: string) => string[];
}

/** Whether a symbolic link points at a folder (a link to a folder may hide whole articles: it is reported too). */
function linksToFolder(absolute: string): boolean {
  try {
    return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // a loop or a dangling link: nothing to report beyond what its name says
  }
}

/** Article files under root, sorted by path (plain string order); duplicate ids keep the path that sorts first. */
export function discover(root: string, opts: DiscoverOptions = {}): { articles: Discovered[]; skipped: Skipped[] } {
  const list = opts.readdir ?? ((dir: string) => readdirSync(dir));
  const found: Discovered[] = [];
  const skipped: Skipped[] = [];
  const walk = (dir: string, rel: string) => {
    const names = list(dir).slice().sort(byCodeUnits);
    for (const name of names) {
      if (name.startsWith('.')) continue; // hidden files and the cache folder
      const absolute = join(dir, name);
      const relPath = rel ? `${rel}/${name}` : name;
      const st = lstatSync(absolute, { throwIfNoEntry: false });
      if (!st) continue; // vanished between readdir and lstat
      if (st.isSymbolicLink()) {
        if (isArticleName(name) || linksToFolder(absolute)) skipped.push({ path: relPath, reason: 'symlink' });
        continue;
      }
      if (st.isDirectory()) walk(absolute, relPath);
      else if (st.isFile() && isArticleName(name)) found.push({ id: stripExtension(relPath), path: relPath, absolute });
    }
  };
  walk(root, '');
  found.sort((a, b) => byCodeUnits(a.path, b.path));
  const byId = new Map<string, Discovered>();
  const articles: Discovered[] = [];
  for (const a of found) {
    const kept = byId.get(a.id);
    if (kept) {
      skipped.push({ path: a.path, reason: 'duplicate-id', kept: kept.path });
      continue;
    }
    byId.set(a.id, a);
    articles.push(a);
  }
  articles.sort((a, b) => byCodeUnits(a.id, b.id));
  return { articles, skipped };
}

function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function stripExtension(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
}

export { formatOf, byCodeUnits };
