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
