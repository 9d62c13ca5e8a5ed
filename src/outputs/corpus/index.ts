// The corpus pass: a deterministic reduce over the dataset's records, after the per-article stages, that merges the
// articles' keys where the corpus itself leaves no doubt (docs/speakers.md) and counts each merged referent across
// articles. Records go in one by one (add); resolve() gives the Corpus. Memory grows with the number of distinct keys
// and names; the per-article part (which keys each article has, for counting articles after the merge) is spilled to
// a scratch file and read back once.
import { Spill } from '../../io/spill.ts';
import { ByteBuf } from '../tables/bytes.ts';
import type { ArticleRecord } from '../../schema.ts';
import { Corpus } from './corpus.ts';
import { articleDigest, type ArticleDigest } from './digest.ts';
import { personName } from '../../stages/identity/key.ts';
import { gatherEvidence, properName, type KeyStats, type MergeEvidence } from './evidence.ts';
import { noCalls } from './gender.ts';
import { mergeKeys } from './merge.ts';

const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

/** Gathers the records' keys; resolve() merges them into corpus keys. */
export class CorpusIndex {
  private readonly keys = new Map<string, KeyStats>();
  private readonly byId: KeyStats[] = [];
  private readonly evidence: MergeEvidence = {
    loneSurname: new Map(),
    loneFirst: new Map(),
    firstNames: new Map(),
    variants: new Set(),
    extensions: new Map(),
    acronyms: new Map(),
  };
  private readonly spill = new Spill();
  /** The spill record being made (key id, quotes) per key of the article. */
  private readonly record = new ByteBuf(1 << 10);
  /** Articles added. */
  private articles = 0;
  private resolved?: Corpus;

  /** Adds one record. */
  add(record: ArticleRecord): void {
    this.addDigest(articleDigest(record));
  }

  /** Adds one article by its digest (made where the record was: src/outputs/article-outputs.ts). */
  addDigest(d: ArticleDigest): void {
    if (this.resolved) throw new Error('the corpus is already resolved');
    const stats = d.entities.map((e) => this.statsOf(e.key, e.type, e.name));
    // before the counts: a form the key already has was read for evidence in an earlier article
    gatherEvidence(d.entities, stats, this.evidence);
    const rec = this.record;
    rec.reset();
    d.entities.forEach((e, i) => {
      const s = stats[i]!;
      s.quotes += e.quotes;
      s.mentions += e.mentions;
      // a key twice in one article (two entities the article did not join) counts once
      if (s.lastArticle === this.articles) {
        for (let at = 0; at < rec.len; at += 8) if (rec.buf.readInt32LE(at) === s.id) rec.buf.writeInt32LE(rec.buf.readInt32LE(at + 4) + e.quotes, at + 4);
        return;
      }
      s.lastArticle = this.articles;
      rec.int32(s.id);
      rec.int32(e.quotes);
      s.articles++;
      bump(s.names, e.name);
      for (const f of e.forms) bump(s.forms, f);
      if (e.evidence && (e.gender === 'male' || e.gender === 'female'))
        s.calls[e.evidence][e.gender === 'male' ? 0 : 1]++;
    });
    this.spill.append(rec.view());
    this.articles++;
  }

  /** Merges the keys and counts each merged referent's articles; the index takes no more records after this. */
  resolve(): Corpus {
    if (this.resolved) return this.resolved;
    const groups = mergeKeys(this.byId, this.evidence);
    const articles = new Int32Array(groups.count);
    const quoted = new Int32Array(groups.count);
    const mark = new Int32Array(groups.count).fill(-1);
    const quotedMark = new Int32Array(groups.count).fill(-1);
    let n = 0;
    for (const rec of this.spill.records()) {
      for (let at = 0; at < rec.length; at += 8) {
        const g = groups.of[rec.readInt32LE(at)]!;
        if (mark[g] !== n) {
          mark[g] = n;
          articles[g]!++;
        }
        if (rec.readInt32LE(at + 4) > 0 && quotedMark[g] !== n) {
          quotedMark[g] = n;
          quoted[g]!++;
        }
      }
      n++;
    }
    this.spill.close();
    this.resolved = new Corpus(this.byId, groups, articles, quoted);
    return this.resolved;
  }

  private statsOf(key: string, type: string, name: string): KeyStats {
    let s = this.keys.get(key);
    if (!s) {
      s = {
        key,
        id: this.byId.length,
        type,
        person: type === 'PERSON' ? personName(name) : null,
        proper: properName(name, type),
        articles: 0,
        lastArticle: -1,
        quotes: 0,
        mentions: 0,
        names: new Map(),
        forms: new Map(),
        calls: noCalls(),
      };
      this.keys.set(key, s);
      this.byId.push(s);
    }
    return s;
  }
}
