// "Did you mean …?" for a misspelt config key: a key of the same section within a small edit distance (or the
// same but for case), else the same key name in another section ("minConfidence" at the top -> quotes.minConfidence).

/** Levenshtein distance between two short strings. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every key path of a nested object, sections included. */
function keyPaths(value: Record<string, unknown>, at: string[] = []): string[][] {
  return Object.entries(value).flatMap(([k, v]) => [[...at, k], ...(isObject(v) ? keyPaths(v, [...at, k]) : [])]);
}

/** The key the writer of `key` (found under `at`) most likely meant, as a dotted path; undefined when none is
 * close. `known` is a complete config (the defaults), whose shape lists the keys. */
export function suggestKey(known: Record<string, unknown>, at: string[], key: string): string | undefined {
  let section: unknown = known;
  for (const k of at) section = isObject(section) ? section[k] : undefined;
  const siblings = isObject(section) ? Object.keys(section) : [];
  if (at.length === 0) siblings.push('$schema');
  const lower = key.toLowerCase();
  const limit = Math.max(1, Math.floor(key.length / 3));
  let best: { key: string; d: number } | undefined;
  for (const s of siblings) {
    const d = s.toLowerCase() === lower ? 0 : editDistance(s, key);
    if (d <= limit && (!best || d < best.d)) best = { key: s, d };
  }
  if (best) return [...at, best.key].join('.');
  const elsewhere = keyPaths(known).filter((p) => p[p.length - 1]!.toLowerCase() === lower);
  return elsewhere.length === 1 ? elsewhere[0]!.join('.') : undefined;
}
