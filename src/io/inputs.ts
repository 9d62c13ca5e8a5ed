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
import { message, type MessageId } from '../messages.ts';
import type { SourceFormat } from '../types.ts';
import { sniffFormat } from './sniff.ts';
import { byCodeUnits, discover, formatOf, type Discovered, type Skipped } from './discover.ts';
import { fileKind } from './read.ts';

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

/** Where one named input reads: a folder (wholly), a glob (what its matcher takes under its folder), a file, or
 * standard input. The run checks these against its output folders. */
export type InputSource =
  | { arg: string; kind: 'folder' | 'file'; absolute: string }
  | { arg: string; kind: 'glob'; absolute: string; matches: (path: string) => boolean }
  | { arg: string; kind: 'stdin' };

export interface ResolvedInputs {
  articles: InputArticle[];
  skipped: InputSkipped[];
  /** One per input, in the order given. */
  sources: InputSource[];
}

type Found = { articles: InputArticle[]; skipped: InputSkipped[]; source: InputSource };

export interface InputOptions {
  /** The folder relative names are resolved from. */
  cwd: string;
  /** Standard input's bytes, for "-". */
  stdin?: Uint8Array;
  /** The format of standard input (default: sniffed from its bytes). */
  stdinFormat?: SourceFormat;
}

/** A named input that is not there, cannot be listed, or a glob that matches nothing: the run cannot start. `id`
 * and `details` make its message (src/messages.ts). */
export class InputError extends Error {
  constructor(
    readonly id: MessageId,
    readonly details: Record<string, string>,
  ) {
    super(message(id, 'run', details).text);
  }
}

const EXTENSION: Record<SourceFormat, string> = { text: 'txt', html: 'html', markdown: 'md' };
const stripExtension = (path: string) => path.replace(/\.[^./]*$/, '');
// a skipped folder ("sub/") keeps its path as its id: its shard is that of the name, as for any entry
const skippedId = (path: string) => (path.endsWith('/') ? path : stripExtension(path));
const posix = (path: string) => path.split(sep).join('/');

/** Whether an argument is a glob pattern rather than a name (a name that exists is always a name). */
export function isGlob(arg: string): boolean {
  return picomatch.scan(arg).isGlob;
}

/** The system's error code of a failed look at a named input ("EACCES", "ENAMETOOLONG" …). */
const codeOf = (err: unknown) => (err as NodeJS.ErrnoException).code ?? String(err);

function fromFolder(dir: string, arg: string): Found {
  let found;
  try {
    found = discover(dir);
  } catch (err) {
    // only the folder itself throws (what lies under it becomes a rejected entry): the run cannot start
    throw new InputError('run/input-unreadable', { input: arg, reason: codeOf(err) });
  }
  return {
    articles: found.articles.map((a) => ({ ...a, root: dir })),
    skipped: found.skipped.map((s) => ({ ...s, id: skippedId(s.path) })),
    source: { arg, kind: 'folder', absolute: dir },
  };
}

function fromGlob(arg: string, cwd: string): Found {
  const { base, glob } = picomatch.scan(arg);
  const root = resolve(cwd, base || '.');
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory())
    throw new InputError('run/input-invalid', { input: arg, problem: `its folder ${base} does not exist` });
  const matches = picomatch(glob, { dot: false });
  const found = fromFolder(root, arg);
  const articles = found.articles.filter((a) => matches(a.path));
  // a rejected entry the glob names (a link, a FIFO named like an article) is accounted for like an article
  if (!articles.length && !found.skipped.some((s) => s.article && matches(s.path)))
    throw new InputError('run/input-invalid', { input: arg, problem: 'no article file matches it' });
  return {
    articles,
    skipped: found.skipped.filter((s) => matches(s.path)),
    source: { arg, kind: 'glob', absolute: root, matches },
  };
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
  const sources: InputSource[] = [];
  if (args.filter((a) => a === '-').length > 1)
    throw new InputError('run/input-invalid', { input: '-', problem: 'standard input named twice' });
  for (const arg of args) {
    let found;
    try {
      found = resolveOne(arg, opts);
    } catch (err) {
      // a name the system will not look at (too long, a folder on its way that cannot be entered)
      if (err instanceof InputError || !(err as NodeJS.ErrnoException).code) throw err;
      throw new InputError('run/input-unreadable', { input: arg, reason: codeOf(err) });
    }
    // one push per entry, no spread: a folder of 200,000 files would overflow the stack
    for (const a of found.articles) listed.push(a);
    for (const x of found.skipped) skipped.push(x);
    sources.push(found.source);
  }
  return { ...dedupe(listed, skipped), sources };
}

function resolveOne(arg: string, opts: InputOptions): Found {
  if (arg === '-') {
    // its name says its format, as a file's does: "stdin.html" for HTML given with --format or sniffed
    const bytes = opts.stdin ?? new Uint8Array();
    const path = `stdin.${EXTENSION[opts.stdinFormat ?? sniffFormat(bytes)]}`;
    return {
      articles: [{ id: 'stdin', path, absolute: '-', root: opts.cwd, bytes }],
      skipped: [],
      source: { arg, kind: 'stdin' },
    };
  }
  const absolute = resolve(opts.cwd, arg);
  const st = lstatSync(absolute, { throwIfNoEntry: false });
  if (st?.isDirectory()) return fromFolder(absolute, arg);
  const target = st && statSync(absolute, { throwIfNoEntry: false });
  if (target?.isFile()) {
    const article = fromFile(arg, opts.cwd);
    return { articles: [article], skipped: [], source: { arg, kind: 'file', absolute: article.absolute } };
  }
  if (st?.isSymbolicLink() && target?.isDirectory())
    throw new InputError('run/input-invalid', {
      input: arg,
      problem: 'a link to a folder, which is not followed: name the folder itself',
    });
  if (!st && isGlob(arg)) return fromGlob(arg, opts.cwd);
  if (!st) throw new InputError('run/input-missing', { input: arg });
  const what = target ? `a ${fileKind(target)}` : 'a link that leads nowhere';
  throw new InputError('run/input-invalid', { input: arg, problem: `${what}, not a file or folder` });
}

/** One article per id: the same file found twice counts once; of two files with one id, the path that sorts
 * first keeps it and the other is skipped as a duplicate. */
function dedupe(listed: InputArticle[], skipped: InputSkipped[]): Omit<ResolvedInputs, 'sources'> {
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
    } else skipped.push({ id: a.id, path: a.path, reason: 'duplicate-id', kept: k.path, article: true });
  }
  return { articles, skipped };
}

export { formatOf };
