// A title-case headline ("Clinton Breaks With Obama On Lawsuit Bill") capitalises every word, so its capitals say
// nothing about names: the tagger and the proper-noun runs join verbs and prepositions to the names there ("Obama
// On", "Clinton Breaks"), and such a mention then names the whole entity. In a title-case line a mention is kept as
// the longest part of it that the article's body names too (with the body's type), or when a lexicon knows it.
import type { EntityType, Sentence, Token } from '../../types.ts';
import type { PendingMention } from './canonical.ts';
import { spanKey } from './classify.ts';
import type { EntityLexicons } from './lexicons.ts';
import { itemAt, tokenAt } from './tokens.ts';

// Capitalised words that are no names a title-case line needs before it counts as one: a line of names and titles
// ("Secretary of State Antony Blinken") is no headline.
const MIN_COMMON_WORDS = 2;
const MIN_TITLED_SHARE = 0.85;
const NOT_NAME_POS = new Set(['VERB', 'AUX', 'ADP', 'PRON', 'ADV', 'DET', 'CCONJ', 'SCONJ', 'PART']);

/** Indexes of the sentences written in title case. */
export function titleCaseSentences(
  tokens: readonly Token[],
  sentences: readonly Sentence[],
  lex: EntityLexicons,
): Set<number> {
  const out = new Set<number>();
  let lowerWords: Set<string> | undefined;
  for (let s = 0; s < sentences.length; s++) {
    const { firstToken, lastToken } = itemAt(sentences, s);
    let content = 0;
    let titled = 0;
    for (let k = firstToken; k < lastToken; k++) {
      const t = tokenAt(tokens, k);
      if (!/^\p{L}/u.test(t.value) || lex.headlineSmallWords.has(t.lower)) continue;
      content++;
      if (/^\p{Lu}/u.test(t.value)) titled++;
    }
    if (content < 3 || titled < content * MIN_TITLED_SHARE) continue;
    // Built once, and only for articles that have a candidate line.
    lowerWords ??= bodyLowerWords(tokens);
    let common = 0;
    for (let k = firstToken + 1; k < lastToken; k++) {
      const t = tokenAt(tokens, k);
      if (!/^\p{Lu}\p{Ll}/u.test(t.value)) continue;
      // "With", "On", "Was", "Exploits": a capitalised small word, a word wink reads as no name, or one the body
      // writes in lower case.
      if (lex.headlineSmallWords.has(t.lower) || NOT_NAME_POS.has(t.pos) || lowerWords.has(t.lower)) common++;
    }
    if (common >= MIN_COMMON_WORDS) out.add(s);
  }
  return out;
}

function bodyLowerWords(tokens: readonly Token[]): Set<string> {
  const words = new Set<string>();
  for (const t of tokens) if (/^\p{Ll}+$/u.test(t.value)) words.add(t.value);
  return words;
}

