// Reads the article node out of a page's JSON-LD blocks (schema.org), including @graph arrays and @id
// references, which many CMSs (Yoast, Arc, WordPress) use instead of inline objects.
import type { DomElement } from './dom.ts';
import { cleanValue } from '../meta-values.ts';

type Json = Record<string, unknown>;

export interface JsonLdArticle {
  headline?: string;
  authors: string[];
  datePublished?: string;
  url?: string;
  publisher?: string;
  language?: string;
}

// Lower rank wins: a NewsArticle describes the story better than a generic Article or BlogPosting.
const TYPE_RANK: Record<string, number> = {
  newsarticle: 0,
  reportagenewsarticle: 0,
  analysisnewsarticle: 0,
  opinionnewsarticle: 0,
  reviewnewsarticle: 0,
  backgroundnewsarticle: 0,
  askpublicnewsarticle: 0,
  liveblogposting: 0,
  article: 1,
  blogposting: 1,
  socialmediaposting: 2,
  report: 2,
  scholarlyarticle: 2,
  techarticle: 2,
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function typesOf(node: Json): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  // "https://schema.org/NewsArticle" and "NewsArticle" are the same type.
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#]/, '').toLowerCase());
}

function rankOf(node: Json): number | undefined {
  const ranks = typesOf(node)
    .map((t) => TYPE_RANK[t])
    .filter((r): r is number => r !== undefined);
  // a reduce, not Math.min(...ranks): the page decides how long @type is
  return ranks.length > 0 ? ranks.reduce((a, b) => Math.min(a, b)) : undefined;
}

function collect(value: unknown, nodes: Json[]): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, nodes);
  } else if (isObject(value)) {
    nodes.push(value);
    if (value['@graph'] !== undefined) collect(value['@graph'], nodes);
  }
}

function parseBlocks(scripts: readonly DomElement[]): Json[] {
  const nodes: Json[] = [];
  for (const script of scripts) {
    if ((script.getAttribute('type') ?? '').trim().toLowerCase() !== 'application/ld+json') continue;
    // Some CMSs wrap the JSON in a comment or CDATA section to hide it from old browsers.
    const raw = (script.textContent ?? '')
      .trim()
      .replace(/^(?:<!--|<!\[CDATA\[)/, '')
      .replace(/(?:-->|\]\]>)$/, '');
    try {
      collect(JSON.parse(raw), nodes);
    } catch {
      // A broken block is the page's problem, not a reason to lose the article: other sources may still give meta.
    }
  }
  return nodes;
}

function resolver(nodes: Json[]): (value: unknown) => unknown {
  const byId = new Map<string, Json>();
  for (const node of nodes) {
    const id = node['@id'];
    if (typeof id === 'string' && Object.keys(node).length > 1 && !byId.has(id)) byId.set(id, node);
  }
  return (value) => {
    if (isObject(value) && typeof value['@id'] === 'string' && Object.keys(value).length === 1) {
      return byId.get(value['@id']) ?? value;
    }
    return value;
  };
}

function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanValue(value);
  if (isObject(value)) return cleanValue(value['name']);
  return undefined;
}

function urlOf(value: unknown): string | undefined {
  if (typeof value === 'string') return cleanValue(value);
  if (isObject(value)) return cleanValue(value['@id']) ?? cleanValue(value['url']);
  return undefined;
}

/** Finds the best article node (NewsArticle family first) in the page's JSON-LD (its <script> elements, in
 * document order) and reads its fields. */
export function readJsonLdArticle(scripts: readonly DomElement[]): JsonLdArticle | undefined {
  const nodes = parseBlocks(scripts);
  let best: Json | undefined;
  let bestRank = Infinity;
  for (const node of nodes) {
    const rank = rankOf(node);
    if (rank !== undefined && rank < bestRank) {
      best = node;
      bestRank = rank;
    }
  }
  if (best === undefined) return undefined;
  const resolve = resolver(nodes);
  const authorsRaw = best['author'] ?? best['creator'];
  const authors = (Array.isArray(authorsRaw) ? authorsRaw : [authorsRaw])
    .map((a) => nameOf(resolve(a)))
    .filter((a): a is string => a !== undefined);
  const language = best['inLanguage'];
  return {
    headline: cleanValue(best['headline']) ?? cleanValue(best['name']),
    authors: [...new Set(authors)],
    datePublished: cleanValue(best['datePublished']),
    url: cleanValue(best['url']) ?? urlOf(best['mainEntityOfPage']),
    publisher: nameOf(resolve(best['publisher'])),
    language:
      typeof language === 'string' ? language : isObject(language) ? cleanValue(language['alternateName']) : undefined,
  };
}
