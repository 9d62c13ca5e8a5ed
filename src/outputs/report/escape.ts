// HTML escaping: every string that comes from an article goes through here before it reaches a page.

// A raw CR would be folded into the following LF by the HTML parser; as a character reference it survives,
// so the page's text is the article's text to the code point.
const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '\r': '&#13;',
};

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function esc(s: string): string {
  // Most text segments hold nothing to escape: test first, and only then pay for the replacing pass.
  return SPECIAL.test(s) ? s.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : s;
}

const SPECIAL = /[&<>"'\r]/;
const SPECIALS = /[&<>"'\r]/g;

/** The URL if it is a plain http(s) address, else null: input URLs become links only when they cannot run code. */
export function safeHttpUrl(url: string | undefined): string | null {
  if (!url) return null;
  return /^https?:\/\/[^\s]+$/i.test(url) ? url : null;
}
