// Confidence: the precision that quotes found with the same evidence had on development data, so that a higher
// confidence means a higher precision. data/lexicon/confidence.json holds precision by evidence signature, from
// the most specific signature to the least (backing off when a signature was seen too rarely); it is written by
// `npx tsx scripts/calibrate.ts polnear-train --write` and checked by the same script without --write.
import { loadData } from '../../lexicon/load.ts';
import type { QuoteType } from '../../types.ts';
import type { FrameKind } from './frames.ts';

export interface Evidence {
  kind: FrameKind | 'floating';
  type: QuoteType;
  complementizer: boolean;
  /** Cue verb strength from the lexicon (1 = plain speech verb). */
  strength: number;
  speakerVia: 'name' | 'pronoun' | 'title' | 'phrase' | 'subject' | 'inherited' | 'none';
  /** Floating quotes: paragraphs back to the quote they inherit from. */
  distance?: number;
  afterAttribution?: boolean;
}

interface Table {
  /** Precision by signature, most specific level first. */
  levels: Record<string, number>[];
  /** Precision of all quotes: the last resort. */
  prior: number;
}

/** The evidence as signatures, from the most specific to the least. */
export function signatures(e: Evidence): string[] {
  const extra = e.kind === 'floating' ? `d${Math.min(e.distance ?? 3, 3)}${e.afterAttribution ? 'a' : ''}` : `${e.complementizer ? 'c' : ''}${e.strength < 1 ? 'w' : ''}`;
  return [
    `${e.kind}|${e.type}|${e.speakerVia}|${extra}`,
    `${e.kind}|${e.type}|${e.speakerVia}`,
    `${e.kind}|${e.type}`,
    `${e.kind}`,
  ];
}

/** A number in [0, 1] from the evidence behind a quote. */
export function confidenceOf(e: Evidence): number {
  const table = loadData<Table>('lexicon/confidence.json');
  const sigs = signatures(e);
  for (let i = 0; i < sigs.length; i++) {
    const p = table.levels[i]?.[sigs[i]!];
    if (p !== undefined) return p;
  }
  return table.prior;
}
