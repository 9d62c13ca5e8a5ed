// docs/dataset.md is generated: the committed file must equal a fresh generation (run `npm run docs:dataset`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderDatasetDocs } from '../../../src/outputs/tables/dataset-docs.ts';

describe('docs/dataset.md', () => {
  it('is up to date with src/schema.ts and the table spec', () => {
    const committed = readFileSync(new URL('../../../docs/dataset.md', import.meta.url), 'utf8');
    expect(committed, 'docs/dataset.md is stale: run npm run docs:dataset').toBe(renderDatasetDocs());
  });
});
