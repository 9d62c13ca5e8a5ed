// A small corpus for the batch tests: enough articles for the worker pool (>= 8), every format, a rejected file,
// a duplicate id, a nested folder, and the pair of texts that once made wink's tokens depend on article order.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ARTICLES: Record<string, string> = {
  'a-rubio-allies.txt':
    'Pate and his allies—and Rubio’s allies—have been trying to separate Rubio from the effort, aides said.',
  'b-rubio-collapse.txt':
    'Just as stunning is Marco Rubio’s collapse in his home state, said Senator Jane Smith.\n“We are ready,” she said.',
  'c.md': '# Title\n\nJohn Brown told reporters that the plan would fail.',
  'd/nested.txt': 'The vote would be close, said Senator Jane Smith. “It is not over,” she added.',
  'e.html':
    '<html><head><title>Budget</title></head><body><article><h1>Budget</h1><p>“We will cut taxes,” Governor Ann Lee said on Monday.</p><p>Critics said the plan was reckless.</p></article></body></html>',
  'f.txt': 'According to the Census Bureau, the population of Ohio grew by 2 percent last year.',
  'g.txt':
    'Secretary of State Antony Blinken said the alliance had developed in extraordinary ways. Blinken noted that Japan was a partner.',
  'h.txt': '“This is a historic day,” President Joe Biden said. Biden later told aides that he was pleased.',
  'i.txt': 'The company, Acme Corp., said it would hire 500 workers in Texas, according to a statement.',
  'j.txt': 'Mayor Karen Bass said the city would open new shelters. “We cannot wait,” Bass said.',
  'k.txt': 'The minister denied the report, saying it was false. Officials in Paris declined to comment.',
  'empty.txt': '',
  'dup.md': 'Jane said so in the markdown version.',
  'dup.txt': 'Jane said so in the text version.',
};

/** Writes the corpus into a new temporary folder and returns its path. */
export function makeCorpus(files: Record<string, string> = ARTICLES): string {
  const dir = mkdtempSync(join(tmpdir(), 'run-corpus-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** A new empty temporary folder. */
export function tempDir(prefix = 'run-out-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
