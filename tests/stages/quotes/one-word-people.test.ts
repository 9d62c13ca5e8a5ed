import { describe, expect, it } from 'vitest';
import { dropOneWordPeople } from '../../../src/stages/quotes/one-word-people.ts';
import type { Entity, Quote } from '../../../src/types.ts';

const span = (text: string) => ({
  start: 0,
  end: text.length,
  text,
  type: 'PERSON' as const,
  firstToken: 0,
  lastToken: 1,
});
const person = (id: string, ...names: string[]): Entity => ({
  id,
  type: 'PERSON',
  name: names[0]!,
  mentions: names.map((n) => span(n)),
});
const quote = (entityId: string | null): Quote => ({
  type: 'direct',
  start: 0,
  end: 5,
  text: 'hello',
  cue: null,
  speaker: { name: 'x', entityId, mention: null },
  confidence: 0.9,
});

describe('dropOneWordPeople', () => {
  it('leaves out a person named by one word only, and renumbers the rest', () => {
    const out = dropOneWordPeople([person('e1', 'SkyTrain'), person('e2', 'Anna Lopez', 'Lopez')], [quote('e2')]);
    expect(out.entities.map((e) => [e.id, e.name])).toEqual([['e1', 'Anna Lopez']]);
    expect(out.quotes[0]!.speaker!.entityId).toBe('e1');
  });
  it('keeps a one-word person a quote is attributed to, and one with a title', () => {
    const titled = { ...person('e2', 'Smith'), title: 'Dr.' };
    const out = dropOneWordPeople(
      [person('e1', 'Ludacris'), titled, person('e3', 'Moana')],
      [quote('e1'), quote(null)],
    );
    expect(out.entities.map((e) => e.name)).toEqual(['Ludacris', 'Smith']);
    expect(out.quotes.map((q) => q.speaker?.entityId)).toEqual(['e1', null]);
  });
});
