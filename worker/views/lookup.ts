/**
 * Finding a metric by id: a series (`total`, `destination/CN`) or a press-release highlight
 * (`highlight/total`). An unknown id is a 404 that lists the closest known ids, matched against
 * ids, labels in both languages and country codes ("china" → destination/CN).
 */
import { getHighlight, getMetric, highlights, metrics } from '../../data/index';
import type { Highlight, SeriesMetric } from '../../data/types';
import { closeMatches, type Candidate } from '../close-matches';
import { problem, ProblemError } from '../problem';

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

/** The 404 for an id that is neither a series nor a highlight. */
export function unknownMetric(id: string): ProblemError {
  const matches = closeMatches(id, metricCandidates());
  const shown = JSON.stringify(id.length > 60 ? `${id.slice(0, 60)}…` : id);
  const hint = matches.length ? ` Did you mean ${matches.join(', ')}?` : '';
  return new ProblemError(
    problem('unknown-metric', `There is no metric ${shown}.${hint} Ids are listed at /v1/metrics and /v1/highlights.`, {
      errors: [{ param: 'id', message: `unknown metric ${shown}`, allowed: 'a metric id from /v1/metrics or /v1/highlights' }],
      closeMatches: matches,
    }),
  );
}

/** The metric, or throw the 404. */
export function requireMetric(id: string): FoundMetric {
  const found = findMetric(id);
  if (!found) throw unknownMetric(id);
  return found;
}

/**
 * The series of that id, or throw: the 404 for an unknown id, or a 404 saying that a highlight
 * (a single published figure) has no series. Used by every route that draws or lists points.
 */
export function requireSeries(id: string): SeriesMetric {
  const found = requireMetric(id);
  if (found.type === 'highlight') {
    throw new ProblemError(
      problem('not-found', `${id} is a press-release figure, not a series; its figures are at /v1/metrics/${id}.`),
    );
  }
  return found.metric;
}
