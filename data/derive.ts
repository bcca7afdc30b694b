/**
 * Figures derived from stored series: periods, annual sums, growth, shares, trailing sums.
 * The dataset stores monthly (or annual) levels only; everything here is computed from them
 * on demand, so no derived figure can drift from the levels it comes from.
 * Pure functions, no Node APIs: they run in workerd, in the browser and in tests.
 */
import type { SeriesMetric } from './types';

/** The parts of a series that the derivations need. */
export type Series = Pick<SeriesMetric, 'start' | 'frequency' | 'values'>;

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;
const YEAR_RE = /^(\d{4})$/;

export interface AnnualValue {
  year: number;
  /** Sum of the year's reported months (or the annual value); null when none was reported. */
  value: number | null;
  /** Number of the year's periods that carry a value. */
  months: number;
  /** True when the series ends before December of this year (or starts after January). */
  partial: boolean;
}

export interface TrailingSum {
  /** Last month of the window, `YYYY-MM`. */
  end: string;
  value: number | null;
  /** Number of months in the window that carry a value. */
  months: number;
  /** True when all 12 months of the window carry a value. */
  complete: boolean;
}

/** `YYYY-MM` → months since year 0 (January of year 0 = 0), or null if malformed. */
export function monthNumber(period: string): number | null {
  const m = MONTH_RE.exec(period);
  if (!m) return null;
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

/** Months since year 0 → `YYYY-MM`. */
export function monthFromNumber(n: number): string {
  const year = Math.floor(n / 12);
  const month = n - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** Index of `period` in `series.values`, or null when malformed or outside the series. */
export function periodIndex(series: Series, period: string): number | null {
  let index: number;
  if (series.frequency === 'monthly') {
    const p = monthNumber(period);
    const s = monthNumber(series.start);
    if (p === null || s === null) return null;
    index = p - s;
  } else {
    if (!YEAR_RE.test(period) || !YEAR_RE.test(series.start)) return null;
    index = Number(period) - Number(series.start);
  }
  return index >= 0 && index < series.values.length ? index : null;
}

/** The period at `index` of the series (`YYYY-MM` or `YYYY`); index may lie outside the values. */
export function periodAt(series: Pick<Series, 'start' | 'frequency'>, index: number): string {
  if (series.frequency === 'annual') return String(Number(series.start) + index);
  const s = monthNumber(series.start);
  if (s === null) throw new RangeError(`malformed monthly start "${series.start}"`);
  return monthFromNumber(s + index);
}

/**
 * The first month of a revision window of `months` months that ends at `last` (`YYYY-MM`): the
 * months from there on may still be revised (a source's `revision`). Null when `last` is not a month.
 */
export function revisionWindowStart(last: string | null, months: number): string | null {
  const n = last === null ? null : monthNumber(last);
  return n === null ? null : monthFromNumber(n - months + 1);
}

/** First and last period the series covers (whether or not a value is reported there). */
export function coverage(series: Series): { first: string; last: string } {
  return { first: series.start, last: periodAt(series, series.values.length - 1) };
}

/** The value reported for one period, or null (missing, malformed or out of range). */
export function valueAt(series: Series, period: string): number | null {
  const i = periodIndex(series, period);
  return i === null ? null : (series.values[i] ?? null);
}

/** The last period that carries a value, or null when the series is empty. */
export function latestPeriod(series: Series): string | null {
  for (let i = series.values.length - 1; i >= 0; i--) {
    if (series.values[i] !== null && series.values[i] !== undefined) return periodAt(series, i);
  }
  return null;
}

/** Per-year figures: for monthly series the sum of the year's months. */
export function annual(series: Series): AnnualValue[] {
  if (series.frequency === 'annual') {
    const first = Number(series.start);
    return series.values.map((v, i) => ({
      year: first + i,
      value: v ?? null,
      months: v === null ? 0 : 12,
      partial: false,
    }));
  }
  const out: AnnualValue[] = [];
  const s = monthNumber(series.start);
  if (s === null) throw new RangeError(`malformed monthly start "${series.start}"`);
  let current: AnnualValue | null = null;
  let covered = 0;
  series.values.forEach((v, i) => {
    const year = Math.floor((s + i) / 12);
    if (!current || current.year !== year) {
      if (current) current.partial = covered < 12;
      current = { year, value: null, months: 0, partial: false };
      covered = 0;
      out.push(current);
    }
    covered++;
    if (v !== null && v !== undefined) {
      current.value = (current.value ?? 0) + v;
      current.months++;
    }
  });
  const last = out[out.length - 1];
  if (last) last.partial = covered < 12;
  return out;
}

/** The figure for one year (`YYYY` or a number), or null when the series has none. */
export function annualValue(series: Series, year: number | string): AnnualValue | null {
  const y = Number(year);
  return annual(series).find((a) => a.year === y) ?? null;
}

/**
 * Sum of the months `fromMonth`..`toMonth` (1–12) of `year`; null when none is reported.
 * Used to compare a partial year with the same months of the year before.
 */
export function monthsSum(series: Series, year: number, fromMonth: number, toMonth: number): number | null {
  let sum: number | null = null;
  for (let m = fromMonth; m <= toMonth; m++) {
    const v = valueAt(series, `${year}-${String(m).padStart(2, '0')}`);
    if (v !== null) sum = (sum ?? 0) + v;
  }
  return sum;
}

function growthPct(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || previous === 0) return null;
  return ((current - previous) / previous) * 100;
}

/**
 * Year-on-year growth in percent:
 * - `YYYY-MM` (monthly series): that month against the same month a year earlier;
 * - `YYYY`: that year against the year before. When the year is partial (e.g. 2025 with
 *   January–April), both years are summed over the same months only (year to date).
 * Null when either side is missing or the earlier value is 0.
 */
export function yoyGrowth(series: Series, period: string): number | null {
  if (series.frequency === 'monthly' && MONTH_RE.test(period)) {
    const n = monthNumber(period)!;
    return growthPct(valueAt(series, period), valueAt(series, monthFromNumber(n - 12)));
  }
  if (!YEAR_RE.test(period)) return null;
  const year = Number(period);
  if (series.frequency === 'annual') {
    return growthPct(valueAt(series, period), valueAt(series, String(year - 1)));
  }
  const months = monthsCovered(series, year);
  if (!months) return null;
  return growthPct(monthsSum(series, year, months.from, months.to), monthsSum(series, year - 1, months.from, months.to));
}

/** The calendar months (1–12) of `year` that lie inside the series, or null. */
export function monthsCovered(series: Series, year: number): { from: number; to: number } | null {
  const s = monthNumber(series.start);
  if (s === null || series.frequency !== 'monthly') return null;
  const end = s + series.values.length - 1;
  const from = Math.max(s, year * 12);
  const to = Math.min(end, year * 12 + 11);
  if (from > to) return null;
  return { from: from - year * 12 + 1, to: to - year * 12 + 1 };
}

/**
 * Share of `part` in `whole` in percent for one period: a month (`YYYY-MM`) or a year
 * (`YYYY`, summed over the months both series report). Null when either is missing or the
 * whole is 0. Throws when the two series cannot be compared (different source or frequency):
 * figures of different sources are never mixed.
 */
export function share(
  part: Series & Partial<Pick<SeriesMetric, 'source' | 'id'>>,
  whole: Series & Partial<Pick<SeriesMetric, 'source' | 'id'>>,
  period: string,
): number | null {
  if (part.source !== whole.source || part.frequency !== whole.frequency) {
    throw new RangeError(
      `share: ${part.id ?? 'part'} (${part.source}, ${part.frequency}) and ${whole.id ?? 'whole'} ` +
        `(${whole.source}, ${whole.frequency}) are not comparable`,
    );
  }
  let p: number | null;
  let w: number | null;
  if (part.frequency === 'monthly' && YEAR_RE.test(period)) {
    p = annualValue(part, period)?.value ?? null;
    w = annualValue(whole, period)?.value ?? null;
  } else {
    p = valueAt(part, period);
    w = valueAt(whole, period);
  }
  if (p === null || w === null || w === 0) return null;
  return (p / w) * 100;
}

/**
 * Sum of the 12 months ending at `end` (default: the series' latest reported month).
 * Null for annual series, an unknown end, or a series without values.
 */
export function last12Months(series: Series, end?: string): TrailingSum | null {
  if (series.frequency !== 'monthly') return null;
  const last = end ?? latestPeriod(series);
  if (last === null) return null;
  const n = monthNumber(last);
  if (n === null || periodIndex(series, last) === null) return null;
  let value: number | null = null;
  let months = 0;
  for (let k = n - 11; k <= n; k++) {
    const v = valueAt(series, monthFromNumber(k));
    if (v !== null) {
      value = (value ?? 0) + v;
      months++;
    }
  }
  return { end: last, value, months, complete: months === 12 };
}

/**
 * Growth in percent of the 12 months ending at `end` (default: the latest reported month)
 * against the 12 months before them. Null when either window is unavailable or the earlier
 * sum is 0.
 */
export function last12MonthsGrowth(series: Series, end?: string): number | null {
  const current = last12Months(series, end);
  const n = current === null ? null : monthNumber(current.end);
  if (current === null || n === null) return null;
  const previous = last12Months(series, monthFromNumber(n - 12));
  return growthPct(current.value, previous?.value ?? null);
}
