/**
 * Pieces every route file uses: the responses of a JSON route that also speaks CSV, the
 * `.csv` twin of such a route, and the hidden twin for metric ids sent with a literal slash.
 */
import { z } from '@hono/zod-openapi';
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
