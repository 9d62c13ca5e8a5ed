// The dataset contract (shared/CONTRACT.md) as one zod schema: every record is validated against it before it is
// written, schema.json is generated from it, and docs/dataset.md from its descriptions.
import { z } from 'zod';

export const SCHEMA_VERSION = '1.0.0';

const offset = z.number().int().min(0);

/** An entity key: a lower-case type, a colon, and the folded name's words joined by '-'. */
export const KEY_PATTERN = /^[a-z_]+:[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+)*$/u;

export const SpanSchema = z
  .strictObject({
    start: offset.describe('Code point offset into `text` where the span starts (inclusive).'),
    end: offset.describe('Code point offset into `text` where the span ends (exclusive).'),
    text: z.string().describe('The text the offsets point at.'),
  })
  .describe('A span of the article text: `[...text].slice(start, end).join("") === span.text`.');

export const ENTITY_TYPES = [
  'PERSON',
  'ORG',
  'GPE',
  'LOC',
  'NORP',
  'FAC',
  'EVENT',
  'LAW',
  'PRODUCT',
  'WORK_OF_ART',
  'LANGUAGE',
  'DATE',
  'TIME',
  'MONEY',
  'PERCENT',
  'QUANTITY',
  'CARDINAL',
  'ORDINAL',
] as const;

export const EntitySchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^e\d+$/)
      .describe('Entity id, unique in the article: e1, e2, … in order of first mention.'),
    type: z.enum(ENTITY_TYPES).describe('OntoNotes entity type.'),
    name: z
      .string()
      .min(1)
      .describe(
        "Canonical name in this article: the longest full name for people, the alias table's name for places and organisations.",
      ),
    key: z
      .string()
      .regex(KEY_PATTERN)
      .nullable()
      .describe(
        'Readable key of the real-world referent, from this article alone and the same in every article: `person:donald-trump` for "Donald J. Trump", "Donald Trump" and "President Trump" named in full elsewhere in the article (titles, one middle initial and diacritics dropped, a generational suffix kept: `person:donald-trump-jr`), `gpe:united-states`, `org:…`, `norp:…`; the lower-case type and the folded name for every other named type (`loc:…`, `event:…`); null for DATE, TIME, MONEY, PERCENT, QUANTITY, CARDINAL and ORDINAL, which name no referent. A lone surname ("Obama") keeps its own key here (`person:obama`); the tables\' `corpus_key` joins it to the one full name it can only mean across the corpus.',
      ),
    title: z
      .string()
      .optional()
      .describe('Title written before a person\'s name ("Secretary of State"), never part of the mention spans.'),
    mentions: z.array(SpanSchema).min(1).describe('Every place the article names the entity, in text order.'),
    gender: z
      .enum(['female', 'male', 'unknown'])
      .optional()
      .describe(
        'PERSON only: the gender the article gives the person: by the pronouns it resolves to them, else by honorifics and gendered nouns (Mrs., Ms., Mr., "the congresswoman"), else by first-name statistics; "unknown" when nothing tells, when the evidence conflicts, or when the article calls the person "they".',
      ),
    genderEvidence: z
      .enum(['pronoun', 'honorific', 'name'])
      .nullable()
      .optional()
      .describe(
        'PERSON only: what `gender` rests on: "pronoun" (the article\'s own pronouns resolved to the person), "honorific" (titles and gendered nouns), "name" (first-name statistics, the weakest); null with "unknown".',
      ),
  })
  .describe('One real-world referent of the article.');

export const SpeakerSchema = z
  .strictObject({
    name: z
      .string()
      .min(1)
      .describe('Canonical name of the speaker, or the phrase as written when no named entity speaks ("aides").'),
    entityId: z.string().nullable().describe('Id of the entity that speaks, or null.'),
    key: z
      .string()
      .regex(KEY_PATTERN)
      .nullable()
      .describe('Key of the entity that speaks (its `entities[].key`), or null when no named entity speaks.'),
    mention: SpanSchema.nullable().describe(
      'The words that name the speaker for this quote, as written (a name with the words before it that describe its bearer, "Clinton campaign spokesman Brian Fallon"; a pronoun; a phrase), or null.',
    ),
  })
  .describe('Who said it.');

export const QuoteSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^q\d+$/)
      .describe('Quote id, unique in the article: q1, q2, … in text order.'),
    type: z
      .enum(['direct', 'indirect', 'mixed'])
      .describe(
        'direct: inside quotation marks; indirect: reported speech; mixed: reported speech with a quoted fragment.',
      ),
    text: z.string().min(1).describe('Direct: the words inside the marks. Indirect and mixed: the reported content.'),
    start: offset.describe('Code point offset of the quote text.'),
    end: offset.describe('Code point end offset (exclusive) of the quote text.'),
    cue: SpanSchema.nullable().describe('The reporting verb or phrase ("said", "according to"), or null.'),
    speaker: SpeakerSchema.nullable().describe('The speaker, or null when unknown.'),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe('How sure the extractor is, in [0, 1]: higher confidence, higher precision.'),
  })
  .describe('An attributed quote.');

export const MetaSchema = z
  .strictObject({
    title: z.string().optional().describe('Headline, as the input carries it.'),
    byline: z.string().optional().describe('Author line, as the input carries it.'),
    published: z.string().optional().describe('Publication date, ISO 8601.'),
    url: z.string().optional().describe('Canonical URL.'),
    siteName: z.string().optional().describe('Name of the publishing site.'),
    language: z.string().optional().describe('Language tag of the page.'),
  })
  .describe('What the input carries about itself; never invented.');

export const ArticleRecordSchema = z
  .strictObject({
    id: z.string().min(1).describe('Corpus-relative path without extension, "/"-separated.'),
    source: z
      .strictObject({
        path: z.string().describe('Path relative to the input folder, "/"-separated.'),
        sha256: z
          .string()
          .regex(/^[0-9a-f]{64}$/)
          .describe('SHA-256 of the raw input bytes.'),
        format: z.enum(['text', 'html', 'markdown']).describe('Input format, from the file extension.'),
      })
      .describe('Provenance of the record.'),
    meta: MetaSchema,
    text: z.string().describe('The cleaned article text; every offset points into it, in Unicode code points.'),
    sentences: z
      .array(
        z
          .strictObject({
            start: offset.describe('Code point offset where the sentence starts (inclusive).'),
            end: offset.describe('Code point offset where the sentence ends (exclusive).'),
          })
          .describe('One sentence; sentences never cross a paragraph (line) break.'),
      )
      .describe('Sentence spans in text order.'),
    entities: z.array(EntitySchema).describe('Entities in order of first mention.'),
    quotes: z.array(QuoteSchema).describe('Quotes in text order.'),
  })
  .describe('One article of the dataset: one line of dataset.jsonl.');

export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;

/** The JSON Schema (draft 2020-12) of one dataset line, generated from the zod schema. */
export function datasetJsonSchema(): Record<string, unknown> {
  return {
    $id: `https://example.invalid/quote-pipeline/dataset-${SCHEMA_VERSION}.schema.json`,
    ...z.toJSONSchema(ArticleRecordSchema, { target: 'draft-2020-12' }),
  };
}
