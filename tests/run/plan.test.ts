// The checks a run makes before it reads an article or writes a byte (src/run/plan.ts), for every kind of input the
// command line takes: folders, files, globs and standard input, against the folders the run writes.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { plan, RunError } from '../../src/run/plan.ts';
import { tempDir, writeCorpus } from '../robustness/harness.ts';

const config = parseConfig({ run: { cache: false } });
const want = { tables: true, report: true };

/** The plan of these inputs (relative to `cwd`) for a run writing `out` and its report, or the RunError's id. */
function planOf(input: string[], cwd: string, out: string): string {
  try {
    const p = plan({ input, cwd, config, want, outputFolders: [out, join(out, 'report')] });
    return `ok ${p.articles.map((a) => a.id).join(' ')}`;
  } catch (err) {
    if (err instanceof RunError) return err.id;
    throw err;
  }
}

describe('plan: inputs against the folders a run writes', () => {
  const corpus = () => writeCorpus({ 'a.txt': 'A text.', 'feeds/b.html': '<p>B</p>', 'c.md': 'C' });

  it('refuses an output folder inside a folder input, or the same folder; and an input inside the output', () => {
    const dir = corpus();
    expect(planOf(['.'], dir, join(dir, 'out'))).toBe('run/output-inside-input');
    expect(planOf(['.'], dir, dir)).toBe('run/output-inside-input');
    expect(planOf(['feeds'], dir, join(dir, 'out'))).toBe('ok b');
    const outer = tempDir();
    const inner = writeCorpus({ 'x.txt': 'X' }, join(outer, 'corpus'));
    expect(planOf([inner], outer, outer)).toBe('run/input-inside-output');
  });

  it('a glob is refused only when it would match the pages the run writes into a folder under it', () => {
    const dir = corpus();
    const out = join(dir, 'out');
    expect(planOf(['**/*.html'], dir, out)).toBe('run/output-inside-input');
    expect(planOf(['out/**/*.html'], dir, join(dir, 'elsewhere'))).toBe('run/input-invalid'); // no folder out/ yet
    expect(planOf(['*.txt'], dir, out)).toBe('ok a');
    expect(planOf(['feeds/*.html'], dir, out)).toBe('ok b');
    expect(existsSync(out)).toBe(false);
  });

  it('a named file inside an output folder is refused; one beside it is read', () => {
    const dir = corpus();
    mkdirSync(join(dir, 'out/report'), { recursive: true });
    writeFileSync(join(dir, 'out/report/index.html'), '<p>a page of an earlier run</p>');
    expect(planOf(['out/report/index.html'], dir, join(dir, 'out'))).toBe('run/input-inside-output');
    expect(planOf(['a.txt', 'c.md'], dir, join(dir, 'out'))).toBe('ok a c');
  });

  it('standard input has no place to check; missing, odd and empty inputs each have their id', () => {
    const dir = corpus();
    expect(plan({ input: ['-'], cwd: dir, config, want, outputFolders: [dir] }).articles[0]!.id).toBe('stdin');
    expect(planOf(['nope.txt'], dir, tempDir())).toBe('run/input-missing');
    expect(planOf(['-', '-'], dir, tempDir())).toBe('run/input-invalid');
    expect(planOf(['*.pdf'], dir, tempDir())).toBe('run/input-invalid');
    const empty = tempDir();
    writeFileSync(join(empty, 'notes.json'), '{}');
    expect(planOf([empty], dir, tempDir())).toBe('run/no-inputs');
  });
});
