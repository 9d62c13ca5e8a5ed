// The rule table, tested row by row: for each rule of src/stages/quotes/rules/index.ts, its example and the rows
// of its family's file under tests/stages/quotes/rules/ (whether the rule finds an attribution there, and the
// quotes the whole stage gives).
import { describe, expect, it } from 'vitest';
import { articleFrames } from '../../../src/stages/quotes/find-frames.ts';
import { readArticle } from '../../../src/stages/quotes/reading.ts';
import { RULES } from '../../../src/stages/quotes/rules/index.ts';
import { ANCHORS } from '../../../src/stages/quotes/rules/rule.ts';
import { findQuotes } from '../../../src/stages/quotes/index.ts';
import type { EntityArticle } from '../../../src/types.ts';
import { defaults, withEntities } from '../../helpers.ts';
import { expectQuotes } from './expect-quotes.ts';
import { RULE_CASES } from './rules/index.ts';

/** The names of the rules that found the frames of an article. */
function rulesFiring(article: EntityArticle): string[] {
  return articleFrames(article, readArticle(article)).map((f) => f.rule);
}

describe('quotes: the rule table', () => {
  it('names each rule once, in kebab case, with a family and an example', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) {
      expect(r.name).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
      expect(r.family).not.toBe('');
      expect(r.example).not.toBe('');
    }
  });

  it('lists its rules in the order their anchors run', () => {
    const order = RULES.map((r) => ANCHORS.indexOf(r.anchor));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order).not.toContain(-1);
  });

  it('has rows for every rule, in table order, and for no other', () => {
    expect(RULE_CASES.map((c) => c.rule.name)).toEqual(RULES.map((r) => r.name));
    for (const c of RULE_CASES) expect(c.fires.length, c.rule.name).toBeGreaterThan(0);
  });
});

for (const { rule, fires, silent } of RULE_CASES) {
  describe(`quotes rule ${rule.name} (${rule.family})`, () => {
    it(`fires on its example: ${rule.example}`, () => {
      expect(rulesFiring(withEntities(rule.example))).toContain(rule.name);
    });
    for (const row of fires) {
      it(`fires: ${row.name}`, () => {
        const article = withEntities(row.text);
        expect(rulesFiring(article)).toContain(rule.name);
        expectQuotes(findQuotes(article, defaults), row.want);
      });
    }
    for (const row of silent) {
      it(`silent: ${row.name}`, () => {
        const article = withEntities(row.text);
        expect(rulesFiring(article)).not.toContain(rule.name);
        expectQuotes(findQuotes(article, defaults), row.want);
      });
    }
  });
}
