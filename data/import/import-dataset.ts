/**
 * The import: reads SUNAT's G1 and G6 workbooks and the World Bank CSV, checks them, and
 * builds the three dataset files. Nothing is written until everything has been read and
 * checked (see write-dataset.ts), so a failed import leaves the committed files as they were.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { annual, periodAt } from '../derive';
import { EU27_MEMBERS } from '../eu-members';
import { HIGHLIGHTS } from '../press-release';
import { SOURCES } from '../sources';
import type { DatasetFile, LiveSnapshot, SeriesMetric } from '../types';
import { BCRP_FILE, readBcrpSnapshot, serialiseSnapshot } from './bcrp';
import { datasetVersion } from './content-hash';
import { G1_LABEL_HEADER, G1_ROWS, readG1Year, type G1Year } from './g1-sectors';
import { G6_LABEL_HEADER, readG6Year, resolveYears } from './g6-destinations';
import { ImportError } from './import-error';
import { FIRST_YEAR, openWorkbook, yearSheets, type YearSheet } from './read-workbook';
import { readWorldBank, WORLDBANK_FILE } from './worldbank';
import { serialiseDatasetFile, writeFilesAtomically, type WrittenFile } from './write-dataset';

export const G1_FILE = 'cdro_G1.xlsx';
export const G6_FILE = 'cdro_G6.xlsx';
/** SUNAT marks 2024 and 2025 preliminary (Decreto Supremo 367-2019-EF, see data/sources.ts). */
export const PRELIMINARY_FROM = '2024-01';
/** Every SUNAT series starts with the first year sheet. */
const SERIES_START = `${FIRST_YEAR}-01`;
export const OUTPUT_FILES = { g1: 'sunat-g1.json', g6: 'sunat-g6.json', worldbank: 'worldbank.json', bcrp: 'bcrp-snapshot.json' } as const;

/**
 * A SUNAT full-year total read as plain dollars must lie within this ratio of the World
 * Bank's total for the same year; read as thousands it would be ~1000× off.
 */
const UNIT_CHECK_RATIO = { min: 0.8, max: 1.25 } as const;

export interface InputPaths {
  g1: string;
  g6: string;
  worldbank: string;
  /** BCRP's stored series, the bundled live snapshot (data/import/bcrp.ts). */
  bcrp: string;
}

/** Accepts the data folder (with sunat/ and worldbank/) or its sunat/ folder. */
export function resolveInputs(folder: string): InputPaths {
  const dir = resolve(folder);
  const isSunat = existsSync(join(dir, G1_FILE)) || existsSync(join(dir, G6_FILE));
  const sunat = isSunat ? dir : join(dir, 'sunat');
  const root = isSunat ? dirname(dir) : dir;
  if (!existsSync(sunat)) {
    throw new ImportError(
      { file: dir },
      `not a data folder: expected ${join(dir, 'sunat')}/ (with ${G1_FILE}, ${G6_FILE}) or a folder holding those files`,
    );
  }
  return {
    g1: join(sunat, G1_FILE),
    g6: join(sunat, G6_FILE),
    worldbank: join(root, 'worldbank', WORLDBANK_FILE),
    bcrp: join(root, 'bcrp', BCRP_FILE),
  };
}

export interface BuiltDataset {
  version: string;
  files: { g1: DatasetFile; g6: DatasetFile; worldbank: DatasetFile };
  /** BCRP's bundled snapshot: a live source, versioned on its own (data/bcrp/snapshot.ts). */
  bcrp: LiveSnapshot;
}

type Log = (line: string) => void;

