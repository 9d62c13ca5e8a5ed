// Stage 4, quotes: quoted spans (paired over characters) meet attribution frames (found per sentence by the rules
// of rules/index.ts).
//   - a frame whose content is a quoted span: a direct quote with that frame's cue and speaker;
//   - a frame whose content holds a quoted fragment and more: a mixed quote;
//   - a frame with no quoted words: an indirect quote;
//   - a quoted span no frame claims: a floating quote that inherits the speaker of the quote before it, when it
//     reads as speech (a paragraph that is a quote, or words right after an attribution); else a scare quote.
import type { Config } from '../../config.ts';
import { message } from '../../messages.ts';
import type { EntityArticle, Message, Quote, QuotedArticle } from '../../types.ts';
import { fromFrame, quoteOf, type Draft, type DraftContext } from './drafts.ts';
import { articleFrames } from './find-frames.ts';
import { floating, introducedBy } from './floating.ts';
import { readArticle } from './reading.ts';
import { dropOneWordPeople } from './one-word-people.ts';
import { linkParagraphs } from './links.ts';
import { paragraphPieces } from './paragraph-pieces.ts';

/** Finds direct, mixed and indirect quotes with cues and speakers. */
export function findQuotes(article: EntityArticle, config: Config): QuotedArticle {
  const reading = readArticle(article);
  const { spans, index, lex } = reading;
  const messages: Message[] = [];
  for (const s of spans) if (!s.closed) messages.push(message('quotes/unclosed-mark', 'quotes', { offset: s.open }));
  const frames = articleFrames(article, reading);

  // Pass 1: every frame claims the quoted spans its content covers, in text order (pronouns look back at the
  // speakers before them). Pass 2: spans no frame claimed are floating quotes, inheriting from the quote before.
  const drafts: Draft[] = [];
  const ctx: DraftContext = {
    article,
    config,
    spans,
    index,
    lex,
    used: new Set(),
    recent: [],
    sentenceSpeakers: new Map(),
  };
  for (const f of frames) {
    for (const q of fromFrame(f, ctx)) {
      drafts.push(q);
      if (q.speaker) ctx.recent.push(q.speaker);
    }
  }
  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const sp of spans) {
    if (ctx.used.has(sp)) continue;
    // The drafts before the span: those that start at or before its opening mark (drafts are sorted by start).
    let at = drafts.length;
    for (let d = drafts[at - 1]; d !== undefined && d.start > sp.open; d = drafts[at - 1]) at--;
    const q = floating(sp, drafts, at, article, introducedBy(sp, article, index, lex, ctx.recent), index);
    if (q) {
      ctx.used.add(sp);
      drafts.splice(at, 0, q);
    }
  }

  const quotes: Quote[] = [];
  const links = linkParagraphs(article.text, article.paragraphs);
  for (const d of drafts.flatMap((x) => paragraphPieces(x, article.text, article.paragraphs))) {
    if (links.has(d.paragraph)) continue;
    if (d.end - d.start > config.limits.maxQuoteChars) {
      messages.push(
        message('quotes/too-long', 'quotes', {
          length: d.end - d.start,
          offset: d.start,
          limit: config.limits.maxQuoteChars,
        }),
      );
      continue;
    }
    // Words in quotation marks that read as speech are kept whatever the evidence for who said them (keepDirect).
    if (d.confidence < config.quotes.minConfidence && !(d.type === 'direct' && config.quotes.keepDirect)) continue;
    quotes.push(quoteOf(d));
  }
  const people = dropOneWordPeople(article.entities, quotes);
  return { ...article, ...people, messages: [...article.messages, ...messages] };
}
