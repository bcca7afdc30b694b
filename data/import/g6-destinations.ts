/**
 * Cuadro G6, "Régimen aduanero de exportación definitiva: ranking de principales países de
 * destino": row 9 is "Total general", then one row per destination (rank, name, months,
 * total) until the first row without a name. Each year lists only the destinations that
 * year had, so a destination missing from a sheet is *missing* (null) for those months,
 * unlike one listed with 0.
 */
import { ImportError, showValue } from './import-error';
import { MERGED_INTO_COUNTRY, resolveDestination, type Destination } from './countries';
import { normaliseLabel } from './labels';
import { cellText, columnLetter, FIRST_DATA_ROW, readMonths, SUM_TOLERANCE_USD, type YearSheet } from './read-workbook';

export const G6_LABEL_HEADER = 'País de destino';

export interface G6Row {
  row: number;
  /** The name as SUNAT writes it. */
  name: string;
  months: number[];
}

export interface G6Year {
  total: number[];
  rows: G6Row[];
}

export function readG6Year(ys: YearSheet): G6Year {
  const nameColumn = ys.monthColumns[0]! - 1;
  const sheetPlace = { file: ys.file, sheet: ys.sheet.name };
  const totalLabel = cellText(ys.sheet.getRow(FIRST_DATA_ROW).getCell(nameColumn).value);
  if (normaliseLabel(totalLabel ?? '') !== 'total general') {
    throw new ImportError(
      { ...sheetPlace, row: FIRST_DATA_ROW, column: columnLetter(nameColumn) },
      `expected "Total general", found ${showValue(totalLabel)}`,
    );
  }
  const total = readMonths(ys, FIRST_DATA_ROW, '"Total general"');
  const rows: G6Row[] = [];
  for (let r = FIRST_DATA_ROW + 1; r <= ys.sheet.rowCount; r++) {
    const name = cellText(ys.sheet.getRow(r).getCell(nameColumn).value);
    if (name === null) break; // first row without a name: end of the ranking
    rows.push({ row: r, name, months: readMonths(ys, r, `"${name}"`) });
  }
  if (rows.length === 0) throw new ImportError({ ...sheetPlace, row: FIRST_DATA_ROW + 1 }, 'no destination rows below "Total general"');
  total.forEach((t, m) => {
    const sum = rows.reduce((a, x) => a + x.months[m]!, 0);
    if (Math.abs(sum - t) > SUM_TOLERANCE_USD) {
      throw new ImportError(
        { ...sheetPlace, row: FIRST_DATA_ROW, column: columnLetter(ys.monthColumns[m]!) },
        `"Total general" is ${t.toFixed(2)} but the ${rows.length} destinations sum to ${sum.toFixed(2)}`,
      );
    }
  });
  return { total, rows };
}

export interface ResolvedRow extends G6Row {
  destination: Destination;
}

/**
 * Maps every row of every year to its destination. All unknown names are collected and
 * reported together (the first one's place leads the message); duplicates within a year are
 * an error unless the name is a listed part of another country.
 */
export function resolveYears(
  years: { ys: YearSheet; data: G6Year }[],
  onNote: (note: string) => void = () => {},
): Map<number, ResolvedRow[]> {
  const unknown: { ys: YearSheet; row: G6Row }[] = [];
  const out = new Map<number, ResolvedRow[]>();
  for (const { ys, data } of years) {
    const seen = new Map<string, G6Row>();
    const resolved: ResolvedRow[] = [];
    for (const row of data.rows) {
      const destination = resolveDestination(row.name);
      if (!destination) {
        unknown.push({ ys, row });
        continue;
      }
      const earlier = seen.get(destination.id);
      if (earlier) {
        const mergeable = [earlier.name, row.name].some((n) => MERGED_INTO_COUNTRY.has(normaliseLabel(n)));
        if (!mergeable) {
          throw new ImportError(
            { file: ys.file, sheet: ys.sheet.name, row: row.row },
            `${showValue(row.name)} and ${showValue(earlier.name)} (row ${earlier.row}) both map to ${destination.id}`,
          );
        }
        onNote(`${ys.file} ${ys.year}: "${row.name}" added to "${earlier.name}" (${destination.id})`);
      }
      seen.set(destination.id, row);
      resolved.push({ ...row, destination });
    }
    out.set(ys.year, resolved);
  }
  if (unknown.length > 0) {
    const [first, ...more] = unknown;
    const others = more.map(({ ys, row }) => `${showValue(row.name)} (sheet "${ys.sheet.name}", row ${row.row})`);
    throw new ImportError(
      { file: first!.ys.file, sheet: first!.ys.sheet.name, row: first!.row.row },
      `unknown destination ${showValue(first!.row.name)}: not an ISO 3166 country name known to i18n-iso-countries, ` +
        `nor in SUNAT_SPELLINGS or SPECIAL_DESTINATIONS (data/import/countries.ts)` +
        (others.length ? `; ${others.length} more unknown: ${others.join(', ')}` : ''),
    );
  }
  return out;
}
