// Tokenising running text with wink into per-line token groups with UTF-16 offsets: the form the evaluation
// and the training script's dev check need (CoNLL-style corpora hold one sentence per line).
import type { TaggerToken } from './features.ts';

/** A wink token with its offsets in the text. */
export interface OffsetToken extends TaggerToken {
  start: number;
  end: number;
}

/** Minimal view of a wink-nlp instance (kept structural so tests need not type wink's internals). */
export interface WinkLike {
  readDoc(text: string): { tokens(): { out(f: unknown): unknown } };
  its: { value: unknown; pos: unknown; precedingSpaces: unknown };
}

/** Tokenises text with wink and returns the non-space tokens of each line (index = line number). */
export function tokensByLine(nlp: WinkLike, text: string): OffsetToken[][] {
  // wink drops these characters when rebuilding offsets; a same-length swap for a space keeps offsets exact.
  const doc = nlp.readDoc(text.replace(/[\f\v\u2028\u2029\u3000\ufeff\u2000\u2001\u2006-\u2008\u1680]/g, ' '));
  const vals = doc.tokens().out(nlp.its.value) as string[];
  const poss = doc.tokens().out(nlp.its.pos) as string[];
  const sps = doc.tokens().out(nlp.its.precedingSpaces) as string[];
  const lineStarts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lines: OffsetToken[][] = lineStarts.map(() => []);
  let off = 0,
    line = 0;
  for (let i = 0; i < vals.length; i++) {
    off += sps[i]!.length;
    const v = vals[i]!,
      start = off;
    off += v.length;
    if (poss[i] === 'SPACE' || !v.trim()) continue;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= start) line++;
    lines[line]!.push({ value: v, pos: poss[i]!, start, end: off });
  }
  return lines;
}
