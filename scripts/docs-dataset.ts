// npm run docs:dataset: regenerate docs/dataset.md from the zod schema, the table spec and the example queries.
import { writeFileSync } from 'node:fs';
import { renderDatasetDocs, undocumentedFields } from '../src/outputs/tables/dataset-docs.ts';
import { scriptHelp } from './help.ts';

scriptHelp(
  'docs:dataset',
  'Regenerate docs/dataset.md from the zod schema, the table spec and the example queries.',
  [],
);

writeFileSync('docs/dataset.md', renderDatasetDocs());
const missing = undocumentedFields();
console.log(
  `docs/dataset.md written${missing.length ? `; fields without a description in src/schema.ts: ${missing.join(', ')}` : ''}`,
);
