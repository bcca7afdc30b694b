/** Derived figures on small made-up series, where the right answer is plain to see. */
import { describe, expect, it } from 'vitest';
import {
  annual,
  annualValue,
  coverage,
  last12Months,
  latestPeriod,
  monthFromNumber,
  monthNumber,
  monthsCovered,
  periodAt,
  periodIndex,
  revisionWindowStart,
  share,
  valueAt,
  yoyGrowth,
  type Series,
} from '../../data/derive';

/** 2023-01 … 2025-04: 100 a month in 2023, 110 in 2024, 121 in 2025 (Jan–Apr). */
const monthly: Series & { source: string; id: string } = {
  id: 'total',
  source: 'sunat-g1',
  start: '2023-01',
  frequency: 'monthly',
  values: [...Array(12).fill(100), ...Array(12).fill(110), 121, 121, 121, 121],
};
/** Half of `monthly`, missing (null) for the whole of 2023. */
const part: Series & { source: string; id: string } = {
  id: 'sector/agro',
  source: 'sunat-g1',
  start: '2023-01',
  frequency: 'monthly',
  values: monthly.values.map((v, i) => (i < 12 ? null : v! / 2)),
};
const yearly: Series = { start: '2017', frequency: 'annual', values: [50, 40, null, 60] };

describe('periods', () => {
  it('converts between YYYY-MM and indexes', () => {
    expect(monthNumber('2005-01')).toBe(2005 * 12);
    expect(monthFromNumber(2005 * 12 + 11)).toBe('2005-12');
    expect(monthNumber('2005-13')).toBeNull();
    expect(monthNumber('2005-1')).toBeNull();
    expect(periodIndex(monthly, '2023-01')).toBe(0);
    expect(periodIndex(monthly, '2025-04')).toBe(27);
    expect(periodIndex(monthly, '2025-05')).toBeNull();
    expect(periodIndex(monthly, '2022-12')).toBeNull();
    expect(periodIndex(monthly, '2024')).toBeNull();
    expect(periodIndex(yearly, '2019')).toBe(2);
    expect(periodAt(monthly, 13)).toBe('2024-02');
    expect(periodAt(yearly, 3)).toBe('2020');
    expect(coverage(monthly)).toEqual({ first: '2023-01', last: '2025-04' });
  });

  it('reads values and finds the latest reported period', () => {
    expect(valueAt(monthly, '2024-06')).toBe(110);
    expect(valueAt(part, '2023-06')).toBeNull();
    expect(valueAt(monthly, 'junk')).toBeNull();
    expect(latestPeriod(monthly)).toBe('2025-04');
    expect(latestPeriod({ start: '2020-01', frequency: 'monthly', values: [1, 2, null, null] })).toBe('2020-02');
    expect(latestPeriod({ start: '2020-01', frequency: 'monthly', values: [null] })).toBeNull();
    expect(latestPeriod(yearly)).toBe('2020');
  });
});

describe('annual', () => {
  it('sums the months of each year and marks the partial one', () => {
    expect(annual(monthly)).toEqual([
      { year: 2023, value: 1200, months: 12, partial: false },
      { year: 2024, value: 1320, months: 12, partial: false },
      { year: 2025, value: 484, months: 4, partial: true },
    ]);
  });

  it('keeps a year without any reported month missing, not zero', () => {
    expect(annualValue(part, 2023)).toEqual({ year: 2023, value: null, months: 0, partial: false });
    expect(annualValue(part, 2024)!.value).toBe(660);
    expect(annualValue(part, 2030)).toBeNull();
  });

  it('marks a series starting mid-year as partial in that year', () => {
    const s: Series = { start: '2020-11', frequency: 'monthly', values: [1, 2, 3] };
    expect(annual(s)).toEqual([
      { year: 2020, value: 3, months: 2, partial: true },
      { year: 2021, value: 3, months: 1, partial: true },
    ]);
    expect(monthsCovered(s, 2020)).toEqual({ from: 11, to: 12 });
    expect(monthsCovered(s, 2022)).toBeNull();
  });

  it('passes annual series through', () => {
    expect(annual(yearly).map((a) => a.value)).toEqual([50, 40, null, 60]);
  });
});

describe('yoyGrowth', () => {
  it('compares a month with the same month a year earlier', () => {
    expect(yoyGrowth(monthly, '2024-03')).toBeCloseTo(10);
    expect(yoyGrowth(monthly, '2023-03')).toBeNull(); // no 2022
  });

  it('compares whole years, and a partial year with the same months of the year before', () => {
    expect(yoyGrowth(monthly, '2024')).toBeCloseTo(10);
    expect(yoyGrowth(monthly, '2025')).toBeCloseTo(10); // Jan–Apr 2025 against Jan–Apr 2024
    expect(yoyGrowth(part, '2024')).toBeNull(); // nothing reported in 2023
    expect(yoyGrowth(yearly, '2018')).toBeCloseTo(-20);
    expect(yoyGrowth(yearly, '2020')).toBeNull(); // 2019 missing
    expect(yoyGrowth(monthly, 'junk')).toBeNull();
  });

  it('is null against a zero base', () => {
    expect(yoyGrowth({ start: '2020-01', frequency: 'monthly', values: [...Array(12).fill(0), ...Array(12).fill(5)] }, '2021')).toBeNull();
  });
});

describe('share', () => {
  it('gives a month’s and a year’s share in percent', () => {
    expect(share(part, monthly, '2024-05')).toBeCloseTo(50);
    expect(share(part, monthly, '2025')).toBeCloseTo(50);
    expect(share(part, monthly, '2023')).toBeNull();
  });

  it('refuses to mix sources', () => {
    expect(() => share({ ...part, source: 'sunat-g6' }, monthly, '2024')).toThrow(/not comparable/);
  });
});

describe('last12Months', () => {
  it('sums the 12 months up to the latest, or up to a given month', () => {
    expect(last12Months(monthly)).toEqual({ end: '2025-04', value: 8 * 110 + 4 * 121, months: 12, complete: true });
    expect(last12Months(monthly, '2023-12')).toEqual({ end: '2023-12', value: 1200, months: 12, complete: true });
  });

  it('says how many months it found', () => {
    expect(last12Months(monthly, '2023-06')).toEqual({ end: '2023-06', value: 600, months: 6, complete: false });
    expect(last12Months(part, '2024-03')).toEqual({ end: '2024-03', value: 165, months: 3, complete: false });
    expect(last12Months(monthly, '2030-01')).toBeNull();
    expect(last12Months(yearly)).toBeNull();
  });
});

describe('revisionWindowStart', () => {
  it('gives the first month of a window ending at the last month, across a year', () => {
    expect(revisionWindowStart('2025-04', 7)).toBe('2024-10');
    expect(revisionWindowStart('2025-11', 6)).toBe('2025-06');
    expect(revisionWindowStart('2025-11', 1)).toBe('2025-11');
    expect(revisionWindowStart('2024', 6)).toBeNull();
    expect(revisionWindowStart(null, 6)).toBeNull();
  });
});