export async function buildDataset(inputs: InputPaths, log: Log = () => {}): Promise<BuiltDataset> {
  // G1: sectors and products.
  const g1Book = await openWorkbook(inputs.g1);
  const g1Sheets = yearSheets(g1Book, G1_LABEL_HEADER, log);
  const g1Years = g1Sheets.map((ys) => readG1Year(ys));
  const months = monthCount(g1Sheets);
  log(`${g1Book.file}: read ${describeSheets(g1Sheets)}`);
  const g1Metrics = G1_ROWS.map((row) =>
    sunatSeries(
      row.id,
      row.label,
      row.kind,
      'sunat-g1',
      row.parent,
      concatYears(g1Years, (y) => y.get(row.id)!),
    ),
  );
  log(`${g1Book.file}: ${g1Metrics.length} series`);

  // G6: destinations.
  const g6Book = await openWorkbook(inputs.g6);
  const g6Sheets = yearSheets(g6Book, G6_LABEL_HEADER, log);
  if (monthCount(g6Sheets) !== months) {
    throw new ImportError(
      { file: g6Book.file },
      `covers ${monthCount(g6Sheets)} months but ${g1Book.file} covers ${months}; both must end in the same month`,
    );
  }
  const g6Years = g6Sheets.map((ys) => ({ ys, data: readG6Year(ys) }));
  log(`${g6Book.file}: read ${describeSheets(g6Sheets)}`);
  const resolved = resolveYears(g6Years, log);
  const g6Metrics = destinationSeries(
    g6Sheets,
    g6Years.map((y) => y.data.total),
    resolved,
    months,
    log,
  );
  const names = new Set([...resolved.values()].flatMap((rows) => rows.map((r) => r.name)));
  const countries = g6Metrics.filter((m) => m.iso2).length;
  log(
    `${g6Book.file}: ${names.size} names → ${g6Metrics.length - 2} destinations ` +
      `(${countries} countries and territories, ${g6Metrics.length - 2 - countries} other entries) + total + EU-27; unmapped names: none`,
  );

  // World Bank.
  const wb = readWorldBank(inputs.worldbank);
  const wbMetric: SeriesMetric = {
    id: 'worldbank/total',
    label: { es: 'Exportaciones de mercancías (Banco Mundial)', en: 'Merchandise exports (World Bank)' },
    kind: 'total',
    source: 'worldbank-wdi',
    unit: 'USD',
    frequency: 'annual',
    parent: null,
    start: wb.start,
    values: wb.values,
  };
  log(`${WORLDBANK_FILE}: ${wb.values.length} years (${wb.start}–${Number(wb.start) + wb.values.length - 1})`);

  checkUnit(g1Metrics[0]!, wbMetric, g1Book.file, log);

  const metrics = [...g1Metrics, ...g6Metrics, wbMetric];
  const version = datasetVersion({ sources: [...SOURCES], metrics, highlights: [...HIGHLIGHTS] });
  log(`dataset: ${metrics.length} series, ${HIGHLIGHTS.length} highlights, ${SOURCES.length} sources, version ${version}`);
  const bcrp = await readBcrpSnapshot(inputs.bcrp);
  log(`BCRP snapshot: ${bcrp.metrics.map((m) => `${m.id} ${m.start}+${m.values.length} months`).join(', ')}, version ${bcrp.version}`);
  return {
    version,
    bcrp,
    files: {
      g1: { version, source: 'sunat-g1', metrics: g1Metrics },
      g6: { version, source: 'sunat-g6', metrics: g6Metrics },
      worldbank: { version, source: 'worldbank-wdi', metrics: [wbMetric] },
    },
  };
}

/** The file contents, by output file name. */
export function serialiseDataset(built: BuiltDataset): Record<string, string> {
  return {
    [OUTPUT_FILES.g1]: serialiseDatasetFile(built.files.g1),
    [OUTPUT_FILES.g6]: serialiseDatasetFile(built.files.g6),
    [OUTPUT_FILES.worldbank]: serialiseDatasetFile(built.files.worldbank),
    [OUTPUT_FILES.bcrp]: serialiseSnapshot(built.bcrp),
  };
}

/** Reads, checks and writes the dataset into `outDir`; throws (writing nothing) on bad input. */
export async function importDataset(folder: string, outDir: string, log: Log = () => {}): Promise<WrittenFile[]> {
  const built = await buildDataset(resolveInputs(folder), log);
  return writeFilesAtomically(outDir, serialiseDataset(built));
}

function sunatSeries(
  id: string,
  label: SeriesMetric['label'],
  kind: SeriesMetric['kind'],
  source: string,
  parent: string | null,
  values: (number | null)[],
  iso2?: string,
): SeriesMetric {
  return {
    id,
    label,
    kind,
    source,
    unit: 'USD',
    frequency: 'monthly',
    parent,
    start: SERIES_START,
    ...(iso2 === undefined ? {} : { iso2 }),
    preliminaryFrom: PRELIMINARY_FROM,
    values,
  };
}

function concatYears(years: G1Year[], pick: (y: G1Year) => number[]): number[] {
  return years.flatMap((y) => pick(y).map(Math.round));
}

function monthCount(sheets: YearSheet[]): number {
  return sheets.reduce((n, s) => n + s.monthColumns.length, 0);
}

function describeSheets(sheets: YearSheet[]): string {
  const months = monthCount(sheets);
  const first = sheets[0]!;
  const lastPeriod = periodAt({ start: `${first.year}-01`, frequency: 'monthly' }, months - 1);
  return `${sheets.length} sheets (${first.year}–${sheets[sheets.length - 1]!.year}), ${months} months (${first.year}-01 to ${lastPeriod})`;
}

