// Tells when Readability's choice is probably not the article: a box of page furniture (a newsletter sign-up,
// a print footer, a cookie notice), or a sliver of a page that shows far more text. Nothing is cut here; the
// caller warns and tries the next candidate.
import { loadData } from '../../../lexicon/load.ts';

export type Suspicion = 'furniture' | 'small';

// Furniture boxes are short: a candidate longer than this is judged by its size alone.
const MAX_FURNITURE_CHARS = 2000;
// A candidate is furniture when at least this share of its characters is in paragraphs with a furniture cue.
const FURNITURE_SHARE = 0.5;
// A candidate is a sliver when it holds less than this share of the page's visible text, and the page shows at
// least MIN_PAGE_CHARS more than the candidate: a short item on a short page is what it is.
const SMALL_SHARE = 0.1;
const MIN_PAGE_CHARS = 2000;

let cues: RegExp[] | undefined;

/** The furniture cues from data/lexicon/furniture-cues.json, compiled once per process. */
function furnitureCues(): RegExp[] {
  cues ??= loadData<{ cues: { pattern: string }[] }>('lexicon/furniture-cues.json').cues.map(
    (c) => new RegExp(c.pattern, 'iu'),
  );
  return cues;
}

/** Share of the paragraphs' characters that sit in paragraphs holding a furniture cue. */
export function furnitureShare(paragraphs: readonly string[]): number {
  let total = 0;
  let furniture = 0;
  const patterns = furnitureCues();
  for (const p of paragraphs) {
    total += p.length;
    if (patterns.some((re) => re.test(p))) furniture += p.length;
  }
  return total === 0 ? 0 : furniture / total;
}

/** Why a candidate article does not look like one, or undefined when it does (an empty one is left to the
 * caller's own fallback). `visibleChars` is the page's visible text, measured before Readability ran. */
export function suspicionOf(paragraphs: readonly string[], visibleChars: number): Suspicion | undefined {
  const size = paragraphs.reduce((n, p) => n + p.length, 0);
  if (size === 0) return undefined;
  if (size <= MAX_FURNITURE_CHARS && furnitureShare(paragraphs) >= FURNITURE_SHARE) return 'furniture';
  if (size < SMALL_SHARE * visibleChars && visibleChars - size >= MIN_PAGE_CHARS) return 'small';
  return undefined;
}
