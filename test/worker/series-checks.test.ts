/**
 * Checks come before the views (issue 13 item 10): whatever a series query is, either the check
 * step refuses it with a 400 problem, or it hands the view a selection the view shows without
 * refusing anything: at least one point, every point inside the series, in order, and the body's
 * `from`/`to` those of its first and last point. The same for an image's selection, bounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverage } from '../../data/derive';
import { getMetric } from '../../data/index';
import type { SeriesMetric } from '../../data/types';
import { checkImageSeries, MAX_IMAGE_POINTS } from '../../worker/checks/image';
import { checkSeries, type SeriesQuery } from '../../worker/checks/series';
import { ProblemError } from '../../worker/problem';
import { metricSeries } from '../../worker/views/series';

function metric(id: string): SeriesMetric {
  const m = getMetric(id);
  if (!m) throw new Error(`no metric ${id}`);
  return m;
}

/** Periods around and inside the series' coverage (1950–2035), as years or months. */
const period = fc.oneof(
  fc.integer({ min: 1950, max: 2035 }).map(String),
  fc
    .record({ y: fc.integer({ min: 1950, max: 2035 }), m: fc.integer({ min: 1, max: 12 }) })
    .map(({ y, m }) => `${y}-${String(m).padStart(2, '0')}`),
);
const query: fc.Arbitrary<SeriesQuery> = fc.record(
  { from: period, to: period, freq: fc.constantFrom('monthly' as const, 'annual' as const), last: fc.integer({ min: 1, max: 1000 }) },
  { requiredKeys: [] },
);

/** The check's answer: the selection, or the 400 problem it threw (anything else fails the test). */
function checked<T>(check: () => T): T | null {
  try {
    return check();
  } catch (err) {
    expect(err).toBeInstanceOf(ProblemError);
    expect((err as ProblemError).problem.kind).toBe('invalid-parameter');
    return null;
  }
}

describe.each(['total', 'bcrp/total', 'worldbank/total', 'destination/CN'])('%s', (id) => {
  const m = metric(id);
  const cover = coverage(m);

  it('a query the checks let through is one the view shows, inside the series', () => {
    let passed = 0;
    fc.assert(
      fc.property(query, (q) => {
        const selection = checked(() => checkSeries(m, q));
        if (selection === null) return;
        passed++;
        const body = metricSeries(selection, 'en');
        expect(body.points.length).toBe(selection.end - selection.start + 1);
        expect(body.points.length).toBeGreaterThan(0);
        expect(body.from).toBe(body.points[0]!.period);
        expect(body.to).toBe(body.points.at(-1)!.period);
        const year = (p: string) => p.slice(0, 4);
        const [first, last] = body.frequency === 'monthly' ? [cover.first, cover.last] : [year(cover.first), year(cover.last)];
        expect(body.from >= first && body.to <= last).toBe(true);
        if (q.last !== undefined) expect(body.points.length).toBeLessThanOrEqual(q.last);
      }),
      { numRuns: 300 },
    );
    // Not a property that holds because everything is refused.
    expect(passed).toBeGreaterThan(5);
  });

  it('an image selection is as the series one, at most MAX_IMAGE_POINTS points', () => {
    fc.assert(
      fc.property(query, ({ from, to, freq }) => {
        const selection = checked(() => checkImageSeries(m, { from, to, freq }));
        if (selection === null) return;
        expect(selection.end - selection.start + 1).toBeLessThanOrEqual(MAX_IMAGE_POINTS);
        expect(metricSeries(selection, 'es').points.length).toBeGreaterThan(0);
      }),
      { numRuns: 200 },
    );
  });
});
