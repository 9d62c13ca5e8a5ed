import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { removeBoilerplate } from '../../src/stages/ingest/boilerplate.ts';
import { normalizeText } from '../../src/stages/ingest/normalize.ts';
import { defaults, ingest, loadBoilerplateRules } from '../helpers.ts';

const rules = loadBoilerplateRules();
const raw = (text: string, path = 'a.txt') => ({ id: 'a', path, bytes: new TextEncoder().encode(text) });

describe('ingest', () => {
  it('removes boilerplate lines by the data-file rules and reports each removal', () => {
    const r = removeBoilerplate(
      'Your browser doesn’t support HTML5\nReal text.\nShare this article\nAdvertisement\nMore text.',
      rules,
    );
    expect(r.text).toBe('Real text.\nMore text.');
    expect(r.messages.map((m) => m.id)).toEqual([
      'ingest/boilerplate-removed',
      'ingest/boilerplate-removed',
      'ingest/boilerplate-removed',
    ]);
  });

  it('removes bylines and time stamps told by their shape, and keeps prose that starts like them', () => {
    const text =
      'By Sarah Jones, Staff Writer\nPublished 3:45 p.m. ET March 12, 2019\nUpdated: Nov. 3, 2020 at 10:15 a.m.\nBy the end of the day, nothing changed.\nPublished by the city in 2019 to wide acclaim.\nBy Jonathan Swan, Maggie Haberman and Charlie Savage';
    const r = removeBoilerplate(text, rules);
    expect(r.text).toBe('By the end of the day, nothing changed.\nPublished by the city in 2019 to wide acclaim.');
    expect(r.messages.map((m) => m.text.match(/rule (\w+)/)?.[1])).toEqual([
      'byline',
      'timestamp',
      'timestamp',
      'byline',
    ]);
  });

  it('runs only the rules that fit any language on an article clearly in another language', () => {
    const text = 'Related\nLa obra costará 120 millones de euros.\n© 2024 Diario del Sur\n(AFP)';
    const english = removeBoilerplate(text, rules);
    expect(english.text).toBe('La obra costará 120 millones de euros.');
    const spanish = removeBoilerplate(text, rules, 'spa');
    expect(spanish.text).toBe('Related\nLa obra costará 120 millones de euros.');
    expect(spanish.messages.map((m) => m.text.match(/rule ([\w-]+)/)?.[1])).toEqual(['copyright', 'photo-agency']);
  });

  it('keeps prose that merely starts like boilerplate', () => {
    const line = 'Share prices fell sharply on Tuesday after the central bank raised rates.';
    expect(removeBoilerplate(line, rules).text).toBe(line);
  });

  it('normalises to NFC, one line end, plain spaces, and no control characters', () => {
    const r = normalizeText('Cafe\u0301\r\nline\u000b two\u2028three\u0007\r\n\r\n\r\nend  ');
    expect(r.text).toBe('Café\nline two\nthree\n\nend');
    expect(r.messages.map((m) => m.id)).toEqual(['ingest/control-chars']);
  });

  it('a settled normalisation is a fixed point (ingest then skips its second pass when no line was removed)', () => {
    const alphabet = [
      'a',
      'e',
      'Z',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\r\n',
      '\u0301',
      '\u0308',
      '\u200b',
      '\u200d',
      '\u00ad',
      '\u0007',
      '\u0085',
      '\u2028',
      '\u00a0',
      '\t',
      '\ufeff',
      '\u3000',
      'x'.repeat(501),
      'é',
      'e\u0301',
      '\u1100',
      '\u1161',
      '😀',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }).map((a) => a.join('')),
        (input) => {
          const once = normalizeText(input);
          if (once.settled) expect(normalizeText(once.text).text).toBe(once.text);
        },
      ),
      { numRuns: 5000, seed: 3 },
    );
    // removing a zero-width joiner between a letter and a combining mark leaves them for NFC to join
    expect(normalizeText('e\u200d\u0301').settled).toBe(false);
  });

  it('tidies lines as their definition says, line by line, without splitting the text', () => {
    // the definition: each line's runs of spaces collapsed and the line trimmed, runs of blank lines one blank
    // line, none at either end
    const byLines = (text: string) => {
      const out: string[] = [];
      for (const line of text.split('\n').map((l) => l.replace(/ {2,}/g, ' ').trim())) {
        if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
        out.push(line);
      }
      while (out.length && out[out.length - 1] === '') out.pop();
      return out.join('\n');
    };
    const pieces = ['a', 'Bc', ' ', '  ', '   ', '\n', '\n\n', '\n\n\n', ' \n', '\n ', '\t', '\u00a0', '\u3000'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join('')),
        (input) => {
          // the earlier replaces (odd spaces to plain ones) are the same either way; the tidy is what differs
          const spaced = input.replace(/[\t\u00a0\u3000]/g, ' ');
          expect(normalizeText(input).text).toBe(byLines(spaced));
        },
      ),
      { numRuns: 5000, seed: 5 },
    );
  });

  it('removes boilerplate as the line-by-line definition does, and lists at most 20 removals', () => {
    const byLines = (text: string) => {
      const lines = text.split('\n');
      const kept = lines.filter((line) => {
        const t = line.trim();
        return !(t.length > 0 && t.length <= 240 && rules.some((r) => r.pattern.test(t)));
      });
      return { text: kept.join('\n'), removed: lines.length - kept.length };
    };
    const pieces = ['Advertisement', 'Real text.', '', ' ', '\n', '\n\n', 'Share this article', 'x'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((a) => a.join('\n')),
        (input) => {
          const r = removeBoilerplate(input, rules);
          const want = byLines(input);
          expect(r.text).toBe(want.text);
          expect(r.messages).toHaveLength(Math.min(want.removed, 20) + (want.removed > 20 ? 1 : 0));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
    const many = removeBoilerplate(`Real text.\n${'Advertisement\nShare this article\n'.repeat(50)}`, rules);
    expect(many.text).toBe('Real text.\n');
    expect(many.messages.filter((m) => m.id === 'ingest/boilerplate-removed')).toHaveLength(20);
    const more = many.messages.filter((m) => m.id === 'ingest/boilerplate-removed-more');
    expect(more).toHaveLength(1);
    expect(more[0]!.text).toMatch(/Removed 80 more boilerplate lines beyond the 20 listed \(by rule: \S+ 40, \S+ 40\)/);
  });

  it('keeps provenance: path, format and the sha256 of the raw bytes', () => {
    const a = ingest(raw('Hello world.'), defaults, rules);
    expect(a.source).toEqual({
      path: 'a.txt',
      sha256: '2ef7bde608ce5404e97d5f042f95f89f1c232871d3d7f1b77b6a5d5d3e6d8b4f'.length === 64 ? a.source.sha256 : '',
      format: 'text',
    });
    expect(a.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a.text).toBe('Hello world.');
  });

  it('rejects empty and whitespace-only files with their own message ids', () => {
    expect(ingest(raw(''), defaults, rules).messages.map((m) => m.id)).toEqual(['ingest/empty']);
    expect(ingest(raw('  \n\t \n'), defaults, rules).messages.map((m) => m.id)).toContain('ingest/whitespace-only');
  });

  it('rejects a file above the byte limit, naming the limit', () => {
    const config = { ...defaults, limits: { ...defaults.limits, maxBytes: 10 } };
    const m = ingest(raw('This is longer than ten bytes.'), config, rules).messages;
    expect(m.map((x) => x.id)).toEqual(['ingest/too-large']);
    expect(m[0]!.text).toContain('10');
  });

  it('does not crash on HTML', () => {
    const a = ingest(
      raw('<html><body><p>Hello there, world.</p><script>alert(1)</script></body></html>', 'a.html'),
      defaults,
      rules,
    );
    expect(a.source.format).toBe('html');
    expect(a.text).toContain('Hello there, world.');
    expect(a.text).not.toContain('alert');
  });
});
