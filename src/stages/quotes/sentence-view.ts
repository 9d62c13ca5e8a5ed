// One sentence as the attribution rules read it: its token range in the article's tokens, the text, and what the
// entity stage and the quotation marks tell about its tokens.
import type { Token } from '../../types.ts';
import type { QuoteLexicons } from './lexicon.ts';
import { NO_TOKEN } from './tokens.ts';

/** What the entity stage knows about the tokens, for the frames that need names. */
export interface NameTests {
  /** True when the phrase holds a person or organisation name the entity stage found. */
  isName: (np: [number, number]) => boolean;
  /** True when the phrase holds a person's name. */
  isPerson: (np: [number, number]) => boolean;
  /** True when the phrase is all place name (GPE or LOC). */
  isPlace: (np: [number, number]) => boolean;
  /** True when token k is part of a name the entity stage found (wink may tag a surname such as "Hedge" VERB). */
  nameAt: (k: number) => boolean;
  /** True when a quoted span's closing mark ends at this offset. */
  quoteEndsAt: (offset: number) => boolean;
  /** True when a person's name starts at token k right after another name ends: a comma the writer left out. */
  nameBreak: (k: number) => boolean;
  /** True when a word (lower case) is part of the name of a person the article names. */
  personWord: (word: string) => boolean;
}

/** What every sentence view of one article shares. */
export interface ArticleView {
  tokens: readonly Token[];
  text: string;
  names: NameTests;
  lex: QuoteLexicons;
}

/** Tokens [first, last) of the article's tokens, as one sentence (or a quote sentence and the one after it). */
export class SentenceView implements NameTests {
  /** The article's tokens (indexes are the article's, not the sentence's). */
  readonly tokens: readonly Token[];
  /** The article's text. */
  readonly text: string;
  readonly lex: QuoteLexicons;
  readonly isName: NameTests['isName'];
  readonly isPerson: NameTests['isPerson'];
  readonly isPlace: NameTests['isPlace'];
  readonly nameAt: NameTests['nameAt'];
  readonly quoteEndsAt: NameTests['quoteEndsAt'];
  readonly nameBreak: NameTests['nameBreak'];
  readonly personWord: NameTests['personWord'];

  constructor(
    article: ArticleView,
    readonly first: number,
    readonly last: number,
    /** Index of the sentence, for the frames found in it. */
    readonly index: number,
    /** When the view joins a sentence to the quote sentence before it, the first token of the later one, else -1. */
    readonly joinedAt: number,
    /** Token indexes where another report starts (", adding that …", "… and said …"), ascending. */
    readonly participleCuts: readonly number[],
  ) {
    this.tokens = article.tokens;
    this.text = article.text;
    this.lex = article.lex;
    const { names } = article;
    this.isName = names.isName;
    this.isPerson = names.isPerson;
    this.isPlace = names.isPlace;
    this.nameAt = names.nameAt;
    this.quoteEndsAt = names.quoteEndsAt;
    this.nameBreak = names.nameBreak;
    this.personWord = names.personWord;
  }

  /** Token k of the article, or NO_TOKEN outside it. */
  at(k: number): Token {
    return this.tokens[k] ?? NO_TOKEN;
  }
}
