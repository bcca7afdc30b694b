import { describe, expect, it } from 'vitest';
import { getMetric, metrics } from '../../data/index';
import type { RankingBody } from '../../worker/schemas';
import { expectProblem, get, expectJson } from './helpers';

/** Sum of a series' values over months [from, to] given as indices since 2005-01 (the SUNAT start). */
function sum(id: string, from: number, to: number): number {
  return getMetric(id)!
    .values.slice(from, to + 1)
    .reduce<number>((a, v) => a + (v ?? 0), 0);
}
const monthIndex = (year: number, month: number) => (year - 2005) * 12 + month - 1;

describe('GET /v1/rankings/destinations', () => {
  it('ranks a year\u2019s destinations by value with share of the G6 total and growth', async () => {
    const { res, body } = await expectJson<RankingBody>('/v1/rankings/destinations?year=2024&lang=en');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({ kind: 'destinations', source: 'sunat-g6', lang: 'en' });
    expect(body.period).toEqual({
      from: '2024-01',
      to: '2024-12',
      label: '2024',
      year: 2024,
      partial: false,
      months: 12,
      comparedWith: { from: '2023-01', to: '2023-12', label: '2023' },
    });
    const total2024 = sum('destination-total', monthIndex(2024, 1), monthIndex(2024, 12));
    expect(body.total).toMatchObject({ id: 'destination-total', value: total2024 });
    expect(body.items).toHaveLength(10);
    expect(body.items.map((i) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const [first] = body.items;
    expect(first).toMatchObject({ id: 'destination/CN', label: 'China', iso2: 'CN', parent: 'destination-total' });
    const cn2024 = sum('destination/CN', monthIndex(2024, 1), monthIndex(2024, 12));
    const cn2023 = sum('destination/CN', monthIndex(2023, 1), monthIndex(2023, 12));
    expect(first?.value).toBe(cn2024);
    expect(first?.sharePct).toBeCloseTo((cn2024 / total2024) * 100, 10);
    expect(first?.growthPct).toBeCloseTo(((cn2024 - cn2023) / cn2023) * 100, 10);
    expect(first?.formattedShare).toMatch(/^[\d.]+%$/);
    expect(first?.formattedGrowth).toMatch(/^[+-][\d.]+%$/);
    for (let i = 1; i < body.items.length; i++) expect(body.items[i - 1]!.value).toBeGreaterThanOrEqual(body.items[i]!.value);
    // The EU aggregate is not ranked: its members are.
    expect(body.items.some((i) => i.id === 'destination/EU')).toBe(false);
  });

  it('without a year ranks the latest 12 months against the 12 before', async () => {
    const { body } = await expectJson<RankingBody>('/v1/rankings/destinations?limit=3');
    expect(body.period).toMatchObject({ from: '2024-05', to: '2025-04', year: null, partial: false, months: 12 });
    expect(body.period.label).toBe('may 2024 – abr 2025');
    expect(body.period.comparedWith).toEqual({ from: '2023-05', to: '2024-04', label: 'may 2023 – abr 2024' });
    const last = monthIndex(2025, 4);
    const value = sum('destination/CN', last - 11, last);
    const before = sum('destination/CN', last - 23, last - 12);
    expect(body.items[0]?.value).toBe(value);
    expect(body.items[0]?.growthPct).toBeCloseTo(((value - before) / before) * 100, 10);
    expect(body.total.value).toBe(sum('destination-total', last - 11, last));
  });

  it('ranks a partial year by its months, compares the same months, and says so', async () => {
    const { body } = await expectJson<RankingBody>('/v1/rankings/destinations?year=2025&limit=1&lang=en');
    expect(body.period).toEqual({
      from: '2025-01',
      to: '2025-04',
      label: 'Jan–Apr 2025',
      year: 2025,
      partial: true,
      months: 4,
      comparedWith: { from: '2024-01', to: '2024-04', label: 'Jan–Apr 2024' },
    });
    const es = await expectJson<RankingBody>('/v1/rankings/sectors?year=2025');
    expect(es.body.period).toMatchObject({ label: 'ene–abr 2025', comparedWith: { label: 'ene–abr 2024' } });
    const now = sum('destination/CN', monthIndex(2025, 1), monthIndex(2025, 4));
    const then = sum('destination/CN', monthIndex(2024, 1), monthIndex(2024, 4));
    expect(body.items[0]?.growthPct).toBeCloseTo(((now - then) / then) * 100, 10);
  });

  it('honours limit up to every destination with exports', async () => {
    const { body } = await expectJson<RankingBody>('/v1/rankings/destinations?year=2010&limit=250');
    const withExports = metrics.filter((m) => m.kind === 'destination' && sum(m.id, monthIndex(2010, 1), monthIndex(2010, 12)) > 0);
    expect(body.count).toBe(withExports.length);
    expect(body.items).toHaveLength(withExports.length);
    const shares = body.items.reduce((a, i) => a + i.sharePct, 0);
    // Destinations add up to the G6 total (within rounding of the source's cents).
    expect(shares).toBeCloseTo(100, 3);
  });

  it('rejects a year outside the table and a bad limit, saying what is allowed', async () => {
    const early = await expectProblem(await get('/v1/rankings/destinations?year=2004'), 400, ['year']);
    expect(early.errors?.[0]?.allowed).toBe('a year from 2005 to 2025');
    await expectProblem(await get('/v1/rankings/destinations?year=24'), 400, ['year']);
    for (const limit of ['0', '251', '-1', '2.5', 'ten', '1e2']) {
      const p = await expectProblem(await get(`/v1/rankings/destinations?limit=${limit}`), 400, ['limit']);
      expect(p.errors?.[0]?.allowed).toBe('a whole number from 1 to 250');
    }
  });
});

describe('GET /v1/rankings/sectors', () => {
  it('ranks the sectors of table G1, whose shares add up with "other" to the total', async () => {
    const { body } = await expectJson<RankingBody>('/v1/rankings/sectors?year=2024');
    expect(body).toMatchObject({ kind: 'sectors', source: 'sunat-g1', lang: 'es' });
    const sectors = metrics.filter((m) => m.kind === 'sector');
    expect(body.items.map((i) => i.id).sort()).toEqual(sectors.map((m) => m.id).sort());
    expect(body.items[0]).toMatchObject({ id: 'sector/mining', label: 'Minero', parent: 'traditional', iso2: null });
    const other = sum('other', monthIndex(2024, 1), monthIndex(2024, 12));
    const shares = body.items.reduce((a, i) => a + i.sharePct, 0) + (other / body.total.value) * 100;
    expect(shares).toBeCloseTo(100, 6);
    expect(body.items[0]?.formattedShare).toMatch(/^[\d,]+\u00a0%$/);
  });

  it('takes limit up to 50', async () => {
    const { body } = await expectJson<RankingBody>('/v1/rankings/sectors?limit=2&lang=en');
    expect(body.items.map((i) => i.rank)).toEqual([1, 2]);
    expect(body.count).toBeGreaterThan(2);
    await expectProblem(await get('/v1/rankings/sectors?limit=51'), 400, ['limit']);
  });

  it('answers 404 for another ranking kind', async () => {
    await expectProblem(await get('/v1/rankings/products'), 404);
  });
});
