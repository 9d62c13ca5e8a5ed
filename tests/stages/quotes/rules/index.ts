// Every rule's rows, in the order of the rule table.
import { accordingToCases } from './according-to.ts';
import { askedWithoutAskerCases } from './asked.ts';
import { blockAfterColonCases } from './block.ts';
import type { RuleCases } from './cases.ts';
import { nameColonCases } from './colon.ts';
import { quoteDashNameCases } from './dash.ts';
import { cueThenSpeakerCases, speakerThenCueCases } from './inverted.ts';
import { namingVerbCases } from './naming.ts';
import { participleClauseCases } from './participle.ts';
import { transcriptLabelCases } from './transcript.ts';
import { relativeClauseReportCases, sharedSubjectCases, subjectCueCases } from './verb.ts';

export const RULE_CASES: readonly RuleCases[] = [
  transcriptLabelCases,
  nameColonCases,
  quoteDashNameCases,
  accordingToCases,
  namingVerbCases,
  askedWithoutAskerCases,
  participleClauseCases,
  cueThenSpeakerCases,
  speakerThenCueCases,
  relativeClauseReportCases,
  subjectCueCases,
  blockAfterColonCases,
  sharedSubjectCases,
];
