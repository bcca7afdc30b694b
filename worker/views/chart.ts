/**
 * What chart.svg draws: the metric's points over the asked range (as the other images draw
 * them, from the series API), and each compared metric's over the same periods, each with its
 * own source and its own preliminary periods. Pure: no HTTP here; the request's checks
 * (checks/chart.ts) come before and hand over the selections. The PNG twin calls it too.
 */
import { coverage, latestPeriod, revisionWindowStart } from '../../data/derive';
import { getSource } from '../../data/index';
import type { Lang, SeriesMetric } from '../../data/types';
import type { ChartData, ChartSeries } from '../render/chart';
import { imageSeries } from './images';
import { provenance } from './provenance';
import type { SeriesSelection } from './series';

/** What a chart draws: its metric's selection, and each compared metric's over the same periods. */
export interface ChartSelection {
  main: SeriesSelection;
  compare: SeriesSelection[];
}

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

function chartSeries(selection: SeriesSelection, lang: Lang): ChartSeries {
  const { metric } = selection;
  const { points } = imageSeries(selection, lang);
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

/** The chart of a checked selection: its metric's series first, then each compared one. */
export function chartData({ main, compare }: ChartSelection, lang: Lang): ChartData {
  return { series: [main, ...compare].map((selection) => chartSeries(selection, lang)), frequency: main.freq };
}
