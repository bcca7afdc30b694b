import type { MetricResponse, RankingResponse, SeriesResponse } from './api-types';
import { ApiError } from './fetch-json';

/**
 * Checks that a response has the fields the elements draw, so a changed or broken API shows the
 * error state with a message instead of throwing while rendering in someone's page. `fields`
 * are paths that must hold a value; `each` lists those of every item of the array `list`.
 */
function check<T>(data: any, url: string, fields: string, list?: string, each?: string): T {
  const test = (root: unknown, spec: string, where: string) => {
    for (const path of spec.split(' ')) {
      if (path.split('.').reduce<any>((node, key) => node?.[key], root) == null) {
        throw new ApiError(`Unexpected response: no ${where}${path}`, null, url);
      }
    }
  };
  test(data, fields, '');
  if (list) (data[list] as unknown[]).forEach((item, i) => test(item, each!, `${list}.${i}.`));
  return data;
}

export const asMetric = (data: unknown, url: string) =>
  check<MetricResponse>(data, url, 'label unit latest.period source.publisher source.url');

export const asSeries = (data: unknown, url: string) => check<SeriesResponse>(data, url, 'label unit points', 'points', 'period');

export const asRanking = (data: unknown, url: string) =>
  check<RankingResponse>(data, url, 'period.label total.formattedValue items', 'items', 'rank label value formattedValue formattedShare');
