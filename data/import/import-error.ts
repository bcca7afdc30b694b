/**
 * An input problem the importer refuses to guess about. The message always names the file,
 * and the sheet, row and offending value when there is one, so a person can open the
 * workbook at the right place.
 */
export interface ErrorPlace {
  /** File name as given to the importer (e.g. `cdro_G1.xlsx`). */
  file: string;
  sheet?: string;
  row?: number;
  /** Spreadsheet column letter(s), e.g. `F`. */
  column?: string;
}

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly place: ErrorPlace;

  constructor(place: ErrorPlace, problem: string) {
    super(`${describePlace(place)}: ${problem}`);
    this.place = place;
  }
}

export function describePlace({ file, sheet, row, column }: ErrorPlace): string {
  let where = file;
  if (sheet !== undefined) where += `, sheet "${sheet}"`;
  if (row !== undefined) where += `, row ${row}`;
  if (column !== undefined) where += `, column ${column}`;
  return where;
}

/** Shows a cell value in an error message, short and unambiguous. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(empty)';
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
