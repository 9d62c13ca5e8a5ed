// The result of the corpus pass: each article key's corpus key, and per corpus key its name (the most frequent full
// form), aliases, type, gender across articles, and counts.
import type { Gender, GenderEvidence } from '../../types.ts';
import type { KeyStats } from './evidence.ts';
import { groupName, ranked, writtenCounts } from './names.ts';
import { addCalls, corpusGender, noCalls, type GenderCalls } from './gender.ts';
import type { Groups } from './merge.ts';

export interface CorpusEntry {
  /** The corpus key: one of the merged keys (a full name's, the one in most articles). */
  key: string;
  name: string;
  /** Other names and mention forms, most frequent first. */
  aliases: string[];
  type: string;
  /** PERSON only (null otherwise). */
  gender: Gender | null;
  genderEvidence: GenderEvidence;
  /** PERSON: the articles' own calls, by evidence, [male, female]. */
  genderCalls: GenderCalls | null;
  /** Articles that name it, articles that quote it, its quotes and its mentions. */
  articles: number;
  quotedArticles: number;
  quotes: number;
  mentions: number;
  /** The article keys merged into it, in plain string order. */
  keys: string[];
}

// A row stays readable: the aliases beyond these are left out (the most frequent are kept).
const MAX_ALIASES = 30;

/** Corpus keys and their entries. */
export class Corpus {
  private readonly index = new Map<string, number>();
  private entryList?: CorpusEntry[];

  constructor(
    private readonly keys: readonly KeyStats[],
    private readonly groups: Groups,
    private readonly articles: Int32Array,
    private readonly quoted: Int32Array,
  ) {
    for (const k of keys) this.index.set(k.key, groups.of[k.id]!);
  }

  /** The corpus key of an article key; the key itself when the corpus never saw it, null for null. */
  corpusKey(key: string | null | undefined): string | null {
    if (!key) return null;
    const g = this.index.get(key);
    return g === undefined ? key : this.groups.corpusKey[g]!;
  }

  /** The entry of a corpus key, or undefined. */
  entry(corpusKey: string): CorpusEntry | undefined {
    const g = this.index.get(corpusKey);
    return g === undefined ? undefined : this.entries()[g];
  }

  /** Every corpus key's entry, in plain string order of the keys. */
  entries(): CorpusEntry[] {
    this.entryList ??= this.groups.members.map((ids, g) => this.makeEntry(g, ids.map((i) => this.keys[i]!)));
    return this.entryList;
  }

  private makeEntry(g: number, members: KeyStats[]): CorpusEntry {
    let quotes = 0;
    let mentions = 0;
    const calls = noCalls();
    for (const k of members) {
      quotes += k.quotes;
      mentions += k.mentions;
      addCalls(calls, k.calls);
    }
    const type = members[0]!.type;
    const name = groupName(members);
    const aliases = ranked(writtenCounts(members, true))
      .filter((n) => n !== name)
      .slice(0, MAX_ALIASES);
    let gender: Gender | null = null;
    let genderEvidence: GenderEvidence = null;
    if (type === 'PERSON') ({ gender, evidence: genderEvidence } = corpusGender(calls));
    return {
      key: this.groups.corpusKey[g]!,
      name,
      aliases,
      type,
      gender,
      genderEvidence,
      genderCalls: type === 'PERSON' ? calls : null,
      articles: this.articles[g]!,
      quotedArticles: this.quoted[g]!,
      quotes,
      mentions,
      keys: members.map((k) => k.key),
    };
  }
}

