// The source pre-pass may only empty what the sanitiser and the furniture remover delete unread. Checked on
// generated tag soup aimed at the tokenizer's and the tree builder's corners (raw text, comments, declarations,
// quoted `>` and `<script` inside attributes, implied end tags, self-closing tags in SVG) mixed with what the
// pass empties and what it must not (navigation, share bars, hidden blocks, meta, JSON-LD, event handlers):
// after sanitising and furniture removal both pages are the same tree, with the same metadata and the same
// count of active things removed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isElement, parseDocument, TEXT_NODE, wrapFragment, type DomNode } from '../../../src/stages/ingest/dom.ts';
import { removeChrome } from '../../../src/stages/ingest/html-furniture.ts';
import { readHtmlMeta } from '../../../src/stages/ingest/html-meta.ts';
import { pruneHtml } from '../../../src/stages/ingest/html-prune.ts';
import { removeActiveContent } from '../../../src/stages/ingest/html-sanitize.ts';

/** The tree as a string: elements with attributes, text (adjacent runs joined), comments without their text. */
function shape(root: DomNode): string {
  const out: string[] = [];
  const visit = (node: DomNode): void => {
    for (let c = node.firstChild; c !== null; c = c.nextSibling) {
      if (isElement(c)) {
        out.push(
          `<${c.localName} ${Array.from(c.attributes, (a) => `${a.name}=${JSON.stringify(a.value)}`).join(' ')}>`,
        );
        visit(c);
        out.push(`</${c.localName}>`);
      } else {
        out.push(c.nodeType === TEXT_NODE ? `#${c.data}` : `!${c.nodeType}`);
      }
    }
  };
  visit(root);
  return out.join('').replace(/#([^<#!]*)#/g, '#$1');
}

/** What the rest of ingest sees of a page: metadata, the active count, and the tree after sanitising and chrome removal. */
function seen(html: string, extraActive = 0, fallback = false) {
  const document = parseDocument(html);
  const meta = readHtmlMeta(document);
  const { active } = removeActiveContent(document);
  removeChrome(document, fallback);
  return { meta, active: active + extraActive, tree: shape(document) };
}

const TOKENS = [
  '<',
  '>',
  '<!--',
  '-->',
  '--',
  '<!-',
  '<!->',
  '<!>',
  '<script',
  '<script>',
  '</script>',
  '</script',
  '<SCRIPT ',
  '</ScRiPt >',
  '<style>',
  '</style>',
  '"',
  "'",
  '=',
  ' ',
  '\n',
  '/',
  '/>',
  'a',
  'x',
  '<p>',
  '</p>',
  '<div ',
  '<div>',
  '</div>',
  '<![CDATA[',
  ']]>',
  '<?',
  '</',
  ' type="application/ld+json"',
  " type='text/javascript'",
  ' type=application/ld+json',
  ' TYPE="application/ld+json"',
  ' type="x" type="application/ld+json"',
  ' type="application/ld&#43;json"',
  '<title>',
  '</title>',
  '<textarea>',
  '</textarea>',
  '<xmp>',
  '</xmp>',
  '{"@type":"NewsArticle","headline":"H"}',
  '&amp;',
  '<svg>',
  '</svg>',
  '<svg/>',
  '<path/>',
  '<noscript>',
  '</noscript>',
  '<template>',
  '</template>',
  '<nav>',
  '</nav>',
  '<nav class="menu">',
  '<ul>',
  '<li>',
  '</li>',
  '</ul>',
  '<div class="share-bar">',
  '<div class="ad">',
  '<aside class="related">',
  '</aside>',
  '<span class="credit">',
  '</span>',
  '<div hidden>',
  '<div aria-hidden="true">',
  '<div role="search">',
  '<div role="&#110;avigation">',
  '<form>',
  '</form>',
  '<iframe>',
  '</iframe>',
  '<button>',
  '</button>',
  '<select><option>o',
  '</select>',
  '<input>',
  '<br>',
  '</br>',
  '<table><tr><td>',
  '<a href="javascript:x()">',
  '<a href="&#106;avascript:x()">',
  '</a>',
  ' onclick="y()"',
  ' ONLOAD=z',
  '<h1>',
  '</h1>',
  '<time datetime="2024-01-02">',
  '</time>',
  '<meta name="author" content="Ann">',
  '<link rel="canonical" href="/c">',
  '<article>',
  '</article>',
  '<main>',
  '</main>',
  '<body>',
  '</body>',
  'Long text, long enough to count. '.repeat(6),
];

// Non-ASCII where the pass compares strings (tag, attribute and class names, a script type, a URL after a
// no-break space, U+212A KELVIN SIGN, which lower-cases to k) and in counted text, for the pass over a UTF-8
// page's undecoded bytes.
const NON_ASCII = [
  '<div class="é-share">',
  '<div class="xà share">',
  '<div class="sharé">',
  '<div id="ad\u00a0x">',
  '<dİv>',
  '</DİV>',
  '<Émoji>',
  '</émoji>',
  '<a href="\u00a0javascript:x()">',
  '<a xlin\u212A:href="javascript:x()">',
  '<p \u212Anclick="y()">',
  '<script type="\u00a0application/ld+json">',
  '<div role="navigatio\u212A">',
  '<div aria-hidden="true\u00a0">',
  '“Quoted” text’s 😀 ünïcödé, long enough to count. '.repeat(4),
  'é',
  '😀',
];

/** A page's UTF-8 bytes as the Latin-1 string the pass reads, and back. */
const asBytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
const fromBytes = (s: string) => Buffer.from(s, 'latin1').toString('utf8');

describe('pruneHtml', () => {
  it("on a UTF-8 page's undecoded bytes, changes nothing the later steps would see either", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS, ...NON_ASCII), { maxLength: 80 }).map((t) => t.join('')),
        fc.boolean(),
        (html, fallback) => {
          const page = wrapFragment(html);
          const pruned = pruneHtml(asBytes(page), true);
          expect(seen(fromBytes(pruned.html), pruned.active, fallback)).toEqual(seen(page, 0, fallback));
        },
      ),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('changes nothing the sanitiser, the furniture remover or the metadata reader would see', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((t) => t.join('')),
        fc.boolean(),
        (html, fallback) => {
          const pruned = pruneHtml(wrapFragment(html));
          expect(seen(pruned.html, pruned.active, fallback)).toEqual(seen(html, 0, fallback));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('empties scripts and styles, keeps JSON-LD and the elements themselves', () => {
    const page =
      '<head><script src="a.js">var a = "</p>";</script><style>p { color: red }</style>' +
      '<script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text<!-- note --></p></body>';
    expect(pruneHtml(page).html).toBe(
      '<head><script src="a.js"></script><style></style>' +
        '<script type="application/ld+json">{"headline":"H"}</script></head><body><p>Text<!----></p></body>',
    );
  });

  it('empties navigation, icons and share bars, counting the handlers in them', () => {
    const page =
      '<body><nav><a href="/" onclick="go()">Home</a></nav><p>Story<svg><path d="M0 0"/></svg></p>' +
      '<div class="share-bar"><a href="javascript:share()">Share</a></div></body>';
    expect(pruneHtml(page)).toEqual({
      html: '<body><nav></nav><p>Story<svg></svg></p><div class="share-bar"></div></body>',
      active: 2,
    });
  });

  it('leaves whole what is read before anything is deleted, or cannot be read for sure', () => {
    for (const page of [
      '<nav><h1>Site</h1></nav>',
      '<noscript><meta name="author" content="A"></noscript>',
      '<nav><a href="&#106;avascript:x()">x</a></nav>',
      '<div class="promo">' + 'text '.repeat(100) + '<nav>menu</nav></div>',
      '<a title="<script>">keep</a>',
      '<!-- <script> -->keep',
      '<title><script>keep</title>',
    ]) {
      expect(pruneHtml(page).html).toBe(page.replace('<!-- <script> -->', '<!---->'));
    }
  });
});
