// Finding attribution frames: the rules of rules/index.ts run over each sentence, in table order (see rules/rule.ts
// for how a match decides), and a sentence that opens with the attribution of the quote sentence before it is
// also read joined to that one.
import type { EntityArticle, Sentence, Token } from '../../types.ts';
import { cueAt } from './cue.ts';
import type { Frame } from './frame.ts';
import { onlyTime } from './noun-phrases.ts';
import type { Reading } from './reading.ts';
import { RULES } from './rules/index.ts';
import {
  CueSite,
  type CueRule,
  type Found,
  type OpeningRule,
  type PhraseRule,
  type SentenceRule,
} from './rules/rule.ts';
import { SentenceView, type ArticleView, type NameTests } from './sentence-view.ts';
import { tok } from './tokens.ts';

const OPENING = RULES.filter((r): r is OpeningRule => r.anchor === 'opening');
const SENTENCE = RULES.filter((r): r is SentenceRule => r.anchor === 'sentence');
const PHRASE = RULES.filter((r): r is PhraseRule => r.anchor === 'phrase');
const CUE = RULES.filter((r): r is CueRule => r.anchor === 'cue');

const NAME_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG']);
const PERSON_TYPES: ReadonlySet<string> = new Set(['PERSON']);
const PLACE_TYPES: ReadonlySet<string> = new Set(['GPE', 'LOC']);

/** The attribution frames of an article, in text order of their attributions. */
export function articleFrames(article: EntityArticle, reading: Reading): Frame[] {
  const { text, tokens, sentences } = article;
  const { spans, index, insideQuote, lex } = reading;
  const holds = (types: ReadonlySet<string>) => (np: [number, number]) => {
    for (let k = np[0]; k < np[1]; k++) {
      const t = index.byToken.get(k)?.entity.type;
      if (t && types.has(t)) return true;
    }
    return false;
  };
  const quoteEnds = new Set(spans.filter((q) => q.closed).map((q) => q.after));
  // The words of the names of the people the article names, read only when a rule asks (transcript labels).
  let personWords: Set<string> | undefined;
  const names: NameTests = {
    isName: holds(NAME_TYPES),
    isPerson: holds(PERSON_TYPES),
    isPlace: (np) => {
      for (let k = np[0]; k < np[1]; k++) if (!PLACE_TYPES.has(index.byToken.get(k)?.entity.type ?? '')) return false;
      return true;
    },
    nameAt: (k) => {
      const t = index.byToken.get(k)?.entity.type;
      return t === 'PERSON' || t === 'ORG';
    },
    quoteEndsAt: (offset) => quoteEnds.has(offset),
    // "with the editorial board of the Washington Post Trump said": two names side by side are two phrases.
    nameBreak: (k) => {
      const a = index.byToken.get(k - 1);
      const b = index.byToken.get(k);
      return a !== undefined && b !== undefined && a.mention !== b.mention && b.entity.type === 'PERSON';
    },
    personWord: (word) => {
      personWords ??= new Set(
        article.entities
          .filter((e) => e.type === 'PERSON')
          .flatMap((e) => [e.name, ...e.mentions.map((m) => m.text)])
          .flatMap((n) => n.toLowerCase().split(/\s+/)),
      );
      return personWords.has(word);
    },
  };
  const view: ArticleView = { tokens, text, names, lex };
  let frames: Frame[] = [];
  let prev: Sentence | undefined;
  for (const [si, s] of sentences.entries()) {
    // “Why?” asked Smith. / "Great!!!" Smith wrote.: wink ends the sentence at the quote's own ? or !, so the
    // attribution after it is read together with the quote sentence before it.
    // Only an attribution that opens the sentence and closes its clause is taken that way; the sentence's other
    // frames are its own.
    let found = sentenceFrames(view, s.firstToken, s.lastToken, si);
    if (prev && attributionFollowsQuote(prev, s, tokens, text, names.quoteEndsAt)) {
      const opens = tok(tokens, s.firstToken).start;
      const lead = sentenceFrames(view, prev.firstToken, s.lastToken, si, s.firstToken).filter(
        (f) => f.kind === 'inverted' && f.attribution[0] === opens,
      );
      if (lead.length) found = [...lead, ...found.filter((f) => !lead.some((l) => l.cueFirst === f.cueFirst))];
    }
    for (const f of found) {
      // A cue inside quotation marks is the quoted person's own words ("He said we'd win," she said).
      // (A transcript's label opens its paragraph inside the marks that open every paragraph of the transcript.)
      if (f.transcript || !insideQuote(tok(tokens, f.cueFirst).start)) frames.push(f);
    }
    prev = s;
  }
  // A paragraph with an attribution of its own ("Smith said …") is narration, not a block quote of the one before.
  const blocks = frames.filter((f) => f.block);
  if (blocks.length) {
    const dropped = new Set(
      blocks.filter((b) => {
        const [block] = b.content;
        return (
          block !== undefined &&
          frames.some((f) => f !== b && f.attribution[0] >= block[0] && f.attribution[0] < block[1])
        );
      }),
    );
    if (dropped.size) frames = frames.filter((f) => !dropped.has(f));
  }
  return frames.sort((a, b) => a.attribution[0] - b.attribution[0]);
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
  const mark = tok(tokens, prev.lastToken - 1);
  if (!quoteEndsAt(mark.end)) return false;
  return !text.slice(mark.end, tok(tokens, s.firstToken).start).includes('\n');
}

