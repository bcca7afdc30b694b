/**
 * The checks of a chart request (chart.svg), made once, before anything is drawn: its metric and
 * range as any image's (checks/image.ts, with `last`), then each id of `compare` over the same
 * periods. What passes is the ChartSelection the chart view draws (views/chart.ts).
 */
import { invalidParams, ProblemError } from '../problem';
import type { ChartSelection } from '../views/chart';
import { findMetric } from '../views/lookup';
import { pointPeriod } from '../views/series';
import { checkImageSeries, checkSeriesImageRequest, type ImageSeriesQuery } from './image';

/** What `compare` accepts, in words. */
export const COMPARE_ALLOWED = 'up to 4 other metric ids with a series, comma-separated (e.g. destination/CN,destination/US)';

/**
 * The chart of metric `id` over the range of `q` (the images' default range when none), and of
 * each id in `compare` over the same periods.
 *
 * @throws the 404 of an id without a series, the 400 of a bad range or too many points (as the
 *   other images), and a 400 naming `compare` for an id that is unknown, not a series, or has
 *   nothing in that range.
 */
export function checkChartRequest(id: string, q: ImageSeriesQuery, compare: readonly string[]): ChartSelection {
  const main = checkSeriesImageRequest(id, q);
  const from = pointPeriod(main.metric, main.freq, main.start);
  const to = pointPeriod(main.metric, main.freq, main.end);
  const others = compare.map((other) => {
    const found = findMetric(other);
    if (found?.type !== 'series') {
      const what = found ? `${other} is a press-release figure, not a series` : `there is no metric ${JSON.stringify(other)}`;
      throw invalidParams([{ param: 'compare', message: `compare: ${what}`, allowed: COMPARE_ALLOWED }]);
    }
    try {
      return checkImageSeries(found.metric, { from, to, freq: main.freq });
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      throw invalidParams([{ param: 'compare', message: `compare: ${other}: ${err.problem.detail}`, allowed: COMPARE_ALLOWED }]);
    }
  });
  return { main, compare: others };
}
