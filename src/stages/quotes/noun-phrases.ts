// Noun phrases read off the tokens: where one ends or starts, whether it has a head or a name, and whether it says
// when rather than who.
import { isDayWord } from './clauses.ts';
import { compoundEnd, compoundStart } from './compounds.ts';
import type { SentenceView } from './sentence-view.ts';
import { HEAD_POS, NP_POS } from './tags.ts';
import { APPROXIMATELY, QUANTIFIERS, RELATIVE_WORDS, TIME_MODIFIERS, TIME_NOUNS, TIME_WORDS } from './words.ts';

// wink may tag a lone dash as a proper noun ("PHILADELPHIA ― Hillary Clinton's campaign"): a phrase word has a
// letter or digit.
const WORDLIKE = /[\p{L}\p{N}]/u;

/** "Six in 10 voters", "four out of 10": the "in" or "out" of a ratio is inside the phrase. */
function inRatio(s: SentenceView, k: number): boolean {
  const w = s.at(k).lower;
  if (k <= s.first || s.at(k - 1).pos !== 'NUM') return false;
  return (
    (w === 'in' && s.tokens[k + 1]?.pos === 'NUM') ||
    (w === 'out' && s.tokens[k + 1]?.lower === 'of' && s.tokens[k + 2]?.pos === 'NUM')
  );
}

/** "Democratic registered voters", "newly elected officials": a participle between a modifier and a noun. */
function participleModifier(s: SentenceView, k: number): boolean {
  const t = s.at(k);
  if (t.pos !== 'VERB' || !t.lower.endsWith('ed') || k <= s.first) return false;
  // "Texas-based Matt Mackowiak", "Chicago-born": a hyphened compound modifies whatever follows it.
  const dash = s.at(k - 1);
  if (dash.value === '-' && dash.end === t.start && k - 1 > s.first && s.at(k - 2).end === dash.start) return true;
  if (s.tokens[k + 1]?.pos !== 'NOUN') return false;
  return ['ADJ', 'ADV', 'DET', 'NUM', 'NOUN'].includes(s.at(k - 1).pos);
}

/** "a Downing Street spokesman": wink tags some capitalised words of a name as verbs; one written inside the
 * sentence right before a proper noun belongs to that name. */
function capitalisedBeforeName(s: SentenceView, k: number): boolean {
  return k > s.first && /^\p{Lu}\p{Ll}/u.test(s.at(k).value) && s.tokens[k + 1]?.pos === 'PROPN' && k + 1 < s.last;
}

/** "said lead author Dr. Jane Roe", "acting chief Jane Roe": wink tags some role modifiers as verbs; one that opens
 * the phrase, before a noun and then a name, belongs to the phrase. */
function roleModifierBeforeName(s: SentenceView, k: number): boolean {
  return (
    s.at(k).pos === 'VERB' &&
    k + 2 < s.last &&
    s.at(k + 1).pos === 'NOUN' &&
    (s.nameAt(k + 2) || s.at(k + 2).pos === 'PROPN')
  );
}

/** Noun phrase ending at token j (inclusive), within the sentence, or null. */
export function npEndingAt(s: SentenceView, j: number): [number, number] | null {
  if (j < s.first) return null;
  let a = j + 1;
  while (a - 1 >= s.first) {
    // "the self-taught resident", "The former sergeant-at-arms": a hyphenated compound is one word.
    const compound = compoundStart(s.tokens, a - 1, s.first);
    if (compound < a - 1) {
      a = compound;
      continue;
    }
    const t = s.at(a - 1);
    const inside =
      (NP_POS.has(t.pos) && WORDLIKE.test(t.value)) ||
      s.nameAt(a - 1) ||
      capitalisedBeforeName(s, a - 1) ||
      t.lower === "'s" ||
      t.lower === '’s' ||
      t.value === '%' ||
      inRatio(s, a - 1) ||
      participleModifier(s, a - 1) ||
      ((t.lower === 'of' || (t.lower === 'for' && s.tokens[a - 2]?.pos === 'NOUN')) &&
        a - 1 > s.first &&
        (HEAD_POS.has(s.at(a - 2).pos) || QUANTIFIERS.has(s.at(a - 2).lower) || inRatio(s, a - 2))) ||
      ((t.value === '.' || t.value === '-' || t.value === '&') && a - 1 > s.first && s.at(a - 2).end === t.start);
    // "which 67 percent of voters say": a relative word starts a clause, not the speaker's name.
    if (!inside || RELATIVE_WORDS.has(t.lower) || t.lower === 'that') break;
    // "… the Washington Post Trump said", "… the regional centers The S.E.C. said": a comma or full stop the writer
    // left out; the phrase starts at the person's name or at a capitalised determiner right after a noun ("the
    // head of The Heritage Foundation" goes on).
    if (a <= j && s.nameBreak(a)) break;
    a--;
    if (a > s.first && t.pos === 'DET' && /^\p{Lu}/u.test(t.value) && ['NOUN', 'PROPN'].includes(s.at(a - 1).pos))
      break;
    if (a - j > 12) break;
  }
  // "About 4 in 10 say": an approximation before a number belongs to it.
  if (a - 1 >= s.first && APPROXIMATELY.has(s.at(a - 1).lower) && s.tokens[a]?.pos === 'NUM') a--;
  // Trim connectors a phrase cannot start with.
  while (a <= j && (s.at(a).lower === 'of' || s.at(a).pos === 'PART' || s.at(a).value === '.' || s.at(a).value === '-'))
    a++;
  if (a > j) return null;
  let head = false;
  for (let k = a; k <= j; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) head = true;
  // "the premier said": wink reads some titles as adjectives; after a determiner the last word is the head.
  if (!head && j > a && s.at(a).pos === 'DET' && s.at(j).pos === 'ADJ') head = true;
  return head ? [a, j + 1] : null;
}

