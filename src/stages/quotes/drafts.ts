// Drafting quotes: the quotes one attribution frame yields (direct, mixed or indirect, by the quoted spans its
// content covers), with their speaker resolved and their confidence from the evidence behind them.
import type { Config } from '../../config.ts';
import type { EntityArticle, Quote, QuoteType, Span, Speaker } from '../../types.ts';
import { confidenceOf, evidenceKey, type Evidence } from './confidence.ts';
import type { Frame } from './frame.ts';
import type { QuoteLexicons } from './lexicon.ts';
import type { QuotedSpan } from './marks.ts';
import { namesPeople, sentenceSubject } from './sentence-subject.ts';
import { resolveSpeaker, type MentionIndex } from './speakers.ts';
import { looksLikeTitle } from './title-case.ts';
import { tok } from './tokens.ts';

/** A quote as drafted, with what placing the quotes after it needs. */
export interface Draft extends Quote {
  paragraph: number;
  /** End of the attribution that introduced this quote, to let a quote right after it share the speaker. */
  attributionEnd: number;
}

/** What drafting reads and updates across one article, frame after frame in text order. */
export interface DraftContext {
  article: EntityArticle;
  config: Config;
  spans: readonly QuotedSpan[];
  index: MentionIndex;
  lex: QuoteLexicons;
  /** Quoted spans a quote has claimed. */
  used: Set<QuotedSpan>;
  /** Speakers of the quotes drafted so far, in order (pronouns look back at them). */
  recent: Speaker[];
  /** The first speaker found in each sentence, by sentence index, for the participles after it. */
  sentenceSpeakers: Map<number, Speaker>;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** True when text[a, b) holds at least n words; stops reading as soon as it knows (content can be long). */
function hasWords(text: string, a: number, b: number, n: number): boolean {
  let words = 0;
  let inWord = false;
  for (let i = a; i < b; i++) {
    const letter = /[\p{L}\p{N}]/u.test(text.charAt(i));
    if (letter && !inWord && ++words >= n) return true;
    inWord = letter;
  }
  return false;
}

/** The number of words (runs of letters and digits) in s. */
export function wordCount(s: string): number {
  return s.match(WORD)?.length ?? 0;
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
  while (start < end && /[\s,;:—–-]/.test(text.charAt(start))) start++;
  while (end > start && /[\s,;:—–-]/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/** Trims only spaces: a direct quote keeps every word and mark of punctuation inside its quotation marks. */
export function trimSpaces(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/.test(text.charAt(start))) start++;
  while (end > start && /\s/.test(text.charAt(end - 1))) end--;
  return [start, end];
}

/** The quotes one attribution frame yields. */
export function fromFrame(f: Frame, ctx: DraftContext): Draft[] {
  const { article, spans, used, index, lex, recent, config, sentenceSpeakers } = ctx;
  const { text, tokens, entities, sentences } = article;
  const sentence = sentences[f.sentence];
  if (!sentence) return [];
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
    const guessed = f.subjectGuess ? resolveSpeaker(tokens, f.subjectGuess, text, index, entities, lex, recent) : null;
    const guess = guessed?.speaker;
    // The phrase that opens the sentence before its verb is the subject when it names someone (a name, a pronoun,
    // a title held by a known person); a name further on may be an object ("The senator criticized Trump, noting
    // …"). A bare phrase ("The conversation") is only a last resort.
    const head = f.subjectGuess ? tok(tokens, f.subjectGuess[1] - 1) : undefined;
    const named = guessed && (guessed.via !== 'phrase' || (head && namesPeople(head, lex))) ? guess : undefined;
    const subj =
      before ?? named ?? sentenceSubject(tokens, sentence.firstToken, f.cueFirst, index, lex, recent) ?? guess;
    if (subj) {
      speaker = subj;
      via = 'subject';
    }
  }
  if (speaker && !sentenceSpeakers.has(f.sentence)) sentenceSpeakers.set(f.sentence, speaker);
  const cue = span(text, tok(tokens, f.cueFirst).start, tok(tokens, f.cueLast - 1).end);
  const { paragraph } = sentence;
  const out: Draft[] = [];
  const by: Attribution = { cue, speaker, paragraph, attributionEnd: f.attribution[1] };

  const ranges = f.content.map(([a, b]) => trimRange(text, a, b)).filter(([a, b]) => b > a);
  const first = ranges[0];
  const last = ranges[ranges.length - 1];
  if (!first || !last) return out;
  const cStart = first[0];
  const cEnd = last[1];
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
    const [a, b] = first;
    for (const s of overlapping) used.add(s);
    return [draft(text, a, b, { ...evidenceBase, type: 'direct' }, by)];
  }
  if (holder && !used.has(holder)) {
    used.add(holder);
    const [a, b] = trimSpaces(text, holder.start, holder.end);
    if (b <= a) return out; // marks around nothing but spaces ("“ ”, she said") quote nothing (found by fuzzing)
    // "She wrote “The Lives of the Super Rich”": a title, not words she said.
    if (wordCount(text.slice(a, b)) <= 8 && looksLikeTitle(text.slice(a, b))) return out;
    return [draft(text, a, b, { ...evidenceBase, type: 'direct' }, by)];
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
  for (const [r, [a, end]] of ranges.entries()) {
    let b = end;
    if (r === ranges.length - 1 && lastSpan && lastSpan.end > b) b = trimRange(text, a, lastSpan.end)[1];
    // One word is no report, but for an answer ("said yes", "said no").
    if (!hasWords(text, a, b, 2) && !/^(?:yes|no)\.?$/i.test(text.slice(a, b))) continue;
    out.push(draft(text, a, b, { ...evidenceBase, type }, by));
  }
  return out;
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

/** The quote a draft holds, without the fields only drafting needs. */
export function quoteOf(d: Draft): Quote {
  const { type, start, end, text, cue, speaker, confidence, evidence } = d;
  return { type, start, end, text, cue, speaker, confidence, evidence };
}

/** Who said a draft's words, and where: what every draft of one attribution shares. */
export interface Attribution {
  cue: Span | null;
  speaker: Speaker | null;
  paragraph: number;
  /** End of the attribution (Draft.attributionEnd). */
  attributionEnd: number;
}

/** A draft of text[start, end) of the evidence's type, its confidence from that evidence. */
export function draft(text: string, start: number, end: number, evidence: Evidence, by: Attribution): Draft {
  return {
    type: evidence.type,
    start,
    end,
    text: text.slice(start, end),
    cue: by.cue,
    speaker: by.speaker,
    confidence: confidenceOf(evidence),
    evidence: evidenceKey(evidence),
    paragraph: by.paragraph,
    attributionEnd: by.attributionEnd,
  };
}
