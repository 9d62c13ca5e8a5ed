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

/** Inline content as plain text: links as their text, images and raw HTML tags dropped, hard breaks kept.
 * Iterative, children pushed in reverse on an explicit stack: the input decides how deep inline nodes nest. */
function inline(root: Nodes): string {
  let out = '';
  const stack: Nodes[] = [root];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    switch (node.type) {
      case 'text':
        // A soft line break inside a paragraph is a space when rendered.
        // The lookbehind keeps the regex linear on long runs of spaces (no retry from every space of a run).
        out += node.value.replace(/(?<![ \t])[ \t]*\r?\n[ \t]*/g, ' ');
        break;
      case 'inlineCode':
        out += node.value;
        break;
      case 'break':
        out += '\n';
        break;
      case 'image':
      case 'imageReference':
      case 'html':
      case 'footnoteReference':
        break;
      default:
        if ('children' in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return out;
}

function htmlBlock(value: string): string[] {
  // Parsed as HTML (inert, like any page) so a <div> of prose keeps its text and a <script> loses its code.
  return paragraphsOf(parseDocument(value).body ?? parseDocument(value));
}

/** The block paragraphs of a tree, in document order. Iterative like inline(): block quotes and lists nest as
 * deep as the input makes them. */
function blocks(root: Parents, out: string[]): void {
  const stack: Nodes[] = [...(root.children as Nodes[])].reverse();
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
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
        for (const paragraph of htmlBlock(node.value)) out.push(paragraph);
        break;
      case 'definition':
      case 'footnoteDefinition':
      case 'thematicBreak':
      case 'yaml' as string:
        break;
      default:
        if ('children' in node) {
          const children = node.children as Nodes[];
          for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
        }
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
