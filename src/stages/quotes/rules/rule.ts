// What an attribution rule is: a name, one example sentence, where it is tried (its anchor) and its match. The rules
// run in the order of the table in rules/index.ts. At one place (a sentence's opening, the sentence, a token, a cue
// verb) the first rule whose match is not undefined decides: a frame (found), or null (the place is this rule's,
// and it reports nothing). undefined says "not mine": the next rule tries.
import type { Token } from '../../../types.ts';
import { contentAfter, type Content } from '../content.ts';
import type { Frame } from '../frame.ts';
import type { CueVerb } from '../lexicon.ts';
import type { SentenceView } from '../sentence-view.ts';
import { subjectBefore } from '../subjects.ts';
import { BE_FORMS } from '../words.ts';

/** What a match returns: a frame, null (claimed, nothing reported) or undefined (not this rule's). */
export type Found = Frame | null | undefined;

interface About {
  /** Kebab-case, unique: tests and frames name the rule by it. */
  name: string;
  /** The family the rule belongs to: the module under rules/ that holds it. */
  family: string;
  /** One text the rule finds an attribution in. */
  example: string;
}

/** Tried once per sentence (never on a quote sentence joined to the one after it), at its opening. */
export interface OpeningRule extends About {
  anchor: 'opening';
  match: (s: SentenceView) => Found;
}

/** Tried once per sentence (never on a joined view), after the opening rules, anywhere in it. */
export interface SentenceRule extends About {
  anchor: 'sentence';
  match: (s: SentenceView) => Found;
}

/** Tried at each token not yet part of a cue, before a cue verb is looked for there: a cue phrase. */
export interface PhraseRule extends About {
  anchor: 'phrase';
  match: (s: SentenceView, i: number) => Found;
}

/** Tried at each cue verb. */
export interface CueRule extends About {
  anchor: 'cue';
  match: (c: CueSite) => Found;
}

export type Rule = OpeningRule | SentenceRule | PhraseRule | CueRule;

/** The order the anchors run in: a table lists its rules in this order. */
export const ANCHORS: readonly Rule['anchor'][] = ['opening', 'sentence', 'phrase', 'cue'];

/** A cue verb at tokens [i, cueLast) of a sentence, with what several cue rules read from it, found once. The driver
 * moves one site from cue to cue of a sentence (a site per cue would be garbage at every cue). */
export class CueSite {
  private at: number;
  private end: number;
  private cue: CueVerb;
  private subjectFound: [number, number] | null | undefined = undefined;
  private contentFound: Content | null | undefined = undefined;
  /** The name of the rule being tried at the cue, set by the driver: the frames it finds carry it. */
  rule = '';

  constructor(
    readonly s: SentenceView,
    i: number,
    cueLast: number,
    verb: CueVerb,
  ) {
    this.at = i;
    this.end = cueLast;
    this.cue = verb;
  }

  /** Moves the site to the cue verb at tokens [i, cueLast) of the same sentence. */
  moveTo(i: number, cueLast: number, verb: CueVerb): void {
    this.at = i;
    this.end = cueLast;
    this.cue = verb;
    this.subjectFound = undefined;
    this.contentFound = undefined;
  }

  /** The cue's first token. */
  get i(): number {
    return this.at;
  }

  /** The token after the cue. */
  get cueLast(): number {
    return this.end;
  }

  get verb(): CueVerb {
    return this.cue;
  }

  /** The token right before the cue, when the sentence has one. */
  get prev(): Token | undefined {
    return this.i > this.s.first ? this.s.at(this.i - 1) : undefined;
  }

  /** The noun phrase before the cue that is its subject (subjectBefore), or null. */
  subject(): [number, number] | null {
    if (this.subjectFound === undefined) {
      // "he was quoted as saying": a passive cue's subject stands before its form of "be".
      let at = this.i;
      if (this.cue.passive) while (at - 1 > this.s.first && BE_FORMS.has(this.s.at(at - 1).lower)) at--;
      this.subjectFound = subjectBefore(this.s, at);
    }
    return this.subjectFound;
  }

  /** Where reported content starts after the cue (contentAfter), or null. */
  content(): Content | null {
    if (this.contentFound === undefined) this.contentFound = contentAfter(this.s, this.cueLast, this.verb);
    return this.contentFound;
  }

  /** The fields every frame the rule being tried finds at this cue shares. */
  base(): Pick<Frame, 'rule' | 'sentence' | 'cueFirst' | 'cueLast' | 'verb'> {
    return { rule: this.rule, sentence: this.s.index, cueFirst: this.i, cueLast: this.cueLast, verb: this.verb };
  }
}
