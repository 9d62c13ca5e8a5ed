// Stage 4, quotes: quoted spans (paired over characters) meet attribution frames (found per sentence).
//   - a frame whose content is a quoted span: a direct quote with that frame's cue and speaker;
//   - a frame whose content holds a quoted fragment and more: a mixed quote;
//   - a frame with no quoted words: an indirect quote;
//   - a quoted span no frame claims: a floating quote that inherits the speaker of the quote before it, when it
//     reads as speech (a paragraph that is a quote, or words right after an attribution); else a scare quote.
import type { Config } from '../../config.ts';
import { message } from '../../messages.ts';
import type {
  EntityArticle,
  Message,
  Quote,
  QuoteType,
  QuotedArticle,
  Sentence,
  Span,
  Speaker,
  Token,
} from '../../types.ts';
import { confidenceOf, evidenceKey, type Evidence } from './confidence.ts';
import { sentenceFrames, type Frame } from './frames.ts';
import { quoteLexicons } from './lexicon.ts';
import { findQuotedSpans, paragraphOf, type QuotedSpan } from './marks.ts';
import { indexMentions, resolvePronoun, resolveSpeaker, tokenAt, type MentionIndex } from './speakers.ts';
import { looksLikeTitle } from './title-case.ts';
import { dropOneWordPeople } from './one-word-people.ts';

interface Draft extends Quote {
  paragraph: number;
  /** End of the attribution that introduced this quote, to let a quote right after it share the speaker. */
  attributionEnd: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** True when text[a, b) holds at least n words; stops reading as soon as it knows (content can be long). */
function hasWords(text: string, a: number, b: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    const letter = /[\p{L}\p{N}]/u.test(text[i]!);
    if (letter && !inWord && ++words >= n) return true;
    inWord = letter;
  }
  return false;
}

