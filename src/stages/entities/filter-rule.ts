// The shape of a candidate-filter rule (filters.ts holds the table): what it reads, what it returns, the cases it
// is for.
import type { Sentence, Token } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import type { EntityLexicons } from './lexicons.ts';

/** What a rule may read besides the candidate. */
export interface RuleContext {
  tokens: readonly Token[];
  lex: EntityLexicons;
  sentences: readonly Sentence[];
  /** Token bounds [first, last) of each paragraph (by index; empty ones are [0, 0)). */
  paragraphs: readonly { first: number; last: number }[];
}

/** A case a rule is for: the stage's entities for `text` hold `keeps` as a mention, never `drops`, and no
 * person named `notPerson` (a rule that retypes a name). */
export interface RuleCase {
  text: string;
  keeps?: string;
  drops?: string;
  notPerson?: string;
}

export interface CandidateRule {
  name: string;
  /** What the rule is for, in one line. */
  example: string;
  /** The candidate after the rule: itself (or a trimmed or retyped copy), or null when no name is left. */
  match: (c: Candidate, x: RuleContext) => Candidate | null;
  cases: readonly RuleCase[];
}

/** The candidate over [first, last), or null when that is empty; the same object when nothing changed. */
export function span(c: Candidate, first: number, last: number): Candidate | null {
  if (last <= first) return null;
  return first === c.first && last === c.last ? c : { ...c, first, last };
}