const POSSESSIVE = /['’]s$/;

/**
 * Mentions with those in title-case sentences cut to what the body names ("Obama On" -> "Obama", typed as the body
 * types it) or dropped; `known` says whether a lexicon knows a span's text, `fullName` whether a token range is a
 * first name (and initials) before a surname.
 */
export function repairHeadlineMentions(
  mentions: readonly PendingMention[],
  tokens: readonly Token[],
  text: string,
  titleCase: ReadonlySet<number>,
  known: (key: string) => boolean,
  fullName: (first: number, last: number) => boolean,
): PendingMention[] {
  if (titleCase.size === 0) return [...mentions];
  const inHeadline = (m: PendingMention) => titleCase.has(tokenAt(tokens, m.firstToken).sentence);
  // What the body names: each mention's text, and a person's surname alone.
  const body = new Map<string, { type: EntityType; canonical?: string }>();
  for (const m of mentions) {
    if (inHeadline(m)) continue;
    const key = m.text.toLowerCase().replace(POSSESSIVE, '');
    if (!body.has(key)) body.set(key, m.canonical ? { type: m.type, canonical: m.canonical } : { type: m.type });
    const words = key.split(/\s+/);
    if (m.type === 'PERSON' && words.length >= 2 && !body.has(words.at(-1)!))
      body.set(words.at(-1)!, { type: 'PERSON' });
  }
  const out: PendingMention[] = [];
  for (const m of mentions) {
    if (!inHeadline(m)) {
      out.push(m);
      continue;
    }
    const key = spanKey(tokens, m.firstToken, m.lastToken).replace(POSSESSIVE, '');
    if (body.has(key) || known(key)) {
      out.push(m);
      continue;
    }
    const part = longestNamedPart(m, tokens, body);
    // "Trevor Noah Says …" with "Noah" in the body: a first name and a surname make a person whatever the body
    // calls them; so does such a name the body never repeats ("Rick Perry Just Said …").
    const person = m.type === 'PERSON' && fullName(m.firstToken, m.lastToken);
    if (part && !(person && part[1] === m.lastToken)) {
      const [first, last, hit] = part;
      const start = tokenAt(tokens, first).start;
      const end = tokenAt(tokens, last - 1).end;
      const cut: PendingMention = {
        type: hit.type,
        start,
        end,
        text: text.slice(start, end),
        firstToken: first,
        lastToken: last,
      };
      if (hit.canonical) cut.canonical = hit.canonical;
      if (m.title && first === m.firstToken) cut.title = m.title;
      out.push(cut);
    } else if (person) out.push(m);
  }
  return [...out, ...bodyNamesInHeadlines(out, tokens, text, titleCase, body)].sort((a, b) => a.start - b.start);
}

// The longest name looked for, in tokens ("Debbie Wasserman Schultz").
const MAX_NAME_TOKENS = 4;

/** Names the body gives a person or an organisation, written in a title-case line where the tagger found nothing
 * ("Pat Caddell: Democrat Voters Worried …", "Pence: …"): the capitals of such a line hide them from it. */
function bodyNamesInHeadlines(
  kept: readonly PendingMention[],
  tokens: readonly Token[],
  text: string,
  titleCase: ReadonlySet<number>,
  body: ReadonlyMap<string, { type: EntityType; canonical?: string }>,
): PendingMention[] {
  const covered = new Set<number>();
  for (const m of kept) for (let k = m.firstToken; k < m.lastToken; k++) covered.add(k);
  const added: PendingMention[] = [];
  for (let a = 0; a < tokens.length; a++) {
    if (!titleCase.has(tokenAt(tokens, a).sentence) || covered.has(a)) continue;
    for (let n = MAX_NAME_TOKENS; n >= 1; n--) {
      const b = a + n;
      if (b > tokens.length || tokenAt(tokens, b - 1).sentence !== tokenAt(tokens, a).sentence) continue;
      let ok = true;
      for (let k = a; k < b && ok; k++) ok = !covered.has(k) && /^\p{Lu}/u.test(tokenAt(tokens, k).value);
      const hit = ok ? body.get(spanKey(tokens, a, b).replace(POSSESSIVE, '')) : undefined;
      if (!hit || (hit.type !== 'PERSON' && hit.type !== 'ORG')) continue;
      const start = tokenAt(tokens, a).start;
      const end = tokenAt(tokens, b - 1).end;
      const m: PendingMention = {
        type: hit.type,
        start,
        end,
        text: text.slice(start, end),
        firstToken: a,
        lastToken: b,
      };
      if (hit.canonical) m.canonical = hit.canonical;
      added.push(m);
      a = b - 1;
      break;
    }
  }
  return added;
}

/** The longest token range inside the mention whose text the body names, leftmost first. */
function longestNamedPart(
  m: PendingMention,
  tokens: readonly Token[],
  body: ReadonlyMap<string, { type: EntityType; canonical?: string }>,
): [number, number, { type: EntityType; canonical?: string }] | null {
  for (let n = m.lastToken - m.firstToken; n >= 1; n--) {
    for (let a = m.firstToken; a + n <= m.lastToken; a++) {
      const hit = body.get(spanKey(tokens, a, a + n).replace(POSSESSIVE, ''));
      if (hit) return [a, a + n, hit];
    }
  }
  return null;
}
