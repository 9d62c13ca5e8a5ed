// What every format's extractor hands back to ingest: the article text, its metadata and the messages.
import type { Message, Meta } from '../../types.ts';

/** The output of one extractor (HTML, Markdown, plain text). */
export interface Extracted {
  text: string;
  meta: Meta;
  messages: Message[];
}
