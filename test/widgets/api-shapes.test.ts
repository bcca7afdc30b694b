/**
 * The guard the elements run on API bodies before drawing them: it accepts what the API sends
 * and rejects a body without the objects and lists an element reads through.
 */
import { describe, expect, it } from 'vitest';
import { fits, METRIC, RANKING, SERIES, type Shape } from '@peru-exports/widgets/api-types';
import { metricResponse, rankingResponse, seriesResponse } from './fixtures';

describe('fits', () => {
  it.each(['es', 'en'] as const)('accepts the API’s answers (%s)', (lang) => {
    expect(fits(metricResponse('total', lang), METRIC)).toBe(true);
    expect(fits(metricResponse('highlight/total', lang), METRIC)).toBe(true);
    expect(fits(seriesResponse('destination/CN', lang), SERIES)).toBe(true);
    expect(fits(seriesResponse('total', lang, { freq: 'annual', from: '2019' }), SERIES)).toBe(true);
    expect(fits(rankingResponse('sectors', lang), RANKING)).toBe(true);
    // Texts and numbers are shown as they come: only what the elements read through is checked.
    expect(fits({ points: [] }, SERIES)).toBe(true);
    expect(fits({ latest: { value: 'x' }, source: [] }, METRIC)).toBe(true);
  });

  it.each<[unknown, Shape]>([
    [null, METRIC],
    ['{"latest":{},"source":{}}', METRIC],
    [{ latest: {} }, METRIC],
    [{ latest: null, source: {} }, METRIC],
    [{ points: {} }, SERIES],
    [{ points: 'none' }, SERIES],
    [{ points: [{}, {}, 'x'] }, SERIES],
    [{ points: [{}, null] }, SERIES],
    [{ period: {}, total: {}, items: {} }, RANKING],
    [{ period: {}, total: 1, items: [] }, RANKING],
    [[], RANKING],
    [{ metric: { latest: 5, source: {} } }, { metric: METRIC }],
  ])('rejects %j', (body, shape) => {
    expect(fits(body, shape)).toBe(false);
  });
});
