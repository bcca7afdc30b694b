import { describe, expect, it } from 'vitest';
import { getHighlight, getMetric, metrics, version } from '../../data/index';
import type { MetricCatalogueBody as Catalogue, MetricDetailBody as Detail } from '../../worker/schemas';
import { expectProblem, get, expectJson, type ProblemBody } from './helpers';

/** Raw values of a series from the dataset, to check the API's arithmetic independently of data/derive.ts. */
function raw(id: string) {
  const m = getMetric(id);
  if (!m) throw new Error(`no ${id}`);
  return m;
}

describe('GET /v1/metrics (catalogue)', () => {
  it('lists every series with label, unit, frequency, source, coverage and latest value', async () => {
    const { res, body } = await expectJson<Catalogue>('/v1/metrics');
    expect(res.status).toBe(200);
    expect(body.apiVersion).toBe('1');
    expect(body.datasetVersion).toBe(version);
    expect(body.lang).toBe('es');
    expect(body.count).toBe(metrics.length);
    expect(body.metrics.map((m) => m.id).sort()).toEqual(metrics.map((m) => m.id).sort());
    const total = body.metrics.find((m) => m.id === 'total');
    expect(total).toMatchObject({
      label: 'Exportaciones totales',
      kind: 'total',
      unit: 'USD',
      frequency: 'monthly',
      source: 'sunat-g1',
      first: '2005-01',
    });
    const values = raw('total').values;
    expect(total?.latest.value).toBe(values[values.length - 1]);
    expect(total?.latest.formattedValue).toMatch(/^US\$\u00a0[\d,]+ mil millones$/);
    const wb = body.metrics.find((m) => m.id === 'worldbank/total');
    expect(wb).toMatchObject({ frequency: 'annual', first: '1960', last: '2019', source: 'worldbank-wdi' });
  });

  it('writes labels and formatted values in English with lang=en', async () => {
    const { body } = await expectJson<Catalogue>('/v1/metrics?lang=en');
    expect(body.lang).toBe('en');
    const total = body.metrics.find((m) => m.id === 'total');
    expect(total?.label).toBe('Total exports');
    expect(total?.latest.formattedValue).toMatch(/^US\$[\d.]+ billion$/);
    expect(body.metrics.find((m) => m.id === 'destination/DE')?.label).toBe('Germany');
  });

  it('negotiates the language from Accept-Language when lang is absent, and lang wins over it', async () => {
    const en = await expectJson<Catalogue>('/v1/metrics?kind=total', { headers: { 'Accept-Language': 'en-GB,en;q=0.9,es;q=0.1' } });
    expect(en.body.lang).toBe('en');
    const fallback = await expectJson<Catalogue>('/v1/metrics?kind=total', { headers: { 'Accept-Language': 'fr-FR, de;q=0.5' } });
    expect(fallback.body.lang).toBe('es');
    const explicit = await expectJson<Catalogue>('/v1/metrics?kind=total&lang=es', { headers: { 'Accept-Language': 'en' } });
    expect(explicit.body.lang).toBe('es');
    expect(explicit.body.metrics[0]?.label).toBe('Exportaciones totales');
  });

  it('filters by kind', async () => {
    const { body } = await expectJson<Catalogue>('/v1/metrics?kind=sector');
    expect(body.count).toBe(metrics.filter((m) => m.kind === 'sector').length);
    expect(body.metrics.every((m) => m.kind === 'sector')).toBe(true);
  });

  it('rejects an unknown kind naming the allowed ones', async () => {
    const p = await expectProblem(await get('/v1/metrics?kind=country'), 400, ['kind']);
    expect(p.errors?.[0]?.allowed).toContain('destination');
  });
});

