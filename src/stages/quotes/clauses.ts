// Clauses: where one ends, whether a finite verb stands in it, where a sentence's content ends, and which marks
// close a quotation.
import type { Token } from '../../types.ts';
import { CLAUSE_END, CLOSE_MARKS, DASHES } from './punctuation.ts';
import type { SentenceView } from './sentence-view.ts';
import { tok } from './tokens.ts';
import { DAY_WORDS } from './words.ts';

/** The token is "that". */
export function isThat(t: Token): boolean {
  return t.lower === 'that';
}

/** One word that says when or how ("Tuesday", "later"): data/lexicon/quotes/day-words.json. */
export function isDayWord(w: string): boolean {
  return DAY_WORDS.has(w);
}

/** Token m is a finite verb: an auxiliary, or a verb that is no gerund; a past form only after a noun or pronoun
 * (or first, at `first`), since after other words it may be a participle modifying them. */
export function finiteAt(tokens: readonly Token[], m: number, first: number): boolean {
  const t = tok(tokens, m);
  if (t.pos === 'AUX') return true;
  if (t.pos !== 'VERB' || t.lower.endsWith('ing')) return false;
  return !t.lower.endsWith('ed') || m === first || ['NOUN', 'PROPN', 'PRON'].includes(tok(tokens, m - 1).pos);
}

/** A finite verb (or auxiliary) among the `n` tokens from k, before the clause ends. */
export function finiteVerbWithin(s: SentenceView, k: number, n: number): boolean {
  for (let m = k; m < s.last && m < k + n; m++) {
    const t = s.at(m);
    if (CLAUSE_END.has(t.value) || t.value === ',') return false;
    if (finiteAt(s.tokens, m, k)) return true;
  }
  return false;
}

/** The first token from k that ends a clause: a comma, a clause-ending mark (or, with `dashes`, a dash); s.last
 * when none does. */
export function clauseEndFrom(s: SentenceView, k: number, dashes: boolean): number {
  let end = k;
  while (
    end < s.last &&
    s.at(end).value !== ',' &&
    !CLAUSE_END.has(s.at(end).value) &&
    !(dashes && DASHES.has(s.at(end).value))
  )
    end++;
  return end;
}

/** The dash pairing the one at k, searched up to 15 tokens away in direction `step` (-1 back, 1 on), or -1. */
export function pairedDash(s: SentenceView, k: number, step: 1 | -1): number {
  for (let m = k + step; m > s.first - 1 && m < s.last && Math.abs(m - k) <= 15; m += step)
    if (DASHES.has(s.at(m).value)) return m;
  return -1;
}

/** End of the sentence's content: its last token, minus closing punctuation; with `cut`, before the first
 * ", saying/adding …" after `from` (a participle cue starts a report of its own). */
export function contentEnd(s: SentenceView, from = s.first, cut = false): number {
  let e = s.last;
  if (cut) {
    // participleCuts is sorted: binary search for the first cut after `from`.
    let lo = 0;
    let hi = s.participleCuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const cut = s.participleCuts[mid];
      if (cut !== undefined && cut <= from) lo = mid + 1;
      else hi = mid;
    }
    const cut = s.participleCuts[lo];
    if (cut !== undefined) e = cut;
  }
  while (e > s.first && ['.', '!', '?', ';'].includes(s.at(e - 1).value)) e--;
  return s.at(e - 1).end;
}

/** Token k closes a quotation: ” and " always may; an apostrophe only where a quoted span really ends ("Sanders'
 * spokesman" is a possessive). */
export function closes(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (!CLOSE_MARKS.has(t.value)) return false;
  if ((t.value !== "'" && t.value !== '’') || s.quoteEndsAt(t.end)) return true;
  // "… the word 'old-school,''' said Slayton": wire copy's ''' closes the inner quote and the outer one; an
  // apostrophe glued after a mark that closes a quote is part of that closing.
  const before = s.tokens[k - 1];
  return (
    k - 1 >= s.first &&
    before !== undefined &&
    before.end === t.start &&
    CLOSE_MARKS.has(before.value) &&
    closes(s, k - 1)
  );
}
