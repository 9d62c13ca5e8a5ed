// What a golden ingest fixture records: decode the source bytes, run the format's extractor. Shared by the
// fixture test and scripts/regen-ingest-fixtures.ts so both compute exactly the same thing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../../../src/stages/ingest/decode.ts';
import { extractHtml } from '../../../src/stages/ingest/html/index.ts';
import { extractMarkdown } from '../../../src/stages/ingest/markdown.ts';
import { extractPlainText } from '../../../src/stages/ingest/plaintext.ts';
import type { Meta, SourceFormat } from '../../../src/types.ts';

export const FIXTURES_DIR = new URL('../../fixtures/ingest/', import.meta.url).pathname;

export interface Expected {
  text: string;
  meta: Meta;
  messageIds: string[];
}

const FORMATS: Record<string, SourceFormat> = { 'source.html': 'html', 'source.md': 'markdown', 'source.txt': 'text' };

/** Lists fixture cases (folder names) in a stable order. */
export function fixtureCases(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Finds a case's source file and its format. */
export function sourceOf(caseName: string): { path: string; format: SourceFormat } {
  const file = readdirSync(join(FIXTURES_DIR, caseName)).find((f) => f in FORMATS);
  if (file === undefined) throw new Error(`fixture ${caseName} has no source.html|md|txt`);
  return { path: join(FIXTURES_DIR, caseName, file), format: FORMATS[file]! };
}

/** Runs decode + extract on a case's source, as the ingest stage does before its own normalisation. */
export function runFixture(caseName: string): Expected {
  const { path, format } = sourceOf(caseName);
  const decoded = decodeBytes(new Uint8Array(readFileSync(path)), format);
  if (!decoded.ok) return { text: '', meta: {}, messageIds: decoded.messages.map((m) => m.id) };
  const extract = format === 'html' ? extractHtml : format === 'markdown' ? extractMarkdown : extractPlainText;
  const result = extract(decoded.text);
  return {
    text: result.text,
    meta: result.meta,
    messageIds: [...decoded.messages, ...result.messages].map((m) => m.id),
  };
}

/** Reads a case's expected.json. */
export function expectedOf(caseName: string): Expected {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, caseName, 'expected.json'), 'utf8')) as Expected;
}
