// The quote stage's lexicons (reporting verbs and their forms, speech nouns, listeners, pronouns), from data files.
import { loadData } from '../../lexicon/load.ts';

export interface CueVerb {
  lemma: string;
  /** 1: a speech verb whatever follows; below 1: reporting only with a clause or a quote after it. */
  strength: number;
  /** Form class, for the frames that need it ("saying" attaches to the clause before it). */
  form: 'base' | 'present' | 'past' | 'participle' | 'gerund';
  /** Number of tokens in the form ("point out" is two). */
  length: number;
  /** Reports a quoted name given to something ("called the vote “a win”"); strength 0: nothing else. */
  naming?: boolean;
  /** Its "to" infinitive is what was said ("vowed to repeal the amendment"). */
  infinitive?: boolean;
  /** A passive whose subject is the speaker ("was quoted as saying"): a form of "be" may stand before it. */
  passive?: boolean;
  /** Its object may be a thing ("denied the request"): bare content after it must be a clause with a verb. */
  objects?: boolean;
}

export interface QuoteLexicons {
  /** First token of a form (lower case) -> the forms starting with it. */
  verbs: Map<string, { tokens: string[]; verb: CueVerb }[]>;
  /** Multi-token phrase cues whose source follows them ("according to"). */
  sourcePhrases: string[][];
  speechNouns: Set<string>;
  /** Listener phrases as token lists ("told reporters"). */
  listeners: string[][];
  pronouns: Map<string, { gender?: 'm' | 'f'; number?: 'sg' | 'pl'; kind?: 'org' }>;
  /** Nouns that head a nameless organisation ("the ministry"). */
  organisationNouns: Set<string>;
  /** Nouns that head a phrase naming people ("A Clinton campaign official", "Both parents"). */
  peopleNouns: Set<string>;
  /** Verb forms news writes far more often as nouns ("states"): cues only right before "that" or a colon. */
  nounForms: Set<string>;
  /** Abbreviated title words, lower case, to the words they stand for ("gov." -> "governor"). */
  titleWords: Map<string, string>;
  /** Titles that tell a gender ("mrs.", "congressman"), lower case. */
  genderedTitles: Set<string>;
  /** Labels in capitals that open a paragraph as a rubric ("UPDATE:"), not as a transcript's speaker; lower case. */
  rubricLabels: Set<string>;
  /** Words that make a label in capitals a heading ("WHY IT MATTERS:"), not a name; lower case. */
  headingWords: Set<string>;
}

interface CueFile {
  verbs: Record<
    string,
    {
      forms: string[];
      strength: number;
      nounForms?: string[];
      naming?: boolean;
      infinitive?: boolean;
      passive?: boolean;
      objects?: boolean;
    }
  >;
  phrases: { text: string; kind: string }[];
  speechNouns: string[];
  listenerWords: string[];
}
interface PronounFile {
  pronouns: Record<string, { gender?: 'm' | 'f'; number?: 'sg' | 'pl'; kind?: 'org' }>;
}

const FORM_CLASSES: CueVerb['form'][] = ['base', 'present', 'past', 'participle', 'gerund'];
let cached: QuoteLexicons | undefined;

/** Loads the quote lexicons once. */
export function quoteLexicons(): QuoteLexicons {
  if (cached) return cached;
  const cues = loadData<CueFile>('lexicon/cue-verbs.json');
  const verbs = new Map<string, { tokens: string[]; verb: CueVerb }[]>();
  const nounForms = new Set<string>();
  for (const [lemma, entry] of Object.entries(cues.verbs)) {
    for (const f of entry.nounForms ?? []) nounForms.add(f.toLowerCase());
    entry.forms.forEach((form, i) => {
      const tokens = form.toLowerCase().split(' ');
      const verb: CueVerb = {
        lemma,
        strength: entry.strength,
        form: FORM_CLASSES[i] ?? 'base',
        length: tokens.length,
        ...(entry.naming ? { naming: true } : {}),
        ...(entry.infinitive ? { infinitive: true } : {}),
        ...(entry.passive ? { passive: true } : {}),
        ...(entry.objects ? { objects: true } : {}),
      };
      const [first = ''] = tokens;
      const list = verbs.get(first) ?? [];
      // The same surface form may be two classes ("said": past and participle): keep the first.
      if (!list.some((x) => x.tokens.join(' ') === tokens.join(' '))) list.push({ tokens, verb });
      verbs.set(first, list);
    });
  }
  const speakerNouns = loadData<{ organisations: string[]; people: string[] }>('lexicon/speaker-nouns.json');
  const pronouns = new Map(Object.entries(loadData<PronounFile>('lexicon/pronouns.json').pronouns));
  const labels = loadData<{ rubrics: string[]; commonWords: string[] }>('lexicon/transcript-labels.json');
  const titles = loadData<{ abbreviations: Record<string, string>; male: string[]; female: string[] }>(
    'lexicon/titles.json',
  );
  cached = {
    verbs,
    sourcePhrases: cues.phrases.filter((p) => p.kind === 'source-after').map((p) => p.text.toLowerCase().split(' ')),
    speechNouns: new Set(cues.speechNouns.map((s) => s.toLowerCase())),
    listeners: cues.listenerWords.map((w) => w.toLowerCase().split(' ')),
    pronouns,
    organisationNouns: new Set(speakerNouns.organisations),
    peopleNouns: new Set(speakerNouns.people),
    nounForms,
    titleWords: new Map(Object.entries(titles.abbreviations).map(([k, v]) => [k.toLowerCase(), v.toLowerCase()])),
    genderedTitles: new Set([...titles.male, ...titles.female].map((t) => t.toLowerCase())),
    rubricLabels: new Set(labels.rubrics.map((r) => r.toLowerCase())),
    headingWords: new Set(labels.commonWords.map((w) => w.toLowerCase())),
  };
  return cached;
}

/** A label before a colon that names no one ("UPDATE", "The Latest", "Editor’s Note"). */
export function isRubric(label: string, lex: QuoteLexicons): boolean {
  return lex.rubricLabels.has(label.toLowerCase());
}
