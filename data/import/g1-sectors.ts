/**
 * Cuadro G1, "Exportación definitiva según sector económico": the table of rows, their
 * metric ids and labels, and the reader that turns each year sheet into monthly figures.
 *
 * The sheet nests its rows by column: C holds the total and the three groups, D the sectors,
 * E the products. Labels carry footnote marks and change spelling over the years
 * ("Agrícolas" → "Agricola", "Plata refinada" → "Plata", "Pesquero" → "Pesquero tradicional"),
 * so each row is matched by normalised label *within its parent*: "Resto" means other mining
 * under Minero and other non-traditional under II. An unknown label is an error.
 */
import type { MetricKind, Text } from '../types';
import { ImportError, showValue } from './import-error';
import { normaliseLabel } from './labels';
import { cellText, columnLetter, FIRST_DATA_ROW, readMonths, SUM_TOLERANCE_USD, type YearSheet } from './read-workbook';

export interface G1Row {
  id: string;
  kind: Extract<MetricKind, 'total' | 'group' | 'sector' | 'product'>;
  parent: string | null;
  label: Text;
  /** SUNAT's spellings over the years (matched after normalisation). */
  sunat: readonly string[];
}

const row = (id: string, kind: G1Row['kind'], parent: string | null, es: string, en: string, ...sunat: string[]): G1Row => ({
  id,
  kind,
  parent,
  label: { es, en },
  sunat,
});

