/**
 * The bundled BCRP snapshot (data/bcrp-snapshot.json), read from a stored copy of BCRP's series
 * PN38714BM (../shared/data/bcrp/pn38714bm-exports-2024-01_2025-11.csv: columns period,
 * value_usd_million, months in sequence). It is what the worker serves for BCRP until the
 * scheduled refresh publishes a snapshot of its own, and it passes the same check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { monthFromNumber, monthNumber } from '../derive';
import { BCRP_SERIES, BCRP_SOURCE_ID, BCRP_UNIT_FACTOR } from '../bcrp/series';
import { checkSnapshot, snapshotVersion } from '../bcrp/snapshot';
import type { LiveSnapshot } from '../types';
import { ImportError, showValue } from './import-error';

export const BCRP_FILE = 'pn38714bm-exports-2024-01_2025-11.csv';
/** The vintage of the stored copy: BCRP's series as published in about mid-February 2026 (its README). */
export const BCRP_FILE_VINTAGE = '2026-02-15T00:00:00.000Z';
const COLUMNS = ['period', 'value_usd_million'] as const;

export async function readBcrpSnapshot(path: string): Promise<LiveSnapshot> {
  const file = basename(path);
  if (!existsSync(path)) throw new ImportError({ file }, `file not found (looked for ${path})`);
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header || header.length !== COLUMNS.length || COLUMNS.some((c, i) => header[i]?.trim() !== c)) {
    throw new ImportError({ file, row: 1 }, `expected the header "${COLUMNS.join(',')}", found ${showValue(header?.join(','))}`);
  }
  if (rows.length === 0) throw new ImportError({ file, row: 2 }, 'no data rows');
  const first = monthNumber(rows[0]![0]?.trim() ?? '');
  const values = rows.map((cells, i) => {
    const row = i + 2;
    const [period, text] = cells.map((c) => c.trim());
    if (first === null || period !== monthFromNumber(first + i)) {
      throw new ImportError(
        { file, row },
        `period: expected ${first === null ? 'YYYY-MM' : monthFromNumber(first + i)}, found ${showValue(period)}`,
      );
    }
    const value = Number(text);
    if (!text || !Number.isFinite(value)) throw new ImportError({ file, row }, `value: expected US$ million, found ${showValue(text)}`);
    return Math.round(value * BCRP_UNIT_FACTOR);
  });
  const spec = BCRP_SERIES.find((s) => s.code === 'PN38714BM')!;
  const metrics = [
    {
      id: spec.id,
      label: spec.label,
      kind: spec.kind,
      source: BCRP_SOURCE_ID,
      unit: 'USD' as const,
      frequency: 'monthly' as const,
      parent: spec.parent,
      start: monthFromNumber(first!),
      values,
    },
  ];
  const { problems } = checkSnapshot(metrics, [spec], null);
  if (problems.length) throw new ImportError({ file }, problems.join('; '));
  return { version: await snapshotVersion(metrics), source: BCRP_SOURCE_ID, fetchedAt: BCRP_FILE_VINTAGE, metrics, revisions: [] };
}

/** The snapshot as committed: one series per line, like the other dataset files. */
export function serialiseSnapshot(s: LiveSnapshot): string {
  const head = `{"version":${JSON.stringify(s.version)},"source":${JSON.stringify(s.source)},"fetchedAt":${JSON.stringify(s.fetchedAt)},"revisions":${JSON.stringify(s.revisions)},"metrics":[\n`;
  return head + s.metrics.map((m) => JSON.stringify(m)).join(',\n') + '\n]}\n';
}
