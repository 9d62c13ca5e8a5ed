import { describe, expect, it } from 'vitest';
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
    expect(q.at(-1)?.speaker?.mention?.text).toBe('PBO');
  });

  it('capitalised words whose initials do not spell the acronym are left alone', () => {
    const a = withEntities('Public Broadcasting Services aired the show.\nThe PBO said nothing about it.');
    const pbo = a.entities.find((e) => e.mentions.some((m) => m.text === 'PBO'));
    expect(pbo?.name ?? 'PBO').toBe('PBO');
  });
});
