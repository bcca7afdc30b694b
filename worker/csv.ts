/**
 * The CSV form of tabular responses (RFC 4180): a header row, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break. Numbers are written plainly (dot decimals, no
 * grouping) so spreadsheets read them as numbers in any locale's import dialog.
 *
 * Written by hand rather than with papaparse's `unparse` (which the tests use to read it back):
 * it is twenty lines, and papaparse would add 20 kB to the worker for them.
 */
import type { Context } from 'hono';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
  columns: readonly string[];
  rows: readonly (readonly CsvCell[])[];
}

/**
 * Text that a spreadsheet would run as a formula (OWASP "CSV injection") is prefixed with an
 * apostrophe. Numbers are never text here, so a negative number keeps its minus.
 */
function cell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV text, without byte-order mark. */
export function toCsv(table: CsvTable): string {
  const lines = [table.columns.map(cell).join(',')];
  for (const row of table.rows) lines.push(row.map(cell).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The file name for Content-Disposition: parts joined by `_`, each of letters, digits and dashes only. */
export function csvFileName(...parts: (string | number | undefined)[]): string {
  const stem = parts
    .filter((p) => p !== undefined && p !== '')
    .map((p) =>
      String(p)
        .replace(/[^A-Za-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-'),
    )
    .join('_');
  return `${stem}.csv`;
}

/**
 * A CSV download. The UTF-8 byte-order mark makes Excel read accents ("Perú") right; RFC 4180's
 * `header=present` says the first row names the columns.
 */
export function csvResponse(c: Context, fileName: string, table: CsvTable): Response {
  return c.body(`\uFEFF${toCsv(table)}`, 200, {
    'Content-Type': 'text/csv; charset=utf-8; header=present',
    'Content-Disposition': `attachment; filename="${fileName}"`,
  });
}