/** Every row of G1, in the workbook's order. Ids are fixed: others code against them. */
export const G1_ROWS: readonly G1Row[] = [
  row('total', 'total', null, 'Exportaciones totales', 'Total exports', 'Total (I+II+III)'),
  row('traditional', 'group', 'total', 'Productos tradicionales', 'Traditional products', 'I. Productos Tradicionales'),
  row('sector/mining', 'sector', 'traditional', 'Minero', 'Mining', 'Minero'),
  row('product/copper', 'product', 'sector/mining', 'Cobre', 'Copper', 'Cobre'),
  row('product/iron', 'product', 'sector/mining', 'Hierro', 'Iron', 'Hierro'),
  row('product/silver', 'product', 'sector/mining', 'Plata', 'Silver', 'Plata', 'Plata refinada'),
  row('product/lead', 'product', 'sector/mining', 'Plomo', 'Lead', 'Plomo'),
  row('product/zinc', 'product', 'sector/mining', 'Zinc', 'Zinc', 'Zinc'),
  row('product/gold', 'product', 'sector/mining', 'Oro', 'Gold', 'Oro'),
  row('product/tin', 'product', 'sector/mining', 'Estaño', 'Tin', 'Estaño'),
  row('product/mining-other', 'product', 'sector/mining', 'Resto minero', 'Other mining', 'Resto'),
  row(
    'sector/fishing-traditional',
    'sector',
    'traditional',
    'Pesquero tradicional',
    'Traditional fishing',
    'Pesquero tradicional',
    'Pesquero',
  ),
  row('product/fishmeal', 'product', 'sector/fishing-traditional', 'Harina de pescado', 'Fishmeal', 'Harina de pescado'),
  row('product/fish-oil', 'product', 'sector/fishing-traditional', 'Aceite de pescado', 'Fish oil', 'Aceite de pescado'),
  row('sector/oil-gas', 'sector', 'traditional', 'Petróleo y gas natural', 'Oil and natural gas', 'Petróleo y gas natural'),
  row('product/crude-oil', 'product', 'sector/oil-gas', 'Petróleo crudo', 'Crude oil', 'Crudo'),
  row('product/oil-derivatives', 'product', 'sector/oil-gas', 'Derivados del petróleo', 'Oil derivatives', 'Derivados'),
  row('product/natural-gas', 'product', 'sector/oil-gas', 'Gas natural', 'Natural gas', 'Gas natural'),
  row('sector/agricultural-traditional', 'sector', 'traditional', 'Agrícola', 'Traditional agriculture', 'Agrícola', 'Agrícolas'),
  row('product/cotton', 'product', 'sector/agricultural-traditional', 'Algodón', 'Cotton', 'Algodón'),
  row('product/sugar', 'product', 'sector/agricultural-traditional', 'Azúcar', 'Sugar', 'Azúcar'),
  row('product/coffee', 'product', 'sector/agricultural-traditional', 'Café', 'Coffee', 'Café'),
  row('product/agricultural-other', 'product', 'sector/agricultural-traditional', 'Resto agrícola', 'Other agricultural', 'Resto'),
  row('non-traditional', 'group', 'total', 'Productos no tradicionales', 'Non-traditional products', 'II. Productos No Tradicionales'),
  row('sector/agro', 'sector', 'non-traditional', 'Agropecuario', 'Agriculture and livestock', 'Agropecuario'),
  row('sector/textile', 'sector', 'non-traditional', 'Textil', 'Textiles', 'Textil'),
  row(
    'sector/fishing-non-traditional',
    'sector',
    'non-traditional',
    'Pesquero no tradicional',
    'Non-traditional fishing',
    'Pesquero no tradicional',
    'Pesquero',
  ),
  row('sector/chemical', 'sector', 'non-traditional', 'Químico', 'Chemicals', 'Químico'),
  row('sector/metal-mechanic', 'sector', 'non-traditional', 'Metal-mecánico', 'Metalworking', 'Metal-mecánico', 'Metal-Mecánica'),
  row('sector/steel-metallurgy', 'sector', 'non-traditional', 'Sidero-metalúrgico', 'Iron, steel and metallurgy', 'Sidero-metalúrgico'),
  row('sector/non-metallic-mining', 'sector', 'non-traditional', 'Minería no metálica', 'Non-metallic mining', 'Minería no metálica'),
  row('sector/non-traditional-other', 'sector', 'non-traditional', 'Resto no tradicional', 'Other non-traditional', 'Resto'),
  row('product/handicrafts', 'product', 'sector/non-traditional-other', 'Artesanías', 'Handicrafts', 'Artesanías'),
  row(
    'product/wood-paper',
    'product',
    'sector/non-traditional-other',
    'Maderas y papeles',
    'Wood and paper',
    'Maderas y papeles',
    'Madera y papeles',
  ),
  row('product/hides-leather', 'product', 'sector/non-traditional-other', 'Pieles y cueros', 'Hides and leather', 'Pieles y cueros'),
  row(
    'product/jewelry-misc',
    'product',
    'sector/non-traditional-other',
    'Varios (incluye joyería)',
    'Miscellaneous (incl. jewelry)',
    'Varios (incluye joyería)',
    'Varios (inc. joyería)',
  ),
  row('other', 'group', 'total', 'Otros', 'Other', 'III. Otros'),
];

/** Column depth of each kind: C (0) total and groups, D (1) sectors, E (2) products. */
const DEPTH: Record<G1Row['kind'], number> = { total: 0, group: 0, sector: 1, product: 2 };

export const G1_LABEL_HEADER = 'Sector Económico';

/** One year sheet of G1: the unrounded monthly figures of every row, by metric id. */
export type G1Year = Map<string, number[]>;

