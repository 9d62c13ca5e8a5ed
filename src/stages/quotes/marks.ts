// Quotation marks are paired over the characters of the whole text, not inside sentences: a quote may run over
// several sentences and, by the news convention, several paragraphs (a paragraph that opens a quote and does
// not close it goes on in the next paragraph, which opens with a mark again).
import type { Paragraph } from '../../types.ts';

export interface QuotedSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Content [start, end): the words inside the marks. */
  start: number;
  end: number;
  /** Offset just after the closing mark (end when the quote never closed). */
  after: number;
  closed: boolean;
  /** Paragraph indexes of the first and last paragraph the quote touches. */
  firstParagraph: number;
  lastParagraph: number;
}

type Role = 'open' | 'close' | 'either';

interface Mark {
  at: number;
  length: number;
  role: Role;
  /** Style family: a quote closes only with a mark of its own family. */
  family: 'double' | 'guillemet' | 'single';
}

const SPACE_BEFORE = /[\s([{\u2014\u2013-]/u;
const WORDY = /[\p{L}\p{N}]/u;

/** Every quotation mark in the text with the role its position allows. */
export function findMarks(text: string): Mark[] {
  const marks: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Fast skip: every mark is in these ranges.
    if (c !== 0x22 && c !== 0x27 && c !== 0x60 && c !== 0xab && c !== 0xbb && (c < 0x2018 || c > 0x201f)) continue;
    const ch = text.charAt(i);
    const prev = i > 0 ? text.charAt(i - 1) : '\n';
    const next = i + 1 < text.length ? text.charAt(i + 1) : '\n';
    switch (ch) {
      case '“':
      case '„':
      case '‟':
        marks.push({ at: i, length: 1, role: 'open', family: 'double' });
        break;
      case '”':
        marks.push({ at: i, length: 1, role: 'close', family: 'double' });
        break;
      case '«':
        marks.push({ at: i, length: 1, role: 'open', family: 'guillemet' });
        break;
      case '»':
        marks.push({ at: i, length: 1, role: 'close', family: 'guillemet' });
        break;
      case '"': {
        const role: Role =
          SPACE_BEFORE.test(prev) && !/\s/.test(next)
            ? 'open'
            : !/\s/.test(prev) && !WORDY.test(next)
              ? 'close'
              : 'either';
        marks.push({ at: i, length: 1, role, family: 'double' });
        break;
      }
      case '`':
        // Wire style ``like this'': two backticks open.
        if (next === '`') {
          marks.push({ at: i, length: 2, role: 'open', family: 'double' });
          i++;
        }
        break;
      case "'":
        if (next === "'" && !WORDY.test(text[i + 2] ?? '')) {
          marks.push({ at: i, length: 2, role: 'close', family: 'double' });
          i++;
        } else if (next === "'" && SPACE_BEFORE.test(prev)) {
          marks.push({ at: i, length: 2, role: 'open', family: 'double' });
          i++;
        }
        break;
      case '‘':
        // Two in a row open a double quote, as some outlets typeset it (‘‘like this’’).
        if (next === '‘' && !WORDY.test(prev)) {
          marks.push({ at: i, length: 2, role: 'open', family: 'double' });
          i++;
        } else if (!WORDY.test(prev)) marks.push({ at: i, length: 1, role: 'open', family: 'single' });
        break;
      case '’':
        // Two in a row close a double quote (“like this’’); of three, the first closes an inner quote (’’’).
        if (next === '’' && text[i + 2] !== '’' && !WORDY.test(text[i + 2] ?? '')) {
          marks.push({ at: i, length: 2, role: 'close', family: 'double' });
          i++;
          break;
        }
        // An apostrophe inside or at the end of a word ("don’t", "Jones’ book") is no closing mark; after an "s" it
        // closes only before punctuation ("of ‘sleepwalking into a crisis’.").
        if (!WORDY.test(next) && (!/[sS]/.test(prev) || /[.,;:!?)]/.test(next)))
          marks.push({ at: i, length: 1, role: 'close', family: 'single' });
        break;
      default:
        break;
    }
  }
  return marks;
}

/** Index of the paragraph containing offset `at` (paragraphs sorted, binary search). */
export function paragraphOf(paragraphs: readonly Paragraph[], at: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const p = paragraphs[mid];
    if (p !== undefined && p.start <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Pairs the marks of one family into quoted spans. */
function pairFamily(text: string, marks: readonly Mark[], paragraphs: readonly Paragraph[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let open: Mark | undefined;
  let openPara = -1;
  let lastPara = -1;

  const endUnclosed = () => {
    const p = paragraphs[lastPara];
    if (!open || !p) return;
    let end = p.end;
    while (end > open.at + open.length && /\s/.test(text.charAt(end - 1))) end--;
    if (end > open.at + open.length) {
      out.push({
        open: open.at,
        start: open.at + open.length,
        end,
        after: end,
        closed: false,
        firstParagraph: openPara,
        lastParagraph: lastPara,
      });
    }
    open = undefined;
  };

  for (const m of marks) {
    const para = paragraphOf(paragraphs, m.at);
    if (open && para !== lastPara) {
      // A new paragraph: the quote goes on only if this paragraph opens with a mark (the news convention).
      const atParagraphStart = text.slice(paragraphs[para]?.start ?? 0, m.at).trim() === '';
      const continues = para === lastPara + 1 && atParagraphStart && m.role !== 'close';
      if (continues) {
        lastPara = para;
        continue;
      }
      // The mark is elsewhere in a later paragraph: the quote ended unclosed where its paragraph ended.
      endUnclosed();
    }
    if (!open) {
      if (m.role !== 'close') {
        open = m;
        openPara = para;
        lastPara = para;
      }
      continue;
    }
    if (m.role === 'open' && m.family === 'double' && para === lastPara) {
      // Two opening marks in a row: the first never closed. Keep the later one, it is nearer its words.
      endUnclosedAt(m.at);
      open = m;
      openPara = para;
      lastPara = para;
      continue;
    }
    if (m.at > open.at + open.length) {
      out.push({
        open: open.at,
        start: open.at + open.length,
        end: m.at,
        after: m.at + m.length,
        closed: true,
        firstParagraph: openPara,
        lastParagraph: para,
      });
    }
    open = undefined;
  }
  if (open) {
    // Unclosed at the end of the text: it runs to the end of its last paragraph.
    lastPara = Math.max(lastPara, openPara);
    endUnclosed();
  }
  return out;

  function endUnclosedAt(at: number) {
    if (!open) return;
    let end = at;
    while (end > open.at + open.length && /\s/.test(text.charAt(end - 1))) end--;
    if (end > open.at + open.length) {
      out.push({
        open: open.at,
        start: open.at + open.length,
        end,
        after: end,
        closed: false,
        firstParagraph: openPara,
        lastParagraph: lastPara,
      });
    }
  }
}

/**
 * All quoted spans of the text, outermost only, in text order. Double marks (and guillemets) are the quotes of
 * news; single marks count only outside every double quote, where some outlets use them as primary marks.
 */
export function findQuotedSpans(text: string, paragraphs: readonly Paragraph[]): QuotedSpan[] {
  if (paragraphs.length === 0) return [];
  const marks = findMarks(text);
  if (marks.length === 0) return [];
  const doubles = pairFamily(
    text,
    marks.filter((m) => m.family === 'double'),
    paragraphs,
  );
  const guillemets = pairFamily(
    text,
    marks.filter((m) => m.family === 'guillemet'),
    paragraphs,
  );
  const primary = [...doubles, ...guillemets].sort((a, b) => a.open - b.open);
  const outer = dropNested(primary);
  const singles = pairFamily(
    text,
    marks.filter((m) => m.family === 'single'),
    paragraphs,
  ).filter((s) => s.closed && !outer.some((q) => s.open < q.after && q.open < s.after));
  return dropNested([...outer, ...singles].sort((a, b) => a.open - b.open));
}

function dropNested(spans: QuotedSpan[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && s.open < last.after) continue;
    out.push(s);
  }
  return out;
}
