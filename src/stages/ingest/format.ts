// The format an input declares by its file extension: read by the run layer to list inputs, without loading
// the extractors (Readability, linkedom, micromark) into a thread that never ingests.
import type { SourceFormat } from '../../types.ts';

/** The format an input path declares by its extension (`.txt`, `.text` and anything else: text). */
export function formatOf(path: string): SourceFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  if (lower.endsWith('.md') || lower.endsWith('.markdown')) return 'markdown';
  return 'text';
}
