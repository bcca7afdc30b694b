import { describe, expect, it } from 'vitest';
import { getMetric } from '../../data/index';
import type { SeriesBody } from '../../worker/schemas';
import { expectProblem, get, expectJson } from './helpers';

const total = getMetric('total')!;

describe('GET /v1/metrics/{id}/series', () => {
  it('returns every monthly point by default', async () => {
    const { res, body } = await expectJson<SeriesBody>('/v1/metrics/total/series');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      id: 'total',
      unit: 'USD',
      frequency: 'monthly',
      source: 'sunat-g1',
      from: '2005-01',
      to: '2025-04',
      preliminaryFrom: '2024-01',
      lang: 'es',
    });
    expect(body.points).toHaveLength(total.values.length);
    expect(body.points.map((p) => p.value)).toEqual(total.values);
    expect(body.points[0]).toEqual({
      period: '2005-01',
      periodLabel: 'enero de 2005',
      value: total.values[0],
      formattedValue: expect.stringMatching(/^US\$\u00a0/),
    });
    expect(body.points.every((p) => p.partial === undefined)).toBe(true);
  });

  it('cuts a month range; a year as bound means January (from) and December (to)', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/total/series?from=2023&to=2023-03&lang=en');
    expect(body.points.map((p) => p.period)).toEqual(['2023-01', '2023-02', '2023-03']);
    expect(body.points[0]?.formattedValue).toMatch(/^US\$[\d.]+ billion$/);
    const year = await expectJson<SeriesBody>('/v1/metrics/total/series?from=2024&to=2024');
    expect(year.body.points).toHaveLength(12);
    expect(year.body.from).toBe('2024-01');
    expect(year.body.to).toBe('2024-12');
  });

  it('clips a range reaching past the series and says so in from/to', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/total/series?from=2000&to=2030');
    expect(body.from).toBe('2005-01');
    expect(body.to).toBe('2025-04');
    expect(body.points).toHaveLength(total.values.length);
  });

  it('sums months into years and marks the partial year', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/destination/CN/series?freq=annual&from=2023');
    const cn = getMetric('destination/CN')!;
    const sumYear = (year: number) =>
      cn.values.slice((year - 2005) * 12, (year - 2005) * 12 + 12).reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(body.frequency).toBe('annual');
    expect(body.from).toBe('2023');
    expect(body.to).toBe('2025');
    expect(body.points).toEqual([
      { period: '2023', periodLabel: '2023', value: sumYear(2023), formattedValue: expect.any(String), partial: false, months: 12 },
      { period: '2024', periodLabel: '2024', value: sumYear(2024), formattedValue: expect.any(String), partial: false, months: 12 },
      { period: '2025', periodLabel: '2025 (4 meses)', value: sumYear(2025), formattedValue: expect.any(String), partial: true, months: 4 },
    ]);
  });

  it('serves an annual series in its own frequency and refuses monthly points for it', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/worldbank/total/series?from=2010');
    expect(body.frequency).toBe('annual');
    expect(body.points.map((p) => p.period)).toEqual(Array.from({ length: 10 }, (_, i) => String(2010 + i)));
    expect(body.points.every((p) => p.partial === false && p.months === 12)).toBe(true);
    const p = await expectProblem(await get('/v1/metrics/worldbank/total/series?freq=monthly'), 400, ['freq']);
    expect(p.errors?.[0]?.allowed).toBe('annual');
  });

  it('keeps gaps as null values', async () => {
    // Destinations absent from a year's sheet have no value for that year (null), unlike zero.
    const sparse = getMetric('destination/other-yugoslavia')!;
    const { body } = await expectJson<SeriesBody>('/v1/metrics/destination/other-yugoslavia/series');
    expect(body.points.map((p) => p.value)).toEqual(sparse.values);
    const gap = body.points.find((p) => p.value === null);
    expect(gap?.formattedValue).toBeNull();
  });

  it('rejects a reversed range naming both bounds', async () => {
    const p = await expectProblem(await get('/v1/metrics/total/series?from=2024-06&to=2024-01'), 400, ['from', 'to']);
    expect(p.detail).toContain('after');
    await expectProblem(await get('/v1/metrics/total/series?from=2020&to=2019&freq=annual'), 400, ['from', 'to']);
  });

  it('rejects malformed periods, saying what is allowed', async () => {
    for (const bad of ['2024-13', '2024-1', '24', '2024-00', '2024/01', 'abc', '2024-01-01', '']) {
      const p = await expectProblem(await get(`/v1/metrics/total/series?from=${encodeURIComponent(bad)}`), 400, ['from']);
      expect(p.errors?.[0]?.allowed).toMatch(/YYYY-MM/);
    }
  });

  it('rejects a month bound with freq=annual', async () => {
    await expectProblem(await get('/v1/metrics/total/series?freq=annual&to=2024-06'), 400, ['to']);
  });

  it('rejects a range entirely outside the series, saying what it covers', async () => {
    const before = await expectProblem(await get('/v1/metrics/total/series?from=1990&to=1999'), 400, ['to']);
    expect(before.detail).toContain('2005-01 to 2025-04');
    await expectProblem(await get('/v1/metrics/total/series?from=2030'), 400, ['from']);
  });

  it('rejects an unknown frequency and unknown parameters', async () => {
    await expectProblem(await get('/v1/metrics/total/series?freq=weekly'), 400, ['freq']);
    const p = await expectProblem(await get('/v1/metrics/total/series?form=2024'), 400, ['form']);
    expect(p.errors?.[0]?.message).toMatch(/did you mean .*"from"/);
  });

  it('answers a highlight, which is not a series, with 404 pointing to its figures', async () => {
    const p = await expectProblem(await get('/v1/metrics/highlight/total/series'), 404);
    expect(p.detail).toContain('/v1/metrics/highlight/total');
    await expectProblem(await get('/v1/metrics/nothing-here/series'), 404, ['id']);
  });
});

