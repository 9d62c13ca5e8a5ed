// Titles ("Secretary of State", "Sen.", "former President") are not part of a PERSON span: they are split off
// and kept on the entity. They also tell that the name after them is a person, and sometimes the gender.
import type { Token } from '../../types.ts';
import type { EntityLexicons, TitleInfo } from './lexicons.ts';
import { startsUpper } from './chars.ts';
import { tokenAt } from './tokens.ts';

export interface TitleSplit {
  /** First token of the name proper. */
  nameFirst: number;
  title?: TitleInfo;
}

/** Longest title written at token `at` (case-insensitive), as a token count and its info. */
export function titleAt(
  tokens: readonly Token[],
  at: number,
  end: number,
  lex: EntityLexicons,
): [number, TitleInfo] | undefined {
  let key = '';
  let best: [number, TitleInfo] | undefined;
  for (let n = 1; n <= lex.maxTitleTokens && at + n <= end; n++) {
    key = n === 1 ? tokenAt(tokens, at).lower : `${key} ${tokenAt(tokens, at + n - 1).lower}`;
    if (!lex.titlePrefixes.has(key)) break;
    const info = lex.titles.get(key);
    if (info) best = [n, info];
  }
  return best;
}

/**
 * Splits leading titles off a candidate [first, last), and looks for a lower-case title just before it.
 * Descriptors ("former", "Democrat", "U.S.") go with a title that follows them, or stand alone before a name the
 * tagger read as a person; before anything else ("U.S. Agriculture Department") they are part of the name.
 */
export function splitTitle(
  tokens: readonly Token[],
  first: number,
  last: number,
  lex: EntityLexicons,
  person = false,
): TitleSplit {
  let at = first;
  let title: TitleInfo | undefined;
  // "Secretary of State John F. Kerry" tagged from "State": a title begun before the span and ending inside it.
  for (let n = Math.min(lex.maxTitleTokens - 1, first); n >= 1 && !title; n--) {
    const start = first - n;
    if (tokenAt(tokens, start).sentence !== tokenAt(tokens, first).sentence) continue;
    const hit = titleAt(tokens, start, last - 1, lex);
    if (hit && start + hit[0] > first) {
      title = hit[1];
      at = start + hit[0];
    }
  }
  // Descriptors before a title or a full name ("former", "Democrat", "Republican") go with the title.
  const modifiers: string[] = [];
  while (at < last - 2 && lex.titleModifiers.has(tokenAt(tokens, at).lower))
    modifiers.push(tokenAt(tokens, at++).value);
  if (modifiers.length && !titleAt(tokens, at, last - 1, lex) && !(person && last - at >= 2)) {
    at = first;
    modifiers.length = 0;
  }
  // Titles may stack: "Deputy Secretary of State", "Lt. Gen."; keep the longest combined text.
  for (;;) {
    const hit = titleAt(tokens, at, last - 1, lex); // at least one name token must remain
    if (!hit) break;
    const [n, info] = hit;
    title = title
      ? {
          title: `${title.title} ${info.title}`,
          ...((info.gender ?? title.gender) ? { gender: info.gender ?? title.gender } : {}),
        }
      : info;
    at += n;
  }
  if (modifiers.length) {
    const text = title ? `${modifiers.join(' ')} ${title.title}` : modifiers.join(' ');
    title = { ...(title ?? {}), title: text };
  }
  if (!title) {
    // "Democratic National Committee Chair Debbie Wasserman", "United Steelworkers Political Director Tim Waters":
    // a title inside the span, then a first name and a surname: the words up to the title describe the person.
    for (let p = first + 1; p < last - 2 && !title; p++) {
      const hit = titleAt(tokens, p, last - 2, lex);
      if (!hit || !startsUpper(tokenAt(tokens, p).value) || !lex.firstNames.has(tokenAt(tokens, p + hit[0]).lower))
        continue;
      const words: string[] = [];
      for (let k = first; k < p + hit[0]; k++) words.push(tokenAt(tokens, k).value);
      title = { ...hit[1], title: words.join(' ') };
      at = p + hit[0];
    }
  }
  if (!title) {
    // "said party chairman Reince Priebus": a lower-case title right before the name, same sentence.
    for (let n = Math.min(lex.maxTitleTokens, first); n >= 1; n--) {
      const start = first - n;
      if (tokenAt(tokens, start).sentence !== tokenAt(tokens, first).sentence) continue;
      const hit = titleAt(tokens, start, first, lex);
      if (hit && hit[0] === n) {
        title = hit[1];
        break;
      }
    }
  }
  return title ? { nameFirst: at, title } : { nameFirst: at };
}
