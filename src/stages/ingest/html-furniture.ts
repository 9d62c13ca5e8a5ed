// Recognises page furniture (navigation, share bars, ad slots, captions, credits) by element and by the
// class/id words sites use for it. Removal happens before Readability runs: Readability rewrites divs into
// new elements without their classes, so afterwards these markers are partly gone.
import { isElement, type DomDocument, type DomElement, type DomNode } from './dom.ts';

// Site chrome (nav, hidden and search regions) is never the story; removing it first also stops Readability
// from scoring it. The body-text fallback has no Readability to tell furniture from content, so it also drops
// header, footer, aside and form regions.
// Class/id words of share bars, ad slots, pagers and teaser boxes.
const FURNITURE = /(?:^|[\s_-])(?:share|sharing|social|sharebar|ad|ads|advert|advertisement|sponsored|promo|newsletter|related|recommended|subscribe|nav|pagination|pager)(?:$|[\s_-])/i;
// Captions and photo credits: boilerplate next to an article, but the content of a photo gallery.
const CAPTION = /(?:^|[\s_-])(?:caption|wp-caption-text)(?:$|[\s_-])/i;
const CREDIT = /(?:^|[\s_-])(?:credit|credits|copyright|photographer|photo-credit)(?:$|[\s_-])/i;
// Furniture is short; a long block whose class happens to say "social" is content ("social-affairs").
const MAX_FURNITURE_CHARS = 300;
const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);

const classAndId = (el: DomElement): string => `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
const squash = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Whether an element is a caption (figcaption or a caption class). */
export function isCaption(el: DomElement): boolean {
  return el.localName === 'figcaption' || CAPTION.test(classAndId(el));
}

/** Whether an element is a photo credit or copyright line. */
export function isCredit(el: DomElement): boolean {
  return CREDIT.test(classAndId(el));
}

/** A <time> standing alone in its block is a dateline ("March 5, 2024"), which meta.published already holds. */
export function isDateline(el: DomElement): boolean {
  return el.localName === 'time' && el.parentNode !== null && squash(el.parentNode.textContent) === squash(el.textContent);
}

/** Whether an element is a short share bar, ad slot, pager or teaser box. */
export function isFurniture(el: DomElement): boolean {
  if (NEVER_FURNITURE.has(el.localName) || !FURNITURE.test(classAndId(el))) return false;
  return (el.textContent ?? '').length < MAX_FURNITURE_CHARS;
}

function isChrome(el: DomElement, fallback: boolean): boolean {
  const name = el.localName;
  if (name === 'nav' || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'search') return true;
  if (!fallback) return false;
  return name === 'header' || name === 'footer' || name === 'aside' || name === 'form'
    || role === 'banner' || role === 'contentinfo' || role === 'complementary';
}

// One recursive pass rather than querySelectorAll: linkedom compiles a selector on every call.
function strip(node: DomNode, fallback: boolean): void {
  const doomed: DomElement[] = [];
  const children = node.childNodes;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (!isElement(child)) continue;
    if (isChrome(child, fallback) || ((child.getAttribute('class') !== null || child.getAttribute('id') !== null) && (isFurniture(child) || isCredit(child)))) {
      doomed.push(child);
    } else {
      strip(child, fallback);
    }
  }
  for (const el of doomed) el.remove();
}

/** Removes navigation and furniture from the page (and, for the body-text fallback, header/footer/aside too). */
export function removeChrome(document: DomDocument, fallback = false): void {
  strip(document, fallback);
}
