// Joining the two kinds of candidate name spans: the tagger's (cut at lower-case words that sit inside no name)
// and the proper-noun runs, completing a person the tagger cut short, and an organisation named with a complement.
import type { Token } from '../../types.ts';
import type { Candidate } from './candidates.ts';
import { startsLower } from './chars.ts';
import type { EntityLexicons } from './lexicons.ts';
import { itemAt, tokenAt } from './tokens.ts';

/** Tests for the proper nouns at a person's edges that the tagger left out, over token ranges [from, to). */
export interface NameEdges {
  /** The span is a person: labelled so, or a title and a first name ("Councilwoman Maria", tagged ORG). */
  person: (c: Candidate) => boolean;
  surname: (from: number, to: number) => boolean;
  firstName: (from: number, to: number) => boolean;
}

/**
 * Tagger spans win; a proper-noun run is added where the tagger found nothing that overlaps it, and replaces the
 * tagger's spans inside it when the whole run is a name a lexicon knows ("Republic of Korea", not "Korea").
 */
export function mergeCandidates(
  tagged: Candidate[],
  runs: Candidate[],
  known: (c: Candidate) => boolean,
  edges: NameEdges,
): Candidate[] {
  if (tagged.length === 0) return runs;
  // Both lists are in text order: walk them together (linear, however long the article).
  const dropped = new Set<Candidate>();
  const added: Candidate[] = [];
  let t = 0;
  for (const r of runs) {
    while (t < tagged.length && itemAt(tagged, t).last <= r.first) t++;
    const overlapping: Candidate[] = [];
    for (let k = t; k < tagged.length && itemAt(tagged, k).first < r.last; k++) overlapping.push(itemAt(tagged, k));
    if (overlapping.length === 0) added.push(r);
    else if (
      known(r) &&
      overlapping.every((x) => x.first >= r.first && x.last <= r.last) &&
      overlapping.some((x) => x.last - x.first < r.last - r.first)
    ) {
      for (const x of overlapping) dropped.add(x);
      added.push(r);
    } else if (
      overlapping.length === 1 &&
      itemAt(overlapping, 0).split &&
      itemAt(overlapping, 0).first === r.first &&
      itemAt(overlapping, 0).last < r.last
    ) {
      // "Texas-based consultant John" + "Smith": a piece of a tagger span cut at a lower-case word, which the
      // proper-noun run goes on past, is the start of that run's name.
      dropped.add(itemAt(overlapping, 0));
      added.push({ ...r, label: itemAt(overlapping, 0).label });
    } else {
      for (let k = 0; k < overlapping.length; k++) {
        const x = itemAt(overlapping, k);
        if (!edges.person(x)) continue;
        let { first, last } = x;
        // "Committee Chair Debbie Wasserman" + "Schultz": the tagger ended a person one or two proper nouns before
        // the run does; a surname it left untagged still belongs to the name (an organisation's head word does
        // not: "Clinton Foundation").
        if (k === overlapping.length - 1 && last < r.last && r.last - last <= 2 && edges.surname(last, r.last))
          last = r.last;
        // "Gen." + "Joseph" + "F. Dunford Jr.": a first name it left untagged before the person starts the name.
        const before = k > 0 ? itemAt(overlapping, k - 1).last : r.first;
        if (first > before && first - before <= 2 && edges.firstName(before, first)) first = before;
        if (first !== x.first || last !== x.last) {
          dropped.add(x);
          added.push({ ...x, first, last });
        }
      }
    }
  }
  return [...tagged.filter((x) => !dropped.has(x)), ...added].sort((a, b) => a.first - b.first || a.last - b.last);
}

/** "Brennan Center" + "for" + "Justice", "Committee" + "for a" + "Responsible Federal Budget": a name ending in an
 * organisation's head word and the name its complement starts are one organisation; so is an organisation's head
 * word the tagger left out before the complement it tagged ("Department of" + "Health"). */
