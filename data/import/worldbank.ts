/**
 * World Bank WDI, TX.VAL.MRCH.CD.WT "Merchandise exports (current US$)" for Peru, from the
 * open-numbers DDF copy: columns economy, year, tx_val_mrch_cd_wt_musd, in US$ million.
 * Stored as whole US dollars, one value per year.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Papa from 'papaparse';
import { ImportError, showValue } from './import-error';

export const WORLDBANK_FILE = 'wdi_peru_TX.VAL.MRCH.CD.WT_1960_2019.csv';
const COLUMNS = ['economy', 'year', 'tx_val_mrch_cd_wt_musd'] as const;

export interface AnnualSeries {
  start: string;
  values: number[];
}

export function readWorldBank(path: string): AnnualSeries {
  const file = basename(path);
  if (!existsSync(path)) throw new ImportError({ file }, `file not found (looked for ${path})`);
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new ImportError({ file, ...(e.row === undefined ? {} : { row: e.row + 1 }) }, `CSV error: ${e.message}`);
  }
  if (!header || COLUMNS.some((c, i) => header[i]?.trim() !== c) || header.length !== COLUMNS.length) {
    throw new ImportError({ file, row: 1 }, `expected the header "${COLUMNS.join(',')}", found ${showValue(header?.join(','))}`);
  }
  if (rows.length === 0) throw new ImportError({ file, row: 2 }, 'no data rows');
  const values: number[] = [];
  let first = 0;
  rows.forEach((cells, i) => {
    const row = i + 2; // 1-based, after the header
    const [economy, yearText, valueText] = cells.map((c) => c.trim());
    if (economy !== 'per') throw new ImportError({ file, row }, `expected economy "per" (Peru), found ${showValue(economy)}`);
    const year = Number(yearText);
    if (!/^\d{4}$/.test(yearText ?? '')) throw new ImportError({ file, row }, `year: expected YYYY, found ${showValue(yearText)}`);
    if (i === 0) first = year;
    else if (year !== first + i) throw new ImportError({ file, row }, `year ${year} breaks the sequence (expected ${first + i})`);
    const millions = Number(valueText);
    if (valueText === '' || !Number.isFinite(millions)) {
      throw new ImportError({ file, row }, `value: expected a number of US$ million, found ${showValue(valueText)}`);
    }
    values.push(Math.round(millions * 1e6));
  });
  return { start: String(first), values };
}
