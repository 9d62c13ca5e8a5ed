// The postinstall patches to linkedom (src/stages/ingest/patch-linkedom.mjs) must be in place, and what they
// touch must behave as before: event listeners with the listener map created on first use, class lists with the
// joined class kept, class attributes the parser writes itself, tagName from the table, textContent.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/stages/ingest/dom.ts';

const root = dirname(createRequire(import.meta.url).resolve('linkedom/package.json'));

interface ClassElement {
  className: string;
  readonly classList: Set<string> & {
    add(...tokens: string[]): void;
    remove(...tokens: string[]): void;
    toggle(token: string): boolean;
    replace(token: string, newToken: string): boolean;
    contains(token: string): boolean;
  };
  readonly tagName: string;
  readonly nodeName: string;
  readonly textContent: string;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  hasAttribute(name: string): boolean;
  removeAttribute(name: string): void;
}

interface Listening {
  addEventListener(type: string, listener: (event: unknown) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  dispatchEvent(event: unknown): boolean;
}

describe('linkedom patch', () => {
  it('is applied to both builds', () => {
    const markers: [string, string][] = [
      ['interface/event-target.js', 'quotebank-pipeline: listener map created on first use'],
      ['dom/token-list.js', 'quotebank-pipeline: joined tokens kept until the list changes'],
      ['shared/parse-from-string.js', 'quotebank-pipeline: class tokens joined without a token list'],
      ['shared/utils.js', 'quotebank-pipeline: upper-case names kept'],
      ['interface/element.js', 'quotebank-pipeline: text appended to one string'],
      ['interface/element.js', 'quotebank-pipeline: no token list for a class-less element'],
    ];
    for (const build of ['esm', 'cjs']) {
      for (const [file, marker] of markers)
        expect(readFileSync(join(root, build, file), 'utf8'), `${build}/${file}`).toContain(marker);
      expect(readFileSync(join(root, build, 'interface/event-target.js'), 'utf8')).not.toContain(
        'wm.set(this, new Map);\n  }',
      );
    }
  });

  it('keeps class lists, class attributes, tag names and text as linkedom made them', () => {
    const document = parseDocument(
      '<html><body><div id="a" class="  b   c\tb\n d "><p>one <b>two</b><!-- c --> three</p><svg><foreignObject></foreignObject></svg></div><span class="">x</span><i>y</i></body></html>',
    ) as unknown as {
      getElementById(id: string): ClassElement;
      querySelector(selector: string): ClassElement;
    };
    const div = document.getElementById('a');
    // the parser's class attribute: tokens deduplicated and joined by one space, as className= made it
    expect(div.getAttribute('class')).toBe('b c d');
    expect(div.className).toBe('b c d');
    expect((div as unknown as { outerHTML: string }).outerHTML.startsWith('<div id="a" class="b c d">')).toBe(true);
    expect([...div.classList]).toEqual(['b', 'c', 'd']);
    expect(div.classList.contains('c')).toBe(true);
    // every change to the list shows in className and in the attribute
    div.classList.add('e', 'b');
    expect(div.className).toBe('b c d e');
    div.classList.remove('c');
    expect(div.className).toBe('b d e');
    expect(div.getAttribute('class')).toBe('b d e');
    div.classList.toggle('b');
    expect(div.className).toBe('d e');
    div.classList.toggle('f');
    expect(div.className).toBe('d e f');
    div.classList.replace('d', 'g');
    expect(div.className).toBe('e f g');
    div.classList.delete('e');
    expect(div.className).toBe('f g');
    div.className = ' h  i ';
    expect(div.className).toBe('h i');
    div.setAttribute('class', 'j k j');
    expect(div.className).toBe('j k');
    expect(div.getAttribute('class')).toBe('j k');
    div.classList.clear();
    expect(div.className).toBe('');
    div.removeAttribute('class');
    expect(div.hasAttribute('class')).toBe(false);
    expect(div.className).toBe('');
    const empty = document.querySelector('span');
    expect(empty.hasAttribute('class')).toBe(true);
    expect(empty.getAttribute('class')).toBe('');
    // an element without a class: '' until one is set, however it is set
    const plain = document.querySelector('i');
    expect(plain.getAttribute('class')).toBe('');
    expect(plain.className).toBe('');
    expect(plain.hasAttribute('class')).toBe(false);
    plain.setAttribute('class', 'l  m');
    expect(plain.className).toBe('l m');
    const bare = document.querySelector('b');
    expect(bare.className).toBe('');
    bare.classList.add('n');
    expect(bare.className).toBe('n');
    expect(bare.getAttribute('class')).toBe('n');
    // tag names upper-cased as before, SVG names in their own case
    expect([
      div.tagName,
      div.nodeName,
      document.querySelector('p').tagName,
      document.querySelector('i').tagName,
    ]).toEqual(['DIV', 'DIV', 'P', 'I']);
    expect(document.querySelector('svg').tagName).toBe('SVG');
    // textContent: every text node in order, comments left out
    expect(document.querySelector('p').textContent).toBe('one two three');
    expect(div.textContent).toBe('one two three');
  });

  it('keeps listeners working: add, dispatch, bubble, once, remove, and nodes that never had one', () => {
    const document = parseDocument('<html><body><div id="outer"><p id="inner">text</p></div></body></html>');
    const outer = (document as unknown as { getElementById(id: string): Listening }).getElementById('outer');
    const inner = (document as unknown as { getElementById(id: string): Listening }).getElementById('inner');
    const Event = (
      document as unknown as { defaultView: { Event: new (type: string, init?: { bubbles?: boolean }) => unknown } }
    ).defaultView.Event;
    const seen: string[] = [];
    const onOuter = () => seen.push('outer');
    const onInner = () => seen.push('inner');
    outer.addEventListener('ping', onOuter);
    inner.addEventListener('ping', onInner, { once: true });
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    outer.removeEventListener('ping', onOuter);
    inner.dispatchEvent(new Event('ping', { bubbles: true }));
    // a node that never had a listener: removing and dispatching are no-ops
    const text = document.firstChild as unknown as Listening;
    text.removeEventListener('ping', onOuter);
    expect(text.dispatchEvent(new Event('ping'))).toBe(true);
    expect(seen).toEqual(['inner', 'outer', 'outer']);
  });
});