describe('GET /v1/metrics/{id}', () => {
  it('gives a monthly series\u2019 latest value, the same month a year earlier, change, share and the partial year', async () => {
    const cn = raw('destination/CN');
    const whole = raw('destination-total');
    const n = cn.values.length;
    const latest = cn.values[n - 1]!;
    const previous = cn.values[n - 13]!;
    const { res, body } = await expectJson<Detail>('/v1/metrics/destination/CN?lang=en');
    expect(res.status).toBe(200);
    expect(body).toMatchObject({
      apiVersion: '1',
      datasetVersion: version,
      lang: 'en',
      id: 'destination/CN',
      label: 'China',
      kind: 'destination',
      unit: 'USD',
      frequency: 'monthly',
    });
    expect(body.latest).toEqual({
      period: '2025-04',
      periodLabel: 'April 2025',
      value: latest,
      formattedValue: expect.stringMatching(/^US\$[\d.]+ (billion|million)$/),
      spokenValue: expect.stringMatching(/^[\d.]+ (billion|million) US dollars$/),
    });
    expect(body.previous).toMatchObject({ period: '2024-04', value: previous, derived: false });
    expect(body.changePct).toBeCloseTo(((latest - previous) / previous) * 100, 10);
    expect(body.formattedChange).toMatch(/^[+-][\d.]+%$/);
    expect(body.share?.of).toBe('destination-total');
    expect(body.share?.pct).toBeCloseTo((latest / whole.values[n - 1]!) * 100, 10);
    expect(body.share?.formattedPct).toMatch(/^[\d.]+%$/);
    // 2025 holds January to April in the data: a partial year of 4 months, compared with the same months of 2024.
    const ytd = cn.values.slice(n - 4).reduce<number>((a, v) => a + (v ?? 0), 0);
    const ytdBefore = cn.values.slice(n - 16, n - 12).reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(body.annual).toMatchObject({ year: 2025, value: ytd, periodLabel: '2025 (4 months)', partial: true, months: 4 });
    expect(body.annual?.changePct).toBeCloseTo(((ytd - ytdBefore) / ytdBefore) * 100, 10);
    // …and says so.
    expect(body.annual?.comparedWith).toEqual({ from: '2024-01', to: '2024-04', label: 'Jan–Apr 2024' });
    expect(body.preliminary).toBe(true);
    expect(body.source).toMatchObject({ id: 'sunat-g6', url: expect.stringMatching(/^https:\/\//) });
    expect(body.source.notes.length).toBeGreaterThan(0);
    expect(body.quote).toBeNull();
  });

  it('answers the same metric with the slash sent as %2F', async () => {
    const a = await expectJson<Detail>('/v1/metrics/destination/CN');
    const b = await expectJson<Detail>('/v1/metrics/destination%2FCN');
    expect(b.res.status).toBe(200);
    expect(b.body).toEqual(a.body);
  });

  it('writes the source notes and labels in Spanish by default', async () => {
    const { body } = await expectJson<Detail>('/v1/metrics/sector/agro');
    expect(body.lang).toBe('es');
    expect(body.label).toBe('Agropecuario');
    expect(body.share?.of).toBe('non-traditional');
    expect(body.source.title).toMatch(/Cuadro G1/);
    expect(body.source.notes.join(' ')).toMatch(/preliminares/);
    expect(body.latest.formattedValue).toMatch(/^US\$\u00a0/);
  });

  it('compares an annual series with the year before', async () => {
    const wb = raw('worldbank/total');
    const n = wb.values.length;
    const { body } = await expectJson<Detail>('/v1/metrics/worldbank/total');
    expect(body.frequency).toBe('annual');
    expect(body.latest).toMatchObject({ period: '2019', value: wb.values[n - 1] });
    expect(body.previous).toMatchObject({ period: '2018', value: wb.values[n - 2] });
    expect(body.annual).toMatchObject({ year: 2019, periodLabel: '2019', partial: false, months: 12 });
    expect(body.annual?.comparedWith).toEqual({ from: '2018', to: '2018', label: '2018' });
    expect(body.share).toBeNull();
    expect(body.preliminary).toBe(false);
  });

  it('answers a press-release highlight in the same shape, with the published growth and the derived year before', async () => {
    const h = getHighlight('highlight/total')!;
    const { body } = await expectJson<Detail>('/v1/metrics/highlight/total?lang=en');
    expect(body).toMatchObject({ id: 'highlight/total', kind: 'highlight', frequency: 'annual', unit: 'USD', label: 'Total exports' });
    expect(body.latest).toEqual({
      period: '2024',
      periodLabel: '2024',
      value: 74.7e9,
      formattedValue: 'US$74.7 billion',
      spokenValue: '74.7 billion US dollars',
    });
    expect(body.changePct).toBe(15.6);
    expect(body.formattedChange).toBe('+15.6%');
    expect(body.previous).toEqual({ period: '2023', value: h.previous!.value, formattedValue: 'US$64.6 billion', derived: true });
    expect(body.source.id).toBe('promperu-2024');
    expect(body.quote).toContain('74.7 billion');
    expect(body.related).toBe('total');
  });

  it('formats each highlight unit: a share, a count, a growth rate without level', async () => {
    const share = await expectJson<Detail>('/v1/metrics/highlight/trade-agreements-share?lang=es');
    expect(share.body.unit).toBe('share');
    expect(share.body.latest.formattedValue).toBe('87\u00a0%');
    const count = await expectJson<Detail>('/v1/metrics/highlight/trade-agreements?lang=en');
    expect(count.body.latest).toEqual({ period: '2024', periodLabel: '2024', value: 22, formattedValue: '22', spokenValue: '22' });
    const growth = await expectJson<Detail>('/v1/metrics/highlight/blueberries?lang=en');
    expect(growth.body.latest.value).toBeNull();
    expect(growth.body.formattedChange).toBe('+36%');
    expect(growth.body.annual).toBeNull();
  });

  it('answers an unknown id with 404 and close matches, by id or by label', async () => {
    const byLabel = await expectProblem(await get('/v1/metrics/china'), 404, ['id']);
    expect(byLabel.type).toBe('/docs#problem-unknown-metric');
    expect(byLabel.closeMatches).toContain('destination/CN');
    const byCase = await expectProblem(await get('/v1/metrics/destination/cn'), 404);
    expect(byCase.closeMatches?.[0]).toBe('destination/CN');
    const typo = await expectProblem(await get('/v1/metrics/sector/argo'), 404);
    expect(typo.closeMatches).toContain('sector/agro');
    const nothing: ProblemBody = await expectProblem(await get('/v1/metrics/zzzzzzzzzzzzzzzzzzzzzz'), 404);
    expect(nothing.closeMatches).toEqual([]);
  });

  it('takes only lang and format=json', async () => {
    await expectProblem(await get('/v1/metrics/total?format=csv'), 400, ['format']);
    await expectProblem(await get('/v1/metrics/total?from=2024'), 400, ['from']);
  });
});
