/**
 * The social preview of a metric (and of the front page): its card and chart, drawn by the same
 * renderers and views as card.svg and sparkline.svg, placed by renderSocial.
 */
import type { Lang } from '../../data/types';
import { renderSparkline } from '../../widgets/src/render/sparkline';
import { STRINGS } from '../pages/i18n';
import { renderCard } from '../render/card';
import { formatUsd } from '../render/format';
import { renderSocial } from '../render/social';
import { cardData, imagePoints, imageSeries } from './images';
import type { FoundMetric } from './lookup';
import { latestPeriod } from '../../data/derive';

/** The metric the front page's preview shows: the headline figure (BCRP's total). */
export const FRONT_PAGE_METRIC = 'bcrp/total';

/** Months in the preview's chart: five years, longer than the card's two. */
const CHART_MONTHS = 60;

export function socialSvg(found: FoundMetric, lang: Lang, frontPage: boolean): string {
  const points = found.type === 'series' ? imagePoints(found.metric, {}, lang) : [];
  const data = cardData(found, points, lang);
  // The default card width, scaled up by renderSocial: larger type than a wider card would get.
  const card = renderCard(data, { lang, formatValue: formatUsd });
  let chart: string | null = null;
  if (found.type === 'series') {
    const latest = found.metric.frequency === 'monthly' ? latestPeriod(found.metric) : null;
    const series = imageSeries(found.metric, latest === null ? {} : { last: CHART_MONTHS, to: latest }, lang);
    chart = renderSparkline(series.points, {
      width: 560,
      height: 400,
      type: 'area',
      markers: ['last', 'min', 'max'],
      background: 'theme',
      lang,
      title: data.label,
      desc: series.description,
      formatValue: formatUsd,
    });
  }
  const t = STRINGS[lang];
  return renderSocial({
    siteName: t.siteName,
    tagline: frontPage ? t.tagline : null,
    card,
    chart,
    sourceLine: data.sourceLine,
    title: data.label,
    lang,
  });
}
