/**
 * Re-imports SUNAT's and the World Bank's files and finds the committed dataset unchanged,
 * byte for byte: the committed JSON is exactly what the importer makes of the sources.
 * The source folder sits beside the repository (../shared/data); without it the test is
 * skipped, saying so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDataset, resolveInputs, serialiseDataset } from '../../data/import/import-dataset';

const repoRoot = resolve(import.meta.dirname, '../..');
const sharedData = resolve(repoRoot, '../shared/data');
const present = existsSync(join(sharedData, 'sunat'));
if (!present) console.warn(`skipping the re-import test: no source data at ${sharedData}/sunat`);

describe.skipIf(!present)(`re-import from ${sharedData}`, () => {
  it('reproduces the committed files byte for byte', async () => {
    const log: string[] = [];
    const files = serialiseDataset(await buildDataset(resolveInputs(sharedData), (l) => log.push(l)));
    for (const [name, text] of Object.entries(files)) {
      expect(text === readFileSync(join(repoRoot, 'data', name), 'utf8'), `data/${name} differs: run npm run data:import`).toBe(true);
    }
    expect(log.join('\n')).toMatch(/unmapped names: none/);
  });
});
