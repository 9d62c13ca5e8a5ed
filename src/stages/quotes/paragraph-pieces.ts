// A direct quote that runs over several paragraphs (news reopens the marks at each paragraph the quote goes on in and
// closes them once, at its end) is emitted as one quote per paragraph, each with the speaker and cue of the whole:
// a reader takes each paragraph as a statement of its own, and gold sets that annotate quotes by paragraph (as the
// Gender Gap Tracker's does) would otherwise match the first paragraph only.
import type { Paragraph } from '../../types.ts';
import { trimSpaces, type Draft } from './drafts.ts';
import { paragraphOf } from './marks.ts';

// The mark that reopens a quote at the start of a paragraph: curly, straight, wire style (``, ''), guillemet, single.
const REOPENING_MARK = /^(?:``|''|[“„‟"«‘'])/u;

/** The draft as one draft per paragraph it touches (direct quotes only; others are returned whole). */
export function paragraphPieces(d: Draft, text: string, paragraphs: readonly Paragraph[]): Draft[] {
  if (d.type !== 'direct' || paragraphs.length === 0) return [d];
  const first = paragraphOf(paragraphs, d.start);
  const firstParagraph = paragraphs[first];
  if (!firstParagraph || d.end <= firstParagraph.end) return [d];
  const pieces: Draft[] = [];
  for (let k = first; k < paragraphs.length; k++) {
    const p = paragraphs[k];
    if (!p || p.start >= d.end) break;
    let [a, b] = trimSpaces(text, Math.max(d.start, p.start), Math.min(d.end, p.end));
    if (k > first) {
      const mark = REOPENING_MARK.exec(text.slice(a, a + 2));
      if (mark) [a, b] = trimSpaces(text, a + mark[0].length, b);
    }
    if (b > a) pieces.push({ ...d, start: a, end: b, text: text.slice(a, b), paragraph: k });
  }
  return pieces.length > 0 ? pieces : [d];
}
