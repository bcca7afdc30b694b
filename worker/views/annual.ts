/**
 * Per-year figures of a series (data/derive.ts `annual`), computed once per series and isolate:
 * the dataset is frozen at load, and a ranking reads the years of every destination on each
 * request the edge cache has not seen (236 series: ~5 ms each time without this).
 */
import { annual, monthFromNumber, monthNumber, monthsCovered, type AnnualValue, type Series } from '../../data/derive';
import type { Lang } from '../../data/types';
import type { PeriodRangeBody } from '../schemas';
import { rangeLabel } from './format';

const years = new WeakMap<Series, readonly AnnualValue[]>();

export function annualOf(series: Series): readonly AnnualValue[] {
  let list = years.get(series);
  if (!list) {
    list = Object.freeze(annual(series).map((a) => Object.freeze(a)));
    years.set(series, list);
  }
  return list;
}

/** The figure for one year, or null when the series has none. */
export function annualValueOf(series: Series, year: number): AnnualValue | null {
  return annualOf(series).find((a) => a.year === year) ?? null;
}

/** The same period a year earlier: `2025-04` → `2024-04`, `2019` → `2018`. */
export function yearEarlier(period: string): string {
  const month = monthNumber(period);
  return month === null ? String(Number(period) - 1) : monthFromNumber(month - 12);
}

/** Periods `from`..`to` with their label ("ene–abr 2025", "2024", "may 2024 – abr 2025"). */
export function periodRange(from: string, to: string, lang: Lang): PeriodRangeBody {
  return { from, to, label: rangeLabel(from, to, lang) };
}

/**
 * What a change of `range` is against: the same periods a year earlier. For a partial year
 * (January–April 2025) that is the same months of the year before (January–April 2024), as
 * data/derive.ts `yoyGrowth` computes it; for 12 months, the 12 months before.
 */
export function comparedWith(range: Pick<PeriodRangeBody, 'from' | 'to'>, lang: Lang): PeriodRangeBody {
  return periodRange(yearEarlier(range.from), yearEarlier(range.to), lang);
}

/** The periods of `year` the series covers: its months (January–April for a partial year), or the year itself. */
export function yearRange(series: Series, year: number, lang: Lang): PeriodRangeBody {
  const covered = monthsCovered(series, year);
  if (covered === null) return periodRange(String(year), String(year), lang);
  const month = (m: number) => `${year}-${String(m).padStart(2, '0')}`;
  return periodRange(month(covered.from), month(covered.to), lang);
}
