// Markdown → article text and meta: front matter into meta, the mdast tree into paragraphs without markup.
import type { Nodes, Parents, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { message } from '../../messages.ts';
import type { Message, Meta } from '../../types.ts';
import { parseDocument } from './html/dom.ts';
import { splitFrontMatter } from './front-matter.ts';
import type { Extracted } from './extracted.ts';
import { paragraphsOf } from './html/text.ts';
import { cleanByline, cleanValue, normaliseDate, normaliseLanguage, normaliseUrl } from './meta-values.ts';

const STAGE = 'ingest';

// Front-matter keys, in order of preference, used by Jekyll, Hugo, Eleventy, Pandoc and common CMS exports.
const KEYS = {
  title: ['title', 'headline'],
  byline: ['byline', 'author', 'authors', 'by'],
  published: ['published', 'date', 'pubdate', 'publishdate', 'publish_date', 'date_published', 'datepublished'],
  url: ['canonical', 'canonical_url', 'canonicalurl', 'url', 'link', 'permalink'],
  siteName: ['site', 'site_name', 'sitename', 'publication'],
  language: ['language', 'lang', 'locale'],
} as const;

function field(data: Record<string, unknown>, keys: readonly string[]): unknown {
  const lower = new Map(Object.entries(data).map(([k, v]) => [k.toLowerCase(), v]));
  for (const key of keys) if (lower.get(key) !== undefined && lower.get(key) !== null) return lower.get(key);
  return undefined;
}

function names(value: unknown): string | undefined {
  const list: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  const out = list
    .map((a) => (typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Record<string, unknown>)['name'] : a))
    .map(cleanByline)
    .filter((a): a is string => a !== undefined);
  return out.length > 0 ? out.join(', ') : undefined;
}

function metaFrom(data: Record<string, unknown>, messages: Message[]): Meta {
  const meta: Meta = {};
  const title = cleanValue(field(data, KEYS.title));
  if (title !== undefined) meta.title = title;
  const byline = names(field(data, KEYS.byline));
  if (byline !== undefined) meta.byline = byline;
  const rawDate = cleanValue(field(data, KEYS.published));
  if (rawDate !== undefined) {
    const published = normaliseDate(rawDate);
    if (published !== undefined) meta.published = published;
    else messages.push(message('ingest/date-unread', STAGE, { value: rawDate }));
  }
  const url = normaliseUrl(field(data, KEYS.url));
  if (url !== undefined) meta.url = url;
  const siteName = cleanValue(field(data, KEYS.siteName));
  if (siteName !== undefined) meta.siteName = siteName;
  const language = normaliseLanguage(field(data, KEYS.language));
  if (language !== undefined) meta.language = language;
  return meta;
}

/** Inline content as plain text: links as their text, images and raw HTML tags dropped, hard breaks kept. */
function inline(node: Nodes): string {
  switch (node.type) {
    case 'text':
      // A soft line break inside a paragraph is a space when rendered.
      // The lookbehind keeps the regex linear on long runs of spaces (no retry from every space of a run).
      return node.value.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' ');
    case 'inlineCode':
      return node.value;
    case 'break':
      return '\n';
    case 'image':
    case 'imageReference':
    case 'html':
    case 'footnoteReference':
      return '';
    default:
      return 'children' in node ? (node.children as Nodes[]).map(inline).join('') : '';
  }
}

function htmlBlock(value: string): string[] {
  // Parsed as HTML (inert, like any page) so a <div> of prose keeps its text and a <script> loses its code.
  return paragraphsOf(parseDocument(value).body ?? parseDocument(value));
}

function blocks(parent: Parents, out: string[]): void {
  for (const node of parent.children as Nodes[]) {
    switch (node.type) {
      case 'heading':
      case 'paragraph':
      case 'tableCell': {
        // Dropped images and tags leave double spaces behind; inline code keeps its spacing in a code block only.
        const text = inline(node)
          .split('\n')
          .map((l) => l.replace(/ {2,}/g, ' ').trim())
          .filter((l) => l !== '')
          .join('\n');
        if (text !== '') out.push(text);
        break;
      }
      case 'code':
        if (node.value.trim() !== '')
          out.push(
            node.value
              .split(/\r?\n/)
              .map((l) => l.trimEnd())
              .join('\n'),
          );
        break;
      case 'html':
        out.push(...htmlBlock(node.value));
        break;
      case 'definition':
      case 'footnoteDefinition':
      case 'thematicBreak':
      case 'yaml' as string:
        break;
      default:
        if ('children' in node) blocks(node, out);
    }
  }
}

/** Extracts body text (no markup, links kept as their text) and front-matter metadata from Markdown. */
export function extractMarkdown(markdown: string): Extracted {
  const messages: Message[] = [];
  const front = splitFrontMatter(markdown);
  let meta: Meta = {};
  if (front.kind === 'ok') meta = metaFrom(front.data, messages);
  if (front.kind === 'invalid') messages.push(message('ingest/front-matter-invalid', STAGE, { reason: front.reason }));
  const tree: Root = fromMarkdown(front.body);
  const paragraphs: string[] = [];
  blocks(tree, paragraphs);
  // A leading "# Title" repeating the front-matter title is the headline, already in meta (as HTML drops its <h1>).
  if (paragraphs[0] !== undefined && paragraphs[0] === meta.title) paragraphs.shift();
  return { text: paragraphs.join('\n\n'), meta, messages };
}
