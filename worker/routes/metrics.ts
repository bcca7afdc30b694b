/**
 * /v1/metrics: the catalogue, one metric's headline figures, and a metric's series.
 *
 * Order matters once: `/metrics/total/series` also fits the metric route with a slashed id
 * (`total/series`), and Hono runs the first matching route registered; so the series routes
 * come before the metric route.
 */
import { createRoute, OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csvFileName, csvResponse } from '../csv';
import type { AppEnv } from '../env';
import { edgeCache } from '../middleware/edge-cache';
import * as p from '../params';
import { MetricCatalogue, MetricDetail, Series } from '../schemas';
import { requireMetric } from '../checks/metric';
import { checkSeriesRequest, type SeriesQuery } from '../checks/series';
import { envelope } from '../views/envelope';
import { catalogueTable, metricCatalogue, metricDetail } from '../views/metrics';
import { metricSeries, seriesTable } from '../views/series';
import { csvInstead, jsonResponses, SLASHED_ID, twinRoutes } from './shared';

const tags = ['Metrics'];

// ── Catalogue ────────────────────────────────────────────────────────────────────────────
const { json: catalogue, csv: catalogueCsv } = twinRoutes({
  path: '/metrics',
  operationId: 'getMetrics',
  example: 'kind=sector&lang=en',
  tags,
  summary: 'Catalogue of metrics',
  description:
    'Every series: id, label, kind, unit, frequency, source, first and last period, and the latest value. ' +
    'Press-release figures are listed at /v1/highlights (their ids also work with /v1/metrics/{id}).',
  cache: 'data',
  shape: { lang: p.lang, kind: p.kind },
  schema: MetricCatalogue,
  returns: 'The metric catalogue.',
  csv: {
    description: 'The catalogue as a CSV file: one row per series.',
    example: 'kind=destination',
    returns: 'The metric catalogue as CSV.',
  },
});

// ── Series ───────────────────────────────────────────────────────────────────────────────
const seriesDescription =
  'Points of a series between `from` and `to` (clipped to the series), or the `last` N points up to `to`, monthly ' +
  'or annual. Annual points of a monthly series are sums of the year\u2019s months; a year not complete in the data ' +
  'says `partial: true` and how many `months` it holds ("2025 (4 months)"). Each point has a `periodLabel` in words, ' +
  'and the body a `description` of the points for screen readers, which names a partial year apart, never as the ' +
  'lowest or highest year. A reversed range, one entirely outside the series, or `last` ' +
  'with `from` is a 400.';

const { json: series, csv: seriesCsv } = twinRoutes({
  path: '/metrics/{id}/series',
  operationId: 'getMetricSeries',
  example: 'from=2024-01&to=2025-04',
  tags,
  summary: 'A metric\u2019s series',
  description: seriesDescription,
  cache: 'data',
  shape: { lang: p.lang, from: p.from, to: p.to, last: p.last, freq: p.freq },
  params: p.metricIdParams,
  schema: Series,
  returns: 'The series\u2019 points.',
  csv: {
    description: `${seriesDescription} As a CSV file: period, value_usd (and partial, months for annual points).`,
    example: 'from=2015&to=2024&freq=annual',
    returns: 'The series as CSV.',
  },
});

// ── One metric ───────────────────────────────────────────────────────────────────────────
const detailQuery = p.query({ lang: p.lang, format: p.format(['json']) });
const detail = createRoute({
  method: 'get',
  path: '/metrics/{id}',
  operationId: 'getMetric',
  'x-example-query': 'lang=en',
  tags,
  summary: 'One metric',
  description:
    'The latest value and period, the comparable earlier value (same month a year earlier, or the year before), ' +
    'the change in percent, the share of its parent where there is one, the latest year (partial or complete; the ' +
    'change of a partial year is against the same months of the year before, named by `comparedWith`), ' +
    'and the source with its notes. Highlights (`highlight/…`) answer the same shape with the published figures. ' +
    'An unknown id is a 404 listing close matches.',
  middleware: [edgeCache({ kind: 'data', query: detailQuery })] as const,
  request: { params: p.metricIdParams, query: detailQuery },
  responses: jsonResponses('The metric\u2019s headline figures.', MetricDetail),
});

function seriesCsvResponse(c: Context<AppEnv>, id: string, q: SeriesQuery) {
  const lang = c.get('language');
  const body = metricSeries(checkSeriesRequest(id, q), lang);
  const name = csvFileName('peru-exports', id, body.frequency, `${body.from}-${body.to}`, lang);
  return csvResponse(c, name, seriesTable(body));
}

const catalogueCsvHandler: RouteHandler<typeof catalogueCsv, AppEnv> = (c) => {
  const { kind } = c.req.valid('query');
  const lang = c.get('language');
  return csvResponse(c, csvFileName('peru-exports', 'metrics', kind, lang), catalogueTable(metricCatalogue(lang, kind).metrics));
};

const seriesHandler: RouteHandler<typeof series, AppEnv> = (c) => {
  const { id } = c.req.valid('param');
  const { format, ...q } = c.req.valid('query');
  if (format === 'csv') return csvInstead(seriesCsvResponse(c, id, q));
  const lang = c.get('language');
  return c.json({ ...envelope(lang), ...metricSeries(checkSeriesRequest(id, q), lang) }, 200);
};

const seriesCsvHandler: RouteHandler<typeof seriesCsv, AppEnv> = (c) => seriesCsvResponse(c, c.req.valid('param').id, c.req.valid('query'));

const detailHandler: RouteHandler<typeof detail, AppEnv> = (c) => {
  const lang = c.get('language');
  return c.json({ ...envelope(lang), ...metricDetail(requireMetric(c.req.valid('param').id), lang) }, 200);
};

export const metrics = new OpenAPIHono<AppEnv>()
  .openapi(catalogue, (c) => {
    const { format, kind } = c.req.valid('query');
    const lang = c.get('language');
    const body = metricCatalogue(lang, kind);
    if (format === 'csv')
      return csvInstead(csvResponse(c, csvFileName('peru-exports', 'metrics', kind, lang), catalogueTable(body.metrics)));
    return c.json({ ...envelope(lang), ...body }, 200);
  })
  .openapi(catalogueCsv, catalogueCsvHandler)
  .openapi(series, seriesHandler)
  .openapi(seriesCsv, seriesCsvHandler)
  .openapi(detail, detailHandler);

// The same routes for ids with a literal slash (destination/CN), hidden from the document.
// Registered after the one-segment routes: a slashed id never fits those, so order does not
// matter among them, except that every series route precedes the metric route (see above).
metrics.openapi({ ...series, path: `/metrics/${SLASHED_ID}/series`, hide: true }, seriesHandler);
metrics.openapi({ ...seriesCsv, path: `/metrics/${SLASHED_ID}/series.csv`, hide: true }, seriesCsvHandler);
metrics.openapi({ ...detail, path: `/metrics/${SLASHED_ID}`, hide: true }, detailHandler);
