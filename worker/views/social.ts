/**
 * The social preview of a metric (and of the front page): its card and chart, drawn by the same
 * renderers and views as card.svg and chart.svg, placed by renderSocial.
 */
import type { Lang } from '../../data/types';
import { STRINGS } from '../pages/i18n';
import { renderCard } from '../render/card';
import { renderChart } from '../render/chart';
import { formatUsd } from '../render/format';
import { renderSocial } from '../render/social';
import { chartData, type ChartSelection } from './chart';
import { cardData, imagePoints } from './images';
import type { FoundMetric } from './lookup';
import type { SeriesSelection } from './series';

/** The metric the front page's preview shows: the headline figure (BCRP's total). */
export const FRONT_PAGE_METRIC = 'bcrp/total';

/** What a preview draws, checked (checks/social.ts): a highlight has no card points and no chart. */
export interface SocialSelection {
  found: FoundMetric;
  card: SeriesSelection | null;
  chart: ChartSelection | null;
}

/** The chart's box in the preview (renderSocial scales it to its place). */
const CHART_SIZE = { width: 560, height: 400 };

export function socialSvg({ found, card: cardSelection, chart: chartSelection }: SocialSelection, lang: Lang, frontPage: boolean): string {
  const data = cardData(found, cardSelection === null ? [] : imagePoints(cardSelection, lang), lang);
  // The default card width, scaled up by renderSocial: larger type than a wider card would get.
  const card = renderCard(data, { lang, formatValue: formatUsd });
  const chart =
    chartSelection === null ? null : renderChart(chartData(chartSelection, lang), { ...CHART_SIZE, lang, formatValue: formatUsd });
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
