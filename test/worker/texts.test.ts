/**
 * The texts the API writes for people and screen readers, so a page or an element shows them
 * without formatting anything: a series' `description` and `periodLabel`s, a metric's
 * `latest.periodLabel`, `latest.spokenValue` and `spokenChange`, a ranking item's `spokenValue`.
 * Each is checked against the shared helper that builds it and against the exact words.
 */
import { describe, expect, it } from 'vitest';
import { getMetric } from '../../data/index';
import type { MetricCatalogueBody, MetricDetailBody as DetailBody, SeriesBody } from '../../worker/schemas';
import { describeSeries } from '@peru-exports/widgets/render';
import { formatUsd, periodLabel, spokenChange, spokenUsd } from '../../worker/render/format';
import { expectElement, expectWellFormedSvg } from '../render/svg';
import { get, expectJson } from './helpers';

const NBSP = '\u00a0';

/** The `<desc>` of an image. */
async function imageDesc(path: string): Promise<string> {
  const res = await get(path);
  expect(res.headers.get('x-error'), path).toBeNull();
  return expectElement(expectWellFormedSvg(await res.text()), 'desc').text;
}

describe('series: description', () => {
  it.each(['es', 'en'] as const)('is describeSeries of exactly the returned points, in US dollars (%s)', async (lang) => {
    for (const query of ['last=12', 'from=2023-01&to=2023-06', 'freq=annual&last=4', '']) {
      const { body } = await expectJson<SeriesBody>(`/v1/metrics/destination/CN/series?lang=${lang}&${query}`);
      expect(body.description, query).toBe(describeSeries(body.points, lang, formatUsd));
    }
  });

  it('gives the exact words', async () => {
    const es = await expectJson<SeriesBody>('/v1/metrics/total/series?last=3');
    expect(es.body.description).toBe(
      `De US$${NBSP}5,56 mil millones en febrero de 2025 a US$${NBSP}4,6 mil millones en abril de 2025; ` +
        `mínimo US$${NBSP}4,6 mil millones en abril de 2025, máximo US$${NBSP}5,89 mil millones en marzo de 2025.`,
    );
    // A partial year is named apart, never as the last or lowest of the whole years.
    const en = await expectJson<SeriesBody>('/v1/metrics/total/series?last=3&freq=annual&lang=en');
    expect(en.body.description).toBe(
      'From US$64.3 billion in 2023 to US$73.6 billion in 2024; lowest US$64.3 billion in 2023, highest US$73.6 billion in 2024. ' +
        'Partial year: US$22.5 billion in 2025 (4 months).',
    );
    const es2 = await expectJson<SeriesBody>('/v1/metrics/total/series?last=2&freq=annual');
    expect(es2.body.description).toBe(`US$${NBSP}73,6 mil millones en 2024. Año parcial: US$${NBSP}22,5 mil millones en 2025 (4 meses).`);
  });

  it('counts the gaps of a sparse series', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/destination/other-yugoslavia/series?lang=en&from=2010&to=2016');
    const gaps = body.points.filter((p) => p.value === null).length;
    expect(gaps).toBeGreaterThan(0);
    expect(body.description).toMatch(new RegExp(`${gaps} periods? without data\\.$`));
  });

  it.each([
    ['the default range (the last 24 months)', 'sparkline.svg?lang=en', 'series?lang=en&last=24'],
    ['a month range', 'sparkline.svg?from=2023-05&to=2024-04', 'series?from=2023-05&to=2024-04'],
    ['annual points', 'sparkline.svg?freq=annual&from=2015&lang=en', 'series?freq=annual&from=2015&lang=en'],
  ])('is the <desc> of the sparkline image of the same points: %s', async (_, image, series) => {
    for (const id of ['total', 'destination/CN']) {
      const { body } = await expectJson<SeriesBody>(`/v1/metrics/${id}/${series}`);
      expect(await imageDesc(`/v1/metrics/${id}/${image}`)).toBe(body.description);
    }
  });
});

describe('series: periodLabel', () => {
  it('writes each month in full', async () => {
    const es = await expectJson<SeriesBody>('/v1/metrics/total/series?last=2');
    expect(es.body.points.map((p) => p.periodLabel)).toEqual(['marzo de 2025', 'abril de 2025']);
    const en = await expectJson<SeriesBody>('/v1/metrics/total/series?from=2024-12&to=2025-01&lang=en');
    expect(en.body.points.map((p) => p.periodLabel)).toEqual(['December 2024', 'January 2025']);
  });

  it('keeps a year, and says how many months a partial year holds', async () => {
    const es = await expectJson<SeriesBody>('/v1/metrics/total/series?freq=annual&last=2');
    expect(es.body.points.map((p) => p.periodLabel)).toEqual(['2024', '2025 (4 meses)']);
    const en = await expectJson<SeriesBody>('/v1/metrics/total/series?freq=annual&last=2&lang=en');
    expect(en.body.points.map((p) => p.periodLabel)).toEqual(['2024', '2025 (4 months)']);
    const wb = await expectJson<SeriesBody>('/v1/metrics/worldbank/total/series?last=1');
    expect(wb.body.points.map((p) => p.periodLabel)).toEqual(['2019']);
  });

  it('is periodLabel of every point', async () => {
    const { body } = await expectJson<SeriesBody>('/v1/metrics/destination/CN/series?freq=annual&lang=en');
    for (const p of body.points) expect(p.periodLabel).toBe(periodLabel(p.period, 'en', p.partial ? p.months! : null));
  });
});

