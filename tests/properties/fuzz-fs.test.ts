// File-system fuzzing, the quick form: a few dozen random corpus trees (control characters and bytes that are not
// UTF-8 in names, hidden entries, FIFOs, links) raced between discovery and reading, through the run layer with
// the stages stubbed; `npm run fuzz` runs 300.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fsCase, fsProblems } from '../robustness/fuzz-fs.ts';

const seed = Number(process.env.FUZZ_SEED ?? 20261206);

describe('property: fuzzed corpus trees', () => {
  it('every entry accounted for, no FIFO waited on, no control character in a message, one consistent set', () => {
    fc.assert(
      fc.property(fsCase, (c) => {
        expect(fsProblems(c)).toEqual([]);
      }),
      { numRuns: 40, seed },
    );
  }, 120_000);
});
