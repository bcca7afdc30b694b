/**
 * Per-year figures of a series (data/derive.ts `annual`), computed once per series and isolate:
 * the dataset is frozen at load, and a ranking reads the years of every destination on each
 * request the edge cache has not seen (236 series: ~5 ms each time without this).
 */
import { annual, type AnnualValue, type Series } from '../../data/derive';

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
