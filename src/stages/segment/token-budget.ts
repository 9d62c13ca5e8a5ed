// limits.maxTokens checked before the expensive work. wink reads a whole document at once (tokens, sentences,
// parts of speech, entities), about 330 bytes per token: a text of a million short paragraphs (3M tokens) took
// 1 GB and 17 s before its count could be compared with the limit. Here a text that could be over the limit (more
// characters than the limit allows tokens: a token is at least one character) is counted first by a
// tokenizer-only wink instance, slice by slice, and the count stops as soon as it passes the limit: memory of one
// slice, time of tokenizing up to the limit.
import { countTokens } from './nlp.ts';
import { isSplitSpace } from './split-space.ts';

/** Characters per slice: about 60k tokens, a few MB of wink's arrays. */
const SLICE = 1 << 18;
/** How far back from a slice's end a cut point is looked for. */
const LOOK_BACK = 4096;

// wink splits a text at runs of the split spaces and makes a run of line breaks and tabs a token of its own; a cut
// after a space, or before such a run, changes no token.
const isBreak = (c: number) => c === 10 || c === 13 || c === 9;

/** A position near `end` where cutting changes no token: after a space, or where a run of line breaks starts. */
function cutPoint(text: string, from: number, end: number): number {
  if (end >= text.length) return text.length;
  const floor = Math.max(from + 1, end - LOOK_BACK);
  for (let c = end; c > floor; c--) {
    const before = text.charCodeAt(c - 1);
    const at = text.charCodeAt(c);
    if (isSplitSpace(before) && !isSplitSpace(at)) return c;
    if (isBreak(at) && !isBreak(before) && !isSplitSpace(before)) return c;
  }
  return end; // no space for 4k characters (ingest removes runs over 500): a token may be split, off by one
}

function* slices(text: string): Generator<string> {
  for (let from = 0; from < text.length;) {
    const to = cutPoint(text, from, from + SLICE);
    yield text.slice(from, to);
    from = to;
  }
}

/** A lower bound of wink's token count, in one pass: every run of characters between spaces holds at least one
 * token, and so does every run of line breaks and tabs. */
export function tokenFloor(text: string): number {
  let n = 0;
  let prev = 0; // 0 space, 1 text, 2 line break
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const kind = isSplitSpace(c) ? 0 : isBreak(c) ? 2 : 1;
    if (kind !== 0 && kind !== prev) n++;
    prev = kind;
  }
  return n;
}

/** More than `limit` wink tokens in `text`? Then the count so far (a number above the limit), else 0. Only a text
 * longer than `limit` characters can be (a token is at least one character); a lower bound past the limit settles
 * it in one pass; otherwise the text is counted (as readDoc of the whole text counts), stopping past the limit. */
export function tokensOver(text: string, limit: number): number {
  if (text.length <= limit) return 0;
  const floor = tokenFloor(text);
  if (floor > limit) return floor;
  const n = countTokens(slices(text), limit);
  return n > limit ? n : 0;
}
