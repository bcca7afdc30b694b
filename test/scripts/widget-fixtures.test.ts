/**
 * The widget tests' fixtures (test/widgets/fixtures.ts) are in exactly the API's shape: checked
 * here against the worker's response schemas, which are strict (no field missing or extra).
 */
import { describe, expect, it } from 'vitest';
import { MetricDetail, Ranking, Series } from '../../worker/schemas';
import { describeSeries, formatUsd } from '@peru-exports/widgets/render';
import { answer, highlightResponse, metricResponse, rankingResponse, seriesResponse } from '../widgets/fixtures';

describe.each(['es', 'en'] as const)('widget fixtures (%s) match the API schemas', (lang) => {
  it.each(['total', 'destination/CN'])('metric %s', (id) => {
    expect(() => MetricDetail.parse(metricResponse(id, lang))).not.toThrow();
  });

  it('highlight/total', () => {
    expect(() => MetricDetail.parse(highlightResponse(lang))).not.toThrow();
  });

  it.each([{}, { from: '2024-01', to: '2024-12' }, { freq: 'annual' }, { last: '6' }, { last: '3', freq: 'annual' }])(
    'series %o',
    (query) => {
      expect(() => Series.parse(seriesResponse('total', lang, query))).not.toThrow();
    },
  );

  it('series: last N points, ending at to', () => {
    expect(seriesResponse('total', lang, { last: '3' })!.points.map((p) => p.period)).toEqual(['2025-02', '2025-03', '2025-04']);
    expect(seriesResponse('total', lang, { last: '2', to: '2024' })!.points.map((p) => p.period)).toEqual(['2024-11', '2024-12']);
    expect(seriesResponse('total', lang, { last: '2', freq: 'annual' })!.points.map((p) => p.period)).toEqual(['2024', '2025']);
  });

  it('series: the mock answers last with from, or a bad last, with a 400', () => {
    const series = (query: string) => answer(new URL(`https://api.test/v1/metrics/total/series?${query}`));
    expect(series('last=3&from=2024-01').status).toBe(400);
    expect(series('last=0').status).toBe(400);
    expect(series('last=1001').status).toBe(400);
    expect(series('last=abc').status).toBe(400);
    expect(series('last=1000').status).toBe(200);
  });

  it('series: description and periodLabel as the API builds them', () => {
    const body = seriesResponse('total', lang, { freq: 'annual', last: '2' })!;
    expect(body.description).toBe(describeSeries(body.points, lang, formatUsd));
    expect(body.points.map((p) => p.periodLabel)).toEqual(lang === 'es' ? ['2024', '2025 (4 meses)'] : ['2024', '2025 (4 months)']);
  });

  it.each(['destinations', 'sectors'])('ranking %s', (kind) => {
    expect(() => Ranking.parse(rankingResponse(kind, lang, { year: '2024', limit: '5' }))).not.toThrow();
    expect(() => Ranking.parse(rankingResponse(kind, lang))).not.toThrow();
  });

  it('a schema violation is caught (the check can fail)', () => {
    expect(() => Series.parse({ ...seriesResponse('total', lang), points: [{ period: 2024 }] })).toThrow(/period/);
  });
});
