// Mends wink's sentence breaks that news text trips over (see shared/notes/wink-nlp.md):
//   “Is this right?” she asked.   -> split after the closing mark, though the sentence goes on in lower case;
//   "It is great!!!" Smith wrote.  -> split before a straight closing mark, which then opens the next sentence;
//   Rep. Nancy Pelosi (D-Calif.), spoke.  -> split before the comma;
//   Lindsey Graham, R-S.C., said …        -> split inside "S.C.".
// Paragraph cuts are never undone: a sentence does not cross a line break.
import { loadData } from '../../lexicon/load.ts';
import type { Token } from '../../types.ts';

/** One-word title abbreviations ("Sen.", "Gov.") from the titles lexicon: after a hyphen ("then-Sen. Barack
 * Obama", "ex-Gov. Jeb Bush") wink takes the period for a sentence end. */
let hyphenTitles: Set<string> | undefined;
function hyphenTitle(tail: string): boolean {
  hyphenTitles ??= new Set(
    loadData<{ titles: string[] }>('lexicon/titles.json')
      .titles.filter((t) => /^\p{L}+\.$/u.test(t))
      .map((t) => t.toLowerCase()),
  );
  const m = /-(\p{L}+\.)$/u.exec(tail);
  return m !== null && hyphenTitles.has(m[1]!.toLowerCase());
}

/** A one-word title abbreviation on its own ("Rev.", "Sen."). */
function titleAbbreviation(tail: string): boolean {
  hyphenTitle('');
  const m = /(?:^|[^\p{L}])(\p{L}+\.)$/u.exec(tail);
  return m !== null && hyphenTitles!.has(m[1]!.toLowerCase());
}

const CONTINUATION = /^[a-z,;:)\]’”%]/;
// Straight marks are both opening and closing; wire copy writes ''…'' as two apostrophes.
const STRAIGHT_MARKS = new Set(['"', "'"]);

/** A straight mark glued to the token before it and followed by a space (or nothing) closes a quotation. */
function closingMarkAt(tokens: readonly Token[], k: number, end: number, text: string): boolean {
  const t = tokens[k]!;
  if (!STRAIGHT_MARKS.has(t.value) || k === 0 || tokens[k - 1]!.end !== t.start) return false;
  const next = tokens[k + 1];
  return (
    k + 1 >= end ||
    next === undefined ||
    next.start > t.end ||
    STRAIGHT_MARKS.has(next.value) ||
    /\s/.test(text[t.end] ?? ' ')
  );
}

/** Joins a sentence to the one before when it cannot start a sentence (lower case, a comma, a closing bracket);
 * first hands back closing quote marks that wink put at the start of the next sentence. */
export function fixSentenceBreaks(
  ranges: [number, number][],
  tokens: readonly Token[],
  text: string,
): [number, number][] {
  const out: [number, number][] = [];
  for (const r of ranges) {
    const range: [number, number] = [r[0], r[1]];
    const prev = out[out.length - 1];
    if (prev && prev[1] === range[0]) {
      while (range[0] < range[1] && closingMarkAt(tokens, range[0], range[1], text)) range[0]++;
      prev[1] = range[0];
      if (range[0] === range[1]) continue;
      const before = tokens[prev[1] - 1]!;
      const first = tokens[range[0]]!;
      const sameLine = !text.slice(before.end, first.start).includes('\n');
      // "R-S.C.": wink may cut after "S." though nothing separates it from "C."; a sentence never starts glued
      // to the word before it.
      const glued = before.end === first.start && /^\p{L}/u.test(first.value);
      // "said the Rev. Peter Wherry": a sentence never ends on a title abbreviation before a capitalised word.
      const titled =
        sameLine &&
        /^\p{Lu}/u.test(first.value) &&
        (hyphenTitle(text.slice(Math.max(0, before.end - 16), before.end)) ||
          titleAbbreviation(text.slice(Math.max(0, before.end - 16), before.end)));
      if (glued || titled || (sameLine && CONTINUATION.test(first.value) && !/^[a-z]+\.[a-z]/.test(first.value))) {
        prev[1] = range[1];
        continue;
      }
    }
    // one push per range, not push(...ranges): a sentence the input splits 200,000 times must not overflow the stack
    for (const r of splitAfterNo(range, tokens, text)) out.push(r);
  }
  return out;
}

/** "…, he said no. Sen. John McCain agreed.": wink reads "no." as the abbreviation of "number" and runs on; before
 * a capitalised word (not a numeral: "No. 1") on the same line it ends the sentence. */
function splitAfterNo(range: [number, number], tokens: readonly Token[], text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = range[0];
  for (let k = range[0]; k < range[1] - 1; k++) {
    if (!/^no\.$/i.test(tokens[k]!.value)) continue;
    const next = tokens[k + 1]!;
    if (!/^\p{Lu}/u.test(next.value) || text.slice(tokens[k]!.end, next.start).includes('\n')) continue;
    out.push([from, k + 1]);
    from = k + 1;
  }
  out.push([from, range[1]]);
  return out;
}
