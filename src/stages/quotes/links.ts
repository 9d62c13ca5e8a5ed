// Link paragraphs: "READ MORE: Trudeau says …", "WATCH BELOW: …" open with a label that links other stories or media
// (data/lexicon/quotes/link-labels.json). What follows is another story's headline or a video's caption, so the
// quote stage takes no quote from such a paragraph.
import type { Paragraph } from '../../types.ts';
import { LINK_LABELS } from './words.ts';

// A label in capitals or title case, before a colon at the paragraph's start (at most four words).
const LABEL = /^[ \t]*([\p{L}][\p{L} ]{0,30}?)[ \t]*:/u;

/** Indexes of the paragraphs that open with a link label. */
export function linkParagraphs(text: string, paragraphs: readonly Paragraph[]): Set<number> {
  const out = new Set<number>();
  paragraphs.forEach((p, i) => {
    const m = LABEL.exec(text.slice(p.start, Math.min(p.end, p.start + 40)));
    if (m?.[1] !== undefined && LINK_LABELS.has(m[1].toLowerCase().replace(/\s+/g, ' '))) out.add(i);
  });
  return out;
}
