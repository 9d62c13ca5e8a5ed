// The format of an input that has no file name to tell it (stdin, the library given bare text): HTML when it
// opens with markup, Markdown when it opens with front matter or a heading, plain text otherwise. Strong signals
// only: anything in doubt is read as plain text, which keeps every word.
import type { SourceFormat } from '../types.ts';

const HTML_START =
  /^<(?:!doctype\s+html|html|head|body|meta|title|article|main|section|header|div|p|h[1-6]|!--)[\s/>]/i;
const HTML_ANYWHERE = /<(?:html|body)[\s>]/i;
const FRONT_MATTER = /^---\r?\n[\w-]+:/;
const HEADING = /^#{1,6}[ \t]+\S/;

/** Guesses the format of an article from its first kilobytes. */
export function sniffFormat(bytes: Uint8Array): SourceFormat {
  // latin1 keeps one character per byte, whatever the encoding: only ASCII markup is looked at
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  if (head.startsWith('\xef\xbb\xbf')) head = head.slice(3);
  head = head.trimStart();
  if (HTML_START.test(head) || (head.startsWith('<') && HTML_ANYWHERE.test(head))) return 'html';
  if (FRONT_MATTER.test(head) || HEADING.test(head)) return 'markdown';
  return 'text';
}
