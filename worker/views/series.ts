/**
 * A metric's points, monthly or annual (sums of each year, a partial year marked), from a
 * selection that has passed the request's checks (checks/series.ts) or is the whole series
 * (`wholeSeries`): this file only reads it, and never refuses anything.
 */
import { periodAt } from '../../data/derive';
import type { Lang, SeriesMetric } from '../../data/types';
import type { CsvTable } from '../csv';
import { describeSeries, type SparklinePoint } from '@peru-exports/widgets/render';
import { formatUsd, periodLabel } from '../render/format';
import type { SeriesBody } from '../schemas';
import { annualOf } from './annual';

/**
 * The points a series view shows: points `start`..`end` of `metric` in `freq`, as positions in
 * `metric.values` (monthly) or in its years (annual: `annualOf`), always inside the series and
 * never empty; `freq` is monthly only for a monthly series.
 */
export interface SeriesSelection {
  metric: SeriesMetric;
  freq: SeriesMetric['frequency'];
  start: number;
  end: number;
}

/** The period of the point at `position` of `metric` in `freq`: `YYYY-MM`, or `YYYY`. */
export function pointPeriod(metric: SeriesMetric, freq: SeriesMetric['frequency'], position: number): string {
  return freq === 'monthly' ? periodAt(metric, position) : String(Number(metric.start.slice(0, 4)) + position);
}

/** Every point of `metric` in `freq` (monthly only for a monthly series): nothing to check. */
export function wholeSeries(metric: SeriesMetric, freq: SeriesMetric['frequency']): SeriesSelection {
  return { metric, freq, start: 0, end: (freq === 'monthly' ? metric.values.length : annualOf(metric).length) - 1 };
}

type Point = SeriesBody['points'][number];
type Body = Omit<SeriesBody, 'apiVersion' | 'datasetVersion' | 'lang'>;

function point(period: string, value: number | null, lang: Lang, partialMonths: number | null = null): Point {
  return {
    period,
    periodLabel: periodLabel(period, lang, partialMonths),
    value,
    formattedValue: value === null ? null : formatUsd(value, lang),
  };
}

/**
 * The accessible summary of a series' points (first and last, lowest and highest, gaps), with
 * values in US dollars: the series' `description` and the `<desc>` of its sparkline.svg.
 */
export function seriesDescription(points: readonly SparklinePoint[], lang: Lang): string {
  return describeSeries(points, lang, formatUsd);
}

export function metricSeries({ metric, freq, start, end }: SeriesSelection, lang: Lang): Body {
  const points: Point[] =
    freq === 'monthly'
      ? metric.values.slice(start, end + 1).map((value, i) => point(periodAt(metric, start + i), value ?? null, lang))
      : annualOf(metric)
          .slice(start, end + 1)
          .map((y) => ({ ...point(String(y.year), y.value, lang, y.partial ? y.months : null), partial: y.partial, months: y.months }));
  return {
    id: metric.id,
    label: metric.label[lang],
    unit: metric.unit,
    frequency: freq,
    source: metric.source,
    preliminaryFrom: metric.preliminaryFrom ?? null,
    from: pointPeriod(metric, freq, start),
    to: pointPeriod(metric, freq, end),
    description: seriesDescription(points, lang),
    points,
  };
}

export function seriesTable(body: Body): CsvTable {
  const annualPoints = body.frequency === 'annual';
  return {
    columns: annualPoints ? ['period', 'value_usd', 'partial', 'months'] : ['period', 'value_usd'],
    rows: body.points.map((p) => (annualPoints ? [p.period, p.value, p.partial ?? false, p.months ?? null] : [p.period, p.value])),
  };
}
