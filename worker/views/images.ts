/**
 * What the SVG images draw, from the same views as the JSON API (metricSeries, metricDetail),
 * so an image and the JSON beside it never disagree. Pure: no HTTP here; the request's checks
 * (checks/image.ts) come before, and hand over a selection that can be drawn.
 */
import type { Lang } from '../../data/types';
import type { SparklinePoint } from '@peru-exports/widgets/render';
import type { CardData } from '../render/card';
import { formatPeriod } from '../render/format';
import type { FoundMetric } from './lookup';
import { metricDetail } from './metrics';
import { metricSeries, type SeriesSelection } from './series';

/** The points an image draws, and their description (the series API's, for the sparkline's `<desc>`). */
export function imageSeries(selection: SeriesSelection, lang: Lang): { points: SparklinePoint[]; description: string } {
  const series = metricSeries(selection, lang);
  // A partial year keeps its flag and label: the renderer draws it lighter, named "2025 (4 months)".
  const points = series.points.map(({ period, value, partial, periodLabel }) =>
    partial ? { period, value, partial, periodLabel } : { period, value },
  );
  return { points, description: series.description };
}

/** The points an image draws (see {@link imageSeries}). */
export function imagePoints(selection: SeriesSelection, lang: Lang): SparklinePoint[] {
  return imageSeries(selection, lang).points;
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
    period: detail.provisional
      ? `${period} (${detail.provisional.label})`
      : detail.preliminary
        ? `${period} (${words.preliminary})`
        : period,
    sourceLine: `${words.source}: ${source}`,
    points,
  };
}
