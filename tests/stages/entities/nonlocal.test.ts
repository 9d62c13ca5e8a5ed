import { describe, expect, it } from 'vitest';
import { labelIndex } from '../../../src/stages/entities/tagger/labels.ts';
import { MAX_NL, isTitleCaseLine, nonLocalKeys } from '../../../src/stages/entities/tagger/nonlocal.ts';

const words = (s: string) => s.split(' ').map((value) => ({ value }));

/** Non-local key counts per token of a document given as lines of "word/LABEL" (label O when left out). */
function counts(lines: string[], misleading: number[] = []): number[] {
  const toks = lines.map((l) => l.split(' ').map((w) => w.split('/') as [string, string?]));
  const flat = toks.flat();
  const n = flat.length;
  const hash = new Map<string, number>();
  const lower = flat.map(([w]) => hash.get(w.toLowerCase()) ?? (hash.set(w.toLowerCase(), hash.size + 1), hash.size));
  const starts = [0];
  for (const t of toks) starts.push(starts.at(-1)! + t.length);
  const out = new Uint32Array(n * MAX_NL),
    c = new Uint8Array(n);
  nonLocalKeys(
    {
      n,
      lower,
      cap: flat.map(([w]) => (/^[A-Z]/.test(w) ? 1 : 0)),
      labels: flat.map(([, l]) => (l ? labelIndex(l) : 0)),
      starts,
      sentences: toks.length,
      misleading: toks.map((_, s) => misleading[s] ?? 0),
    },
    out,
    c,
  );
  return Array.from(c);
}

describe('non-local features', () => {
  it('tell a lone word the type other mentions of it had, never its own label alone', () => {
    // "Vickers" alone in line 2 gets the type and the place in the longer name of line 1; line 1's own tokens
    // only see each other's mentions.
    const c = counts(['Kevin/B-PER Vickers/L-PER spoke', 'Vickers left']);
    expect(c[3]).toBeGreaterThanOrEqual(2);
    expect(c[2]).toBe(0);
  });
  it('do not count the labels of a title-case line', () => {
    expect(counts(['Kevin/B-PER Vickers/L-PER Runs', 'Vickers left'], [1])[3]).toBe(0);
  });
  it('tell a capitalised word that the article writes it in lower case elsewhere', () => {
    expect(counts(['Rain fell', 'the rain stopped'])[0]).toBe(1);
  });
});

describe('title-case lines', () => {
  it('are lines whose longer words all start with a capital', () => {
    expect(isTitleCaseLine(words('Clinton Breaks With Obama On Lawsuit Bill'), 0, 7)).toBe(true);
    expect(isTitleCaseLine(words('FLOODS HIT NORTHERN ITALY'), 0, 4)).toBe(true);
    expect(isTitleCaseLine(words('Clinton broke with Obama on the bill'), 0, 7)).toBe(false);
  });
});
