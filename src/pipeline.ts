// The article flows one way: ingest -> segment -> entities -> quotes -> identity -> emit. The stages are one list whose types
// chain (src/stage.ts), and processArticle folds an article over it. An error message after a stage rejects the
// article; a stage that throws rejects it with a message too: a bad article never stops the batch.
import { ZodError } from 'zod';
import { defaultConfig, type Config } from './config.ts';
import { message } from './messages.ts';
import type { ArticleResult } from './outcome.ts';
import type { ArticleRecord } from './schema.ts';
import { stageList, type SideChannel, type StageContext, type StageState } from './stage.ts';
import { emitRecord } from './stages/emit/index.ts';
import { findEntities } from './stages/entities/index.ts';
import { identify } from './stages/identity/index.ts';
import { ingest, type RawArticle } from './stages/ingest/index.ts';
import { loadBoilerplateRules } from './stages/ingest/boilerplate.ts';
import { formatOf } from './stages/ingest/format.ts';
import { findQuotes } from './stages/quotes/index.ts';
import { segmentWithIds } from './stages/segment/index.ts';
import type {
  EntityArticle,
  IdentifiedArticle,
  IngestedArticle,
  Message,
  QuotedArticle,
  SegmentedArticle,
  SourceFormat,
} from './types.ts';
import { sniffFormat } from './io/sniff.ts';

export type { ArticleResult };

/** The emitted record, with the messages the article collected on its way. */
export interface EmittedArticle extends StageState {
  record: ArticleRecord;
}

export const STAGES = stageList<RawArticle>()([
  { name: 'ingest', run: (raw: RawArticle, { config }) => ingest(raw, config, loadBoilerplateRules()) },
  {
    name: 'segment',
    run: (article: IngestedArticle, { config, side }) => {
      const out = segmentWithIds(article, config);
      if (out.wordIds) side.wordIds = out.wordIds;
      return out.article;
    },
  },
  {
    name: 'entities',
    run: (article: SegmentedArticle, { config, side }) => findEntities(article, config, side.wordIds),
  },
  { name: 'quotes', run: (article: EntityArticle, { config }) => findQuotes(article, config) },
  { name: 'identity', run: (article: QuotedArticle) => identify(article) },
  {
    name: 'emit',
    run: (article: IdentifiedArticle): EmittedArticle => ({ record: emitRecord(article), messages: article.messages }),
  },
] as const);

/** Milliseconds per stage name, summed over articles. */
export type StageTimings = Record<string, number>;

/** One line saying what went wrong: zod errors name the record field, other errors their first line. */
function describeError(err: unknown): string {
  if (err instanceof ZodError) {
    const i = err.issues[0];
    return i ? `record field ${i.path.join('.')}: ${i.message}` : 'invalid record';
  }
  return err instanceof Error ? err.message.split('\n')[0]! : String(err);
}

const hasError = (messages: readonly Message[]) => messages.some((m) => m.severity === 'error');

/** One article to process: its bytes (or text, as UTF-8), and optionally its path (relative to its corpus
 * folder, '/'-separated), id and format. */
export type ArticleInput = ({ bytes: Uint8Array; text?: never } | { text: string; bytes?: never }) & {
  /** Default: the path without its extension, or "article" without a path. */
  id?: string;
  /** Default: "article" with the format's extension. */
  path?: string;
  /** Default: from the path's extension, or sniffed from the content without a path. */
  format?: SourceFormat;
};

const EXTENSION: Record<SourceFormat, string> = { text: 'txt', html: 'html', markdown: 'md' };

/** The stages' input for an article as a caller may give it. */
function rawArticle(input: ArticleInput): RawArticle {
  const bytes = input.bytes ?? new TextEncoder().encode(input.text);
  const format = input.format ?? (input.path !== undefined ? formatOf(input.path) : sniffFormat(bytes));
  const path = input.path ?? `article.${EXTENSION[format]}`;
  const id = input.id ?? path.replace(/\.[^./]*$/, '');
  return input.format !== undefined ? { id, path, bytes, format } : { id, path, bytes };
}

/** Runs one article through every stage, in memory, into a validated record (when its status is ok) and its
 * messages. Never throws: failures become messages. `timings` accumulates milliseconds per stage. */
export function processArticle(
  input: ArticleInput,
  config: Config = defaultConfig(),
  timings?: StageTimings,
): ArticleResult {
  const raw = rawArticle(input);
  const side: SideChannel = {};
  const ctx: StageContext = { config, side };
  let stage = STAGES[0].name as string;
  let sha256 = '';
  let state: unknown = raw;
  let messages: Message[] = [];
  const rejected = (msgs: Message[]): ArticleResult => ({
    id: raw.id,
    path: raw.path,
    sha256,
    status: 'rejected',
    messages: msgs,
  });
  try {
    for (const s of STAGES) {
      stage = s.name;
      const run = s.run as (input: unknown, ctx: StageContext) => StageState & { source?: { sha256: string } };
      let out;
      if (timings) {
        const t0 = performance.now();
        out = run(state, ctx);
        timings[stage] = (timings[stage] ?? 0) + performance.now() - t0;
      } else out = run(state, ctx);
      if (out.source) sha256 = out.source.sha256;
      messages = out.messages;
      if (hasError(messages)) return rejected(messages);
      state = out;
    }
    const { record } = state as EmittedArticle;
    return { id: raw.id, path: raw.path, sha256, status: 'ok', messages, record };
  } catch (err) {
    const reason = describeError(err);
    return rejected([...messages, message('pipeline/stage-failed', stage, { stage, reason })]);
  }
}
