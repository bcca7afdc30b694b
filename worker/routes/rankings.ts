/** /v1/rankings: top destinations (SUNAT G6) and top sectors (SUNAT G1) for a year or the latest 12 months. */
import { OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csvFileName, csvResponse } from '../csv';
import type { AppEnv } from '../env';
import * as p from '../params';
import { Ranking } from '../schemas';
import { checkRanking } from '../checks/ranking';
import { envelope } from '../views/envelope';
import { ranking, RANKINGS, rankingTable, type RankingKind } from '../views/rankings';
import { csvInstead, twinRoutes } from './shared';

const tags = ['Rankings'];

const DESCRIPTION: Record<RankingKind, string> = {
  destinations:
    'Destinations ranked by exports (SUNAT table G6: countries and the table\u2019s other rows; the EU aggregate is ' +
    'not ranked, its members are), with value, share of the table\u2019s total and growth against the same period a ' +
    'year earlier (named by `period.comparedWith`). `year` ranks a calendar year; a partial year is ranked by its ' +
    'months, labelled so ("Jan\u2013Apr 2025") and compared with the same months a year earlier. Without it, the latest 12 months.',
  sectors:
    'Economic sectors ranked by exports (SUNAT table G1: the traditional and non-traditional sectors), with value, ' +
    'share of the table\u2019s total and growth against the same period a year earlier (`period.comparedWith`). `year` ' +
    'ranks a calendar year (a partial year by its months, against the same months a year earlier); without it, the latest 12 months.',
};

function shape(kind: RankingKind) {
  const spec = RANKINGS[kind];
  return { lang: p.lang, year: p.year, limit: p.limit(spec.maxLimit, spec.defaultLimit) };
}

/** `destinations` → `getTopDestinations`. */
const operationId = (kind: RankingKind) => `getTop${kind[0]!.toUpperCase()}${kind.slice(1)}`;

function routes<const K extends RankingKind>(kind: K) {
  return twinRoutes({
    path: `/rankings/${kind}`,
    operationId: operationId(kind),
    example: 'year=2024&limit=5',
    tags,
    summary: `Top ${kind}`,
    description: DESCRIPTION[kind],
    cache: 'data',
    shape: shape(kind),
    schema: Ranking,
    returns: `The ${kind} ranking.`,
    csv: {
      description: `${DESCRIPTION[kind]} As a CSV file: one row per item.`,
      example: 'lang=en',
      returns: `The ${kind} ranking as CSV.`,
    },
  });
}

const destinations = routes('destinations');
const sectors = routes('sectors');

type RankingQuery = { year?: number | undefined; limit?: number | undefined };

function body(c: Context<AppEnv>, kind: RankingKind, q: RankingQuery) {
  return ranking(checkRanking(kind, q), c.get('language'));
}

function csv(c: Context<AppEnv>, kind: RankingKind, q: RankingQuery): Response {
  const b = body(c, kind, q);
  const window = b.period.year === null ? `${b.period.from}-${b.period.to}` : String(b.period.year);
  return csvResponse(c, csvFileName('peru-exports', kind, window, c.get('language')), rankingTable(b));
}

const destinationsHandler: RouteHandler<typeof destinations.json, AppEnv> = (c) => {
  const { format, ...q } = c.req.valid('query');
  if (format === 'csv') return csvInstead(csv(c, 'destinations', q));
  return c.json({ ...envelope(c.get('language')), ...body(c, 'destinations', q) }, 200);
};
const sectorsHandler: RouteHandler<typeof sectors.json, AppEnv> = (c) => {
  const { format, ...q } = c.req.valid('query');
  if (format === 'csv') return csvInstead(csv(c, 'sectors', q));
  return c.json({ ...envelope(c.get('language')), ...body(c, 'sectors', q) }, 200);
};

export const rankings = new OpenAPIHono<AppEnv>()
  .openapi(destinations.json, destinationsHandler)
  .openapi(destinations.csv, (c) => csv(c, 'destinations', c.req.valid('query')))
  .openapi(sectors.json, sectorsHandler)
  .openapi(sectors.csv, (c) => csv(c, 'sectors', c.req.valid('query')));
