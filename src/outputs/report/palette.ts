// Colours: one per speaker within an article (by order of first quote), one per entity type.
import { ENTITY_TYPES } from '../../schema.ts';

// Twelve hues far enough apart to tell apart side by side; a thirteenth speaker reuses the first colour
// (the side list still names every speaker, so nothing is lost but the distinct tint).
export const SPEAKER_HUES = [210, 25, 130, 290, 50, 340, 175, 0, 95, 250, 320, 150] as const;

/** Index of a speaker's colour class (spk-N) for the i-th distinct speaker of an article. */
export function speakerColour(i: number): number {
  return i % SPEAKER_HUES.length;
}

const TYPE_COLOURS: Record<string, string> = {
  PERSON: '#c0392b',
  ORG: '#1f6fb2',
  GPE: '#1e8449',
  LOC: '#117a65',
  NORP: '#8e44ad',
  FAC: '#7e5109',
  EVENT: '#b9770e',
  LAW: '#5d6d7e',
  PRODUCT: '#a04000',
  WORK_OF_ART: '#6c3483',
  LANGUAGE: '#2e4053',
};

/** Underline colour of an entity type; numeric and date types share a quiet grey. */
export function entityTypeColour(type: string): string {
  return TYPE_COLOURS[type] ?? '#909497';
}

/** The CSS rules for speaker tints and entity underlines. */
export function paletteCss(): string {
  const spk = SPEAKER_HUES.map((h, i) => `.spk-${i}{--spk:hsl(${h} 70% 88%);--spk-ink:hsl(${h} 60% 32%)}`).join('\n');
  const ent = ENTITY_TYPES.map((t) => `.ent-${t}{text-decoration-color:${entityTypeColour(t)}}`).join('\n');
  return `${spk}\n.spk-none{--spk:hsl(0 0% 88%);--spk-ink:hsl(0 0% 35%)}\n${ent}`;
}
