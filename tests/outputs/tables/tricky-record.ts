// A dataset record built to break writers: HTML and script tags, CSV delimiters, quotes, CR/LF, an emoji before
// every span (code points ≠ UTF-16 units), nulls everywhere they are allowed, an id that is no safe file name.
import { ArticleRecordSchema, type ArticleRecord } from '../../../src/schema.ts';

const TEXT = '😀 <script>alert(1)</script> said "Jane, O\'Hara" & co.\r\nShe added: “a, "b"\nc” — <b>bold</b>';

/** Code point offsets of the first occurrence of `part` in the tricky text. */
export function span(part: string, from = 0): { start: number; end: number; text: string } {
  const cps = Array.from(TEXT);
  const partCps = Array.from(part);
  for (let i = from; i + partCps.length <= cps.length; i++) {
    if (cps.slice(i, i + partCps.length).join('') === part) return { start: i, end: i + partCps.length, text: part };
  }
  throw new Error(`not in text: ${part}`);
}

/** The record, validated against the dataset schema so it is one the pipeline could emit. */
export function trickyRecord(id = 'odd/<id> & "x"'): ArticleRecord {
  const jane = span("Jane, O'Hara");
  const she = span('She');
  const script = span('<script>alert(1)</script>');
  const q1 = span('a, "b"\nc');
  return ArticleRecordSchema.parse({
    id,
    source: { path: `${id}.html`, sha256: 'a'.repeat(64), format: 'html' },
    meta: { title: '<img src=x onerror=alert(2)> headline, "quoted"', url: 'javascript:alert(3)' },
    text: TEXT,
    sentences: [{ start: 0, end: Array.from(TEXT).length }],
    entities: [
      {
        id: 'e1',
        type: 'PERSON',
        name: "Jane, O'Hara",
        key: 'person:jane-ohara',
        mentions: [jane, she],
        gender: 'female',
        genderEvidence: 'pronoun',
      },
      {
        id: 'e2',
        type: 'WORK_OF_ART',
        name: '<script>alert(1)</script>',
        key: 'work_of_art:script-alert-1-script',
        title: '<i>Dr.</i>',
        mentions: [script],
      },
    ],
    quotes: [
      {
        id: 'q1',
        type: 'direct',
        ...q1,
        cue: span('added'),
        speaker: { name: "Jane, O'Hara", entityId: 'e1', key: 'person:jane-ohara', mention: she },
        confidence: 0.5,
      },
      { id: 'q2', type: 'indirect', ...span('<b>bold</b>'), cue: null, speaker: null, confidence: 1 },
      {
        id: 'q3',
        type: 'mixed',
        ...span('co.'),
        cue: null,
        speaker: { name: '"aides"', entityId: null, key: null, mention: null },
        confidence: 0,
      },
    ],
  });
}
