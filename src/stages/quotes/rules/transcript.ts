// Transcripts: a paragraph that opens with a speaker label in capitals and a colon ("WALLACE: Let’s start …") is
// that speaker's words, to the paragraph's end, when the article has at least two such paragraphs.
import { isRubric } from '../lexicon.ts';
import { paragraphEnd } from '../paragraphs.ts';
import { CLOSE_MARKS, OPEN_MARKS } from '../punctuation.ts';
import type { SentenceView } from '../sentence-view.ts';
import type { Found, OpeningRule } from './rule.ts';

const NAME = 'transcript-label';

// A transcript's speaker label: words in capitals ("PENCE", "MR. TRUMP", "CHRIS WALLACE"). An interview's "Q:" and
// "A:" are left alone: the gold sets annotate one Q-and-A interview of three (19 of 57 such paragraphs found were
// quotes there, against 16 of 20 for named labels).
const LABEL_WORD = /^(?:\p{Lu}[\p{Lu}.'’-]+|['’]S)$/u;
// Paragraphs opening with such a label and a colon; a transcript has at least two.
const LABEL_LINE = /^[ \t]*[“"]?\p{Lu}[\p{Lu}.'’ -]{1,40}:[ \t]+\S/gmu;
const MIN_LABEL_LINES = 2;

/** "WALLACE: …" opening a paragraph of a transcript (the label may open inside the marks that open every paragraph
 * of a quoted transcript). A rubric ("UPDATE:", "EDITOR’S NOTE:") or a heading ("WHY IT MATTERS:") is nobody's
 * label: the rule claims it and reports nothing, so that no later rule reads it as a name. */
export const transcriptLabel: OpeningRule = {
  name: NAME,
  family: 'transcript',
  example:
    'Mike Pence spoke on Sunday.\n\nWALLACE: Why would he do that? Will she be there?\n\nPENCE: Well, look, this is serious.',
  anchor: 'opening',
  match: transcriptLine,
};

function transcriptLine(s: SentenceView): Found {
  const { lex } = s;
  let a = s.first;
  if (a < s.last && OPEN_MARKS.has(s.at(a).value)) a++;
  let c = a;
  while (c < s.last && c - a < 4 && LABEL_WORD.test(s.at(c).value)) c++;
  if (c === a || c >= s.last - 1 || s.at(c).value !== ':') return undefined;
  const { text } = s;
  const lineStart = text.lastIndexOf('\n', s.at(s.first).start - 1) + 1;
  if (text.slice(lineStart, s.at(a).start).replace(/[\s“"]/g, '') !== '') return undefined;
  const label = text.slice(s.at(a).start, s.at(c - 1).end);
  // "WHY IT MATTERS:", "WHAT'S NEXT:": the headings of an explainer, not names
  if (
    isRubric(label, lex) ||
    label
      .toLowerCase()
      .split(/\s+/)
      .some((w) => lex.headingWords.has(w))
  )
    return null;
  if (s.isPlace([a, c])) return undefined;
  if (!isTranscript(text)) return undefined;
  // "ENERGY:", "BONDS:" in a market report are section headings: a transcript's labels name at least one person
  // the article names ("PENCE" for Mike Pence), titles aside ("MR. TRUMP").
  if (!labelsNamePerson(text, s)) return null;
  let end = paragraphEnd(text, s.at(c).end);
  // the last paragraph of a transcript in marks closes them
  if (a > s.first && CLOSE_MARKS.has(text.charAt(end - 1))) end--;
  const from = s.at(c + 1).start;
  if (end <= from) return undefined;
  return {
    kind: 'colon',
    rule: NAME,
    sentence: s.index,
    cueFirst: c,
    cueLast: c + 1,
    verb: null,
    speaker: [a, c],
    content: [[from, end]],
    attribution: [s.at(a).start, s.at(c).end],
    complementizer: true,
    block: true,
    transcript: true,
  };
}

/** Some label of the text's labelled paragraphs is, titles aside, part of the name of a person the article names. */
function labelsNamePerson(text: string, s: SentenceView): boolean {
  LABEL_LINE.lastIndex = 0;
  for (let m = LABEL_LINE.exec(text); m; m = LABEL_LINE.exec(text)) {
    const words = m[0]
      .slice(0, m[0].indexOf(':'))
      .replace(/[“"]/g, '')
      .trim()
      .toLowerCase()
      .split(/\s+/)
      .filter((w) => w !== '' && !s.lex.titleWords.has(w));
    if (words.length > 0 && words.every((w) => s.personWord(w))) return true;
  }
  return false;
}

/** The text holds at least two paragraphs that open with a speaker label. */
function isTranscript(text: string): boolean {
  let n = 0;
  LABEL_LINE.lastIndex = 0;
  while (n < MIN_LABEL_LINES && LABEL_LINE.exec(text)) n++;
  return n >= MIN_LABEL_LINES;
}