describe('GET /v1/metrics/{id}/series?last=N', () => {
  const periods = (body: SeriesBody) => body.points.map((p) => p.period);

  it('gives the last N months up to the series\u2019 last period', async () => {
    const { res, body } = await expectJson<SeriesBody>('/v1/metrics/total/series?last=3');
    expect(res.status).toBe(200);
    expect(periods(body)).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(body.points.map((p) => p.value)).toEqual(total.values.slice(-3));
    expect(body).toMatchObject({ from: '2025-02', to: '2025-04', frequency: 'monthly' });
  });

  it('ends at `to` (a year as `to` ends in December)', async () => {
    const month = await expectJson<SeriesBody>('/v1/metrics/total/series?last=4&to=2024-06');
    expect(periods(month.body)).toEqual(['2024-03', '2024-04', '2024-05', '2024-06']);
    expect(month.body.points.map((p) => p.value)).toEqual(total.values.slice(19 * 12 + 2, 19 * 12 + 6));
    const year = await expectJson<SeriesBody>('/v1/metrics/total/series?last=2&to=2024');
    expect(periods(year.body)).toEqual(['2024-11', '2024-12']);
    // A `to` past the series ends at its last period.
    const past = await expectJson<SeriesBody>('/v1/metrics/total/series?last=2&to=2030-01');
    expect(periods(past.body)).toEqual(['2025-03', '2025-04']);
  });

  it('is clipped to the series\u2019 start', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/total/series?last=1000&to=2005-06');
    expect(periods(body)).toEqual(['2005-01', '2005-02', '2005-03', '2005-04', '2005-05', '2005-06']);
    expect(body.from).toBe('2005-01');
    const all = await expectJson<SeriesBody>('/v1/metrics/total/series?last=1000');
    expect(all.body.points).toHaveLength(total.values.length);
  });

  it('with freq=annual gives the last N years, the partial one included', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/destination/CN/series?freq=annual&last=3&lang=en');
    expect(periods(body)).toEqual(['2023', '2024', '2025']);
    expect(body.points.at(-1)).toMatchObject({ partial: true, months: 4, periodLabel: '2025 (4 months)' });
    const to = await expectJson<SeriesBody>('/v1/metrics/destination%2FCN/series?freq=annual&last=2&to=2020');
    expect(periods(to.body)).toEqual(['2019', '2020']);
    expect(to.body).toMatchObject({ from: '2019', to: '2020' });
    // An annual series in its own frequency.
    const wb = await expectJson<SeriesBody>('/v1/metrics/worldbank/total/series?last=5');
    expect(periods(wb.body)).toEqual(['2015', '2016', '2017', '2018', '2019']);
  });

  it('works for a slashed id, literal or encoded', async () => {
    const cn = getMetric('destination/CN')!;
    for (const path of ['/v1/metrics/destination/CN/series?last=2', '/v1/metrics/destination%2FCN/series?last=2']) {
      const { body } = await expectJson<SeriesBody>(path);
      expect(body.points.map((p) => p.value)).toEqual(cn.values.slice(-2));
    }
  });

  it('with `from` is a 400 naming both and saying to use one of them', async () => {
    const p = await expectProblem(await get('/v1/metrics/total/series?last=3&from=2024-01'), 400, ['from', 'last']);
    expect(p.detail).toMatch(/from and last cannot be used together: use one of them/);
    expect(p.errors?.[0]?.allowed).toBe('either from or last, not both');
    await expectProblem(await get('/v1/metrics/total/series?freq=annual&from=2020&last=2'), 400, ['from', 'last']);
    await expectProblem(await get('/v1/metrics/total/series.csv?last=2&from=2024'), 400, ['from', 'last']);
  });

  it.each([
    ['0', '"0"'],
    ['1001', '"1001"'],
    ['abc', '"abc"'],
    ['1.5', '"1.5"'],
    ['-1', '"-1"'],
    ['', '""'],
    ['12345', '"12345"'],
  ])('rejects last=%s, saying what is allowed', async (bad, echoed) => {
    const p = await expectProblem(await get(`/v1/metrics/total/series?last=${encodeURIComponent(bad)}`), 400, ['last']);
    expect(p.errors?.[0]?.allowed).toBe('a whole number from 1 to 1000');
    expect(p.errors?.[0]?.message).toBe(`last must be a whole number from 1 to 1000; got ${echoed}`);
  });

  it('rejects a repeated last, and a `to` before the series, naming them', async () => {
    await expectProblem(await get('/v1/metrics/total/series?last=2&last=3'), 400, ['last']);
    const p = await expectProblem(await get('/v1/metrics/total/series?last=3&to=1999-12'), 400, ['to']);
    expect(p.detail).toContain('it covers 2005-01 to 2025-04');
  });
});
