/**
 * Pieces every route file uses: the responses of a JSON route that also speaks CSV, the
 * `.csv` twin of such a route, and the hidden twin for metric ids sent with a literal slash.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { CacheKind } from '../cache-policy';
import { edgeCache } from '../middleware/edge-cache';
import * as p from '../params';
import { cacheHeaders, problemResponses } from '../schemas';

const csvBody = z.string().openapi({ description: 'CSV (RFC 4180) with a header row, UTF-8 with byte-order mark.' });

/** 200 as JSON (`schema`), plus the problem responses. */
export function jsonResponses<S extends z.ZodType>(description: string, schema: S) {
  return { 200: { description, headers: cacheHeaders, content: { 'application/json': { schema } } }, ...problemResponses } as const;
}

/**
 * The responses of a JSON route that also answers format=csv: 200 as JSON (`schema`), plus the
 * problem responses. The CSV is declared once, on the route's `.csv` twin: were it a second
 * 200 here, generated clients (openapi-typescript, hono/client) would type every call
 * `Body | string`. format=csv stays a shortcut for links, said in this 200's description and in
 * the `format` parameter's; handlers return it through `csvInstead`.
 */
export function jsonOrCsvResponses<S extends z.ZodType>(description: string, schema: S) {
  return jsonResponses(`${description} With format=csv: the CSV of the \`.csv\` path (text/csv, declared there).`, schema);
}

/**
 * The CSV answer of a JSON route asked for format=csv (see jsonOrCsvResponses): the route's
 * type, like its document, says JSON; this is the one place that bridges the two.
 */
export function csvInstead(res: Response): never {
  return res as never;
}

export function csvResponses(description: string) {
  return {
    200: {
      description,
      headers: {
        ...cacheHeaders,
        'Content-Disposition': { description: 'attachment with a file name', schema: { type: 'string' as const } },
      },
      content: { 'text/csv': { schema: csvBody } },
    },
    ...problemResponses,
  } as const;
}

/**
 * Metric ids may hold one slash (`destination/CN`). The documented routes take `{id}` as one
 * path segment, which generated clients send with the slash encoded (%2F); these patterns
 * (Hono's `:id{regex}`, reached through zod-openapi's `{id}` → `:id` rewrite) take the slash
 * literally, for people typing URLs and for hono/client. Routes using them are hidden from
 * the document. `/metrics/total/series` fits both the series route and a slashed id, so
 * sub-resource routes are registered before the metric route (see routes/metrics.ts).
 *
 * `\x2F` is "/" inside the regex without a literal slash, which path splitting would take for a
 * segment boundary. The second segment has no dot, so `total/series.csv` or `total/card.svg`
 * are never read as an id.
 */
export const SLASHED_ID = '{id{[^\\x2F]+\\x2F[^\\x2F.]+}}';

/** A JSON resource and its `.csv` twin, declared once (twinRoutes). */
export interface TwinDefinition<Path extends string, S extends z.ZodRawShape, P extends z.ZodObject | undefined> {
  /** The JSON path; the twin's is the same with `.csv`. */
  path: Path;
  /** The JSON route's; the twin's adds `Csv`. */
  operationId: string;
  tags: string[];
  /** The JSON route's; the twin's adds " (CSV)". */
  summary: string;
  description: string;
  /** The JSON route's example query (the reference page's "Try it"), if any. */
  example?: string;
  cache: CacheKind;
  /** The query parameters both take; the JSON route adds `format=json|csv`. */
  shape: S;
  /** Path parameters, if any. */
  params?: P;
  /** The JSON 200's body, and what it is. */
  schema: z.ZodType;
  returns: string;
  /** The twin: its description (whole), example query, what its 200 is, and its summary (default: the JSON route's + " (CSV)"). */
  csv: { description: string; example?: string; returns: string; summary?: string };
}

type TwinRequest<Q, P> = P extends z.ZodObject ? { params: P; query: Q } : { query: Q };

/**
 * The route definitions of a JSON resource that also answers CSV, from one definition: the JSON
 * route (with `format=csv` as a shortcut) and its `.csv` twin, each with its cache middleware on its
 * own query schema. Handlers are registered by the route file, so their types stay the routes'.
 */
export function twinRoutes<
  const Path extends string,
  S extends z.ZodRawShape,
  R extends z.ZodType,
  P extends z.ZodObject | undefined = undefined,
>(def: TwinDefinition<Path, S, P> & { schema: R }) {
  const jsonQuery = p.query({ ...def.shape, format: p.format(['json', 'csv']) });
  const csvQuery = p.query(def.shape);
  const request = <Q>(query: Q) => (def.params ? { params: def.params, query } : { query }) as TwinRequest<Q, P>;
  const json = createRoute({
    method: 'get',
    path: def.path,
    operationId: def.operationId,
    ...(def.example === undefined ? {} : { 'x-example-query': def.example }),
    tags: def.tags,
    summary: def.summary,
    description: def.description,
    middleware: [edgeCache({ kind: def.cache, query: jsonQuery })] as const,
    request: request(jsonQuery),
    responses: jsonOrCsvResponses(def.returns, def.schema),
  });
  const csv = createRoute({
    method: 'get',
    path: `${def.path}.csv`,
    operationId: `${def.operationId}Csv`,
    ...(def.csv.example === undefined ? {} : { 'x-example-query': def.csv.example }),
    tags: def.tags,
    summary: def.csv.summary ?? `${def.summary} (CSV)`,
    description: def.csv.description,
    middleware: [edgeCache({ kind: def.cache, query: csvQuery })] as const,
    request: request(csvQuery),
    responses: csvResponses(def.csv.returns),
  });
  return { json, csv };
}
