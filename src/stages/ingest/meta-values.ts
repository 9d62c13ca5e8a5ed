// Normalisers shared by the HTML, Markdown and plain-text metadata readers, so that `meta` means the same
// thing whatever the input format. Each returns undefined rather than guess: meta is never invented.

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

// RFC 2822 zone names plus UTC; other abbreviations (IST, CST in China…) are ambiguous and are not read.
const ZONES: Record<string, string> = {
  z: 'Z',
  utc: 'Z',
  gmt: 'Z',
  ut: 'Z',
  est: '-05:00',
  edt: '-04:00',
  cst: '-06:00',
  cdt: '-05:00',
  mst: '-07:00',
  mdt: '-06:00',
  pst: '-08:00',
  pdt: '-07:00',
};

/** The longest metadata value read, in characters as the input holds it: no headline, byline, date, URL or site
 * name comes near it, and a value of megabytes (a 15 MB `<title>`, `og:title` or JSON-LD headline) would be copied
 * by every reader and carried into every record, table and page (15 MB: 17–39 s and 0.7–1 GB). A longer value is
 * not read, as a value that is no such thing. */
export const MAX_META_CHARS = 4096;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days && year >= 1000 && year <= 9999;
}

/** Turns a numeric offset or zone name into ISO form (Z or ±HH:MM); undefined when it is not one we know. */
function isoZone(zone: string | undefined): string | undefined {
  if (zone === undefined || zone === '') return '';
  const named = ZONES[zone.toLowerCase()];
  if (named !== undefined) return named;
  const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})?$/i.exec(zone);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3] ?? '0');
  if (hours > 14 || minutes > 59) return undefined;
  return hours === 0 && minutes === 0 ? 'Z' : `${m[1]}${pad(hours)}:${pad(minutes)}`;
}

function isoTime(h: string, min: string, sec: string | undefined, frac: string | undefined): string | undefined {
  const hour = Number(h);
  const minute = Number(min);
  const second = Number(sec ?? '0');
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}${frac ?? ''}`;
}

function assemble(year: number, month: number, day: number, time?: string, zone?: string): string | undefined {
  if (!validDay(year, month, day)) return undefined;
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return time === undefined ? date : `${date}T${time}${zone ?? ''}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
// "Tue, 14 Jan 2025 10:00:00 GMT", "14 January 2025", "14 Jan. 2025 09:30 +0100"
const DAY_MONTH_YEAR =
  /^(?:[a-z]{3,9}\.?,?\s+)?(\d{1,2})\s+([a-z]{3,9})\.?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*([a-z]{1,4}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})?)?$/i;
// "January 14, 2025", "Tuesday, Jan. 14, 2025 10:30 AM EST"
const MONTH_DAY_YEAR =
  /^(?:[a-z]{3,9}\.?,?\s+)?([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(am|pm)?\s*([a-z]{1,4}|(?:GMT|UTC)?[+-]\d{2}:?\d{2})?)?$/i;

function fromNamedMonth(
  day: string,
  monthName: string,
  year: string,
  h?: string,
  min?: string,
  sec?: string,
  ampm?: string,
  zone?: string,
): string | undefined {
  const month = MONTHS[monthName.toLowerCase()];
  if (month === undefined) return undefined;
  if (h === undefined || min === undefined) return assemble(Number(year), month, Number(day));
  let hour = Number(h);
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (ampm.toLowerCase() === 'pm' ? 12 : 0);
  }
  const time = isoTime(String(hour), min, sec, undefined);
  const iso = isoZone(zone);
  // A time in a zone we cannot place would be a guess: keep only the (certain) calendar date.
  if (time === undefined || iso === undefined) return assemble(Number(year), month, Number(day));
  return assemble(Number(year), month, Number(day), time, iso);
}

/** Normalises a date to ISO 8601 (date, or date-time with its zone when given); undefined when ambiguous or unparseable. */
export function normaliseDate(value: string): string | undefined {
  if (value.length > MAX_META_CHARS) return undefined;
  const s = value.trim().replace(/\s+/g, ' ');
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h, min, sec, frac, zone] = m;
    if (h === undefined || min === undefined) return assemble(Number(y), Number(mo), Number(d));
    const time = isoTime(h, min, sec, frac);
    const iso = isoZone(zone);
    if (time === undefined || iso === undefined) return undefined;
    return assemble(Number(y), Number(mo), Number(d), time, iso);
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) return fromNamedMonth(m[1]!, m[2]!, m[3]!, m[4], m[5], m[6], m[7], m[8]);
  m = MONTH_DAY_YEAR.exec(s);
  if (m) return fromNamedMonth(m[2]!, m[1]!, m[3]!, m[4], m[5], m[6], m[7], m[8]);
  // Numeric forms like 03/04/2025 are read differently on either side of the Atlantic: not read.
  return undefined;
}

/** Collapses whitespace and trims; undefined for an empty result or one over MAX_META_CHARS. */
export function cleanValue(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const raw = String(value);
  if (raw.length > MAX_META_CHARS) return undefined;
  const s = raw.replace(/\s+/g, ' ').trim();
  return s === '' ? undefined : s;
}

/** "By", and its equivalent in the languages our sources use (es/pt "Por", fr "Par", de "Von", nl "Door"). */
export const BYLINE_PREFIX = /^(?:by|por|par|von|door)\b[:\s]+/i;

/** Cleans a byline: whitespace collapsed and a leading "By" dropped, so every format yields bare names. */
export function cleanByline(value: unknown): string | undefined {
  const s = cleanValue(value);
  if (s === undefined) return undefined;
  const bare = s.replace(BYLINE_PREFIX, '').trim();
  // A URL is an author page, not a byline (article:author often holds one).
  if (bare === '' || /^https?:\/\//i.test(bare)) return undefined;
  return bare;
}

/** Returns an absolute http(s) URL in its WHATWG-serialised form; undefined for relative or other schemes. */
export function normaliseUrl(value: unknown, base?: string): string | undefined {
  const s = cleanValue(value);
  if (s === undefined) return undefined;
  // canParse first: a relative URL is common here, and the TypeError new URL throws for it costs more than
  // the parse (V8 collects a stack trace for every thrown error).
  if (!URL.canParse(s, base)) return undefined;
  const url = base === undefined ? new URL(s) : new URL(s, base);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}

/** Canonicalises a BCP 47 language tag (en_us → en-US); undefined when it is not a valid tag. */
export function normaliseLanguage(value: unknown): string | undefined {
  const s = cleanValue(value)?.replace(/_/g, '-');
  if (s === undefined) return undefined;
  // Intl asks ICU on every call, which costs more than the rest of the metadata reader; pages repeat a few tags.
  if (canonicalLocales.has(s)) return canonicalLocales.get(s);
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(s)[0];
  } catch {
    canonical = undefined;
  }
  if (canonicalLocales.size >= MAX_CACHED_LOCALES) canonicalLocales.clear();
  canonicalLocales.set(s, canonical);
  return canonical;
}

const canonicalLocales = new Map<string, string | undefined>();
const MAX_CACHED_LOCALES = 1000;