function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/** Finds direct, mixed and indirect quotes with cues and speakers. */
export function findQuotes(article: EntityArticle, config: Config): QuotedArticle {
  const { text, tokens, sentences, paragraphs, entities } = article;
  const lex = quoteLexicons();
  const spans = findQuotedSpans(text, paragraphs);
  const insideQuote = makeInsideTest(spans);
  const index = indexMentions(entities, insideQuote, tokens, text);
  const messages: Message[] = [];
  for (const s of spans) if (!s.closed) messages.push(message('quotes/unclosed-mark', 'quotes', { offset: s.open }));

  const frames: Frame[] = [];
  const holds = (types: ReadonlySet<string>) => (np: [number, number]) => {
    for (let k = np[0]; k < np[1]; k++) {
      const t = index.byToken.get(k)?.entity.type;
      if (t && types.has(t)) return true;
    }
    return false;
  };
  const isName = holds(new Set(['PERSON', 'ORG']));
  const isPerson = holds(new Set(['PERSON']));
  const PLACES = new Set(['GPE', 'LOC']);
  const isPlace = (np: [number, number]) => {
    for (let k = np[0]; k < np[1]; k++) if (!PLACES.has(index.byToken.get(k)?.entity.type ?? '')) return false;
    return true;
  };
  const nameAt = (k: number) => {
    const t = index.byToken.get(k)?.entity.type;
    return t === 'PERSON' || t === 'ORG';
  };
  const quoteEnds = new Set(spans.filter((q) => q.closed).map((q) => q.after));
  const quoteEndsAt = (offset: number) => quoteEnds.has(offset);
  // "with the editorial board of the Washington Post Trump said": two names side by side are two phrases.
  const nameBreak = (k: number) => {
    const a = index.byToken.get(k - 1);
    const b = index.byToken.get(k);
    return a !== undefined && b !== undefined && a.mention !== b.mention && b.entity.type === 'PERSON';
  };
  const names = { isName, isPerson, isPlace, nameAt, quoteEndsAt, nameBreak };
  for (const [si, s] of sentences.entries()) {
    // “Why?” asked Smith. / "Great!!!" Smith wrote.: wink ends the sentence at the quote's own ? or !, so the
    // attribution after it is read together with the quote sentence before it.
    // Only an attribution that opens the sentence and closes its clause is taken that way; the sentence's other
    // frames are its own.
    const prev = si > 0 ? sentences[si - 1]! : undefined;
    let found = sentenceFrames(tokens, s.firstToken, s.lastToken, si, text, lex, names);
    if (prev && attributionFollowsQuote(prev, s, tokens, text, quoteEndsAt)) {
      const opens = tokens[s.firstToken]!.start;
      const lead = sentenceFrames(tokens, prev.firstToken, s.lastToken, si, text, lex, names, s.firstToken).filter(
        (f) => f.kind === 'inverted' && f.attribution[0] === opens,
      );
      if (lead.length) found = [...lead, ...found.filter((f) => !lead.some((l) => l.cueFirst === f.cueFirst))];
    }
    for (const f of found) {
      // A cue inside quotation marks is the quoted person's own words ("He said we'd win," she said).
      // (A transcript's label opens its paragraph inside the marks that open every paragraph of the transcript.)
      if (f.transcript || !insideQuote(tokens[f.cueFirst]!.start)) frames.push(f);
    }
  }
  // A paragraph with an attribution of its own ("Smith said …") is narration, not a block quote of the one before.
  const blocks = frames.filter((f) => f.block);
  if (blocks.length) {
    const dropped = new Set(
      blocks.filter((b) =>
        frames.some((f) => f !== b && f.attribution[0] >= b.content[0]![0] && f.attribution[0] < b.content[0]![1]),
      ),
    );
    for (let k = frames.length - 1; k >= 0; k--) if (dropped.has(frames[k]!)) frames.splice(k, 1);
  }

  // Pass 1: every frame claims the quoted spans its content covers, in text order (pronouns look back at the
  // speakers before them). Pass 2: spans no frame claimed are floating quotes, inheriting from the quote before.
  const drafts: Draft[] = [];
  const used = new Set<QuotedSpan>();
  const recent: Speaker[] = [];
  frames.sort((a, b) => a.attribution[0] - b.attribution[0]);
  const sentenceSpeakers = new Map<number, Speaker>();
  for (const f of frames) {
    for (const q of fromFrame(f, spans, used, article, index, lex, recent, config, sentenceSpeakers)) {
      drafts.push(q);
      if (q.speaker) recent.push(q.speaker);
    }
  }
  drafts.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const sp of spans) {
    if (used.has(sp)) continue;
    let at = drafts.length;
    while (at > 0 && drafts[at - 1]!.start > sp.open) at--;
    const q = floating(sp, drafts, at, article, introducedBy(sp, article, index, lex, recent));
    if (q) {
      used.add(sp);
      drafts.splice(at, 0, q);
    }
  }

  const quotes: Quote[] = [];
  for (const d of drafts) {
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
    if (d.confidence < config.quotes.minConfidence) continue;
    const { paragraph: _p, attributionEnd: _a, ...quote } = d;
    quotes.push(quote);
  }
  const people = dropOneWordPeople(article.entities, quotes);
  return { ...article, ...people, messages: [...article.messages, ...messages] };
}

/** The sentence before ends with a quotation's closing mark, on the same line, in the same paragraph. */
function attributionFollowsQuote(
  prev: Sentence,
  s: Sentence,
  tokens: readonly Token[],
  text: string,
  quoteEndsAt: (offset: number) => boolean,
): boolean {
  if (prev.paragraph !== s.paragraph || prev.lastToken !== s.firstToken) return false;
  const mark = tokens[prev.lastToken - 1]!;
  if (!quoteEndsAt(mark.end)) return false;
  return !text.slice(mark.end, tokens[s.firstToken]!.start).includes('\n');
}

