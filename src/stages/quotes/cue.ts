// Cue verbs: where a reporting verb is written, telling its verb forms from the nouns spelled the same.
import type { Token } from '../../types.ts';
import { isThat } from './clauses.ts';
import type { CueVerb, QuoteLexicons } from './lexicon.ts';
import { CLOSE_MARKS } from './punctuation.ts';
import { tok } from './tokens.ts';
import { NOUN_DETERMINERS } from './words.ts';

/** The cue verb written at token i (longest form first), if any. */
export function cueAt(tokens: readonly Token[], i: number, lex: QuoteLexicons): CueVerb | undefined {
  const t = tok(tokens, i);
  const forms = lex.verbs.get(t.lower);
  if (!forms) return undefined;
  // "the claims", "a swing state": after an article or a possessive the form is a noun, and so is a form news
  // mostly writes as one; either still reports before "that" or a colon ("his claim that …", "the report states:").
  const clauseNext = tokens[i + 1]?.lower === 'that' || tokens[i + 1]?.value === ':';
  if (i > 0 && NOUN_DETERMINERS.has(tok(tokens, i - 1).lower) && !clauseNext) return undefined;
  // ("a swing state that Trump must win", "in nine states: Ohio, …": such a form reports only after a name or
  // pronoun.)
  if (lex.nounForms.has(t.lower) && !(clauseNext && ['PROPN', 'PRON'].includes(tokens[i - 1]?.pos ?? '')))
    return undefined;
  // "the said company", "a tweet": only verbs report.
  // wink tags some present forms after a name as nouns ("…,” Viguerie notes."; "the ad states."): after a noun,
  // right before the clause ends, such a form is the verb.
  if (t.pos !== 'VERB' && t.pos !== 'AUX') {
    const before = i > 0 ? tok(tokens, i - 1).pos : '';
    const clauseEnds = ['.', ','].includes(tokens[i + 1]?.lower ?? '');
    // "About 4 in 10 say they …": after a number, before a pronoun or determiner starting a clause, likewise.
    const clauseFollows = before === 'NUM' && ['PRON', 'DET'].includes(tokens[i + 1]?.pos ?? '');
    // "Schweizer notes the foundation hid …", "advocacy groups note that …": after a name or a noun, before "that"
    // or a clause with its own verb.
    const clauseAfter =
      (before === 'PROPN' || before === 'NOUN') && (isThat(tokens[i + 1] ?? t) || clauseWithVerb(tokens, i + 1));
    // "…,” notes Espinos", "…,” points out the resident": right after a closing quotation mark, the inverted cue
    // (the rules still ask for the phrase that speaks after it).
    const afterQuote = i > 0 && CLOSE_MARKS.has(tok(tokens, i - 1).value);
    if (!(
      t.pos === 'NOUN' &&
      (before === 'PRON' ||
        clauseFollows ||
        clauseAfter ||
        afterQuote ||
        ((before === 'PROPN' || before === 'NOUN') && clauseEnds))
    ))
      return undefined;
  }
  let best: CueVerb | undefined;
  for (const f of forms) {
    let ok = true;
    for (let k = 1; k < f.tokens.length; k++) if (tokens[i + k]?.lower !== f.tokens[k]) ok = false;
    if (ok && (!best || f.verb.length > best.length)) best = f.verb;
  }
  return best;
}

/** Tokens from `k` open a clause: a determiner, pronoun or name, then a finite verb within 8 tokens, before any
 * punctuation. */
function clauseWithVerb(tokens: readonly Token[], k: number): boolean {
  const first = tokens[k];
  if (!first || !['DET', 'PRON', 'PROPN'].includes(first.pos)) return false;
  for (let m = k + 1; m < tokens.length && m < k + 9; m++) {
    const t = tok(tokens, m);
    if (t.pos === 'PUNCT' || t.sentence !== first.sentence) return false;
    if (
      t.pos === 'AUX' ||
      (t.pos === 'VERB' && !t.lower.endsWith('ing') && ['NOUN', 'PROPN', 'PRON'].includes(tok(tokens, m - 1).pos))
    )
      return true;
  }
  return false;
}
