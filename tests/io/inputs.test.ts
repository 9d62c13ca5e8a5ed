// Inputs as the command line names them (src/io/inputs.ts), formats sniffed for stdin (src/io/sniff.ts), and the
// folder relative paths are resolved from (src/invocation.ts).
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, resolveInputs } from '../../src/io/inputs.ts';
import { sniffFormat } from '../../src/io/sniff.ts';
import { invocationFolder } from '../../src/invocation.ts';
import { processArticle } from '../../src/pipeline.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'inputs-'));
  for (const [name, text] of Object.entries({
    'feeds/2024/a.html': '<p>a</p>',
    'feeds/2024/b.md': '# b',
    'feeds/c.html': '<p>c</p>',
    'loose.txt': 'loose',
    'other/loose.md': 'loose too',
  })) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('resolveInputs', () => {
  it('takes folders as corpus roots, globs from their folder, files by their path here, in the order given', () => {
    const cwd = tree();
    const r = resolveInputs(['other/loose.md', 'feeds/**/*.html', 'feeds/2024/b.md', 'other'], { cwd });
    expect(r.articles.map((a) => [a.id, a.path])).toEqual([
      ['other/loose', 'other/loose.md'],
      ['2024/a', '2024/a.html'],
      ['c', 'c.html'],
      ['feeds/2024/b', 'feeds/2024/b.md'],
    ]);
    // "other" as a folder finds other/loose.md again: one file, counted once
    expect(r.skipped).toEqual([]);
  });

  it('counts a file named twice once; of two files with one id the path that sorts first keeps it', () => {
    const cwd = tree();
    expect(resolveInputs(['loose.txt', './loose.txt', join(cwd, 'loose.txt')], { cwd }).articles).toHaveLength(1);
    const r = resolveInputs(['other', '.'], { cwd: join(cwd, 'feeds/2024') + '/../..' });
    expect(r.articles.find((a) => a.id === 'loose')?.path).toBe('loose.md');
    expect(r.skipped).toContainEqual({
      id: 'loose',
      path: 'loose.txt',
      reason: 'duplicate-id',
      kept: 'loose.md',
      article: true,
    });
  });

  it('reads "-" as one article named by its format', () => {
    const cwd = tree();
    const html = resolveInputs(['-'], { cwd, stdin: bytes('<!DOCTYPE html><p>x</p>') }).articles[0]!;
    expect(html).toMatchObject({ id: 'stdin', path: 'stdin.html' });
    const given = resolveInputs(['-'], { cwd, stdin: bytes('<p>x</p>'), stdinFormat: 'markdown' }).articles[0]!;
    expect(given.path).toBe('stdin.md');
    expect(() => resolveInputs(['-', '-'], { cwd })).toThrow(InputError);
  });

  it('refuses what is not there, a glob matching nothing, and a link to a folder', () => {
    const cwd = tree();
    symlinkSync(join(cwd, 'feeds'), join(cwd, 'feeds-link'));
    expect(() => resolveInputs(['missing.txt'], { cwd })).toThrow(/Input not found: missing\.txt/);
    expect(() => resolveInputs(['feeds/**/*.txt'], { cwd })).toThrow(/no article file matches/);
    expect(() => resolveInputs(['feeds-link'], { cwd })).toThrow(/link to a folder/);
  });
});

describe('sniffFormat', () => {
  it.each([
    ['<!doctype html><html>', 'html'],
    ['\ufeff  <html lang="en">', 'html'],
    ['<div class="story"><p>Text</p></div>', 'html'],
    ['<?xml version="1.0"?><html xmlns="x"><body>', 'html'],
    ['---\ntitle: A\n---\nBody', 'markdown'],
    ['## Heading\n\nBody', 'markdown'],
    ['Plain text, with a < sign and #hashtag.', 'text'],
    ['<3 this story', 'text'],
    ['', 'text'],
  ] as const)('%j is %s', (text, format) => expect(sniffFormat(bytes(text))).toBe(format));
});

describe('invocationFolder', () => {
  const root = new URL('../..', import.meta.url).pathname;
  const ownJson = join(root, 'package.json');
  it("is INIT_CWD only when npm runs this package's own script in its folder", () => {
    const env = { INIT_CWD: '/somewhere', npm_package_json: ownJson };
    expect(invocationFolder(env, root)).toBe('/somewhere');
    expect(invocationFolder(env, '/elsewhere')).toBe('/elsewhere'); // started by a script in another folder
    expect(invocationFolder({ INIT_CWD: '/somewhere', npm_package_json: '/other/package.json' }, root)).toBe(root);
    expect(invocationFolder({}, '/here')).toBe('/here');
  });
});

describe('the README example', () => {
  it('gives Jane Smith as the speaker of a one-line article', () => {
    const result = processArticle({ text: '“We are ready,” said Senator Jane Smith.' });
    expect(result.status).toBe('ok');
    expect(result.record?.quotes[0]?.speaker?.name).toBe('Jane Smith');
  });
});