/** destination-total, destination/EU, then every destination by id. */
function destinationSeries(
  sheets: YearSheet[],
  totals: number[][],
  resolved: ReturnType<typeof resolveYears>,
  months: number,
  log: Log,
): SeriesMetric[] {
  const offsets = new Map<number, number>();
  let offset = 0;
  for (const s of sheets) {
    offsets.set(s.year, offset);
    offset += s.monthColumns.length;
  }
  const series = new Map<string, { metric: SeriesMetric; values: (number | null)[] }>();
  for (const [year, rows] of resolved) {
    const at = offsets.get(year)!;
    for (const row of rows) {
      const d = row.destination;
      let entry = series.get(d.id);
      if (!entry) {
        const values = Array.from({ length: months }, (): number | null => null);
        const metric = sunatSeries(
          d.id,
          d.label,
          'destination',
          'sunat-g6',
          'destination-total',
          values,
          d.type === 'country' ? d.iso2 : undefined,
        );
        entry = { metric, values };
        series.set(d.id, entry);
      }
      row.months.forEach((v, m) => {
        // A name merged into its country (see MERGED_INTO_COUNTRY) adds to it.
        entry.values[at + m] = (entry.values[at + m] ?? 0) + Math.round(v);
      });
    }
  }
  const total = sunatSeries(
    'destination-total',
    { es: 'Total general (todos los destinos)', en: 'Total, all destinations' },
    'total',
    'sunat-g6',
    null,
    totals.flatMap((t) => t.map(Math.round)),
  );
  const members = EU27_MEMBERS.map((code) => series.get(`destination/${code}`));
  const missing = EU27_MEMBERS.filter((_, i) => !members[i]);
  if (missing.length > 0) log(`${G6_FILE}: EU-27 members never listed (they add nothing to destination/EU): ${missing.join(', ')}`);
  const euValues = Array.from({ length: months }, (_, m) => {
    const present = members.map((s) => s?.values[m]).filter((v): v is number => v !== null && v !== undefined);
    return present.length === 0 ? null : present.reduce((a, b) => a + b, 0);
  });
  const eu = sunatSeries(
    'destination/EU',
    { es: 'Unión Europea (UE-27)', en: 'European Union (EU-27)' },
    'aggregate',
    'sunat-g6',
    'destination-total',
    euValues,
  );
  const destinations = [...series.values()].map((e) => e.metric).sort((a, b) => compareDestinationIds(a.id, b.id));
  return [total, eu, ...destinations];
}

/** Countries (two letters) first, alphabetically; then the `other-…` entries. */
function compareDestinationIds(a: string, b: string): number {
  const special = (id: string) => (id.startsWith('destination/other-') ? 1 : 0);
  return special(a) - special(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * The sheets say "(Miles de US$ FOB)", yet the cells hold plain dollars. Every full year's
 * G1 total, read as dollars, must be close to the World Bank's total for that year.
 */
function checkUnit(g1Total: SeriesMetric, wb: SeriesMetric, file: string, log: Log): void {
  const wbByYear = new Map(annual(wb).map((a) => [a.year, a.value]));
  const ratios: number[] = [];
  for (const a of annual(g1Total)) {
    const ref = wbByYear.get(a.year);
    if (a.partial || a.value === null || !ref) continue;
    const ratio = a.value / ref;
    if (ratio < UNIT_CHECK_RATIO.min || ratio > UNIT_CHECK_RATIO.max) {
      throw new ImportError(
        { file, sheet: String(a.year) },
        `unit check failed: the year's total read as US$ is ${a.value.toLocaleString('en-US')}, ` +
          `${ratio.toFixed(3)}× the World Bank's ${ref.toLocaleString('en-US')}; expected ${UNIT_CHECK_RATIO.min}–${UNIT_CHECK_RATIO.max}×`,
      );
    }
    ratios.push(ratio);
  }
  if (ratios.length === 0) throw new ImportError({ file }, 'unit check impossible: no full year overlaps the World Bank series');
  const janLast = g1Total.values.findLastIndex((v) => v !== null);
  const lastYearStart = janLast - (janLast % 12);
  log(
    `unit check: cells are plain US$ despite the "(Miles de US$ FOB)" caption — G1 totals are ` +
      `${Math.min(...ratios).toFixed(3)}–${Math.max(...ratios).toFixed(3)}× the World Bank's for ${ratios.length} overlapping years; ` +
      `${periodAt(g1Total, lastYearStart)} total = US$ ${g1Total.values[lastYearStart]!.toLocaleString('en-US')}`,
  );
}
