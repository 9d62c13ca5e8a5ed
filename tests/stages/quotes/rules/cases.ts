// The shape of a rule's table-test rows, ESLint style: beside each rule (one file per family, mirroring
// src/stages/quotes/rules/), the texts it fires on and texts it stays silent on, each with the quotes the whole
// stage gives. tests/stages/quotes/rules.test.ts runs them.
import type { Rule } from '../../../../src/stages/quotes/rules/rule.ts';

/** One expected quote: its type, text and speaker name (null: none), and its cue when one is listed. */
export interface Want {
  type: string;
  text: string;
  speaker: string | null;
  cue?: string | null;
}

/** A text and the quotes the stage finds in it, in order, and nothing else. */
export interface Row {
  name: string;
  text: string;
  want: Want[];
}

export interface RuleCases {
  rule: Rule;
  /** The rule finds an attribution in each text. */
  fires: Row[];
  /** The rule finds none in each text (another rule may). */
  silent: Row[];
}
