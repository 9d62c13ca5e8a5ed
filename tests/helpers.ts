// Shared test helpers: run text through the stages without touching the file system, and build temporary folders.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type Config } from '../src/config.ts';
import { processArticle } from '../src/pipeline.ts';
import type { ArticleRecord } from '../src/schema.ts';
import { findEntities } from '../src/stages/entities/index.ts';
import { ingest } from '../src/stages/ingest/index.ts';
import { loadBoilerplateRules } from '../src/stages/ingest/boilerplate.ts';
import { findQuotes } from '../src/stages/quotes/index.ts';
import { segment } from '../src/stages/segment/index.ts';
import type { EntityArticle, QuotedArticle, SegmentedArticle } from '../src/types.ts';

/** The stage tests' config: the built-in defaults, except that no quote is dropped for its confidence, so that a
 * test sees every quote the rules find. */
export const defaults: Config = parseConfig({ quotes: { minConfidence: 0 } });

/** The article state after segmentation, for a text as given (no ingest clean-up). */
export function segmented(text: string, config: Config = defaults): SegmentedArticle {
  return segment(
    { id: 't', source: { path: 't.txt', sha256: '0'.repeat(64), format: 'text' }, meta: {}, text, messages: [] },
    config,
  );
}

/** The article state after the entity stage. */
export function withEntities(text: string, config: Config = defaults): EntityArticle {
  return findEntities(segmented(text, config), config);
}

/** The article state after the quote stage. */
export function quoted(text: string, config: Config = defaults): QuotedArticle {
  return findQuotes(withEntities(text, config), config);
}

/** The emitted record of a text file with this content. */
export function record(text: string, path = 'a.txt', config: Config = defaults): ArticleRecord {
  const r = processArticle({ id: path.replace(/\.[^.]+$/, ''), path, bytes: new TextEncoder().encode(text) }, config);
  if (!r.record) throw new Error(`rejected: ${JSON.stringify(r.messages)}`);
  return r.record;
}

/** The text a code point span points at. */
export function cpSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

export { ingest, loadBoilerplateRules };

/** A new temporary folder holding these files (paths relative to it, subfolders made as needed). */
export function folderWith(files: Record<string, string | Buffer>, prefix = 'files-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}
