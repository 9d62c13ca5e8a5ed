// Removes everything that could run or load something, before any other code looks at the page: the DOM is
// never rendered, but Readability's content and our text walker then only ever see inert markup.
import { ENTER, SKIP_CHILDREN, TEXT_NODE, walkElements, type DomDocument, type DomElement } from './dom.ts';

// Elements whose content is code, a nested document or a plugin: never article text.
export const ACTIVE = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal']);
// Inert but never text: styles, templates, form controls, and media whose inner text is a fallback message
// ("Your browser doesn't support HTML5 video") that a reader never sees next to a working player; and AMP's
// ad, analytics, share and media components, whose only text is a placeholder ("Advertisement").
export const NON_TEXT = new Set([
  'style',
  'template',
  'noscript',
  'video',
  'audio',
  'canvas',
  'svg',
  'math',
  'picture',
  'source',
  'track',
  'map',
  'select',
  'button',
  'input',
  'textarea',
  'dialog',
  'amp-ad',
  'amp-embed',
  'amp-sticky-ad',
  'amp-auto-ads',
  'amp-analytics',
  'amp-pixel',
  'amp-social-share',
  'amp-img',
  'amp-video',
  'amp-iframe',
  'amp-youtube',
]);
// JSON-LD and other data blocks are read for metadata before this runs; they do not execute either way.
export const DATA_SCRIPT_TYPES = /^(?:application\/(?:ld\+)?json|text\/template|text\/x-template)$/i;
export const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data']);
export const SCRIPT_URL = /^\s*(?:javascript|vbscript|data):/i;

// The style declarations anything reads here: Readability and its readerable test ask only whether an element is
// shown (display, visibility).
const VISIBILITY = /^\s*(?:display|visibility)\s*:/i;

/** Readability pays for each declaration of a style (linkedom parses it when asked for one property) and for each
 * candidate URL of a srcset (it resolves every one), so a page can make it pay for megabytes of them (a 15 MB
 * style or srcset: 17–22 s). What it reads of them is kept: the display and visibility declarations of a style,
 * the first candidate of a srcset (no image reaches the text). */
function cheaperValue(name: string, value: string): string | undefined {
  if (name === 'style') {
    const kept = value.split(';').filter((d) => VISIBILITY.test(d));
    return kept.length === 0 ? '' : kept.join(';');
  }
  if (name === 'srcset') {
    const comma = value.indexOf(',');
    return comma < 0 ? value : value.slice(0, comma);
  }
  return undefined;
}

/** Counts and strips event handlers and script URLs on one element, and cuts its style and srcset down to what
 * Readability reads of them. */
function removeActiveAttributes(el: DomElement): number {
  let removed = 0;
  const attributes = el.attributes;
  // Collect first: removing while iterating a live attribute list would skip entries.
  const names: string[] = [];
  const cheaper: [string, string][] = [];
  for (let i = 0; i < attributes.length; i++) {
    const { name, value } = attributes[i]!;
    const lower = name.toLowerCase();
    if (lower.startsWith('on') || (URL_ATTRIBUTES.has(lower) && SCRIPT_URL.test(value))) names.push(name);
    else {
      const cut = cheaperValue(lower, value);
      if (cut !== undefined && cut !== value) cheaper.push([name, cut]);
    }
  }
  for (const name of names) {
    el.removeAttribute(name);
    removed++;
  }
  for (const [name, value] of cheaper) el.setAttribute(name, value);
  return removed;
}

export interface Sanitized {
  /** How many active things (scripts, frames, plugins, event handlers, script URLs) were removed. */
  active: number;
  /** The deepest element nesting left in the page. */
  depth: number;
  /** How many elements are left in the page. */
  elements: number;
  /** How many nodes are left: the elements, their attributes and the text nodes in them. */
  nodes: number;
}

/** Strips active and non-text elements, event handlers and javascript: URLs. */
export function removeActiveContent(document: DomDocument): Sanitized {
  let active = 0;
  let deepest = 0;
  let elements = 0;
  let nodes = 0;
  const doomed: DomElement[] = [];
  // One iterative walk over the tree (deep nesting must not overflow the stack); removal waits until it is done.
  walkElements(document, (el, depth) => {
    const name = el.localName;
    if (ACTIVE.has(name)) {
      if (name !== 'script' || !DATA_SCRIPT_TYPES.test((el.getAttribute('type') ?? '').trim())) active++;
      doomed.push(el);
      return SKIP_CHILDREN;
    }
    if (NON_TEXT.has(name)) {
      doomed.push(el);
      return SKIP_CHILDREN;
    }
    if (el.hasAttributes()) active += removeActiveAttributes(el);
    if (depth > deepest) deepest = depth;
    elements++;
    nodes += 1 + el.attributes.length;
    for (let child = el.firstChild; child !== null; child = child.nextSibling)
      if (child.nodeType === TEXT_NODE) nodes++;
    return ENTER;
  });
  for (const el of doomed) el.remove();
  return { active, depth: deepest, elements, nodes };
}