export function joinOrgComplements(
  tokens: readonly Token[],
  candidates: Candidate[],
  lex: EntityLexicons,
): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const a = itemAt(candidates, i);
    let k = a.last;
    if (
      lex.orgHeads.has(tokenAt(tokens, a.last - 1).lower) &&
      /^\p{Lu}/u.test(tokenAt(tokens, a.last - 1).value) &&
      lex.complementWords.has(tokens[k]?.lower ?? '')
    ) {
      k++;
      if (lex.complementArticles.has(tokens[k]?.lower ?? '')) k++;
      // The complement: capitalised words from there ("Justice", "American Progress"), whatever candidates they
      // were split into.
      let end = k;
      while (
        end < tokens.length &&
        tokenAt(tokens, end).sentence === tokenAt(tokens, a.first).sentence &&
        /^\p{Lu}/u.test(tokenAt(tokens, end).value) &&
        /\p{L}/u.test(tokenAt(tokens, end).value)
      )
        end++;
      if (end > k && !lex.calendar.has(tokenAt(tokens, k).lower)) {
        // "Suu Kyi's National League for Democracy": the organisation starts after a possessive.
        let first = a.first;
        for (let m = a.first; m < a.last; m++) if (/^['’]s$/.test(tokenAt(tokens, m).value)) first = m + 1;
        while (i + 1 < candidates.length && itemAt(candidates, i + 1).first < end) {
          i++;
          end = Math.max(end, itemAt(candidates, i).last);
        }
        if (first > a.first) out.push({ ...a, last: first });
        out.push({ first, last: end, label: 'ORG' });
        continue;
      }
    }
    const head = headBefore(tokens, a.first, out.at(-1)?.last ?? 0, lex);
    out.push(head < 0 ? a : { first: head, last: a.last, label: 'ORG' });
  }
  return out;
}

/** First token of "Department of [the]" (capitalised words and an organisation's head word) right before token
 * `first`, not before `floor`; -1 when there is none. */
function headBefore(tokens: readonly Token[], first: number, floor: number, lex: EntityLexicons): number {
  let k = first - 1;
  if (lex.complementArticles.has(tokens[k]?.lower ?? '')) k--;
  if (!lex.complementWords.has(tokens[k]?.lower ?? '')) return -1;
  k--;
  const t = tokens[k];
  if (k < floor || !t || !lex.orgHeads.has(t.lower) || !/^\p{Lu}/u.test(t.value)) return -1;
  if (t.sentence !== tokenAt(tokens, first).sentence) return -1;
  while (k - 1 >= floor && /^\p{Lu}/u.test(tokens[k - 1]!.value) && tokens[k - 1]!.sentence === t.sentence) {
    // A sentence's first word is capitalised whatever it is ("The Department of Health"): only a proper noun joins.
    if (tokens[k - 1]!.pos !== 'PROPN') break;
    k--;
  }
  return k;
}

const HYPHEN_TOKENS = new Set(['-', '‐', '‑']);
const SPAN_BREAKS = new Set([',', ';', ':', '“', '”', '"', '(', ')']);

