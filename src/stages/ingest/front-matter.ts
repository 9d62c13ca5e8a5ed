// Splits YAML front matter (--- … --- at the very top) from a Markdown body and parses it.
import { parse } from 'yaml';

export type FrontMatter =
  | { kind: 'none'; body: string }
  | { kind: 'ok'; data: Record<string, unknown>; body: string }
  | { kind: 'invalid'; reason: string; body: string };

/** The longest front matter read: a few metadata fields take a few hundred characters, and the YAML parser pays
 * dearly for each node (a flow list of a million items: 25 s and 1.1 GB). Longer front matter is not read. */
export const MAX_FRONT_MATTER_CHARS = 65_536;

// The closing fence may be "---" or YAML's document end "..."; CRLF files are common from Windows editors.
const FENCED = /^---[ \t]*\r?\n([^]*?)(?:^|\r?\n)(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

/** Separates front matter from the body; a block that is not a YAML mapping is reported, never thrown. */
export function splitFrontMatter(markdown: string): FrontMatter {
  const m = FENCED.exec(markdown);
  // Without a closing fence the leading --- is a Markdown thematic break, not front matter.
  if (!m) return { kind: 'none', body: markdown };
  const body = markdown.slice(m[0].length);
  const yaml = m[1] ?? '';
  if (yaml.trim() === '') return { kind: 'ok', data: {}, body };
  if (yaml.length > MAX_FRONT_MATTER_CHARS) {
    return { kind: 'invalid', reason: `it is longer than ${MAX_FRONT_MATTER_CHARS} characters`, body };
  }
  try {
    // The core schema keeps 2024-01-05 a string: dates are normalised by our own rules, not YAML 1.1's.
    const data: unknown = parse(yaml, { schema: 'core', uniqueKeys: false, maxAliasCount: 50 });
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return { kind: 'invalid', reason: 'it is not a key: value mapping', body };
    }
    return { kind: 'ok', data: data as Record<string, unknown>, body };
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    return { kind: 'invalid', reason, body };
  }
}
