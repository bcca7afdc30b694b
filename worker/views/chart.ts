/**
 * What chart.svg draws: the metric's points over the asked range (as the other images draw
 * them, from the series API), and each compared metric's over the same periods, each with its
 * own source and its own preliminary periods. Pure: no HTTP here; the PNG twin calls it too.
 */
import { coverage, latestPeriod, revisionWindowStart } from '../../data/derive';
import { getSource } from '../../data/index';
import type { Lang, SeriesMetric } from '../../data/types';
import { invalidParams, ProblemError } from '../problem';
import type { ChartData, ChartSeries } from '../render/chart';
import { imageSeries } from './images';
import { findMetric } from './lookup';
import { provenance } from './provenance';
import type { SeriesQuery } from './series';

/** What `compare` accepts, in words. */
export const COMPARE_ALLOWED = 'up to 4 other metric ids with a series, comma-separated (e.g. destination/CN,destination/US)';

/**
 * The first period drawn as not yet final: the source's own preliminary mark or, for a source
 * that goes on revising its latest months (its revision window), the first of those, whichever
 * comes first.
 */
export function preliminaryFrom(metric: SeriesMetric): string | null {
  const revision = getSource(metric.source)?.revision;
  const window = revision ? revisionWindowStart(coverage(metric).last, revision.months) : null;
  const marks = [metric.preliminaryFrom, window].filter((p): p is string => typeof p === 'string');
  return marks.length === 0 ? null : marks.sort()[0]!;
}

function chartSeries(metric: SeriesMetric, q: SeriesQuery, lang: Lang): ChartSeries {
  const { points } = imageSeries(metric, q, lang);
  const source = provenance(metric.source, lang);
  // The publisher's short name and the publication, without the subtitle: "SUNAT, Nota Tributaria
  // y Aduanera, Table G1" (the footer names up to five sources in two lines).
  const publisher = source.publisher.replace(/\s*\(.*$/, '');
  const title = source.title.replace(/:.*$/, '');
  return {
    id: metric.id,
    label: metric.label[lang],
    points,
    preliminaryFrom: preliminaryFrom(metric),
    source: [publisher, title].filter(Boolean).join(', '),
    asOf: latestPeriod(metric),
  };
}

/**
 * The chart of `metric` over the range of `q` (the images' default range when none), and of
 * each id in `compare` over the same periods.
 *
 * @throws the 400 of a bad range or too many points (as the other images), and a 400 naming
 *   `compare` for an id that is unknown, not a series, or has nothing in that range.
 */
export function chartData(metric: SeriesMetric, compare: readonly string[], q: SeriesQuery, lang: Lang): ChartData {
  const main = chartSeries(metric, q, lang);
  const first = main.points[0]?.period;
  const last = main.points.at(-1)?.period;
  const freq = q.freq ?? metric.frequency;
  const others = compare.map((id) => {
    const found = findMetric(id);
    if (found?.type !== 'series') {
      const what = found ? `${id} is a press-release figure, not a series` : `there is no metric ${JSON.stringify(id)}`;
      throw invalidParams([{ param: 'compare', message: `compare: ${what}`, allowed: COMPARE_ALLOWED }]);
    }
    try {
      return chartSeries(found.metric, { from: first, to: last, freq }, lang);
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err;
      throw invalidParams([{ param: 'compare', message: `compare: ${id}: ${err.problem.detail}`, allowed: COMPARE_ALLOWED }]);
    }
  });
  return { series: [main, ...others], frequency: freq };
}
