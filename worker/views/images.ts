/**
 * What the SVG images draw, from the same views as the JSON API (metricSeries, metricDetail),
 * so an image and the JSON beside it never disagree. Pure: no HTTP here.
 */
import { latestPeriod } from '../../data/derive';
import type { Lang, SeriesMetric } from '../../data/types';
import { SPARKLINE_POINTS, type SparklinePoint } from '@peru-exports/widgets/render';
import { invalidParams } from '../problem';
import type { CardData } from '../render/card';
import { formatPeriod } from '../render/format';
import type { FoundMetric } from './lookup';
import { metricDetail } from './metrics';
import { metricSeries, type SeriesQuery } from './series';

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

/**
 * The series query an image uses: the one asked for, or the default range, which is the
 * series API's `last` (DEFAULT_MONTHS points) up to the latest value.
 */
export function imageSeriesQuery(metric: SeriesMetric, q: SeriesQuery): SeriesQuery {
  if (q.from !== undefined || q.to !== undefined || q.last !== undefined) return q;
  if ((q.freq ?? metric.frequency) !== 'monthly') return q;
  const latest = latestPeriod(metric);
  if (latest === null) return q;
  return { ...q, last: DEFAULT_MONTHS, to: latest };
}

/**
 * The points an image of `metric` draws, and their description (the series API's, for the
 * sparkline's `<desc>`). @throws the 400 problem of a bad range, or of too many points.
 */
export function imageSeries(metric: SeriesMetric, q: SeriesQuery, lang: Lang): { points: SparklinePoint[]; description: string } {
  const series = metricSeries(metric, imageSeriesQuery(metric, q), lang);
  if (series.points.length > MAX_IMAGE_POINTS) {
    const message =
      `${series.from} to ${series.to} is ${series.points.length} ${series.frequency === 'monthly' ? 'months' : 'years'}; ` +
      `an image draws at most ${MAX_IMAGE_POINTS} points: choose a shorter range or freq=annual`;
    const allowed = `a range of at most ${MAX_IMAGE_POINTS} periods`;
    throw invalidParams([
      { param: 'from', message, allowed },
      ...(q.to !== undefined ? [{ param: 'to', message, allowed }] : []),
    ]);
  }
  // A partial year keeps its flag and label: the renderer draws it lighter, named "2025 (4 months)".
  const points = series.points.map(({ period, value, partial, periodLabel }) =>
    partial ? { period, value, partial, periodLabel } : { period, value },
  );
  return { points, description: series.description };
}

/** The points an image of `metric` draws (see {@link imageSeries}). */
export function imagePoints(metric: SeriesMetric, q: SeriesQuery, lang: Lang): SparklinePoint[] {
  return imageSeries(metric, q, lang).points;
}

/** Words of the card that are not data. */
const CARD_WORDS: Record<Lang, { source: string; preliminary: string }> = {
  es: { source: 'Fuente', preliminary: 'preliminar' },
  en: { source: 'Source', preliminary: 'preliminary' },
};

/**
 * A card's texts, as the <peru-export-card> element shows them: the latest value (or, for a
 * figure published only as a growth rate, the growth), the change on a year earlier, the
 * period (marked when preliminary) and the source.
 */
export function cardData(found: FoundMetric, points: readonly SparklinePoint[], lang: Lang): CardData {
  const detail = metricDetail(found, lang);
  const words = CARD_WORDS[lang];
  const hasChange = detail.latest.formattedValue !== null && detail.formattedChange !== null;
  const period = formatPeriod(detail.latest.period, lang);
  const source = [detail.source.publisher, detail.source.title].filter(Boolean).join(', ');
  return {
    label: detail.label,
    value: detail.latest.value ?? 0,
    formattedValue: detail.latest.formattedValue ?? detail.formattedChange ?? '\u2014',
    changePct: hasChange ? detail.changePct : null,
    formattedChange: hasChange ? detail.formattedChange : null,
    period: detail.provisional ? `${period} (${detail.provisional.label})` : detail.preliminary ? `${period} (${words.preliminary})` : period,
    sourceLine: `${words.source}: ${source}`,
    points,
  };
}
