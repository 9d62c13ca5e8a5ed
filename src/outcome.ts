// What became of one input article: the one shape the stages, the run and the manifest share. The manifest lists
// exactly this per input; processArticle adds the record it made, the run its serialised line and counts.
import type { ArticleRecord } from './schema.ts';
import type { Message } from './types.ts';

export interface ArticleOutcome {
  /** Corpus-relative path without extension, '/'-separated. */
  id: string;
  /** Path relative to the input folder, '/'-separated. */
  path: string;
  /** sha256 of the input bytes; '' when they were never read. */
  sha256: string;
  status: 'ok' | 'rejected';
  messages: Message[];
}

/** An outcome with the record the stages made (present exactly when the status is ok). */
export interface ArticleResult extends ArticleOutcome {
  record?: ArticleRecord;
}

/** The outcome fields alone (what the manifest keeps of a richer outcome). */
export function outcomeOf(o: ArticleOutcome): ArticleOutcome {
  return { id: o.id, path: o.path, sha256: o.sha256, status: o.status, messages: o.messages };
}
