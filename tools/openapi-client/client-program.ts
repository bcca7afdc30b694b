/**
 * What an API consumer writes with a client generated from /openapi.json: types from
 * openapi-typescript (`./api`, generated next to this file's compilation by
 * test/scripts/openapi-client.test.ts, never committed) and calls through openapi-fetch.
 * The test type-checks this file with the project's TypeScript, then runs it against the app.
 */
import createClient from 'openapi-fetch';
import type { paths } from './api';

export interface Answers {
  topDestination: string;
  points: number;
  label: string;
  highlights: number;
}

/** Four endpoints, each answer used as its declared type (a `Body | string` would not compile). */
export async function callFourEndpoints(fetch: (request: Request) => Promise<Response>): Promise<Answers> {
  const api = createClient<paths>({ baseUrl: 'https://peru-exports.example', fetch });

  const ranking = await api.GET('/v1/rankings/destinations', { params: { query: { year: 2024, limit: 3, lang: 'en' } } });
  if (ranking.error) throw new Error(ranking.error.detail);
  const topDestination: string = ranking.data.items[0]!.formattedValue;

  const series = await api.GET('/v1/metrics/{id}/series', { params: { path: { id: 'total' }, query: { last: 12 } } });
  if (series.error) throw new Error(series.error.detail);
  const values: (number | null)[] = series.data.points.map((p) => p.value);

  const metric = await api.GET('/v1/metrics/{id}', { params: { path: { id: 'destination/CN' }, query: { lang: 'en' } } });
  if (metric.error) throw new Error(metric.error.detail);
  const label: string = metric.data.label;

  const highlights = await api.GET('/v1/highlights', {});
  if (highlights.error) throw new Error(highlights.error.detail);
  const ids: string[] = highlights.data.items.map((h) => h.id);

  return { topDestination, points: values.length, label, highlights: ids.length };
}

/** Never called: what the declared types refuse. */
export function refusedByTheTypes(api: ReturnType<typeof createClient<paths>>): void {
  // @ts-expect-error `limit` is an integer, not a string
  void api.GET('/v1/rankings/destinations', { params: { query: { limit: '3' } } });
  // @ts-expect-error `last` is an integer
  void api.GET('/v1/metrics/{id}/series', { params: { path: { id: 'total' }, query: { last: '12' } } });
}
