// Block quotes: "Cruz continued:" at the end of a paragraph, then a paragraph without quotation marks (a scraped
// <blockquote>, a letter, a transcript passage) is direct speech.
import { skipAdjuncts } from '../content.ts';
import { paragraphEnd } from '../paragraphs.ts';
import type { SentenceView } from '../sentence-view.ts';
import type { CueRule } from './rule.ts';

// A block quote is a paragraph of prose: a few words, ending like a sentence, opening with no quotation mark.
const BLOCK_MIN_WORDS = 4;

/** SUBJECT CUE (adjuncts) ":" ending the paragraph, then a paragraph that reads as a block quote. Tried only when
 * the verb rules found no content after the cue. */
export const blockAfterColon: CueRule = {
  name: 'block-after-colon',
  family: 'block',
  example: 'Ted Cruz spoke at length.\nCruz continued:\nYou look at the questions. Are you a comic book villain?',
  anchor: 'cue',
  match: (c) => {
    const { s, cueLast } = c;
    const subject = c.subject();
    const block = subject && c.content() === null ? paragraphAfterColon(s, cueLast) : null;
    if (!subject || !block) return undefined;
    return {
      ...c.base(),
      kind: 'subject-cue',
      speaker: subject,
      content: [block],
      attribution: [s.at(subject[0]).start, s.at(cueLast - 1).end],
      complementizer: true,
      block: true,
    };
  },
};

/** Characters [start, end) of the paragraph after a colon that ends the cue's paragraph (the colon at token k, after
 * adjuncts), when that paragraph reads as a block quote; else null. */
function paragraphAfterColon(s: SentenceView, k: number): [number, number] | null {
  k = skipAdjuncts(s, k);
  if (k !== s.last - 1 || s.at(k).value !== ':') return null;
  const { text } = s;
  let at = s.at(k).end;
  while (at < text.length && text[at] !== '\n' && /\s/.test(text.charAt(at))) at++;
  if (text[at] !== '\n') return null;
  while (at < text.length && /\s/.test(text.charAt(at))) at++;
  const para = text.slice(at, paragraphEnd(text, at));
  // (A paragraph in quotation marks is the same speech with its marks: the quoted span becomes the quote.)
  if (
    !/^[“"‘«]?[\p{Lu}\p{N}]/u.test(para) ||
    !/[.!?…][”"’»]?$/.test(para) ||
    para.split(/\s+/).length < BLOCK_MIN_WORDS
  )
    return null;
  return [at, at + para.length];
}