/** The frames of tokens [first, last), one sentence (or, with `joinedAt`, a quote sentence and the sentence after
 * it, whose first token `joinedAt` is: then only cue phrases and verbs in the later sentence are tried, each
 * sentence's own pass having tried the rest). */
function sentenceFrames(article: ArticleView, first: number, last: number, index: number, joinedAt = -1): Frame[] {
  const { tokens, lex } = article;
  const participleCuts: number[] = [];
  // Content stops where another report starts: ", saying …", "… and said …".
  for (let k = first + 1; k < last - 1; k++) {
    const v = tok(tokens, k).value;
    if (
      (v === ',' && cueAt(tokens, k + 1, lex)?.form === 'gerund') ||
      ((v === 'and' || v === 'but') && cueAt(tokens, k + 1, lex)?.form === 'past')
    )
      participleCuts.push(k);
  }
  const s = new SentenceView(article, first, last, index, joinedAt, participleCuts);
  const frames: Frame[] = [];
  if (joinedAt < 0) {
    for (const rule of OPENING) if (decided(rule.match(s), frames)) break;
    for (const rule of SENTENCE) if (decided(rule.match(s), frames)) break;
  }
  const taken = new Set<number>();
  let site: CueSite | undefined;
  for (let i = joinedAt >= 0 ? joinedAt : first; i < last; i++) {
    if (taken.has(i)) continue;
    let claimed = false;
    for (const rule of PHRASE) {
      claimed = decided(rule.match(s, i), frames);
      if (claimed) break;
    }
    if (claimed) continue;
    const verb = cueAt(tokens, i, lex);
    if (!verb) continue;
    const cueLast = i + verb.length;
    for (let k = i; k < cueLast; k++) taken.add(k);
    if (site) site.moveTo(i, cueLast, verb);
    else site = new CueSite(s, i, cueLast, verb);
    for (const rule of CUE) {
      site.rule = rule.name;
      const f = rule.match(site);
      if (f === undefined) continue;
      // A speaker phrase of time words only ("said Sunday") is no speaker.
      if (f?.speaker && onlyTime(s, f.speaker)) f.speaker = null;
      decided(f, frames);
      break;
    }
  }
  // "The Latest: Mourners say …", "Update: Clinton tells voters …": when what follows the colon is itself a report
  // whose subject opens it, that report is the attribution, and the phrase before the colon is a rubric.
  const colon = frames.find((f) => f.kind === 'colon');
  if (colon && frames.some((f) => f !== colon && f.speaker?.[0] === colon.cueLast))
    frames.splice(frames.indexOf(colon), 1);
  return frames;
}

/** Keeps what a rule found; true when the rule decided (found a frame, or null). */
function decided(found: Found, frames: Frame[]): boolean {
  if (found === undefined) return false;
  if (found) frames.push(found);
  return true;
}
