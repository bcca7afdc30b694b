/**
 * Reading SUNAT's workbooks: one sheet per year, month columns found by their header names,
 * every cell checked before it is trusted. Both G1 and G6 share this layout:
 *
 *   row 6–7  header (merged): label columns, then Enero … Diciembre, then Total
 *   row 9…   data, until the first row without a label
 *
 * 2005 spells September "Septiembre", later years "Setiembre"; the last sheet may stop before
 * December (2025 covers January–April).
 */
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import ExcelJS from 'exceljs';
import { ImportError, showValue, type ErrorPlace } from './import-error';
import { normaliseLabel } from './labels';

export const HEADER_ROWS = [6, 7] as const;
export const FIRST_DATA_ROW = 9;
export const FIRST_YEAR = 2005;

const MONTH_NAMES: readonly (readonly string[])[] = [
  ['enero'],
  ['febrero'],
  ['marzo'],
  ['abril'],
  ['mayo'],
  ['junio'],
  ['julio'],
  ['agosto'],
  ['setiembre', 'septiembre'],
  ['octubre'],
  ['noviembre'],
  ['diciembre'],
];
const MONTH_LABELS = MONTH_NAMES.map((names) => names[0]!.replace(/^./, (c) => c.toUpperCase()));

export interface Workbook {
  /** File name for messages, e.g. `cdro_G1.xlsx`. */
  file: string;
  book: ExcelJS.Workbook;
}

export interface YearSheet {
  file: string;
  year: number;
  sheet: ExcelJS.Worksheet;
  /** Column numbers of the months present, January first (12, or fewer on the last sheet). */
  monthColumns: number[];
  /** Column number of the row total ("Total"). */
  totalColumn: number;
}

export async function openWorkbook(path: string): Promise<Workbook> {
  const file = basename(path);
  if (!existsSync(path)) throw new ImportError({ file }, `file not found (looked for ${path})`);
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.readFile(path);
  } catch (err) {
    throw new ImportError({ file }, `cannot be read as an .xlsx workbook (${(err as Error).message})`);
  }
  return { file, book };
}

/**
 * The year sheets, 2005 onwards without gaps. Sheets not named as a year are ignored and
 * reported through `onNote`; a missing year is an error.
 */
export function yearSheets({ file, book }: Workbook, labelHeader: string, onNote: (note: string) => void = () => {}): YearSheet[] {
  const names = book.worksheets.map((ws) => ws.name.trim());
  const years = names.filter((n) => /^\d{4}$/.test(n)).map(Number);
  for (const name of names) if (!/^\d{4}$/.test(name)) onNote(`${file}: ignored sheet "${name}" (not a year)`);
  if (years.length === 0) {
    throw new ImportError(
      { file },
      `no year sheets; expected sheets named ${FIRST_YEAR}, ${FIRST_YEAR + 1}, … (found: ${names.join(', ') || 'none'})`,
    );
  }
  const last = Math.max(...years);
  const out: YearSheet[] = [];
  for (let year = FIRST_YEAR; year <= last; year++) {
    const sheet = book.worksheets.find((ws) => ws.name.trim() === String(year));
    if (!sheet) {
      throw new ImportError(
        { file, sheet: String(year) },
        `missing sheet "${year}"; expected one sheet per year from ${FIRST_YEAR} to ${last} (found: ${names.join(', ')})`,
      );
    }
    out.push({ file, year, sheet, ...headerColumns(file, sheet, labelHeader, year === last) });
  }
  return out;
}

