// Readability is used through its public API only: readabilityArticle must hand back what
// `new Readability(doc, options).parse()` finds, and the DOM walk must visit what the tree holds.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { readabilityArticle } from '../../../../src/stages/ingest/html/article.ts';
import {
  isElement,
  parseDocument,
  walkElements,
  type DomDocument,
  type DomNode,
} from '../../../../src/stages/ingest/html/dom.ts';
import { removeChrome } from '../../../../src/stages/ingest/html/furniture.ts';
import { extractHtml } from '../../../../src/stages/ingest/html/index.ts';
import { removeActiveContent } from '../../../../src/stages/ingest/html/sanitize.ts';
import { FIXTURES_DIR } from '../run-fixture.ts';

const pages = readdirSync(FIXTURES_DIR)
  .map((d) => join(FIXTURES_DIR, d, 'source.html'))
  .filter(existsSync)
  .map((f) => readFileSync(f, 'utf8'));

const prepared = (page: string): DomDocument => {
  const document = parseDocument(page);
  removeActiveContent(document);
  removeChrome(document);
  return document;
};

describe('readabilityArticle', () => {
  it("finds the node and byline Readability's own parse() finds", () => {
    const html = (node: unknown) => (node as { outerHTML: string }).outerHTML;
    let found = 0;
    for (const page of [...pages, '<article><p>Too short to pass.</p></article>']) {
      const ours = readabilityArticle(prepared(page));
      const theirs = new Readability<unknown>(prepared(page), {
        disableJSONLD: true,
        keepClasses: true,
        serializer: (n: unknown) => n,
      }).parse();
      expect(ours === null, page.slice(0, 80)).toBe(!theirs?.content);
      if (ours === null || !theirs) continue;
      expect(html(ours.content)).toBe(html(theirs.content));
      expect(ours.byline).toBe(theirs.byline ?? null);
      found++;
    }
    expect(found).toBeGreaterThan(8);
  });

  it('a page nested thousands of levels deep gets the body text, without overflowing the stack', () => {
    const t0 = performance.now();
    const { text, messages } = extractHtml(`${'<div>'.repeat(10_000)}text`);
    expect(text).toBe('text');
    expect(messages.map((m) => m.id)).toContain('ingest/html-no-article');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

/** Every element under root in document order with its depth, by plain recursion over childNodes. */
function recursiveWalk(root: DomNode, skip: string, depth = 1, out: string[] = []): string[] {
  for (const node of Array.from((root as DomNode & { childNodes: ArrayLike<DomNode> }).childNodes)) {
    if (!isElement(node)) continue;
    out.push(`${depth} ${node.localName}`);
    if (node.localName !== skip) recursiveWalk(node, skip, depth + 1, out);
  }
  return out;
}

describe('walkElements', () => {
  it('visits what a recursive walk visits, at the same depths, skipping the same subtrees', () => {
    for (const page of [...pages, `${'<div><span>'.repeat(300)}x${'</span></div>'.repeat(300)}<p>after</p>`]) {
      const document = parseDocument(page);
      for (const skip of ['', 'p', 'div', 'span', 'figure', 'head']) {
        const seen: string[] = [];
        walkElements(document, (el, depth) => (seen.push(`${depth} ${el.localName}`), el.localName !== skip));
        expect(seen).toEqual(recursiveWalk(document, skip));
      }
    }
  });
});
