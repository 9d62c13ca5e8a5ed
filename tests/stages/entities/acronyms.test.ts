import { describe, expect, it } from 'vitest';
import { linkAcronyms } from '../../../src/stages/entities/acronyms.ts';
import type { Entity, Mention, Token } from '../../../src/types.ts';
import { quoted, withEntities } from '../../helpers.ts';

describe('entities: acronyms linked to the long form the article writes out', () => {
  it('an acronym organisation takes the long form as a mention and as its name', () => {
    const a = withEntities(
      'The Parliamentary Budget Officer released a valuation of the pipeline on Thursday.\n' +
        'But the PBO added the weighty caveat that the pipeline must be built on time.',
    );
    const pbo = a.entities.find((e) => e.mentions.some((m) => m.text === 'PBO'));
    expect(pbo?.name).toBe('Parliamentary Budget Officer');
    expect(pbo?.mentions.map((m) => m.text)).toEqual(['Parliamentary Budget Officer', 'PBO']);
  });

  it('the speaker named by the acronym is the organisation, by its long form', () => {
    const q = quoted(
      'The Parliamentary Budget Officer released a valuation of the pipeline on Thursday.\n' +
        'But the PBO added that the pipeline must be built on time and on budget.',
    ).quotes;
    expect(q.at(-1)?.speaker?.name).toBe('Parliamentary Budget Officer');
    expect(q.at(-1)?.speaker?.mention?.text).toBe('the PBO');
  });

  it('capitalised words whose initials do not spell the acronym are left alone', () => {
    const a = withEntities('Public Broadcasting Services aired the show.\nThe PBO said nothing about it.');
    const pbo = a.entities.find((e) => e.mentions.some((m) => m.text === 'PBO'));
    expect(pbo?.name ?? 'PBO').toBe('PBO');
  });

  it('a long form mentioned 300,000 times joins the acronym without overflowing the stack', () => {
    const text = 'Parliamentary Budget Officer PBO';
    const tok = (value: string, start: number): Token => ({
      start,
      end: start + value.length,
      value,
      pos: 'PROPN',
      lower: value.toLowerCase(),
      sentence: 0,
    });
    const tokens = [tok('Parliamentary', 0), tok('Budget', 14), tok('Officer', 21), tok('PBO', 29)];
    const mention = (first: number, last: number, start: number, end: number): Mention => ({
      type: 'ORG',
      start,
      end,
      text: text.slice(start, end),
      firstToken: first,
      lastToken: last,
    });
    const long: Entity = {
      id: 'e1',
      type: 'ORG',
      name: 'Parliamentary Budget Officer',
      mentions: Array.from({ length: 300_000 }, () => mention(0, 3, 0, 28)),
    };
    const pbo: Entity = { id: 'e2', type: 'ORG', name: 'PBO', mentions: [mention(3, 4, 29, 32)] };
    const linked = linkAcronyms([long, pbo], tokens, text);
    expect(linked).toHaveLength(1);
    expect(linked[0]!.mentions).toHaveLength(300_001);
  });
});
