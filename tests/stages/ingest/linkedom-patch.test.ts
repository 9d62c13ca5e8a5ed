// The postinstall patch to linkedom (src/stages/ingest/patch-linkedom.mjs) must be in place, and event
// listeners must still work with the listener map created on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/stages/ingest/dom.ts';

const root = dirname(createRequire(import.meta.url).resolve('linkedom/package.json'));

interface Listening {
  addEventListener(type: string, listener: (event: unknown) => void, options?: { once?: boolean }): void;
  removeEventListener(type: string, listener: (event: unknown) => void): void;
  dispatchEvent(event: unknown): boolean;
}

describe('linkedom patch', () => {
  it('is applied to both builds', () => {
    for (const build of ['esm', 'cjs']) {
      const source = readFileSync(join(root, build, 'interface/event-target.js'), 'utf8');
      expect(source).toContain('quotebank-pipeline: listener map created on first use');
      expect(source).not.toContain('wm.set(this, new Map);\n  }');
    }
  });

  it('keeps listeners working: add, dispatch, bubble, once, remove, and nodes that never had one', () => {
    const document = parseDocument('<html><body><div id="outer"><p id="inner">text</p></div></body></html>');
    const outer = (document as unknown as { getElementById(id: string): Listening }).getElementById('outer');
    const inner = (document as unknown as { getElementById(id: string): Listening }).getElementById('inner');
    const Event = (document as unknown as { defaultView: { Event: new (type: string, init?: { bubbles?: boolean }) => unknown } }).defaultView.Event;
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