export function readG1Year(ys: YearSheet): G1Year {
  const labelColumns = [0, 1, 2].map((d) => ys.monthColumns[0]! - 3 + d);
  const out: G1Year = new Map();
  const rowOf = new Map<string, number>();
  let group: G1Row | null = null;
  let sector: G1Row | null = null;
  for (let r = FIRST_DATA_ROW; r <= ys.sheet.rowCount; r++) {
    const texts = labelColumns.map((c) => cellText(ys.sheet.getRow(r).getCell(c).value));
    const depth = texts.findIndex((t) => t !== null);
    if (depth < 0) break; // first row without a label: end of the table
    const text = texts[depth]!;
    const parent: G1Row | null | undefined = depth === 0 ? undefined : depth === 1 ? group : sector;
    const place = { file: ys.file, sheet: ys.sheet.name, row: r, column: columnLetter(labelColumns[depth]!) };
    if (parent === null) {
      throw new ImportError(
        place,
        `row label ${showValue(text)} is indented under nothing (no ${depth === 1 ? 'group' : 'sector'} row above it)`,
      );
    }
    const candidates: G1Row[] = G1_ROWS.filter((g) => DEPTH[g.kind] === depth && (depth === 0 || g.parent === parent!.id));
    const norm = normaliseLabel(text);
    const match = candidates.find((g) => g.sunat.some((s) => normaliseLabel(s) === norm));
    if (!match) {
      const under = parent ? ` under "${parent.sunat[0]}"` : '';
      const allowed = candidates.map((g) => `"${g.sunat[0]}"`).join(', ');
      throw new ImportError(place, `unknown row label ${showValue(text)}${under}; known labels here: ${allowed}`);
    }
    if (rowOf.has(match.id)) {
      throw new ImportError(place, `row label ${showValue(text)} (${match.id}) appears twice (first in row ${rowOf.get(match.id)})`);
    }
    rowOf.set(match.id, r);
    out.set(match.id, readMonths(ys, r, `"${text}"`));
    if (match.kind === 'group') {
      group = match;
      sector = null;
    } else if (match.kind === 'sector') sector = match;
    else if (match.kind === 'total') group = sector = null;
  }
  const missing = G1_ROWS.filter((g) => !out.has(g.id));
  if (missing.length > 0) {
    throw new ImportError(
      { file: ys.file, sheet: ys.sheet.name },
      `missing rows: ${missing.map((g) => `"${g.sunat[0]}" (${g.id})`).join(', ')}`,
    );
  }
  checkParts(ys, out, rowOf);
  return out;
}

/**
 * Known gaps in SUNAT's published G1: in these years "Total (I+II+III)" exceeds the sum of
 * I + II + III by this many US$ over the year (every sector and product row adds up).
 * The total is kept as published; the gap is stated in the source notes. Any other gap, or
 * a change in these, stops the import.
 */
export const G1_TOTAL_GAPS_USD: Readonly<Record<number, number>> = {
  2015: 310_019_026.91,
  2016: 317_322_719.13,
  2017: 3_513_942.75,
  2018: 56,
  2019: 37.5,
};

/** Every row with children must equal their sum, month by month and in the Total column. */
function checkParts(ys: YearSheet, year: G1Year, rowOf: Map<string, number>): void {
  for (const parent of G1_ROWS) {
    const children = G1_ROWS.filter((g) => g.parent === parent.id);
    if (children.length === 0) continue;
    const knownGap = parent.id === 'total' ? G1_TOTAL_GAPS_USD[ys.year] : undefined;
    const values = year.get(parent.id)!;
    let gap = 0;
    values.forEach((v, m) => {
      const sum = children.reduce((a, c) => a + year.get(c.id)![m]!, 0);
      gap += v - sum;
      const ok = knownGap === undefined ? Math.abs(sum - v) <= SUM_TOLERANCE_USD : v - sum >= -SUM_TOLERANCE_USD;
      if (!ok) {
        throw new ImportError(
          { file: ys.file, sheet: ys.sheet.name, row: rowOf.get(parent.id)!, column: columnLetter(ys.monthColumns[m]!) },
          `"${parent.sunat[0]}" is ${v.toFixed(2)} but its parts (${children.map((c) => c.sunat[0]).join(', ')}) sum to ${sum.toFixed(2)}`,
        );
      }
    });
    if (knownGap !== undefined && Math.abs(gap - knownGap) > SUM_TOLERANCE_USD) {
      throw new ImportError(
        { file: ys.file, sheet: ys.sheet.name, row: rowOf.get(parent.id)! },
        `"${parent.sunat[0]}" exceeds its parts by ${gap.toFixed(2)} over the year; the known gap is ${knownGap.toFixed(2)} ` +
          '(G1_TOTAL_GAPS_USD in data/import/g1-sectors.ts)',
      );
    }
  }
}
