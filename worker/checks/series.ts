/**
 * The checks of a series request that need the series, made once, before any view runs. The
 * query schema (params.ts) has checked each parameter's form; here, against the series' frequency
 * and coverage: `last` with `from`, monthly points of an annual series, a month where a year is
 * due, a reversed range, a range entirely outside the series (each a 400 naming the parameters).
 * A range partly outside is clipped. What passes is a SeriesSelection, which the views only read.
 */
import { coverage, monthFromNumber, monthNumber } from '../../data/derive';
import type { SeriesMetric } from '../../data/types';
import { ALLOWED } from '../params';
import { invalidParams, type ParamError } from '../problem';
import type { SeriesSelection } from '../views/series';
import { requireSeries } from './metric';

/** A series request's query as its schema lets it through (periods well-formed, `last` a count). */
export interface SeriesQuery {
  from?: string | undefined;
  to?: string | undefined;
  freq?: SeriesMetric['frequency'] | undefined;
  /** Only the last N points of the range (ending at `to`); not together with `from`. */
  last?: number | undefined;
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

/** With annual points, `from` and `to` are years. */
function checkYears(q: SeriesQuery): void {
  const bad: ParamError[] = [];
  for (const param of ['from', 'to'] as const) {
    const value = q[param];
    if (value !== undefined && value.length !== 4) {
      bad.push({ param, message: `with freq=annual, ${param} must be a year; got ${JSON.stringify(value)}`, allowed: ALLOWED.year });
    }
  }
  if (bad.length) throw invalidParams(bad);
}

/**
 * The range asked for, `from`..`to` (month numbers or years), against the series' `first`..`last`:
 * reversed, or entirely outside the series, is a 400 naming the parameters that were given.
 */
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

/** The first of the last `count` periods up to `end` (clipped to the series like any `from`). */
function lastStart(end: number, count: number | undefined): number | undefined {
  return count === undefined ? undefined : end - count + 1;
}

/**
 * The series' periods in one numbering (month numbers, or years), its first and last, and a
 * requested bound in it (a year as a month bound is its January or its December).
 */
function numbering(metric: SeriesMetric, freq: SeriesMetric['frequency']) {
  const cover = coverage(metric);
  if (freq === 'monthly') {
    const bound = (value: string | undefined, month: '01' | '12', fallback: number) =>
      value === undefined ? fallback : (monthNumber(value.length === 4 ? `${value}-${month}` : value) ?? fallback);
    return { first: monthNumber(cover.first) ?? 0, last: monthNumber(cover.last) ?? 0, bound, show: monthFromNumber };
  }
  const bound = (value: string | undefined, _month: '01' | '12', fallback: number) => (value === undefined ? fallback : Number(value));
  return { first: Number(cover.first.slice(0, 4)), last: Number(cover.last.slice(0, 4)), bound, show: String };
}

/** Every check of a series query against `metric`; what passes, as the points to show. @throws the 400 problem of the first fault. */
export function checkSeries(metric: SeriesMetric, q: SeriesQuery): SeriesSelection {
  checkLast(q);
  const freq = q.freq ?? metric.frequency;
  if (freq === 'monthly' && metric.frequency !== 'monthly') {
    throw invalidParams([{ param: 'freq', message: `${metric.id} is an annual series; it has no monthly points`, allowed: 'annual' }]);
  }
  if (freq === 'annual') checkYears(q);
  const { first, last, bound, show } = numbering(metric, freq);
  const to = bound(q.to, '12', last);
  const from = lastStart(Math.min(to, last), q.last) ?? bound(q.from, '01', first);
  checkRange(q, from, to, first, last, show);
  return { metric, freq, start: Math.max(from, first) - first, end: Math.min(to, last) - first };
}

/** The series request of `id`: the 404 of an id without a series, then {@link checkSeries}. */
export function checkSeriesRequest(id: string, q: SeriesQuery): SeriesSelection {
  return checkSeries(requireSeries(id), q);
}
