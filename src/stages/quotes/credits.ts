// Credit and byline lines name people who took a picture or wrote the piece, not people the story is about: "(Mark
// Schiefelbein/Associated Press)", "Niall Carson / PA Images via Getty Images", "Photo: Jane Doe". Nor are the people
// of a photo caption glued to its agency's credit ("The Canadian Press Syrian refugee Mohammad Al Mnajer watches as
// his daughters Judy and Jaidaa …"). A pronoun or a description never refers to them.
import { loadData } from '../../lexicon/load.ts';

// What stands right before a credited name ("Photo: ", "Photograph by ", "(Instagram/").
const BEFORE = /(?:\b(?:photo|photograph|photos|credit|illustration|video|graphic|image)s?\s*(?:by|:)\s*|\/\s*)$/i;
// What stands right after it: a slash and the agency ("/AP", " / The Canadian Press").
const AFTER = /^\s*\/\s*\S/;

/** True when the name at text[start, end) is a credit: a photographer's or agency's line, not a person in the story. */
export function isCredit(text: string, start: number, end: number): boolean {
  return AFTER.test(text.slice(end, end + 4)) || BEFORE.test(text.slice(Math.max(0, start - 24), start));
}

let caption: RegExp | undefined;

/** A paragraph opening with an agency's credit and a capitalised word right after it: a photo caption. */
function captionOpening(): RegExp {
  if (caption) return caption;
  const { words } = loadData<{ captionCredits: { words: string[] } }>('lexicon/credit-words.json').captionCredits;
  const agencies = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')).join('|');
  return (caption = new RegExp(`^(?:${agencies})\\s+\\p{Lu}`, 'iu'));
}

/** The photo caption paragraphs of a text (see captionOpening), as character ranges [start, end). */
export function captions(text: string): [number, number][] {
  const out: [number, number][] = [];
  const opening = captionOpening();
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (opening.test(text.slice(start, start + 40))) out.push([start, end]);
    start = end + 1;
  }
  return out;
}
