// Confidence: the precision that quotes found with the same evidence had on development data, so that a higher
// confidence means a higher precision. data/lexicon/confidence.json holds precision by evidence signature, from
// the most specific signature to the least (backing off when a signature was seen too rarely); it is written by
// `npx tsx scripts/calibrate.ts polnear-train --write` and checked by the same script without --write.
import { loadData } from '../../lexicon/load.ts';
import type { QuoteType } from '../../types.ts';
import type { FrameKind } from './frame.ts';

export interface Evidence {
  kind: FrameKind | 'floating';
  type: QuoteType;
  complementizer: boolean;
  /** Cue verb strength from the lexicon (1 = plain speech verb). */
  strength: number;
  speakerVia: 'name' | 'pronoun' | 'title' | 'phrase' | 'subject' | 'inherited' | 'none';
  /** The cue's lemma ("say", "suggest", "according to"), when a cue verb or phrase introduced the quote. */
  lemma?: string;
  /** Floating quotes: paragraphs back to the quote they inherit from. */
  distance?: number;
  afterAttribution?: boolean;
}

interface Table {
  /** Precision by signature, most specific level first. */
  levels: Record<string, number>[];
  /** Precision by cue lemma and quote type ("suggest|indirect"), smoothed toward what the signatures alone give:
   * verbs differ more than their strength says ("suggested" reports speech far more often than "reported" does
   * in news). Only lemmas seen often enough are listed; the others use the signatures. */
  lemmas?: Record<string, number>;
  /** Precision of all quotes: the last resort. */
  prior: number;
}

/** The evidence as signatures, from the most specific to the least. */
export function signatures(e: Evidence): [string, string, string, string] {
  const extra =
    e.kind === 'floating'
      ? `d${Math.min(e.distance ?? 3, 3)}${e.afterAttribution ? 'a' : ''}`
      : `${e.complementizer ? 'c' : ''}${e.strength < 1 ? 'w' : ''}`;
  return [
    `${e.kind}|${e.type}|${e.speakerVia}|${extra}`,
    `${e.kind}|${e.type}|${e.speakerVia}`,
    `${e.kind}|${e.type}`,
    `${e.kind}`,
  ];
}

/** The evidence as calibration reads it back: the most specific signature, then "#" and the lemma signature. */
export function evidenceKey(e: Evidence): string {
  const lemma = lemmaSignature(e);
  return lemma ? `${signatures(e)[0]}#${lemma}` : signatures(e)[0];
}

/** The lemma signature of the evidence, or undefined when no cue verb or phrase introduced the quote. */
export function lemmaSignature(e: Evidence): string | undefined {
  return e.lemma ? `${e.lemma}|${e.type}` : undefined;
}

/** A number in [0, 1] from the evidence behind a quote. */
export function confidenceOf(e: Evidence): number {
  const table = loadData<Table>('lexicon/confidence.json');
  const lemma = lemmaSignature(e);
  const byLemma = lemma ? table.lemmas?.[lemma] : undefined;
  if (byLemma !== undefined) return byLemma;
  return signatureConfidence(e);
}

/** The confidence the evidence signatures alone give (calibration smooths lemma precision toward it). */
export function signatureConfidence(e: Evidence): number {
  const table = loadData<Table>('lexicon/confidence.json');
  const { levels } = table;
  const sigs = signatures(e);
  // The most specific signature seen often enough to be listed.
  return levels[0]?.[sigs[0]] ?? levels[1]?.[sigs[1]] ?? levels[2]?.[sigs[2]] ?? levels[3]?.[sigs[3]] ?? table.prior;
}
