// Stage 5, emit: the internal article becomes the contract's record. Offsets turn from UTF-16 units into code
// points here, once; keys are written in one fixed order; the record is validated before anyone sees it.
import { ArticleRecordSchema, type ArticleRecord } from '../../schema.ts';
import type { IdentifiedArticle, Meta, Span } from '../../types.ts';

/** Maps UTF-16 offsets to code point offsets; the identity when the text has no astral characters. */
export function codePointMapper(text: string): (utf16: number) => number {
  let astral = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      astral = true;
      break;
    }
  }
  if (!astral) return (i) => i;
  const map = new Uint32Array(text.length + 1);
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    // A high surrogate and its low surrogate are one code point: the low one maps to the same index.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        map[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  map[text.length] = cp;
  return (i) => map[i]!;
}

const META_KEYS: (keyof Meta)[] = ['title', 'byline', 'published', 'url', 'siteName', 'language'];

/** Builds the contract record (fixed key order, code point offsets) and validates it. */
export function emitRecord(a: IdentifiedArticle): ArticleRecord {
  const cp = codePointMapper(a.text);
  const sp = (s: Span) => ({ start: cp(s.start), end: cp(s.end), text: s.text });
  const meta: Meta = {};
  for (const k of META_KEYS) if (a.meta[k] !== undefined) meta[k] = a.meta[k];
  const record: ArticleRecord = {
    id: a.id,
    source: { path: a.source.path, sha256: a.source.sha256, format: a.source.format },
    meta,
    text: a.text,
    sentences: a.sentences.map((s) => ({ start: cp(s.start), end: cp(s.end) })),
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      key: e.key,
      ...(e.title ? { title: e.title } : {}),
      mentions: e.mentions.map(sp),
      ...(e.person ? { gender: e.person.gender, genderEvidence: e.person.evidence } : {}),
    })),
    quotes: a.quotes.map((q, i) => ({
      id: `q${i + 1}`,
      type: q.type,
      text: q.text,
      start: cp(q.start),
      end: cp(q.end),
      cue: q.cue ? sp(q.cue) : null,
      speaker: q.speaker
        ? {
            name: q.speaker.name,
            entityId: q.speaker.entityId,
            key: q.speaker.key ?? null,
            mention: q.speaker.mention ? sp(q.speaker.mention) : null,
          }
        : null,
      confidence: q.confidence,
    })),
  };
  // parse() returns a copy in schema key order and throws on any violation: a bug, never bad input.
  return ArticleRecordSchema.parse(record);
}
