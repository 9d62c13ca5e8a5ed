// The page shell: doctype, a Content-Security-Policy that allows no network and no script but the report's own (the
// index's search, allowed by its hash), the inline CSS.
import { esc } from './escape.ts';
import { reportCss } from './style.ts';

// Escaping is the defence; the policy is a second one: even a tag that slipped through could not run or load.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** The policy with one inline script allowed, by the base64 sha256 of its text. */
export function cspWithScript(sha256: string): string {
  return `${CSP}; script-src 'sha256-${sha256}'`;
}

let css: string | undefined;

/** A complete HTML document with the report's head around a body; `head` adds to the head, `csp` replaces the
 * policy. */
export function page(title: string, body: string, head = '', csp = CSP): string {
  css ??= reportCss();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${esc(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`;
}
