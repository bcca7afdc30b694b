/**
 * A metric's points over a period range, monthly or annual (sums of each year, a partial year
 * marked), or the last N points up to a period (`last`, which the images' default range uses
 * too). The range is checked here because it depends on the series: reversed, or entirely
 * outside the series, is a 400 naming the parameters; partly outside is clipped.
 */
import { coverage, monthFromNumber, monthNumber, periodIndex } from '../../data/derive';
import type { Lang, SeriesMetric } from '../../data/types';
import type { CsvTable } from '../csv';
import { ALLOWED } from '../params';
import { invalidParams, type ParamError } from '../problem';
import { describeSeries, type SparklinePoint } from '@peru-exports/widgets/render';
import { formatUsd, periodLabel } from '../render/format';
import type { SeriesBody } from '../schemas';
import { annualOf } from './annual';

export interface SeriesQuery {
  from?: string | undefined;
  to?: string | undefined;
  freq?: 'monthly' | 'annual' | undefined;
  /** Only the last N points of the range (ending at `to`); not together with `from`. */
  last?: number | undefined;
}

type Point = SeriesBody['points'][number];
type Body = Omit<SeriesBody, 'apiVersion' | 'datasetVersion' | 'lang'>;

function point(period: string, value: number | null, lang: Lang, partialMonths: number | null = null): Point {
  return { period, periodLabel: periodLabel(period, lang, partialMonths), value, formattedValue: value === null ? null : formatUsd(value, lang) };
}

/**
 * The accessible summary of a series' points (first and last, lowest and highest, gaps), with
 * values in US dollars: the series' `description` and the `<desc>` of its sparkline.svg.
 */
export function seriesDescription(points: readonly SparklinePoint[], lang: Lang): string {
  return describeSeries(points, lang, formatUsd);
}

/** `last` with `from` is a 400 naming both: they are two ways of choosing the first period. */
function checkLast(q: SeriesQuery): void {
  if (q.last === undefined || q.from === undefined) return;
  const message = 'from and last cannot be used together: use one of them (from for a first period, last for the last N points)';
  const allowed = 'either from or last, not both';
  throw invalidParams([
    { param: 'from', message, allowed },
    { param: 'last', message, allowed },
  ]);
}

/** The first of the last `count` periods up to `end` (clipped to the series like any `from`). */
function lastStart(end: number, count: number | undefined): number | undefined {
  return count === undefined ? undefined : end - count + 1;
}

/** Requested bounds as month numbers (a year starts in January and ends in December). */
function monthBounds(q: SeriesQuery, first: number, last: number): { from: number; to: number } {
  const bound = (value: string | undefined, month: '01' | '12', fallback: number) =>
    value === undefined ? fallback : (monthNumber(value.length === 4 ? `${value}-${month}` : value) ?? fallback);
  return { from: bound(q.from, '01', first), to: bound(q.to, '12', last) };
}

function checkRange(q: SeriesQuery, from: number, to: number, first: number, last: number, show: (n: number) => string): void {
  if (from > to) {
    const message = `from (${q.from ?? show(first)}) is after to (${q.to ?? show(last)})`;
    const allowed = 'from earlier than or equal to to';
    throw invalidParams([
      ...(q.from !== undefined ? [{ param: 'from', message, allowed }] : []),
      ...(q.to !== undefined ? [{ param: 'to', message, allowed }] : []),
    ]);
  }
  if (to < first || from > last) {
    const allowed = `periods from ${show(first)} to ${show(last)}`;
    const errors: ParamError[] = [];
    const message = `the series has no data between ${show(from)} and ${show(to)}; it covers ${show(first)} to ${show(last)}`;
    if (q.from !== undefined && from > last) errors.push({ param: 'from', message, allowed });
    if (q.to !== undefined && to < first) errors.push({ param: 'to', message, allowed });
    throw invalidParams(errors);
  }
}

export function metricSeries(metric: SeriesMetric, q: SeriesQuery, lang: Lang): Body {
  checkLast(q);
  const freq = q.freq ?? metric.frequency;
  const base = {
    id: metric.id,
    label: metric.label[lang],
    unit: metric.unit,
    frequency: freq,
    source: metric.source,
    preliminaryFrom: metric.preliminaryFrom ?? null,
  };

  if (freq === 'monthly') {
    if (metric.frequency !== 'monthly') {
      throw invalidParams([
        { param: 'freq', message: `${metric.id} is an annual series; it has no monthly points`, allowed: 'annual' },
      ]);
    }
    const cover = coverage(metric);
    const first = monthNumber(cover.first) ?? 0;
    const last = monthNumber(cover.last) ?? 0;
    const bounds = monthBounds(q, first, last);
    const to = bounds.to;
    const from = lastStart(Math.min(to, last), q.last) ?? bounds.from;
    checkRange(q, from, to, first, last, monthFromNumber);
    const start = Math.max(from, first);
    const end = Math.min(to, last);
    const points: Point[] = [];
    for (let n = start; n <= end; n++) {
      const period = monthFromNumber(n);
      const index = periodIndex(metric, period);
      points.push(point(period, index === null ? null : (metric.values[index] ?? null), lang));
    }
    return { ...base, from: monthFromNumber(start), to: monthFromNumber(end), description: seriesDescription(points, lang), points };
  }

  // Annual points: the series' own years, or each year's sum of months.
  const bad: ParamError[] = [];
  for (const param of ['from', 'to'] as const) {
    const value = q[param];
    if (value !== undefined && value.length !== 4) {
      bad.push({ param, message: `with freq=annual, ${param} must be a year; got ${JSON.stringify(value)}`, allowed: ALLOWED.year });
    }
  }
  if (bad.length) throw invalidParams(bad);
  const years = annualOf(metric);
  const first = years[0]?.year ?? 0;
  const last = years[years.length - 1]?.year ?? 0;
  const to = q.to === undefined ? last : Number(q.to);
  const from = lastStart(Math.min(to, last), q.last) ?? (q.from === undefined ? first : Number(q.from));
  checkRange(q, from, to, first, last, String);
  const points = years
    .filter((y) => y.year >= from && y.year <= to)
    .map((y) => ({ ...point(String(y.year), y.value, lang, y.partial ? y.months : null), partial: y.partial, months: y.months }));
  return {
    ...base,
    from: String(Math.max(from, first)),
    to: String(Math.min(to, last)),
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