/** Splits a tagger span at a lower-case word that never sits inside a name ("Quad with India"). */
export function splitAtLowercase(tokens: readonly Token[], spans: Candidate[], lex: EntityLexicons): Candidate[] {
  const out: Candidate[] = [];
  for (const c of spans) {
    let first = c.first;
    let cut = false;
    let broken: 'comma' | 'other' | undefined;
    const pieces: Candidate[] = [];
    for (let i = c.first; i < c.last; i++) {
      const t = tokenAt(tokens, i);
      // "Fox, Cruz": a comma or other clause punctuation never sits inside a name either.
      const punctuation = SPAN_BREAKS.has(t.value);
      // "Ban Ki-moon": a lower-case noun glued to the name by a hyphen is part of it ("Texas-based" is no name).
      const glued =
        i > c.first &&
        t.pos === 'NOUN' &&
        !/(?:ed|ing)$/.test(t.lower) &&
        HYPHEN_TOKENS.has(tokenAt(tokens, i - 1).value) &&
        tokenAt(tokens, i - 1).end === t.start &&
        tokens[i - 2]?.end === tokenAt(tokens, i - 1).start;
      if (
        (startsLower(t.value) &&
          !glued &&
          !lex.nameInnerWords.has(t.lower) &&
          !t.value.includes('-') &&
          !t.value.includes('.')) ||
        punctuation
      ) {
        // A piece never ends in a small word of names ("Committee for" + "a" + …): that word opened the rest.
        let end = i;
        while (end > first && lex.nameInnerWords.has(tokenAt(tokens, end - 1).value)) end--;
        if (end > first) pieces.push({ ...c, first, last: end });
        first = i + 1;
        cut = true;
        // A comma between names ("Joint Chiefs of Staff, Gen.") leaves each longer piece its label; a quote mark,
        // bracket or colon says nothing of the words on either side.
        if (punctuation) broken = broken === 'other' || t.value !== ',' ? 'other' : 'comma';
      }
    }
    if (first < c.last) pieces.push({ ...c, first });
    for (const p of pieces) {
      if (!cut) out.push(p);
      // The label was given to the names joined across the punctuation, not to a lone word of them ("Fox, Cruz");
      // a longer piece keeps it ("Joint Chiefs of Staff, Gen.").
      else if (broken === 'other' || (broken === 'comma' && p.last - p.first === 1))
        out.push({ first: p.first, last: p.last, split: true });
      else out.push({ ...p, split: true });
    }
  }
  return out;
}

const HYPHENS = new Set(['-', '‐', '‑']);
// A lower-case piece after a hyphen that makes a compound adjective, not a name ("Texas-based", "Trump-led").
const COMPOUND_SUFFIX = /(?:ed|ing)$/;

/** The word piece written tight after a hyphen at token k (hyphen at k, word at k + 1), or -1. */
function hyphenPiece(tokens: readonly Token[], k: number): number {
  const dash = tokens[k],
    word = tokens[k + 1],
    before = tokens[k - 1];
  if (!dash || !word || !before || !HYPHENS.has(dash.value)) return -1;
  if (before.end !== dash.start || dash.end !== word.start || !/^\p{L}+$/u.test(word.value)) return -1;
  return k + 1;
}

/**
 * "Kim Jong" + "-un", "Jody Wilson" + "-Raybould", "SNC-" + "Lavalin": wink splits at hyphens and names do not, so
 * a tagger span goes on over a word written tight after a hyphen (a capitalised one, or a short lower-case syllable
 * of a person's name), and a span other than a person's starts at a capitalised word tight before one, unless that
 * word is a place ("U.S.-Japan").
 */
export function joinHyphenated(
  tokens: readonly Token[],
  spans: Candidate[],
  isPlace: (t: Token) => boolean,
): Candidate[] {
  const out: Candidate[] = [];
  for (const c of spans) {
    let { first, last } = c;
    for (;;) {
      const k = hyphenPiece(tokens, last);
      if (k < 0) break;
      const w = tokenAt(tokens, k);
      const upper = !startsLower(w.value);
      if (!(upper ? !isPlace(w) : c.label === 'PER' && w.value.length <= 4 && !COMPOUND_SUFFIX.test(w.value))) break;
      last = k + 1;
    }
    // A person's title runs into the name over a hyphen ("Crown-Indigenous Relations Minister …"): only other
    // names start before one.
    while (c.label !== 'PER' && first >= 2 && hyphenPiece(tokens, first - 1) === first) {
      const w = tokenAt(tokens, first - 2);
      if (startsLower(w.value) || isPlace(w) || isPlace(tokenAt(tokens, first)) || !/\p{L}/u.test(w.value)) break;
      first -= 2;
    }
    // A span the one before now covers is part of it.
    const prev = out.at(-1);
    if (prev && first < prev.last) {
      if (last > prev.last) out[out.length - 1] = { ...prev, last };
      continue;
    }
    out.push(first === c.first && last === c.last ? c : { ...c, first, last });
  }
  return out;
}