/** Noun phrase starting at token i, or null. Stops at a comma, a verb, a clause end, or a determiner after the
 * head ("told reporters the vote …": the listener ends where the clause begins). */
export function npStartingAt(s: SentenceView, i: number): [number, number] | null {
  let b = i;
  let headSeen = false;
  while (b < s.last) {
    const t = s.at(b);
    if (headSeen && (t.pos === 'DET' || t.pos === 'PRON') && s.at(b - 1).lower !== 'of') break;
    // "the bow-tied maverick", "the self-described …": a hyphenated compound is one word, whatever its parts' tags.
    const compound = compoundEnd(s.tokens, b, s.last);
    if (compound > b + 1 && WORDLIKE.test(t.value)) {
      b = compound;
      continue;
    }
    if (HEAD_POS.has(t.pos) || s.nameAt(b)) headSeen = true;
    const inside =
      (NP_POS.has(t.pos) && WORDLIKE.test(t.value)) ||
      s.nameAt(b) ||
      capitalisedBeforeName(s, b) ||
      (b === i && roleModifierBeforeName(s, b)) ||
      t.lower === "'s" ||
      t.lower === '’s' ||
      (t.lower === 'of' && b > i && b + 1 < s.last && NP_POS.has(s.at(b + 1).pos)) ||
      // a period, hyphen or ampersand only inside a name ("A.T.&T", "Ocasio-Cortez"), never the sentence's full stop
      ((t.value === '.' || t.value === '-' || t.value === '&') &&
        b > i &&
        s.at(b - 1).end === t.start &&
        b + 1 < s.last &&
        s.at(b + 1).start === t.end &&
        NP_POS.has(s.at(b + 1).pos)) ||
      // … or the period of a title abbreviation wink split off, before the name ("the Rev. Peter Wherry")
      (t.value === '.' &&
        b > i &&
        s.at(b - 1).end === t.start &&
        /^\p{Lu}\p{Ll}{1,3}$/u.test(s.at(b - 1).value) &&
        b + 1 < s.last &&
        (s.nameAt(b + 1) || s.at(b + 1).pos === 'PROPN'));
    if (!inside) break;
    b++;
    if (b - i > 12) break;
  }
  if (b === i) return null;
  let head = false;
  for (let k = i; k < b; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) head = true;
  return head ? [i, b] : null;
}

/** The phrase holds a head word (a noun, name, pronoun or number) or part of a name. */
export function hasNameOrHead(s: SentenceView, np: [number, number]): boolean {
  for (let k = np[0]; k < np[1]; k++) if (HEAD_POS.has(s.at(k).pos) || s.nameAt(k)) return true;
  return false;
}

/** "said Sunday", "A few weeks later … announced": a phrase of time words names no speaker. */
export function onlyTime(s: SentenceView, np: [number, number]): boolean {
  for (let k = np[0]; k < np[1]; k++) {
    const t = s.at(k);
    if (!TIME_WORDS.has(t.lower) && t.pos !== 'NUM') return false;
  }
  return true;
}

/** "an ABC News-Washington Post poll last week" -> "an ABC News-Washington Post poll": a time phrase closing a
 * source phrase says when, not who. */
export function withoutTrailingTime(s: SentenceView, np: [number, number]): [number, number] {
  const [a, b] = np;
  if (
    b - a >= 3 &&
    TIME_NOUNS.has(s.at(b - 1).lower) &&
    (TIME_MODIFIERS.has(s.at(b - 2).lower) || s.at(b - 2).lower === 'that')
  )
    return [a, b - 2];
  if (b - a >= 2 && isDayWord(s.at(b - 1).lower) && s.at(b - 1).pos !== 'ADV') return [a, b - 1];
  return np;
}

/** A phrase that describes someone rather than naming them: no person's name, and a common noun at its end or a
 * determiner at its start ("the White House spokesman", "the director of the Federal Bureau of Investigation"). */
export function isDescription(s: SentenceView, np: [number, number]): boolean {
  // "One Republican presidential hopeful": a count or an adjectival head describes too.
  return (
    !s.isPerson(np) &&
    (s.at(np[1] - 1).pos === 'NOUN' ||
      s.at(np[1] - 1).pos === 'ADJ' ||
      s.at(np[0]).pos === 'DET' ||
      s.at(np[0]).pos === 'NUM')
  );
}
