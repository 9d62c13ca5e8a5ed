// File names of article pages: ids are corpus paths ("2024/blinken-japan") and may hold any character.
import { createHash } from 'node:crypto';

/** The page file name of an article, relative to the articles/ folder: safe on every file system and in a URL. */
export function articleFileName(id: string): string {
  // No leading dot: a hidden file, or ".." when read as a path.
  const slug = id
    .replace(/[^A-Za-z0-9._-]/g, '_')
    .replace(/^\./, '_')
    .slice(0, 120);
  // An id that had to change gets a hash of the original, so two ids that sanitise alike ("a/b", "a_b")
  // still get different pages.
  if (slug === id) return `${slug}.html`;
  return `${slug}-${createHash('sha256').update(id).digest('hex').slice(0, 10)}.html`;
}

/** The page file name of a speaker, relative to the speakers/ folder, from a key ("person:donald-trump" ->
 * "person_donald-trump.html"); a key with other letters than a-z, digits and '-' gets a hash, as ids do. */
export function speakerFileName(key: string): string {
  const plain = key.replace(':', '_');
  if (/^[a-z_]+_[a-z0-9-]+$/.test(plain) && plain.length <= 120) return `${plain}.html`;
  const slug = plain.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100);
  return `${slug}-${createHash('sha256').update(key).digest('hex').slice(0, 10)}.html`;
}
