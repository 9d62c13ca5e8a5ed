// Rewrites tests/fixtures/ingest/<case>/expected.json from the current extractors (Readability's
// golden-page workflow): run it after an intended change, then review the diff before committing.
// Usage: npm run fixtures:ingest [-- case-name ...]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR, fixtureCases, runFixture } from '../tests/stages/ingest/run-fixture.ts';
import { scriptHelp } from './help.ts';

scriptHelp('fixtures:ingest', 'Rewrite tests/fixtures/ingest/<case>/expected.json from the current extractors.', [
  '[CASE ...]',
]);

const only = process.argv.slice(2);
const cases = only.length > 0 ? only : fixtureCases();
for (const name of cases) {
  const expected = runFixture(name);
  writeFileSync(join(FIXTURES_DIR, name, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(
    `${name}: ${expected.text.length} chars, ${Object.keys(expected.meta).length} meta fields, [${expected.messageIds.join(', ')}]`,
  );
}
