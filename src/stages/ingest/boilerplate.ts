// Boilerplate lines (player fallbacks, share bars, credits) are removed by rules kept in a data file, and every
// removal is reported: nothing disappears silently. Rules worded in English run only on articles that are not
// clearly in another language, so no English-shaped pattern cuts a line of a Spanish or Japanese article.
import { loadData } from '../../lexicon/load.ts';
import { message } from '../../messages.ts';
import type { Message } from '../../types.ts';

export interface BoilerplateRule {
  id: string;
  pattern: RegExp;
  /** The language of the rule's wording ('en'), or undefined for a rule that fits pages in any language. */
  language?: string;
}

let compiled: BoilerplateRule[] | undefined;

/** The boilerplate rules from data/lexicon/boilerplate.json, compiled once per process. */
export function loadBoilerplateRules(): BoilerplateRule[] {
  // Rules match case-insensitively unless they say otherwise (a byline is told by its capitals).
  compiled ??= loadData<{ rules: { id: string; pattern: string; caseSensitive?: boolean; language?: string }[] }>(
    'lexicon/boilerplate.json',
  ).rules.map((r) => ({
    id: r.id,
    pattern: new RegExp(r.pattern, r.caseSensitive ? 'u' : 'iu'),
    ...(r.language === undefined ? {} : { language: r.language }),
  }));
  return compiled;
}

// A line longer than this is prose, whatever it starts with; the rules are for short lines only.
const MAX_BOILERPLATE_LINE = 240;

/** Removals listed one message each; past this many an article gets one message counting the rest by rule. A
 * page has a handful of boilerplate lines; a file of 200,000 made a record of 200,000 messages. */
export const MAX_LISTED_REMOVALS = 20;

/** Drops whole lines that match a rule, returning the kept text and the messages that report every removal: one
 * per line for the first MAX_LISTED_REMOVALS, then one with the count of the rest. With `language` (an ISO 639-3
 * code of an article clearly not in English), rules worded in English are left out. The text is walked line by
 * line without splitting it: a text with no boilerplate is returned as it came. */
export function removeBoilerplate(
  text: string,
  rules: readonly BoilerplateRule[],
  language?: string,
): { text: string; messages: Message[] } {
  const active = language === undefined ? rules : rules.filter((r) => r.language === undefined);
  const messages: Message[] = [];
  if (active.length === 0) return { text, messages };
  // Kept lines come in runs between removed ones; each run is one slice of the text, and the runs are joined by
  // line breaks as the kept lines were.
  const runs: string[] = [];
  let runStart = 0;
  let runHasLines = false;
  let removed = 0;
  const unlisted = new Map<string, number>();
  for (let at = 0; at <= text.length;) {
    const lineEnd = text.indexOf('\n', at);
    const end = lineEnd === -1 ? text.length : lineEnd;
    const rule = end - at > 0 ? ruleFor(text.slice(at, end).trim(), active) : undefined;
    if (rule === undefined) {
      if (!runHasLines) runStart = at;
      runHasLines = true;
    } else {
      if (runHasLines) runs.push(text.slice(runStart, at - 1));
      runHasLines = false;
      removed++;
      if (removed <= MAX_LISTED_REMOVALS)
        messages.push(
          message('ingest/boilerplate-removed', 'ingest', { line: text.slice(at, end).trim(), rule: rule.id }),
        );
      else unlisted.set(rule.id, (unlisted.get(rule.id) ?? 0) + 1);
    }
    at = end + 1;
  }
  if (removed === 0) return { text, messages };
  if (runHasLines) runs.push(text.slice(runStart));
  if (unlisted.size > 0) {
    const byRule = [...unlisted].map(([id, n]) => `${id} ${n}`).join(', ');
    messages.push(
      message('ingest/boilerplate-removed-more', 'ingest', {
        count: removed - MAX_LISTED_REMOVALS,
        listed: MAX_LISTED_REMOVALS,
        rules: byRule,
      }),
    );
  }
  return { text: runs.join('\n'), messages };
}

/** The first rule a trimmed line matches; lines longer than MAX_BOILERPLATE_LINE are prose and match none. */
function ruleFor(trimmed: string, rules: readonly BoilerplateRule[]): BoilerplateRule | undefined {
  if (trimmed.length === 0 || trimmed.length > MAX_BOILERPLATE_LINE) return undefined;
  return rules.find((r) => r.pattern.test(trimmed));
}
