// The attribution rules, in the order they are tried: the order is the precedence. Each rule's module says what
// it finds; tests/stages/quotes/rules/ holds its table-test rows. How a match decides is in rule.ts.
import { accordingTo } from './according-to.ts';
import { askedWithoutAsker } from './asked.ts';
import { blockAfterColon } from './block.ts';
import { nameColon } from './colon.ts';
import { quoteDashName } from './dash.ts';
import { cueThenSpeaker, speakerThenCue } from './inverted.ts';
import { namingVerb } from './naming.ts';
import { participleClause } from './participle.ts';
import type { Rule } from './rule.ts';
import { transcriptLabel } from './transcript.ts';
import { relativeClauseReport, sharedSubject, subjectCue } from './verb.ts';

// Family (the module under rules/) on the right, and why the rule stands where it does when its place matters.
export const RULES: readonly Rule[] = [
  // Once per sentence, at its opening:
  transcriptLabel, //      transcript    first: a rubric in capitals ("UPDATE:") is nobody's label, nor a name
  nameColon, //            colon
  // Once per sentence, whatever the opening gave:
  quoteDashName, //        dash
  // At each token, before a cue verb is looked for there:
  accordingTo, //          according-to  where the phrase starts, no cue verb is looked for
  // At each cue verb, the first rule that decides wins:
  namingVerb, //           naming        first: "called" reports a quoted name only, whatever else would read it
  askedWithoutAsker, //    asked         before the subject rules: a passive "asked" has no asker to find
  participleClause, //     participle    before the inverted rules: ", saying …" follows a comma too
  cueThenSpeaker, //       inverted      "…, said X": the phrase after the cue speaks, unless a person stands
  //                                     before the comma (then speakerThenCue reads it)
  speakerThenCue, //       inverted      before subjectCue, which would take the rest of the sentence as content
  relativeClauseReport, // verb          before subjectCue: the content ends with the relative clause
  subjectCue, //           verb
  blockAfterColon, //      block         after subjectCue: only a cue with no content after it introduces a block
  sharedSubject, //        verb          last: only a cue with no subject of its own shares one
];
