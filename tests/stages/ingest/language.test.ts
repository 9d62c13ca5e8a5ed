// The language check: clearly-not-English articles are named, English ones (prose and tables alike) never are.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clearlyNotEnglish, functionWordShare } from '../../../src/stages/ingest/language.ts';
import { sharedDir } from '../../shared-dir.ts';

const SHARED = sharedDir();

const SAMPLES: [string, string | undefined, string][] = [
  [
    'Spanish news',
    'spa',
    'La autoridad portuaria aprobó el lunes la ampliación de la terminal de contenedores, una obra de 120 millones de euros que permitirá recibir buques de mayor tamaño a partir de 2026. "Es la inversión más importante del puerto en dos décadas", afirmó su presidenta.',
  ],
  [
    'German news',
    'deu',
    'Der Stadtrat hat am Dienstag nach langer Debatte den Haushalt für das kommende Jahr beschlossen. Die Opposition kritisierte vor allem die geplanten Kürzungen bei den Schulen und kündigte an, gegen den Beschluss vorzugehen.',
  ],
  [
    'French news',
    'fra',
    "Le conseil municipal a adopté mardi soir le budget de l'année prochaine après un long débat. L'opposition a surtout critiqué les coupes prévues dans les écoles et a annoncé qu'elle contesterait la décision.",
  ],
  [
    'Japanese news',
    'jpn',
    '東京都議会は火曜日、長い議論の末に来年度の予算案を可決した。野党は特に学校関連の予算削減を批判し、決定に異議を申し立てる方針を示した。知事は「市の財政を長期的に安定させるために必要な判断だ」と述べた。',
  ],
  [
    'Russian news',
    'rus',
    'Городской совет во вторник после долгих дебатов утвердил бюджет на следующий год. Оппозиция прежде всего раскритиковала запланированные сокращения расходов на школы.',
  ],
  [
    'English news',
    undefined,
    "The city council approved next year's budget on Tuesday after a long debate. The opposition criticised the planned cuts to schools and said it would challenge the decision in court.",
  ],
  [
    'English results table (names and figures, few function words)',
    undefined,
    'SOCCER - GERMAN CUP SECOND ROUND RESULTS.\nBONN 1996-08-31\nResults of German Cup second round matches:\nFreiburg 1 Hamburg 2\nKarlsruhe 3 Cologne 0\nLeverkusen 2 Bochum 1 (aet)\nStuttgart 4 Rostock 2\nBremen 0 Dortmund 1\nSchalke 2 Duisburg 2 (Schalke win 4-3 on penalties)',
  ],
  ['too short to tell', undefined, 'Hola, ¿qué tal? Muy bien.'],
  ['empty', undefined, ''],
];

describe('clearlyNotEnglish', () => {
  it.each(SAMPLES)('%s → %s', (_, expected, text) => {
    expect(clearlyNotEnglish(text)).toBe(expected);
  });

  it.skipIf(SHARED === undefined)(
    'names no article of the English corpora in ../shared (skipped when it is absent)',
    () => {
      const sets = ['seed', 'polnear-dev', 'polnear-train', 'ggt-dev', 'conll-valid'];
      const dirs = sets.map((s) => join(SHARED!, 'dev', s, 'corpus')).filter((d) => existsSync(d));
      let read = 0;
      for (const dir of dirs)
        for (const f of readdirSync(dir)) {
          expect(clearlyNotEnglish(readFileSync(join(dir, f), 'utf8')), f).toBeUndefined();
          read++;
        }
      expect(read).toBeGreaterThan(100);
    },
  );

  it('counts English function words', () => {
    expect(functionWordShare('The cat and the dog')).toBeCloseTo(0.6);
    expect(functionWordShare('')).toBe(0);
  });
});
