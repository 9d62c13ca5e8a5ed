// Recognises page furniture (navigation, share bars, ad slots, captions, credits) by element and by the
// class/id words sites use for it. Removal happens before Readability runs: Readability rewrites divs into
// new elements without their classes, so afterwards these markers are partly gone.
import { ENTER, SKIP_CHILDREN, walkElements, type DomDocument, type DomElement } from './dom.ts';

// Site chrome (nav, hidden and search regions) is never the story; removing it first also stops Readability
// from scoring it. The body-text fallback has no Readability to tell furniture from content, so it also drops
// header, footer, aside and form regions.
// Class/id words of share bars, ad slots, pagers and teaser boxes.
export const FURNITURE =
  /(?:^|[\s_-])(?:share|sharing|social|sharebar|ad|ads|advert|advertisement|sponsored|promo|newsletter|related|recommended|subscribe|nav|pagination|pager)(?:$|[\s_-])/i;
// Captions and photo credits: boilerplate next to an article, but the content of a photo gallery.
const CAPTION = /(?:^|[\s_-])(?:caption|wp-caption-text)(?:$|[\s_-])/i;
export const CREDIT = /(?:^|[\s_-])(?:credit|credits|copyright|photographer|photo-credit)(?:$|[\s_-])/i;
// Furniture is short; a long block whose class happens to say "social" is content ("social-affairs").
export const MAX_FURNITURE_CHARS = 300;
export const NEVER_FURNITURE = new Set(['html', 'body', 'main', 'article']);

const classAndId = (el: DomElement): string =>
  el.hasAttribute('class') || el.hasAttribute('id')
    ? `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    : ' ';
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
  return (
    el.localName === 'time' && el.parentNode !== null && squash(el.parentNode.textContent) === squash(el.textContent)
  );
}

/** Whether an element is a short share bar, ad slot, pager or teaser box. */
export function isFurniture(el: DomElement): boolean {
  if (NEVER_FURNITURE.has(el.localName) || !FURNITURE.test(classAndId(el))) return false;
  return (el.textContent ?? '').length < MAX_FURNITURE_CHARS;
}

/** isFurniture(el) || isCredit(el), reading the class and id once. */
function isFurnitureOrCredit(el: DomElement): boolean {
  if (!el.hasAttributes() || (!el.hasAttribute('class') && !el.hasAttribute('id'))) return false;
  const words = classAndId(el);
  if (CREDIT.test(words)) return true;
  return (
    !NEVER_FURNITURE.has(el.localName) && FURNITURE.test(words) && (el.textContent ?? '').length < MAX_FURNITURE_CHARS
  );
}

function isChrome(el: DomElement, fallback: boolean): boolean {
  const name = el.localName;
  // Without attributes only the name can tell.
  if (!el.hasAttributes())
    return (
      name === 'nav' || (fallback && (name === 'header' || name === 'footer' || name === 'aside' || name === 'form'))
    );
  if (name === 'nav' || el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'search') return true;
  if (!fallback) return false;
  return (
    name === 'header' ||
    name === 'footer' ||
    name === 'aside' ||
    name === 'form' ||
    role === 'banner' ||
    role === 'contentinfo' ||
    role === 'complementary'
  );
}

/** Removes navigation and furniture from the page (and, for the body-text fallback, header/footer/aside too). */
export function removeChrome(document: DomDocument, fallback = false): void {
  const doomed: DomElement[] = [];
  // Each element is judged before anything inside it is removed, and removal waits until the walk is done.
  walkElements(document, (el) => {
    if (isChrome(el, fallback) || isFurnitureOrCredit(el)) {
      doomed.push(el);
      return SKIP_CHILDREN;
    }
    return ENTER;
  });
  for (const el of doomed) el.remove();
}
