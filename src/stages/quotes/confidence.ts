// Confidence: how sure the pattern that found a quote is, so that a higher confidence means a higher precision.
// The weights are calibrated on development data (scripts/calibrate.ts prints the curve); they are data, not
// magic: data/lexicon/confidence.json.
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

interface Weights {
  base: Record<string, number>;
  type: Record<string, number>;
  speakerVia: Record<string, number>;
  complementizer: number;
  weakVerb: number;
  perParagraph: number;
  afterAttribution: number;
}

/** A number in [0, 1] from the evidence behind a quote. */
export function confidenceOf(e: Evidence): number {
  const w = loadData<Weights>('lexicon/confidence.json');
  let c = w.base[e.kind] ?? 0.5;
  c += w.type[e.type] ?? 0;
  c += w.speakerVia[e.speakerVia] ?? 0;
  if (e.complementizer) c += w.complementizer;
  if (e.strength < 1) c += w.weakVerb * (1 - e.strength) / 0.3;
  if (e.distance !== undefined) c -= w.perParagraph * e.distance;
  if (e.afterAttribution) c += w.afterAttribution;
  return Math.round(Math.min(1, Math.max(0, c)) * 1000) / 1000;
}