function makeInsideTest(spans: readonly QuotedSpan[]): (at: number) => boolean {
  return (at) => {
    let lo = 0;
    let hi = spans.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = spans[mid]!;
      if (at < s.start) hi = mid - 1;
      else if (at >= s.end) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

// A wire dateline opening the sentence ("BRUSSELS (Reuters) - ", "WASHINGTON, Nov. 3 (AP) — ", "LONDON — ") says
// where the story was filed, not what was said.
const DATELINE =
  /^[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+)*(?:,[ A-Za-z.]{2,24}?\d{0,2})?(?: ?\([^)\n]{1,40}\))? ?[—–-]{1,2} /;

/** Trims spaces, a dateline, and the commas or dashes left at the edges of a reported-content range. */
function trimRange(text: string, start: number, end: number): [number, number] {
  const dateline = DATELINE.exec(text.slice(start, Math.min(end, start + 80)));
  if (dateline) start += dateline[0].length;
  while (start < end && /[\s,;:—–-]/.test(text[start]!)) start++;
  while (end > start && /[\s,;:—–-]/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** Trims only spaces: a direct quote keeps every word and mark of punctuation inside its quotation marks. */
function trimSpaces(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return [start, end];
}

/** The quotes one attribution frame yields. */
function fromFrame(
  f: Frame,
  spans: readonly QuotedSpan[],
  used: Set<QuotedSpan>,
  article: EntityArticle,
  index: MentionIndex,
  lex: ReturnType<typeof quoteLexicons>,
  recent: Speaker[],
  config: Config,
  sentenceSpeakers: Map<number, Speaker>,
): Draft[] {
  const { text, tokens, entities, sentences } = article;
  let speaker: Speaker | null = null;
  let via: Evidence['speakerVia'] = 'none';
  if (f.speaker) {
    const r = resolveSpeaker(tokens, f.speaker, text, index, entities, lex, recent);
    if (r) {
      speaker = r.speaker;
      via = r.via;
    }
  } else if (f.kind !== 'asked') {
    // A participle ("…, saying …") speaks for the subject of its sentence: the speaker of an earlier cue in the
    // same sentence ("Smith said …, adding …"), else the first person named before it.
    const before = sentenceSpeakers.get(f.sentence);
    const s = sentences[f.sentence]!;
    const guessed = f.subjectGuess ? resolveSpeaker(tokens, f.subjectGuess, text, index, entities, lex, recent) : null;
    const guess = guessed?.speaker;
    // The phrase that opens the sentence before its verb is the subject when it names someone (a name, a pronoun,
    // a title held by a known person); a name further on may be an object ("The senator criticized Trump, noting
    // …"). A bare phrase ("The conversation") is only a last resort.
    const head = f.subjectGuess ? tokens[f.subjectGuess[1] - 1]! : undefined;
    const named = guessed && (guessed.via !== 'phrase' || (head && namesPeople(head, lex))) ? guess : undefined;
    const subj = before ?? named ?? sentenceSubject(tokens, s.firstToken, f.cueFirst, index, lex, recent) ?? guess;
    if (subj) {
      speaker = subj;
      via = 'subject';
    }
  }
  if (speaker && !sentenceSpeakers.has(f.sentence)) sentenceSpeakers.set(f.sentence, speaker);
  const cue = span(text, tokens[f.cueFirst]!.start, tokens[f.cueLast - 1]!.end);
  const paragraph = sentences[f.sentence]!.paragraph;
  const out: Draft[] = [];

  const ranges = f.content.map(([a, b]) => trimRange(text, a, b)).filter(([a, b]) => b > a);
  if (ranges.length === 0) return out;
  const cStart = ranges[0]![0];
  const cEnd = ranges[ranges.length - 1]![1];
  const overlapping = spans.filter((s) => s.open < cEnd && s.after > cStart);
  const evidenceBase = {
    kind: f.kind,
    complementizer: f.complementizer,
    strength: f.verb?.strength ?? 0.8,
    speakerVia: via,
    ...(f.verb ? { lemma: f.verb.lemma } : {}),
  };

  // Direct: the content lies inside one quoted span (marks and edge punctuation aside).
  const holder = overlapping.find((s) => s.open <= cStart + 1 && s.after >= cEnd - 1);
  // A block quote after a colon without marks of its own: direct speech all the same.
  if (f.block && (!holder || f.transcript)) {
    const [a, b] = ranges[0]!;
    for (const s of overlapping) used.add(s);
    return [
      draft('direct', a, b, text, cue, speaker, { ...evidenceBase, type: 'direct' }, paragraph, f.attribution[1]),
    ];
  }
  if (holder && !used.has(holder)) {
    used.add(holder);
    const [a, b] = trimSpaces(text, holder.start, holder.end);
    if (b <= a) return out; // marks around nothing but spaces ("“ ”, she said") quote nothing (found by fuzzing)
    // "She wrote “The Lives of the Super Rich”": a title, not words she said.
    if (wordCount(text.slice(a, b)) <= 8 && looksLikeTitle(text.slice(a, b))) return out;
    return [
      draft('direct', a, b, text, cue, speaker, { ...evidenceBase, type: 'direct' }, paragraph, f.attribution[1]),
    ];
  }
  if (holder) return out; // the span already has its speaker

  // Content that is only a quoted title and what surrounds it ("wrote “The Lives of the Super Rich” in 2010").
  // In a headline everything is title case, so there a capitalised quote says nothing (only looked at when the
  // quotes look like titles, and only in content short enough to be a headline: linear however long the text).
  // But a whole clause around a title ("he pursued a new “Twin Peaks” only because …") is reported speech with a
  // name in it: indirect.
  let titlesOnly = false;
  if (
    overlapping.length > 0 &&
    overlapping.every((q) => looksLikeTitle(text.slice(q.start, q.end))) &&
    !headlineAround(text, cStart, cEnd, overlapping)
  ) {
    for (const q of overlapping) used.add(q);
    if (wordCount(outsideSpans(text, cStart, cEnd, overlapping)) < 4) return out;
    titlesOnly = true;
  }
  const hasQuoted = overlapping.length > 0 && !titlesOnly;
  if (!hasQuoted && !config.quotes.indirect) return out;
  for (const s of overlapping) used.add(s);
  const type: QuoteType = hasQuoted ? 'mixed' : 'indirect';
  // A quoted span that runs past the content (a multi-sentence quote) extends the mixed quote to its end.
  const lastSpan = overlapping[overlapping.length - 1];
  for (let r = 0; r < ranges.length; r++) {
    let [a, b] = ranges[r]!;
    if (r === ranges.length - 1 && lastSpan && lastSpan.end > b) b = trimRange(text, a, lastSpan.end)[1];
    // One word is no report, but for an answer ("said yes", "said no").
    if (!hasWords(text, a, b, 2) && !/^(?:yes|no)\.?$/i.test(text.slice(a, b))) continue;
    out.push(draft(type, a, b, text, cue, speaker, { ...evidenceBase, type }, paragraph, f.attribution[1]));
  }
  return out;
}

/** The subject a participle clause inherits: the first person (not a possessive: "Trump’s plan") or pronoun of
 * its sentence before the cue, else the first organisation. */
function sentenceSubject(
  tokens: readonly Token[],
  first: number,
  cue: number,
  index: MentionIndex,
  lex: ReturnType<typeof quoteLexicons>,
  recent: Speaker[],
): Speaker | null {
  let org: Speaker | null = null;
  for (let k = first; k < cue; k++) {
    const hit = index.byToken.get(k);
    const possessive = /^['’]s$/.test(tokens[k + 1]?.value ?? '');
    if (hit && hit.entity.type === 'PERSON' && !possessive)
      return { name: hit.entity.name, entityId: hit.entity.id, mention: hit.mention };
    if (hit && hit.entity.type === 'ORG' && !possessive)
      org ??= { name: hit.entity.name, entityId: hit.entity.id, mention: hit.mention };
    const p = lex.pronouns.get(tokens[k]!.lower);
    if (p && tokens[k]!.pos === 'PRON' && (p.gender || p.number)) {
      const target = resolvePronoun(p, k, index, recent, lex);
      if (target)
        return { ...target, mention: { start: tokens[k]!.start, end: tokens[k]!.end, text: tokens[k]!.value } };
    }
  }
  return org;
}

/** The head of a phrase that names people or an organisation ("officials", "The Sanders campaign", "Democrats"),
 * unlike "The conversation" or "Hours". */
function namesPeople(head: Token, lex: ReturnType<typeof quoteLexicons>): boolean {
  return head.pos === 'PROPN' || lex.peopleNouns.has(head.lower) || lex.organisationNouns.has(head.lower);
}

/** "Ridge put it more bluntly:" then the quote (in the same paragraph or the next): the subject of the sentence
 * the colon ends introduces the speaker. */
function introducedBy(
  s: QuotedSpan,
  article: EntityArticle,
  index: MentionIndex,
  lex: ReturnType<typeof quoteLexicons>,
  recent: Speaker[],
): Speaker | null {
  const { text, tokens, sentences } = article;
  let k = s.open;
  let breaks = 0;
  while (k > 0 && /\s/.test(text[k - 1]!)) if (text[--k] === '\n') breaks++;
  if (k === 0 || text[k - 1] !== ':' || breaks > 2) return null;
  // The colon token: the first token ending at k or later.
  const at = tokenAt(tokens, k - 1);
  const colon = tokens[at];
  if (!colon || colon.end !== k || colon.value !== ':') return null;
  const sentence = sentences[colon.sentence];
  if (!sentence) return null;
  return sentenceSubject(tokens, sentence.firstToken, at, index, lex, recent);
}

/** A quoted span no frame claimed: speech inheriting a speaker (or spoken by `introducer`), or nothing (a title,
 * a scare quote). `count`: the drafts before this span are drafts[0 .. count) (a count, not a copy: linear time). */
function floating(
  s: QuotedSpan,
  drafts: readonly Draft[],
  count: number,
  article: EntityArticle,
  introducer: Speaker | null,
): Draft | null {
  const { text, paragraphs } = article;
  const [a, b] = trimSpaces(text, s.start, s.end);
  if (b <= a) return null;
  const words = wordCount(text.slice(a, b));
  const paragraph = paragraphOf(paragraphs, s.open);
  // What stands before the opening mark in its paragraph, read backwards from the mark only as far as needed.
  const paraStart = paragraphs[paragraph]!.start;
  let k = s.open;
  while (k > paraStart && /\s/.test(text[k - 1]!)) k--;
  const lastBefore = k > paraStart ? text[k - 1]! : '';
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
  for (let i = count - 1; i >= 0 && paragraph - drafts[i]!.paragraph <= 2; i--) {
    if (drafts[i]!.speaker) {
      near = drafts[i];
      break;
    }
  }
  const speaker = introducer ?? near?.speaker ?? null;
  // A quoted fragment inside a sentence with nobody to say it is a scare quote or a citation, not a quote.
  if (type === 'mixed' && !speaker) return null;
  const distance = near ? paragraph - near.paragraph : 3;
  const via: Evidence['speakerVia'] = introducer ? 'subject' : speaker ? 'inherited' : 'none';
  const evidence: Evidence = {
    kind: 'floating',
    type,
    complementizer: false,
    strength: 1,
    speakerVia: via,
    distance: introducer ? 0 : distance,
    afterAttribution,
  };
  return draft(
    type,
    a,
    b,
    text,
    null,
    speaker ? { ...speaker } : null,
    evidence,
    paragraph,
    afterAttribution ? s.after : (prev?.attributionEnd ?? -1),
  );
}

// Longer content is prose, not a headline.
const MAX_HEADLINE_CHARS = 300;

/** The content around the quoted spans is itself title case: a headline. */
function headlineAround(text: string, start: number, end: number, spans: readonly QuotedSpan[]): boolean {
  if (end - start > MAX_HEADLINE_CHARS) return false;
  return looksLikeTitle(outsideSpans(text, start, end, spans));
}

/** The text of [start, end) outside the quoted spans (marks included), the pieces joined by spaces. */
function outsideSpans(text: string, start: number, end: number, spans: readonly QuotedSpan[]): string {
  let outside = '';
  let from = start;
  for (const q of spans) {
    outside += `${text.slice(from, Math.max(from, q.open))} `;
    from = Math.max(from, q.after);
  }
  return outside + text.slice(from, Math.max(from, end));
}

function draft(
  type: QuoteType,
  a: number,
  b: number,
  text: string,
  cue: Span | null,
  speaker: Speaker | null,
  evidence: Evidence,
  paragraph: number,
  attributionEnd: number,
): Draft {
  return {
    type,
    start: a,
    end: b,
    text: text.slice(a, b),
    cue,
    speaker,
    confidence: confidenceOf(evidence),
    evidence: evidenceKey(evidence),
    paragraph,
    attributionEnd,
  };
}
