// The article flows one way: ingest -> segment -> entities -> quotes -> emit. Stages are listed once, with what
// each requires and provides; the order is checked when the module loads. A stage that throws on an article
// rejects that article with a message; it never stops the batch.
import { ZodError } from 'zod';
import type { Config } from './config.ts';
import { message } from './messages.ts';
import type { ArticleRecord } from './schema.ts';
import { emitRecord } from './stages/emit/index.ts';
import { findEntities } from './stages/entities/index.ts';
import { ingest, type RawArticle } from './stages/ingest/index.ts';
import { loadBoilerplateRules } from './stages/ingest/boilerplate.ts';
import { findQuotes } from './stages/quotes/index.ts';
import { segment } from './stages/segment/index.ts';
import type { Message } from './types.ts';

export interface StageSpec {
  name: string;
  requires: string[];
  provides: string[];
}

export const STAGES: readonly StageSpec[] = [
  { name: 'ingest', requires: ['bytes'], provides: ['text', 'meta', 'source'] },
  { name: 'segment', requires: ['text'], provides: ['paragraphs', 'sentences', 'tokens', 'winkEntities'] },
  { name: 'entities', requires: ['tokens', 'winkEntities'], provides: ['entities'] },
  { name: 'quotes', requires: ['tokens', 'sentences', 'paragraphs', 'entities'], provides: ['quotes'] },
  { name: 'emit', requires: ['text', 'meta', 'source', 'sentences', 'entities', 'quotes'], provides: ['record'] },
];

/** Throws when a stage requires something no earlier stage provides. */
export function checkStageOrder(stages: readonly StageSpec[]): void {
  const have = new Set(['bytes']);
  for (const s of stages) {
    const missing = s.requires.filter((r) => !have.has(r));
    if (missing.length)
      throw new Error(`stage ${s.name} requires ${missing.join(', ')}, which no earlier stage provides`);
    for (const p of s.provides) have.add(p);
  }
}
checkStageOrder(STAGES);

/** One line saying what went wrong: zod errors name the record field, other errors their first line. */
function describeError(err: unknown): string {
  if (err instanceof ZodError) {
    const i = err.issues[0];
    return i ? `record field ${i.path.join('.')}: ${i.message}` : 'invalid record';
  }
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

export interface ArticleResult {
  id: string;
  path: string;
  sha256: string;
  status: 'ok' | 'rejected';
  messages: Message[];
  record?: ArticleRecord;
}

export type StageTimings = Record<string, number>;

const hasError = (messages: readonly Message[]) => messages.some((m) => m.severity === 'error');

/** Runs one article through every stage. Never throws: failures become messages. */
export function processArticle(raw: RawArticle, config: Config, timings?: StageTimings): ArticleResult {
  const rules = loadBoilerplateRules();
  let stage = 'ingest';
  const time = <T>(name: string, f: () => T): T => {
    stage = name;
    if (!timings) return f();
    const t0 = performance.now();
    const out = f();
    timings[name] = (timings[name] ?? 0) + performance.now() - t0;
    return out;
  };
  let sha256 = '';
  let messages: Message[] = [];
  try {
    const ingested = time('ingest', () => ingest(raw, config, rules));
    sha256 = ingested.source.sha256;
    messages = ingested.messages;
    if (hasError(messages)) return { id: raw.id, path: raw.path, sha256, status: 'rejected', messages };
    const segmented = time('segment', () => segment(ingested, config));
    messages = segmented.messages;
    if (hasError(messages)) return { id: raw.id, path: raw.path, sha256, status: 'rejected', messages };
    const withEntities = time('entities', () => findEntities(segmented, config));
    const quoted = time('quotes', () => findQuotes(withEntities, config));
    messages = quoted.messages;
    const record = time('emit', () => emitRecord(quoted));
    return { id: raw.id, path: raw.path, sha256, status: 'ok', messages, record };
  } catch (err) {
    const reason = describeError(err);
    return {
      id: raw.id,
      path: raw.path,
      sha256,
      status: 'rejected',
      messages: [...messages, message('pipeline/stage-failed', stage, { stage, reason })],
    };
  }
}
