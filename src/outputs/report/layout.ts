// The page shell: doctype, a Content-Security-Policy that allows no script and no network, the inline CSS.
import { esc } from './escape.ts';
import { reportCss } from './style.ts';

// Escaping is the defence; the policy is a second one: even a tag that slipped through could not run or load.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

let css: string | undefined;

/** A complete HTML document with the report's head around a body. */
export function page(title: string, body: string): string {
  css ??= reportCss();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
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
