/**
 * The dataset version: a short hash of everything the dataset says (sources, every series,
 * the press-release figures). Computed by the importer and stored in the JSON files, so the
 * worker never hashes at runtime; the tests recompute it to catch a stale version.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '../types';

export const VERSION_LENGTH = 12;

export function datasetVersion(content: Omit<Dataset, 'version'>): string {
  const canonical = JSON.stringify([content.sources, content.metrics, content.highlights]);
  return createHash('sha256').update(canonical).digest('hex').slice(0, VERSION_LENGTH);
}
