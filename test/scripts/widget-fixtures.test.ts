/**
 * The widget tests' fixtures (test/widgets/fixtures.ts) are in exactly the API's shape: checked
 * here against the worker's response schemas, which are strict (no field missing or extra).
 */
import { describe, expect, it } from 'vitest';
import { MetricDetail, Ranking, Series } from '../../worker/schemas';
import { highlightResponse, metricResponse, rankingResponse, seriesResponse } from '../widgets/fixtures';

describe.each(['es', 'en'] as const)('widget fixtures (%s) match the API schemas', (lang) => {
  it.each(['total', 'destination/CN'])('metric %s', (id) => {
    expect(() => MetricDetail.parse(metricResponse(id, lang))).not.toThrow();
  });

  it('highlight/total', () => {
    expect(() => MetricDetail.parse(highlightResponse(lang))).not.toThrow();
  });

  it.each([{}, { from: '2024-01', to: '2024-12' }, { freq: 'annual' }])('series %o', (query) => {
    expect(() => Series.parse(seriesResponse('total', lang, query))).not.toThrow();
  });

  it.each(['destinations', 'sectors'])('ranking %s', (kind) => {
    expect(() => Ranking.parse(rankingResponse(kind, lang, { year: '2024', limit: '5' }))).not.toThrow();
    expect(() => Ranking.parse(rankingResponse(kind, lang))).not.toThrow();
  });

  it('a schema violation is caught (the check can fail)', () => {
    expect(() => Series.parse({ ...seriesResponse('total', lang), points: [{ period: 2024 }] })).toThrow();
  });
});
