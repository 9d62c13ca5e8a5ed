// The articles a run is given on the command line or by a caller: folders (found recursively by discover), files,
// globs and "-" (one article from standard input), in the order given. Relative names are relative to `cwd`.
//
// Ids. A folder is a corpus root: ids are paths within it, as in discover. A glob's folder (the part before its
// first wildcard) is its root the same way. A named file's id is its path relative to `cwd` (its file name when
// it lies outside), without extension. Standard input is "stdin". Two inputs with one id: the path that sorts
// first keeps it, the other is rejected with a message naming both (the same file named twice counts once).
import { lstatSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';
import type { SourceFormat } from '../types.ts';
import { sniffFormat } from './sniff.ts';
import { byCodeUnits, discover, formatOf, type Discovered, type Skipped } from './discover.ts';

export interface InputArticle extends Discovered {
  /** The folder it was found in or named from: a file whose real folder lies outside it is refused when read. */
  root: string;
  /** Standard input's bytes, already read. */
  bytes?: Uint8Array;
}

export interface InputSkipped extends Skipped {
  /** The id the skipped file would have had. */
  id: string;
}

export interface ResolvedInputs {
  articles: InputArticle[];
  skipped: InputSkipped[];
}

export interface InputOptions {
  /** The folder relative names are resolved from. */
  cwd: string;
  /** Standard input's bytes, for "-". */
  stdin?: Uint8Array;
  /** The format of standard input (default: sniffed from its bytes). */
  stdinFormat?: SourceFormat;
}

/** A named input that is not there, or a glob that matches nothing: the run cannot start. */
export class InputError extends Error {}

const EXTENSION: Record<SourceFormat, string> = { text: 'txt', html: 'html', markdown: 'md' };
const stripExtension = (path: string) => path.replace(/\.[^./]*$/, '');
const posix = (path: string) => path.split(sep).join('/');

/** Whether an argument is a glob pattern rather than a name (a name that exists is always a name). */
export function isGlob(arg: string): boolean {
  return picomatch.scan(arg).isGlob;
}

function fromFolder(dir: string): { articles: InputArticle[]; skipped: InputSkipped[] } {
  const found = discover(dir);
  return {
    articles: found.articles.map((a) => ({ ...a, root: dir })),
    skipped: found.skipped.map((s) => ({ ...s, id: stripExtension(s.path) })),
  };
}

function fromGlob(arg: string, cwd: string): { articles: InputArticle[]; skipped: InputSkipped[] } {
  const { base, glob } = picomatch.scan(arg);
  const root = resolve(cwd, base || '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) throw new InputError(`no folder ${base} for ${arg}`);
  const matches = picomatch(glob, { dot: false });
  const found = fromFolder(root);
  const articles = found.articles.filter((a) => matches(a.path));
  if (!articles.length) throw new InputError(`no article file matches ${arg}`);
  return { articles, skipped: found.skipped.filter((s) => matches(s.path)) };
}

function fromFile(arg: string, cwd: string): InputArticle {
  const absolute = resolve(cwd, arg);
  const rel = relative(cwd, absolute);
  const inside = rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  const path = inside ? posix(rel) : basename(absolute);
  // a file named on purpose is read where its link points (discovery alone never follows links)
  const real = realpathSync(absolute);
  return { id: stripExtension(path), path, absolute: real, root: dirname(real) };
}

/** Resolves command-line inputs into articles, in the order given; throws InputError when one is missing. */
export function resolveInputs(args: readonly string[], opts: InputOptions): ResolvedInputs {
  const listed: InputArticle[] = [];
  const skipped: InputSkipped[] = [];
  let stdinSeen = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinSeen) throw new InputError('standard input ("-") named twice');
      stdinSeen = true;
      // its name says its format, as a file's does: "stdin.html" for HTML given with --format or sniffed
      const bytes = opts.stdin ?? new Uint8Array();
      const path = `stdin.${EXTENSION[opts.stdinFormat ?? sniffFormat(bytes)]}`;
      listed.push({ id: 'stdin', path, absolute: '-', root: opts.cwd, bytes });
      continue;
    }
    const absolute = resolve(opts.cwd, arg);
    const st = lstatSync(absolute, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      const found = fromFolder(absolute);
      listed.push(...found.articles);
      skipped.push(...found.skipped);
    } else if (st && statSync(absolute, { throwIfNoEntry: false })?.isFile()) listed.push(fromFile(arg, opts.cwd));
    else if (st?.isSymbolicLink() && statSync(absolute, { throwIfNoEntry: false })?.isDirectory())
      throw new InputError(`${arg} is a link to a folder, which is not followed: name the folder itself`);
    else if (!st && isGlob(arg)) {
      const found = fromGlob(arg, opts.cwd);
      listed.push(...found.articles);
      skipped.push(...found.skipped);
    } else throw new InputError(st ? `${arg}: not a file or folder` : `input not found: ${arg}`);
  }
  return dedupe(listed, skipped);
}

/** One article per id: the same file found twice counts once; of two files with one id, the path that sorts
 * first keeps it and the other is skipped as a duplicate. */
function dedupe(listed: InputArticle[], skipped: InputSkipped[]): ResolvedInputs {
  const keeper = new Map<string, InputArticle>();
  for (const a of listed) {
    const k = keeper.get(a.id);
    if (!k || (a.absolute !== k.absolute && byCodeUnits(a.path, k.path) < 0)) keeper.set(a.id, a);
  }
  const articles: InputArticle[] = [];
  const seen = new Set<string>();
  for (const a of listed) {
    const k = keeper.get(a.id)!;
    if (a.absolute === k.absolute) {
      if (seen.has(a.absolute)) continue;
      seen.add(a.absolute);
      articles.push(a);
    } else skipped.push({ id: a.id, path: a.path, reason: 'duplicate-id', kept: k.path });
  }
  return { articles, skipped };
}

export { formatOf };