describe('metric: latest.periodLabel, latest.spokenValue, spokenChange', () => {
  it.each([
    // A monthly series: its latest month against the same month a year earlier.
    [
      'total',
      'abril de 2025',
      '4,6 mil millones de dólares',
      `7,7${NBSP}% menos que en abril de 2024`,
      'April 2025',
      '4.6 billion US dollars',
      'down 7.7% from April 2024',
    ],
    // A press-release highlight: its year and published growth.
    [
      'highlight/total',
      '2024',
      '74,7 mil millones de dólares',
      `15,6${NBSP}% más que en 2023`,
      '2024',
      '74.7 billion US dollars',
      'up 15.6% from 2023',
    ],
  ])('says %s\u2019s figure and change in words (es, en)', async (id, esPeriod, esValue, esChange, enPeriod, enValue, enChange) => {
    const es = await expectJson<DetailBody>(`/v1/metrics/${id}`);
    expect(es.body.latest).toMatchObject({ periodLabel: esPeriod, spokenValue: esValue });
    expect(es.body.spokenChange).toBe(esChange);
    const en = await expectJson<DetailBody>(`/v1/metrics/${id}?lang=en`);
    expect(en.body.latest).toMatchObject({ periodLabel: enPeriod, spokenValue: enValue });
    expect(en.body.spokenChange).toBe(enChange);
  });

  it('builds them with the shared helpers, against the period of `previous`', async () => {
    for (const lang of ['es', 'en'] as const) {
      for (const id of ['destination/CN', 'sector/agro', 'destination%2FUS', 'worldbank/total']) {
        const { body } = await expectJson<DetailBody>(`/v1/metrics/${id}?lang=${lang}`);
        expect(body.latest.spokenValue).toBe(spokenUsd(body.latest.value!, lang));
        expect(body.latest.periodLabel).toBe(periodLabel(body.latest.period, lang));
        expect(body.spokenChange).toBe(spokenChange(body.changePct!, body.previous!.period, lang));
      }
    }
  });

  it('gives another unit\u2019s spokenValue as its formattedValue, null without a figure', async () => {
    const count = await expectJson<DetailBody>('/v1/metrics/highlight/trade-agreements?lang=en');
    expect(count.body.latest.spokenValue).toBe('22');
    const share = await expectJson<DetailBody>('/v1/metrics/highlight/trade-agreements-share?lang=es');
    expect(share.body.latest.spokenValue).toBe(share.body.latest.formattedValue);
    expect(share.body.latest.spokenValue).toBe(`87${NBSP}%`);
    // A growth rate without a level: no figure to say, the growth in words.
    const growth = await expectJson<DetailBody>('/v1/metrics/highlight/blueberries?lang=en');
    expect(growth.body.latest).toMatchObject({ value: null, formattedValue: null, spokenValue: null });
    expect(growth.body.spokenChange).toBe('up 36% from 2023');
  });

  it('gives a null spokenChange where there is no change', async () => {
    const named = await expectJson<DetailBody>('/v1/metrics/highlight/india?lang=en');
    expect(named.body.changePct).toBeNull();
    expect(named.body.spokenChange).toBeNull();
    expect(named.body.latest.spokenValue).toBeNull();
    // A destination whose last reported month has no figure a year earlier.
    const sparse = await expectJson<DetailBody>('/v1/metrics/destination/other-yugoslavia?lang=es');
    expect(sparse.body.changePct).toBeNull();
    expect(sparse.body.spokenChange).toBeNull();
    expect(sparse.body.latest.periodLabel).toBe('diciembre de 2014');
  });

  it('gives the catalogue\u2019s latest the same fields', async () => {
    const { body } = await expectJson<MetricCatalogueBody>('/v1/metrics?kind=destination&lang=en');
    const cn = body.metrics.find((m) => m.id === 'destination/CN')!;
    const metric = getMetric('destination/CN')!;
    expect(cn.latest).toEqual({
      period: '2025-04',
      periodLabel: 'April 2025',
      value: metric.values.at(-1),
      formattedValue: formatUsd(metric.values.at(-1)!, 'en'),
      spokenValue: spokenUsd(metric.values.at(-1)!, 'en'),
    });
  });
});

describe('rankings: spokenValue', () => {
  it.each(['destinations', 'sectors'])('says every %s item\u2019s value in words', async (kind) => {
    for (const lang of ['es', 'en'] as const) {
      const { body } = await expectJson<{ items: { value: number; spokenValue: string }[] }>(`/v1/rankings/${kind}?lang=${lang}&limit=50`);
      expect(body.items.length).toBeGreaterThan(5);
      for (const item of body.items) expect(item.spokenValue).toBe(spokenUsd(item.value, lang));
    }
  });

  it('gives the exact words (es, en)', async () => {
    const es = await expectJson<{ items: { id: string; spokenValue: string }[] }>('/v1/rankings/destinations?year=2024&limit=1');
    expect(es.body.items[0]).toMatchObject({ id: 'destination/CN', spokenValue: '24,6 mil millones de dólares' });
    const en = await expectJson<{ items: { id: string; spokenValue: string }[] }>('/v1/rankings/destinations?year=2024&limit=1&lang=en');
    expect(en.body.items[0]).toMatchObject({ id: 'destination/CN', spokenValue: '24.6 billion US dollars' });
  });
});
