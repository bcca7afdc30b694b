/**
 * The check of a metric id, the one every metric route makes first: an id that is neither a
 * series nor a highlight is a 404 listing the closest known ids; a highlight where a series is
 * needed is a 404 saying so.
 */
import type { SeriesMetric } from '../../data/types';
import { problem, ProblemError } from '../problem';
import { findMetric, metricCloseMatches, type FoundMetric } from '../views/lookup';

/** The 404 for an id that is neither a series nor a highlight. */
function unknownMetric(id: string): ProblemError {
  const matches = metricCloseMatches(id);
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
    throw new ProblemError(problem('not-found', `${id} is a press-release figure, not a series; its figures are at /v1/metrics/${id}.`));
  }
  return found.metric;
}
