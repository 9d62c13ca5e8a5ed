// The two Readability helpers answered without linkedom's selector engine must return what the originals do.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { parseDocument, walkElements, type DomElement, type DomNode } from '../../../src/stages/ingest/dom.ts';
import { extractHtml } from '../../../src/stages/ingest/html.ts';
import { elementsByTag, visibleToReadability } from '../../../src/stages/ingest/readability.ts';
import { FIXTURES_DIR } from './run-fixture.ts';

const pages = readdirSync(FIXTURES_DIR).map((d) => join(FIXTURES_DIR, d, 'source.html')).filter(existsSync).map((f) => readFileSync(f, 'utf8'));
pages.push('<div><template><p>in a template</p></template><p style="display:none">hidden</p><p hidden>x</p>'
  + '<p aria-hidden="true" class="fallback-image">y</p><p aria-hidden="true">z</p><svg><a>link</a></svg></div>');

// The originals, as Readability 0.6 defines them.
const original = Readability.prototype as unknown as {
  _getAllNodesWithTag(node: DomNode, tags: string[]): ArrayLike<DomElement>;
  _isProbablyVisible(node: DomElement): boolean;
};

describe('Readability over linkedom', () => {
  it('elementsByTag finds what querySelectorAll finds, in the same order', () => {
    const tagLists = [['p'], ['p', 'pre'], ['h1', 'h2'], ['script', 'noscript'], ['img', 'picture', 'figure', 'video', 'audio', 'source'], ['a'], ['br'], ['table'], ['ul', 'ol'], ['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']];
    for (const page of pages) {
      const document = parseDocument(page);
      const roots: DomNode[] = [document];
      walkElements(document, (el) => (roots.push(el), true));
      for (const root of roots) {
        for (const tags of tagLists) {
          expect(elementsByTag(root, tags)).toEqual(Array.from(original._getAllNodesWithTag.call({}, root, tags)));
        }
      }
    }
  });

  it('the visibility check agrees with the original on every element', () => {
    for (const page of pages) {
      const document = parseDocument(page);
      walkElements(document, (el) => {
        // The original can answer with a falsy class string: Readability only ever tests it for truth.
        expect(visibleToReadability(el), el.localName).toBe(Boolean(original._isProbablyVisible(el)));
        return true;
      });
    }
  });

  it('a page nested thousands of levels deep gets the body text, without overflowing the stack', () => {
    const t0 = performance.now();
    const { text, messages } = extractHtml(`${'<div>'.repeat(10_000)}text`);
    expect(text).toBe('text');
    expect(messages.map((m) => m.id)).toContain('ingest/html-no-article');
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});
