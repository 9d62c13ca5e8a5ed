// Finds the articles of a corpus folder: recursive, symlinks never followed, ids from corpus-relative paths. Every
// entry that is not read is accounted for: an article it cannot read (a link, a FIFO named like an article, a name
// that is not UTF-8, a path too long to open, a folder it cannot list) is rejected, anything else that is no
// article (hidden, another file type, a socket) is listed as skipped with its reason. Nothing vanishes.
import { lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { sep } from 'node:path';
import { formatOf } from '../stages/ingest/format.ts';
import { fileKind } from './read.ts';

export const ARTICLE_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.xhtml', '.md', '.markdown'] as const;

export interface Discovered {
  /** Corpus-relative path without extension, '/'-separated. */
  id: string;
  /** Corpus-relative path, '/'-separated. */
  path: string;
  absolute: string;
}

export type SkipReason =
  | 'symlink'
  | 'duplicate-id'
  | 'hidden'
  | 'unsupported'
  | 'not-a-file'
  | 'invalid-name'
  | 'path-too-long'
  | 'unreadable-folder';

export interface Skipped {
  /** Corpus-relative, '/'-separated; a folder's ends with '/'; bytes that are not UTF-8 written as \xHH. */
  path: string;
  reason: SkipReason;
  /** For duplicates: the path that kept the id. */
  kept?: string;
  /** For not-a-file: what it is ("FIFO", "socket", …); for invalid-name: which byte is wrong; for unreadable
   * folders and too-long paths: the system's error code. */
  detail?: string;
  /** True when the entry was meant as an article (its name says so, or it is a folder that may hold some): it is
   * then rejected, which the exit code reports, rather than listed as skipped. */
  article: boolean;
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export interface DiscoverOptions {
  /** Lists a folder; a test seam to prove the result does not depend on the order the file system gives, and to
   * make a folder fail to list. */
  readdir?: (dir: string) => (string | Buffer)[];
}

/** Whether a symbolic link points at a folder (a link to a folder may hide whole articles: it is reported too). */
function linksToFolder(absolute: Buffer): boolean {
  try {
    return statSync(absolute, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false; // a loop or a dangling link: nothing to report beyond what its name says
  }
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** A file name as text: itself when it is UTF-8, else with every byte that is not written as \xHH, and what is
 * wrong. */
function nameOf(raw: Buffer): { name: string; invalid?: string } {
  try {
    return { name: UTF8.decode(raw) };
  } catch {
    let name = '';
    let invalid: string | undefined;
    for (let i = 0; i < raw.length;) {
      const n = validSequence(raw, i);
      if (n > 0) {
        name += raw.toString('utf8', i, i + n);
        i += n;
      } else {
        invalid ??= `byte 0x${raw[i]!.toString(16).padStart(2, '0').toUpperCase()} at ${i}`;
        name += `\\x${raw[i]!.toString(16).padStart(2, '0').toUpperCase()}`;
        i++;
      }
    }
    return { name, invalid: invalid ?? 'invalid sequence' };
  }
}

/** The length of the valid UTF-8 sequence starting at `i`, or 0. */
function validSequence(b: Buffer, i: number): number {
  const c = b[i]!;
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n === 0 || i + n > b.length) return 0;
  try {
    UTF8.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}

const SEP = Buffer.from(sep);

/** Article files under root, sorted by path (plain string order); duplicate ids keep the path that sorts first.
 * Never throws for what it finds under root (a folder it cannot list becomes a rejected entry); throws only when
 * root itself cannot be listed. */
export function discover(root: string, opts: DiscoverOptions = {}): { articles: Discovered[]; skipped: Skipped[] } {
  const list = (dir: Buffer): Buffer[] => {
    if (opts.readdir) return opts.readdir(dir.toString()).map((n) => (typeof n === 'string' ? Buffer.from(n) : n));
    return readdirSync(dir, { encoding: 'buffer' });
  };
  const found: Discovered[] = [];
  const skipped: Skipped[] = [];
  const walk = (dir: Buffer, rel: string, dirInvalid: string | undefined) => {
    let raw: Buffer[];
    try {
      raw = list(dir);
    } catch (err) {
      if (!rel) throw err; // the input folder itself: the run cannot start
      const code = (err as NodeJS.ErrnoException).code ?? String(err);
      skipped.push({
        path: `${rel}/`,
        reason: code === 'ENAMETOOLONG' ? 'path-too-long' : 'unreadable-folder',
        detail: code,
        article: true,
      });
      return;
    }
    const names = raw.map((b) => ({ raw: b, ...nameOf(b) })).sort((a, b) => byCodeUnits(a.name, b.name));
    for (const { raw: rawName, name, invalid: nameInvalid } of names) {
      const absolute = Buffer.concat([dir, SEP, rawName]);
      const relPath = rel ? `${rel}/${name}` : name;
      const invalid = dirInvalid ?? (nameInvalid && `${nameInvalid} of "${name}"`);
      const article = isArticleName(name);
      let st: Stats | undefined;
      try {
        st = lstatSync(absolute, { throwIfNoEntry: false });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? String(err);
        // what it is cannot be told: it may be an article or a folder of them
        skipped.push({
          path: relPath,
          reason: code === 'ENAMETOOLONG' ? 'path-too-long' : 'unreadable-folder',
          detail: code,
          article: true,
        });
        continue;
      }
      if (!st) continue; // vanished between readdir and lstat: it was never there for this run
      if (name.startsWith('.')) {
        // hidden files and folders (.git, .DS_Store): never read, never entered
        skipped.push({ path: st.isDirectory() ? `${relPath}/` : relPath, reason: 'hidden', article: false });
      } else if (st.isSymbolicLink()) {
        const toFolder = linksToFolder(absolute);
        skipped.push({
          path: relPath,
          reason: 'symlink',
          detail: 'symbolic link',
          article: article || toFolder,
        });
      } else if (st.isDirectory()) walk(absolute, relPath, invalid);
      else if (!st.isFile()) skipped.push({ path: relPath, reason: 'not-a-file', detail: fileKind(st), article });
      else if (!article) skipped.push({ path: relPath, reason: 'unsupported', article: false });
      else if (invalid) skipped.push({ path: relPath, reason: 'invalid-name', detail: invalid, article: true });
      else found.push({ id: stripExtension(relPath), path: relPath, absolute: absolute.toString() });
    }
  };
  walk(Buffer.from(root), '', undefined);
  found.sort((a, b) => byCodeUnits(a.path, b.path));
  const byId = new Map<string, Discovered>();
  const articles: Discovered[] = [];
  for (const a of found) {
    const kept = byId.get(a.id);
    if (kept) {
      skipped.push({ path: a.path, reason: 'duplicate-id', kept: kept.path, article: true });
      continue;
    }
    byId.set(a.id, a);
    articles.push(a);
  }
  articles.sort((a, b) => byCodeUnits(a.id, b.id));
  skipped.sort((a, b) => byCodeUnits(a.path, b.path));
  return { articles, skipped };
}

/** Whether a file name has one of the article extensions. */
export function isArticleName(name: string): boolean {
  const lower = name.toLowerCase();
  return ARTICLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/** The extension of a file name as a message shows it ("no extension" when it has none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot) : 'no extension';
}

function stripExtension(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
}

export { formatOf, byCodeUnits };
