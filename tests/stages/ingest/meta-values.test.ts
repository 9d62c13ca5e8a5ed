import { describe, expect, it } from 'vitest';
import { cleanByline, normaliseDate, normaliseLanguage, normaliseUrl } from '../../../src/stages/ingest/meta-values.ts';

describe('normaliseDate', () => {
  it.each<[string, string | undefined]>([
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T10:00:00+0100', '2024-03-05T10:00:00+01:00'],
    ['2024-03-05T10:00Z', '2024-03-05T10:00:00Z'],
    ['2024-03-05 10:00:00', '2024-03-05T10:00:00'],
    ['2024-03-05T10:00:00.123+00:00', '2024-03-05T10:00:00.123Z'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00Z'],
    ['March 5, 2024', '2024-03-05'],
    ['Tuesday, Mar. 5, 2024 3:15 PM EST', '2024-03-05T15:15:00-05:00'],
    ['5 March 2024 09:30 IST', '2024-03-05'],
    ['03/05/2024', undefined],
    ['2 hours ago', undefined],
    ['2024-02-30', undefined],
    ['2024-13-01', undefined],
  ])('%s → %s', (input, expected) => {
    expect(normaliseDate(input)).toBe(expected);
  });
});

describe('other meta normalisers', () => {
  it('cleans bylines', () => {
    expect(cleanByline('  By   Jane Doe ')).toBe('Jane Doe');
    expect(cleanByline('Por Lucía Ferrer')).toBe('Lucía Ferrer');
    expect(cleanByline('https://site.example/authors/jane')).toBeUndefined();
    expect(cleanByline('Byron Lee')).toBe('Byron Lee');
  });

  it('keeps only absolute http(s) URLs', () => {
    expect(normaliseUrl('https://a.example/x?y=1')).toBe('https://a.example/x?y=1');
    expect(normaliseUrl('/x')).toBeUndefined();
    expect(normaliseUrl('/x', 'https://a.example/y')).toBe('https://a.example/x');
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
  });

  it('canonicalises language tags', () => {
    expect(normaliseLanguage('en_us')).toBe('en-US');
    expect(normaliseLanguage('not a tag!')).toBeUndefined();
  });
});