/** Finds the month and total columns from the header rows and checks their names. */
function headerColumns(
  file: string,
  sheet: ExcelJS.Worksheet,
  labelHeader: string,
  mayBePartial: boolean,
): { monthColumns: number[]; totalColumn: number } {
  const [row] = HEADER_ROWS;
  const place = (column?: number): ErrorPlace => ({
    file,
    sheet: sheet.name,
    row,
    ...(column === undefined ? {} : { column: columnLetter(column) }),
  });
  const header = sheet.getRow(row);
  let first = 0;
  header.eachCell((cell, col) => {
    if (!first && normaliseLabel(cellText(cell.value) ?? '') === 'enero') first = col;
  });
  if (!first) {
    const found: string[] = [];
    header.eachCell((cell) => found.push(cellText(cell.value) ?? ''));
    throw new ImportError(place(), `header has no month column "Enero" (found: ${found.map(showValue).join(', ') || 'nothing'})`);
  }
  const before = cellText(header.getCell(first - 1).value);
  if (normaliseLabel(before ?? '') !== normaliseLabel(labelHeader)) {
    throw new ImportError(place(first - 1), `expected the label header "${labelHeader}" left of "Enero", found ${showValue(before)}`);
  }
  const monthColumns: number[] = [];
  let col = first;
  for (;;) {
    const text = cellText(header.getCell(col).value);
    const norm = normaliseLabel(text ?? '');
    const m = monthColumns.length;
    if (m < 12 && MONTH_NAMES[m]!.includes(norm)) {
      monthColumns.push(col++);
      continue;
    }
    if (norm === 'total' && (m === 12 || mayBePartial)) break;
    const expected = m === 12 ? '"Total"' : mayBePartial ? `"${MONTH_LABELS[m]}" or "Total"` : `"${MONTH_LABELS[m]}"`;
    throw new ImportError(place(col), `expected column ${expected}, found ${showValue(text)}`);
  }
  // Rows 6 and 7 are one merged header; a differing second row means the layout changed.
  for (const c of [first - 1, ...monthColumns, col]) {
    const upper = normaliseLabel(cellText(header.getCell(c).value) ?? '');
    const lower = normaliseLabel(cellText(sheet.getRow(HEADER_ROWS[1]).getCell(c).value) ?? '');
    if (lower !== '' && lower !== upper) {
      throw new ImportError(
        { file, sheet: sheet.name, row: HEADER_ROWS[1], column: columnLetter(c) },
        `header rows ${HEADER_ROWS.join(' and ')} disagree (${showValue(upper)} vs ${showValue(lower)})`,
      );
    }
  }
  return { monthColumns, totalColumn: col };
}

/** The text of a cell (strings, rich text, formula results), trimmed; null when empty. */
export function cellText(value: ExcelJS.CellValue): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() || null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if ('richText' in value)
    return (
      value.richText
        .map((r) => r.text)
        .join('')
        .trim() || null
    );
  if ('result' in value) return cellText(value.result);
  if ('text' in value) return String(value.text).trim() || null;
  return null;
}

/** A numeric cell (or formula with a numeric result); anything else is an ImportError. */
export function cellNumber(ys: Pick<YearSheet, 'file' | 'sheet'>, row: number, col: number, what: string): number {
  const value = ys.sheet.getRow(row).getCell(col).value;
  const n =
    typeof value === 'number'
      ? value
      : value !== null && typeof value === 'object' && 'result' in value && typeof value.result === 'number'
        ? value.result
        : NaN;
  if (!Number.isFinite(n)) {
    throw new ImportError(
      { file: ys.file, sheet: ys.sheet.name, row, column: columnLetter(col) },
      `${what}: expected a number, found ${showValue(value)}`,
    );
  }
  return n;
}

/**
 * Reads one data row's months and checks them against its "Total" column.
 * Tolerance: the cells hold cents (and float noise), so a few dollars.
 */
export function readMonths(ys: YearSheet, row: number, what: string): number[] {
  const months = ys.monthColumns.map((col, i) => cellNumber(ys, row, col, `${what}, ${MONTH_LABELS[i]}`));
  const total = cellNumber(ys, row, ys.totalColumn, `${what}, Total`);
  const sum = months.reduce((a, b) => a + b, 0);
  if (Math.abs(sum - total) > SUM_TOLERANCE_USD) {
    throw new ImportError(
      { file: ys.file, sheet: ys.sheet.name, row, column: columnLetter(ys.totalColumn) },
      `${what}: months sum to ${sum.toFixed(2)} but the Total column says ${total.toFixed(2)}`,
    );
  }
  return months;
}

/** How far (in US$) a sum may stray from the total it should equal. */
export const SUM_TOLERANCE_USD = 5;

export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export { MONTH_LABELS };
