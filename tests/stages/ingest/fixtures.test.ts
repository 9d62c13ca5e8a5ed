// Golden ingest fixtures: every tests/fixtures/ingest/<case> must extract to its expected.json.
// After an intended change: npm run fixtures:ingest, then review the diff.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../src/stages/ingest/html/index.ts';
import { expectedOf, fixtureCases, runFixture } from './run-fixture.ts';

describe('ingest golden fixtures', () => {
  const cases = fixtureCases();

  it('has the required set of cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
    expect(cases).toContain('founding-article');
  });

  it.each(cases)('%s', (name) => {
    expect(runFixture(name)).toEqual(expectedOf(name));
  });

  it('founding-article: paragraphs are the corpus text lines (boilerplate first line dropped)', () => {
    const lines = readFileSync(new URL('../../../corpus/000_c15b9b24642192a5.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '');
    const page = readFileSync(new URL('../../fixtures/ingest/founding-article/source.html', import.meta.url), 'utf8');
    const { text } = extractHtml(page);
    expect(text.split('\n\n')).toEqual(lines.slice(1));
  });

  it('no fixture text carries markup, script code or trailing spaces', () => {
    for (const name of cases) {
      const { text } = expectedOf(name);
      expect(text, name).not.toMatch(/<\/?[a-z][^>]*>|INJECTED|alert\(|onclick|javascript:|Your browser/i);
      expect(text, name).not.toMatch(/[ \t]$/m);
    }
  });
});
