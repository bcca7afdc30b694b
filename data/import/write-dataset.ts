/**
 * Writing the dataset files: stable and diff-friendly (one series per line, fixed key order,
 * no timestamps), and atomic: every file is written to a temporary name first and renamed
 * only when all are written, so a failed import leaves the committed files untouched.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { DatasetFile, SeriesMetric } from '../types';

/** The metric's fields in their fixed order (optional ones only when set). */
function orderedMetric(m: SeriesMetric): SeriesMetric {
  return {
    id: m.id,
    label: { es: m.label.es, en: m.label.en },
    kind: m.kind,
    source: m.source,
    unit: m.unit,
    frequency: m.frequency,
    parent: m.parent,
    start: m.start,
    ...(m.iso2 === undefined ? {} : { iso2: m.iso2 }),
    ...(m.preliminaryFrom === undefined ? {} : { preliminaryFrom: m.preliminaryFrom }),
    values: m.values,
  };
}

export function serialiseDatasetFile(file: DatasetFile): string {
  const head = `{"version":${JSON.stringify(file.version)},"source":${JSON.stringify(file.source)},"metrics":[\n`;
  return head + file.metrics.map((m) => JSON.stringify(orderedMetric(m))).join(',\n') + '\n]}\n';
}

export interface WrittenFile {
  path: string;
  bytes: number;
  gzipBytes: number;
}

/** Writes `files` (name → content) into `dir` all-or-nothing as far as the filesystem allows. */
export function writeFilesAtomically(dir: string, files: Record<string, string>): WrittenFile[] {
  const staged: { tmp: string; path: string; text: string }[] = [];
  try {
    for (const [name, text] of Object.entries(files)) {
      const path = join(dir, name);
      const tmp = `${path}.${process.pid}.tmp`;
      staged.push({ tmp, path, text });
      writeFileSync(tmp, text);
    }
  } catch (err) {
    for (const { tmp } of staged) rmSync(tmp, { force: true });
    throw err;
  }
  for (const { tmp, path } of staged) renameSync(tmp, path);
  return staged.map(({ path, text }) => ({
    path,
    bytes: Buffer.byteLength(text),
    gzipBytes: gzipSync(text, { level: 9 }).length,
  }));
}
