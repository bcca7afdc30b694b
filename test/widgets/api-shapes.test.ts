/**
 * The guard the elements run on API bodies before drawing them: it accepts what the API sends
 * and names the first field that is not what an element reads through.
 */
import { describe, expect, it } from 'vitest';
import { METRIC, mismatch, RANKING, SERIES } from '../../widgets/src/lib/api-shapes';
import { metricResponse, rankingResponse, seriesResponse } from './fixtures';

describe('mismatch', () => {
  it.each(['es', 'en'] as const)('accepts the API’s answers (%s)', (lang) => {
    expect(mismatch(metricResponse('total', lang), METRIC)).toBeUndefined();
    expect(mismatch(metricResponse('highlight/total', lang), METRIC)).toBeUndefined();
    expect(mismatch(seriesResponse('destination/CN', lang), SERIES)).toBeUndefined();
    expect(mismatch(seriesResponse('total', lang, { freq: 'annual', from: '2019' }), SERIES)).toBeUndefined();
    expect(mismatch(rankingResponse('sectors', lang), RANKING)).toBeUndefined();
    // Texts are shown as they come: only what the elements read through is checked.
    expect(mismatch({ points: [] }, SERIES)).toBeUndefined();
  });

  it.each<[unknown, typeof METRIC, string]>([
    [null, METRIC, 'the answer is not an object'],
    ['{"latest":{}}', METRIC, 'the answer is not an object'],
    [{ latest: {} }, METRIC, 'source is not an object'],
    [{ latest: null, source: {} }, METRIC, 'latest is not an object'],
    [{ points: {} }, SERIES, 'points is not a list'],
    [{ points: [{}, {}, 'x'] }, SERIES, 'points[2] is not an object'],
    [{ points: [{}, null] }, SERIES, 'points[1] is not an object'],
    [{ period: {}, total: {}, items: {} }, RANKING, 'items is not a list'],
    [{ period: {}, total: 1, items: [] }, RANKING, 'total is not an object'],
    [{ metric: { latest: 5, source: {} } }, { metric: METRIC }, 'latest is not an object'],
  ])('names what is wrong in %j', (body, shape, said) => {
    expect(mismatch(body, shape)).toBe(said);
  });
});
