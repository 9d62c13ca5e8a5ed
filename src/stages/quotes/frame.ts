// An attribution frame: where a sentence reports speech, who speaks (a token range) and what is reported (character
// ranges). The rules in rules/ find them; the quote stage draws quotes from them.
import type { CueVerb } from './lexicon.ts';

export type FrameKind =
  'subject-cue' | 'inverted' | 'parenthetical' | 'according-to' | 'participle' | 'colon' | 'dash' | 'asked';

export interface Frame {
  kind: FrameKind;
  sentence: number;
  /** Cue tokens [cueFirst, cueLast). */
  cueFirst: number;
  cueLast: number;
  verb: CueVerb | null;
  /** Speaker noun phrase tokens [first, last), or null when the frame names none (participles). */
  speaker: [number, number] | null;
  /** Reported content as character ranges (two for a parenthetical cue). */
  content: [number, number][];
  /** Characters [start, end) of the attribution itself (speaker and cue, with adjuncts). */
  attribution: [number, number];
  /** Content introduced by "that" or a colon: a surer sign of reported speech. */
  complementizer: boolean;
  /** Participles: the noun phrase that opens the sentence, when a verb follows it (its likely subject). */
  subjectGuess?: [number, number];
  /** The content is the paragraph after a colon that ends the attribution's paragraph: direct speech without marks. */
  block?: true;
  /** The content is a transcript paragraph after its speaker's label: quotation marks around it mark the transcript
   * (opened on every paragraph, closed on none), not this speech. */
  transcript?: true;
  /** The name of the rule that found the frame (rules/index.ts). */
  rule: string;
}
