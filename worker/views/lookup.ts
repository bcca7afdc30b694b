/**
 * Finding a metric by id: a series (`total`, `destination/CN`) or a press-release highlight
 * (`highlight/total`), and the known ids closest to an unknown one, matched against ids, labels
 * in both languages and country codes ("china" → destination/CN). Pure: the 404 of an unknown
 * id is checks/metric.ts's.
 */
import { getHighlight, getMetric, highlights, metrics } from '../../data/index';
import type { Highlight, SeriesMetric } from '../../data/types';
import { closeMatches, type Candidate } from '../close-matches';

export type FoundMetric = { type: 'series'; metric: SeriesMetric } | { type: 'highlight'; highlight: Highlight };

/** Built once per served dataset: `metrics` is replaced whole when a live snapshot adds series. */
let candidates: { for: readonly SeriesMetric[]; list: Candidate[] } | undefined;
function metricCandidates(): Candidate[] {
  if (candidates?.for === metrics) return candidates.list;
  const list = [
    ...metrics.map((m) => ({
      key: m.id,
      names: [m.label.es, m.label.en, m.id.split('/').pop() ?? m.id, ...(m.iso2 ? [m.iso2] : [])],
    })),
    ...highlights.map((h) => ({ key: h.id, names: [h.label.es, h.label.en, h.id.split('/').pop() ?? h.id] })),
  ];
  candidates = { for: metrics, list };
  return list;
}

/**
 * Every id that `findMetric` finds (the series, then the highlights), as the dataset holds
 * them now: read at each call, so a metric added at run time is listed.
 */
export function metricIds(): string[] {
  return [...metrics.map((m) => m.id), ...highlights.map((h) => h.id)];
}

export function findMetric(id: string): FoundMetric | undefined {
  const metric = getMetric(id);
  if (metric) return { type: 'series', metric };
  const highlight = getHighlight(id);
  if (highlight) return { type: 'highlight', highlight };
  return undefined;
}

/** The known ids closest to `id` (which is none of them), best first. */
export function metricCloseMatches(id: string): string[] {
  return closeMatches(id, metricCandidates());
}
