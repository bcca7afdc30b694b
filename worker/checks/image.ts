/**
 * The checks of an image request (sparkline.svg, card.svg, and any image route to come), made
 * once, before anything is drawn: after the query schema (image-params.ts), the metric id, then
 * the series range as the series API checks it (checks/series.ts), with an image's default range
 * and its bound on the points drawn. What passes is what the image views draw (views/images.ts).
 */
import { latestPeriod } from '../../data/derive';
import type { SeriesMetric } from '../../data/types';
import { SPARKLINE_POINTS } from '@peru-exports/widgets/render';
import { invalidParams } from '../problem';
import type { FoundMetric } from '../views/lookup';
import { pointPeriod, type SeriesSelection } from '../views/series';
import { requireMetric, requireSeries } from './metric';
import { checkSeries, type SeriesQuery } from './series';

/**
 * Most points one image draws. Beyond a few hundred, points are narrower than a pixel even in
 * a wide image, and the SVG grows for nothing; the longest series (monthly since 2005) fits.
 */
export const MAX_IMAGE_POINTS = 300;

/**
 * Months drawn when no range is asked for: the last two years up to the latest value, the same
 * number as the <peru-export-card> and <peru-export-sparkline> elements ask for (`last`), so an
 * element and its fallback image show the same stretch. Annual series: every year.
 */
export const DEFAULT_MONTHS = SPARKLINE_POINTS;

/** The period parameters of an image (without a range, or `last`, it draws DEFAULT_MONTHS). */
export type ImageSeriesQuery = Pick<SeriesQuery, 'from' | 'to' | 'freq' | 'last'>;

/**
 * The series query an image uses: the one asked for (a range, or `last`), or the default range, which is the
 * series API's `last` (DEFAULT_MONTHS points) up to the latest value.
 */
function imageSeriesQuery(metric: SeriesMetric, q: ImageSeriesQuery): SeriesQuery {
  if (q.from !== undefined || q.to !== undefined || q.last !== undefined) return q;
  if ((q.freq ?? metric.frequency) !== 'monthly') return q;
  const latest = latestPeriod(metric);
  if (latest === null) return q;
  return { ...q, last: DEFAULT_MONTHS, to: latest };
}

/**
 * The points an image of `metric` draws: the range asked for (or the default), checked like the
 * series API's, and at most MAX_IMAGE_POINTS of them. @throws the 400 problem of a bad range, or
 * of too many points.
 */
export function checkImageSeries(metric: SeriesMetric, q: ImageSeriesQuery): SeriesSelection {
  const selection = checkSeries(metric, imageSeriesQuery(metric, q));
  const count = selection.end - selection.start + 1;
  if (count > MAX_IMAGE_POINTS) {
    const from = pointPeriod(metric, selection.freq, selection.start);
    const to = pointPeriod(metric, selection.freq, selection.end);
    const message =
      `${from} to ${to} is ${count} ${selection.freq === 'monthly' ? 'months' : 'years'}; ` +
      `an image draws at most ${MAX_IMAGE_POINTS} points: choose a shorter range or freq=annual`;
    const allowed = `a range of at most ${MAX_IMAGE_POINTS} periods`;
    throw invalidParams([{ param: 'from', message, allowed }, ...(q.to !== undefined ? [{ param: 'to', message, allowed }] : [])]);
  }
  return selection;
}

/**
 * An image of a series (sparkline.svg; a new image of a series' points calls this too, after its
 * query schema): the 404 of an id without a series, then {@link checkImageSeries}.
 */
export function checkSeriesImageRequest(id: string, q: ImageSeriesQuery): SeriesSelection {
  return checkImageSeries(requireSeries(id), q);
}

/**
 * A card image (card.svg): any metric; a series' card draws its points, checked as for
 * {@link checkImageSeries}. A highlight has none, and the period parameters (checked for their
 * form by the schema all the same) do not apply to it.
 */
export function checkCardRequest(id: string, q: ImageSeriesQuery): { found: FoundMetric; series: SeriesSelection | null } {
  const found = requireMetric(id);
  return { found, series: found.type === 'series' ? checkImageSeries(found.metric, q) : null };
}
