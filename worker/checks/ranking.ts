/**
 * The check of a ranking request that needs the data, made before the view runs: a `year` the
 * table does not cover is a 400 naming the years it does. (`year`'s form and `limit`'s bounds
 * are the query schema's, params.ts.)
 */
import { coverage, monthsCovered } from '../../data/derive';
import { getMetric } from '../../data/index';
import { invalidParams } from '../problem';
import { RANKINGS, type RankingKind, type RankingSelection } from '../views/rankings';

export function checkRanking(kind: RankingKind, q: { year?: number | undefined; limit?: number | undefined }): RankingSelection {
  const spec = RANKINGS[kind];
  const total = getMetric(spec.totalId);
  if (!total) throw new Error(`dataset has no ${spec.totalId}`);
  const limit = q.limit ?? spec.defaultLimit;
  if (q.year === undefined) return { kind, total, year: null, limit };
  const months = monthsCovered(total, q.year);
  if (!months) {
    const { first, last } = coverage(total);
    const range = `${first.slice(0, 4)} to ${last.slice(0, 4)}`;
    throw invalidParams([
      { param: 'year', message: `the table has no data for ${q.year}; it covers ${range}`, allowed: `a year from ${range}` },
    ]);
  }
  return { kind, total, year: { year: q.year, months }, limit };
}
