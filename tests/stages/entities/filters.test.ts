import { describe, expect, it } from 'vitest';
import { CANDIDATE_RULES } from '../../../src/stages/entities/filters.ts';
import { withEntities } from '../../helpers.ts';

const NUMERIC = new Set(['DATE', 'TIME', 'MONEY', 'PERCENT', 'QUANTITY', 'CARDINAL', 'ORDINAL']);
/** Every mention text of a named entity (not a number or date) the stage gives for a text. */
const mentions = (text: string) =>
  withEntities(text)
    .entities.filter((e) => !NUMERIC.has(e.type))
    .flatMap((e) => e.mentions.map((m) => m.text));

/** Every mention text of a PERSON entity the stage gives for a text. */
const people = (text: string) =>
  withEntities(text)
    .entities.filter((e) => e.type === 'PERSON')
    .flatMap((e) => e.mentions.map((m) => m.text));

describe('candidate filter rules', () => {
  it('have unique names and at least one case each', () => {
    expect(new Set(CANDIDATE_RULES.map((r) => r.name)).size).toBe(CANDIDATE_RULES.length);
    for (const r of CANDIDATE_RULES) expect(r.cases.length, r.name).toBeGreaterThan(0);
    for (const r of CANDIDATE_RULES) for (const c of r.cases) expect(c.drops ?? c.notPerson, r.name).toBeDefined();
  });
  for (const rule of CANDIDATE_RULES)
    describe(rule.name, () => {
      for (const c of rule.cases)
        it(c.text, () => {
          const found = mentions(c.text);
          if (c.drops) expect(found).not.toContain(c.drops);
          if (c.keeps) expect(found).toContain(c.keeps);
          if (c.notPerson) expect(people(c.text)).not.toContain(c.notPerson);
        });
    });
});
