// Stage 2, segment: paragraphs, sentences and tokens with offsets into the article text, plus wink's own
// entities (DATE, MONEY, …). Offsets are rebuilt from wink's preceding spaces; wink never gives characters.
/* eslint-disable @typescript-eslint/unbound-method -- wink's its.* helpers are plain functions its types declare as methods */
import type { Config } from '../../config.ts';
import { message } from '../../messages.ts';
import type { ItemEntity, ItemSentence } from 'wink-nlp';
import { nlp, readDocIn } from './nlp.ts';
import type {
  IngestedArticle,
  Paragraph,
  SegmentedArticle,
  Sentence,
  Token,
  TokenWordIds,
  WinkEntity,
} from '../../types.ts';
import { fixSentenceBreaks } from './sentence-fixes.ts';
import { taggingView, widen } from './tagging-view.ts';
import { isSplitSpace } from './split-space.ts';
import { tokensOver } from './token-budget.ts';

/** Paragraphs are the non-empty lines: scraped text puts one paragraph per line, or a blank line between. */
export function findParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (text.slice(start, end).trim() !== '') out.push({ start, end });
    start = end + 1;
  }
  return out;
}

/** Whether a wink token is a run of line breaks and tabs (its.type 'tabCRLF'). */
function isLineBreakToken(value: string): boolean {
  const c = value.charCodeAt(0);
  return c === 10 || c === 13 || c === 9;
}

/** The article refused for its size in tokens. */
function tooManyTokens(
  article: IngestedArticle,
  paragraphs: Paragraph[],
  tokens: number | string,
  limit: number,
): SegmentedArticle {
  return {
    ...article,
    paragraphs,
    sentences: [],
    tokens: [],
    winkEntities: [],
    messages: [...article.messages, message('segment/too-many-tokens', 'segment', { tokens, limit })],
  };
}

/** Splits the article into paragraphs, sentences and tokens. */
export function segment(article: IngestedArticle, config: Config): SegmentedArticle {
  return segmentWithIds(article, config).article;
}

/** segment, and beside the article the word ids of its tokens for the entity tagger (absent when wink read the
 * text with a throwaway instance, whose ids name nothing later). */
export function segmentWithIds(
  article: IngestedArticle,
  config: Config,
): { article: SegmentedArticle; wordIds?: TokenWordIds } {
  const { text } = article;
  const { view, rewrites } = taggingView(text);
  // the limit before the expensive work: a text that may be over it is counted first, in bounded memory
  const over = tokensOver(view, config.limits.maxTokens);
  if (over > 0) return { article: tooManyTokens(article, [], `more than ${over - 1}`, config.limits.maxTokens) };
  const paragraphs = findParagraphs(text);
  const w = nlp();
  const its = w.its;
  const { doc, lexicon } = readDocIn(view);
  const values = doc.tokens().out<string>(its.value);
  const uids = lexicon ? (doc.tokens().out(its.uniqueId) as number[]) : undefined;
  const pos = doc.tokens().out<string>(its.pos);

  if (values.length > config.limits.maxTokens)
    return { article: tooManyTokens(article, paragraphs, values.length, config.limits.maxTokens) };

  // wink token index -> our token index (newline tokens are dropped: paragraphs carry that information).
  const ours = new Int32Array(values.length).fill(-1);
  const tokens: Token[] = [];
  const wordIds = uids ? new Int32Array(values.length) : undefined;
  let at = 0;
  let nextRewrite = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    // The spaces before the token: wink's preceding spaces (its.precedingSpaces, without building those strings).
    while (at < view.length && isSplitSpace(view.charCodeAt(at))) at++;
    // wink's tokens are the text's own characters; if one ever is not, find it rather than drift.
    if (!view.startsWith(value, at)) {
      const found = view.indexOf(value, at);
      if (found >= 0) at = found;
    }
    const start = at;
    at += value.length;
    if (isLineBreakToken(value)) continue;
    let s = start;
    let e = at;
    if (rewrites.length) [s, e, nextRewrite] = widen(start, at, rewrites, nextRewrite);
    const real = s === start && e === at ? value : text.slice(s, e);
    ours[i] = tokens.length;
    if (wordIds) wordIds[tokens.length] = real === value ? uids![i]! : -1;
    tokens.push({ start: s, end: e, value: real, pos: pos[i]!, lower: real.toLowerCase(), sentence: -1 });
  }

  // wink sentences, as token ranges, cut further at paragraph ends and mended where wink splits wrongly.
  const raw: [number, number][] = [];
  doc.sentences().each((s: ItemSentence) => {
    const [a, b] = s.out(its.span) as unknown as [number, number];
    let first = -1;
    for (let i = a; i <= b; i++) {
      const k = ours[i]!;
      if (k < 0) {
        if (first >= 0) raw.push([first, ours[i - 1]! + 1]);
        first = -1;
      } else if (first < 0) first = k;
    }
    if (first >= 0) {
      let last = b;
      while (ours[last]! < 0) last--;
      raw.push([first, ours[last]! + 1]);
    }
  });
  const ranges = fixSentenceBreaks(raw, tokens, text);

  const sentences: Sentence[] = [];
  let p = 0;
  for (const [first, last] of ranges) {
    const start = tokens[first]!.start;
    while (p < paragraphs.length - 1 && paragraphs[p]!.end <= start) p++;
    const index = sentences.length;
    for (let t = first; t < last; t++) tokens[t]!.sentence = index;
    sentences.push({ start, end: tokens[last - 1]!.end, firstToken: first, lastToken: last, paragraph: p });
  }

  const winkEntities: WinkEntity[] = [];
  doc.entities().each((e: ItemEntity) => {
    const [a, b] = e.out(its.span) as unknown as [number, number];
    const first = ours[a]!;
    const last = ours[b]!;
    if (first >= 0 && last >= 0)
      winkEntities.push({ type: e.out<string>(its.type), firstToken: first, lastToken: last + 1 });
  });

  const segmented: SegmentedArticle = { ...article, paragraphs, sentences, tokens, winkEntities };
  return wordIds && lexicon
    ? { article: segmented, wordIds: { ids: wordIds.subarray(0, tokens.length), lexicon } }
    : { article: segmented };
}
