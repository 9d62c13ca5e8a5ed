// Floating quotes: a quoted span no frame claimed is speech that inherits the speaker of the quote before it (or of
// the sentence a colon ends before it) when it reads as speech; else a title or a scare quote, no quote.
import type { EntityArticle, QuoteType, Speaker } from '../../types.ts';
import type { Evidence } from './confidence.ts';
import { draft, trimSpaces, wordCount, type Draft } from './drafts.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { paragraphOf, type QuotedSpan } from './marks.ts';
import { sentenceSubject } from './sentence-subject.ts';
import { tokenAt, type MentionIndex } from './speakers.ts';
import { looksLikeTitle } from './title-case.ts';

/** "Ridge put it more bluntly:" then the quote (in the same paragraph or the next): the subject of the sentence
 * the colon ends introduces the speaker. */
export function introducedBy(
  s: QuotedSpan,
  article: EntityArticle,
  index: MentionIndex,
  lex: QuoteLexicons,
  recent: Speaker[],
): Speaker | null {
  const { text, tokens, sentences } = article;
  let k = s.open;
  let breaks = 0;
  while (k > 0 && /\s/.test(text.charAt(k - 1))) if (text[--k] === '\n') breaks++;
  if (k === 0 || text[k - 1] !== ':' || breaks > 2) return null;
  // The colon token: the first token ending at k or later.
  const at = tokenAt(tokens, k - 1);
  const colon = tokens[at];
  if (!colon || colon.end !== k || colon.value !== ':') return null;
  const sentence = sentences[colon.sentence];
  if (!sentence) return null;
  return sentenceSubject(tokens, sentence.firstToken, at, index, lex, recent);
}

/** “…,” says House. Durning did not need much coaxing. “I’m thankful for …”: a quote right after a sentence that
 * opens with a person's name, and holds no attribution of its own, is that person's (a reader takes the sentence as
 * the quote's lead-in). `count` as for floating. */
export function leadInSubject(
  s: QuotedSpan,
  drafts: readonly Draft[],
  count: number,
  article: EntityArticle,
  index: MentionIndex,
): Speaker | null {
  const { text, tokens, sentences } = article;
  let k = s.open;
  while (k > 0 && /\s/.test(text.charAt(k - 1))) k--;
  if (k === 0 || text.slice(k, s.open).split('\n').length > 3) return null;
  const last = tokenAt(tokens, k - 1);
  const sentence = sentences[tokens[last]?.sentence ?? -1];
  if (!sentence || tokens[sentence.lastToken - 1]?.end !== k || !'.!?'.includes(text.charAt(k - 1))) return null;
  const opening = index.byToken.get(sentence.firstToken);
  if (!opening || opening.entity.type !== 'PERSON' || /^['’]s$/.test(tokens[sentence.firstToken + 1]?.value ?? ''))
    return null;
  // The sentence is narration: no quote drafted so far has its attribution there.
  const from = tokens[sentence.firstToken]?.start ?? 0;
  for (let i = count - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d) continue;
    if (d.attributionEnd > from) return null;
    if (d.end < from) break;
  }
  return { name: opening.entity.name, entityId: opening.entity.id, mention: opening.mention };
}

/** A quoted span no frame claimed: speech inheriting a speaker (or spoken by `introducer`), or nothing (a title,
 * a scare quote). `count`: the drafts before this span are drafts[0 .. count) (a count, not a copy: linear time). */
export function floating(
  s: QuotedSpan,
  drafts: readonly Draft[],
  count: number,
  article: EntityArticle,
  introducer: Speaker | null,
  index: MentionIndex,
): Draft | null {
  const { text, paragraphs } = article;
  const [a, b] = trimSpaces(text, s.start, s.end);
  if (b <= a) return null;
  const words = wordCount(text.slice(a, b));
  const paragraph = paragraphOf(paragraphs, s.open);
  // What stands before the opening mark in its paragraph, read backwards from the mark only as far as needed.
  const paraStart = paragraphs[paragraph]?.start ?? 0;
  let k = s.open;
  while (k > paraStart && /\s/.test(text.charAt(k - 1))) k--;
  const lastBefore = k > paraStart ? text.charAt(k - 1) : '';
  const prev = count > 0 ? drafts[count - 1] : undefined;
  // Right after an attribution ("…,” said Blinken. “…”, or "he said, “…”"): the same speaker goes on.
  const afterAttribution =
    prev !== undefined && prev.paragraph === paragraph && /^[\s.,;:]*$/.test(text.slice(prev.attributionEnd, s.open));
  const opensParagraph = k === paraStart;
  const opensSentence = opensParagraph || '.!?:'.includes(lastBefore);
  const sentence = /[.!?,]$/.test(text.slice(a, b)) || words >= 8;
  // A title in quotation marks ("Super Lives of the Super Rich") is a work, not speech.
  if (!afterAttribution && looksLikeTitle(text.slice(a, b))) return null;
  let type: QuoteType;
  if (afterAttribution && words >= 1) type = 'direct';
  else if ((opensParagraph || opensSentence) && words >= 4 && sentence) type = 'direct';
  else if (words >= 6 && !opensParagraph) type = 'mixed';
  else return null;

  // The speaker: that of the nearest quote before with one, when it is near (this paragraph or the two before).
  let near: Draft | undefined;
  for (let i = count - 1; i >= 0; i--) {
    const d = drafts[i];
    if (!d || paragraph - d.paragraph > 2) break;
    if (d.speaker) {
      near = d;
      break;
    }
  }
  const leadIn = !introducer && type === 'direct' ? leadInSubject(s, drafts, count, article, index) : null;
  const differs = leadIn && leadIn.entityId !== near?.speaker?.entityId;
  const speaker = introducer ?? (differs ? leadIn : null) ?? near?.speaker ?? null;
  // A quoted fragment inside a sentence with nobody to say it is a scare quote or a citation, not a quote.
  if (type === 'mixed' && !speaker) return null;
  const distance = near ? paragraph - near.paragraph : 3;
  const via: Evidence['speakerVia'] = introducer || differs ? 'subject' : speaker ? 'inherited' : 'none';
  const evidence: Evidence = {
    kind: 'floating',
    type,
    complementizer: false,
    strength: 1,
    speakerVia: via,
    distance: introducer || differs ? 0 : distance,
    afterAttribution,
  };
  return draft(text, a, b, evidence, {
    cue: null,
    speaker: speaker ? { ...speaker } : null,
    paragraph,
    attributionEnd: afterAttribution ? s.after : (prev?.attributionEnd ?? -1),
  });
}
