// The source pre-pass must never change the page the parser builds, except for the script/style bodies and
// comment texts it empties: checked by building both DOMs on generated tag soup aimed at the tokenizer's
// corners (raw text, comments, declarations, quoted `>` and `<script` inside attributes).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isElement, parseDocument, TEXT_NODE, type DomNode } from '../../../src/stages/ingest/dom.ts';
import { pruneHtml } from '../../../src/stages/ingest/html-prune.ts';

const emptied = (el: DomNode): boolean => isElement(el) && (el.localName === 'style'
  || (el.localName === 'script' && !/^\s*application\/ld\+json\s*$/i.test(el.getAttribute('type') ?? '')));

/** The tree as a string: elements with attributes, text (adjacent runs joined), comments without their text. */
function shape(html: string): string {
  const out: string[] = [];
  const visit = (node: DomNode, raw: boolean): void => {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (isElement(c)) {
        const attributes = Array.from(c.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ');
        out.push(`<${c.localName} ${attributes}>`);
        visit(c, emptied(c));
        out.push(`</${c.localName}>`);
      } else if (c.nodeType === TEXT_NODE) {
        if (!raw) out.push(`#${c.data}`);
      } else {
        out.push(`!${c.nodeType}`);
      }
    }
  };
  visit(parseDocument(html), false);
  return out.join('').replace(/#([^<#!]*)#/g, '#$1');
}

const TOKENS = ['<', '>', '<!--', '-->', '--', '<!-', '<!->', '<!>', '<script', '<script>', '</script>', '</script', '<SCRIPT ',
  '</ScRiPt >', '<style>', '</style>', '"', "'", '=', ' ', '\n', '/', '/>', 'a', 'x', '<p>', '</p>', '<div ', '<![CDATA[', ']]>',
  '<?', '</', ' type="application/ld+json"', " type='text/javascript'", ' type=application/ld+json', ' TYPE="application/ld+json"',
  ' type="x" type="application/ld+json"', ' type="application/ld&#43;json"', '<title>', '</title>', '<textarea>', '</textarea>',
  '<xmp>', '</xmp>', '{"@type":"NewsArticle"}', '&amp;', '<svg>', '</svg>', '<noscript>', '</noscript>', 'onclick=x'];

describe('pruneHtml', () => {
  it('builds the same tree as the page itself, minus script/style bodies and comment texts', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join('')), (html) => {
      expect(shape(pruneHtml(html))).toBe(shape(html));
    }), { numRuns: 3000, seed: 7 });
  });

  it('empties scripts and styles, keeps JSON-LD and the elements themselves', () => {
    const page = '<head><script src="a.js">var a = "</p>";</script><style>p { color: red }</style>'
      + '<script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text<!-- note --></p></body>';
    expect(pruneHtml(page)).toBe('<head><script src="a.js"></script><style></style>'
      + '<script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text<!----></p></body>');
  });

  it('follows the tokenizer where a naive pattern would not', () => {
    // `<script` inside an attribute value, a comment or a title is not a script; `<script/>` opens no raw text.
    for (const page of ['<a title="<script>">keep</a>', '<!-- <script> -->keep', '<title><script>keep</title>', '<script/>keep</script>']) {
      expect(pruneHtml(page)).toContain('keep');
    }
    // The raw text ends at `</script` followed by whitespace or `>` only.
    expect(pruneHtml('<script>a</scripts>b</script >c')).toBe('<script></script >c');
  });
});
