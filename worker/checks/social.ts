/**
 * The checks of a social preview (social.svg and its PNG twin), made before it is drawn: the
 * metric, its card's points (as card.svg's, the default range) and, for a series, its chart's
 * (as chart.svg's: the last five years of months, or every year). What passes is what the
 * social view draws (views/social.ts).
 */
import { latestPeriod } from '../../data/derive';
import type { SocialSelection } from '../views/social';
import { checkChartRequest } from './chart';
import { checkCardRequest } from './image';

/** Months in the preview's chart: five years, longer than the card's two. */
const CHART_MONTHS = 60;

/** @throws the 404 of an unknown metric. */
export function checkSocialRequest(id: string): SocialSelection {
  const { found, series } = checkCardRequest(id, {});
  if (found.type !== 'series') return { found, card: null, chart: null };
  const latest = found.metric.frequency === 'monthly' ? latestPeriod(found.metric) : null;
  return { found, card: series, chart: checkChartRequest(id, latest === null ? {} : { last: CHART_MONTHS, to: latest }, []) };
}
