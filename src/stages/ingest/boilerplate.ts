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

/** Drops whole lines that match a rule, returning the kept text and one message per removal. With `language`
 * (an ISO 639-3 code of an article clearly not in English), rules worded in English are left out. */
export function removeBoilerplate(
  text: string,
  rules: readonly BoilerplateRule[],
  language?: string,
): { text: string; messages: Message[] } {
  const active = language === undefined ? rules : rules.filter((r) => r.language === undefined);
  const messages: Message[] = [];
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    const rule =
      trimmed.length > 0 && trimmed.length <= MAX_BOILERPLATE_LINE
        ? active.find((r) => r.pattern.test(trimmed))
        : undefined;
    if (rule) messages.push(message('ingest/boilerplate-removed', 'ingest', { line: trimmed, rule: rule.id }));
    else kept.push(line);
  }
  return { text: kept.join('\n'), messages };
}
