/**
 * The OpenAPI 3.1 document, generated from the route definitions that validate requests
 * (@hono/zod-openapi), once per isolate.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { CACHE_POLICY, cacheControl } from './cache-policy';
import { PROBLEM_KINDS } from './problem';
import { API_VERSION, datasetVersion } from './version';

export type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** The problem types, described in the API reference at `/docs#problem-…` (the `type` of each problem). */
export const PROBLEM_TYPES: Record<string, string> = Object.fromEntries(
  Object.entries(PROBLEM_KINDS).map(([kind, { description }]) => [kind, description]),
);

const DESCRIPTION = `
Peru's export statistics as JSON and CSV: SUNAT's monthly tables by sector (G1) and by destination (G6),
the World Bank's annual series, and the figures of PROMPERÚ's press release on 2024. Every figure names its
source (/v1/sources); figures of different sources are never mixed.

- **Languages**: \`lang=es|en\`, else the Accept-Language header, default \`es\`. Labels and the
  \`formatted…\` strings follow it; numbers are plain numbers.
- **Versions**: every JSON body carries \`apiVersion\` and \`datasetVersion\`.
- **CSV**: every tabular resource also answers CSV at the same path with \`.csv\`, where its \`text/csv\` response
  is declared. \`format=csv\` on the JSON path answers the same CSV, as a shortcut for links; the JSON path
  declares only its JSON, so a generated client's call returns one type.
- **Caching**: responses carry a strong \`ETag\` (send \`If-None-Match\` for a 304) and
  \`Cache-Control\` (data: ${cacheControl('data')}; errors: ${cacheControl('error')}).
  \`X-Cache\` says whether the edge cache answered.
- **Errors**: \`application/problem+json\` (RFC 9457) naming each bad parameter and what it allows.
  Unknown parameters are rejected, so a typo never silently changes an answer.
- **CORS**: any origin may GET; no credentials.
`.trim();

let cached: OpenApiDocument | undefined;

/**
 * Every operation's `operationId` (the method name of a generated client): the route's own,
 * else `get` and the words of its path after `/v1` (`/v1/sources.csv` → `getSourcesCsv`), so a
 * route added without one still gets a stable, unique name.
 */
export function withOperationIds(doc: OpenApiDocument): OpenApiDocument {
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const words = path
      .replace(/^\/v1(?=\/)/, '')
      .split(/[^A-Za-z0-9]+/)
      .filter(Boolean);
    for (const method of ['get', 'head', 'post', 'put', 'patch', 'delete'] as const) {
      const op = item?.[method];
      if (op && !op.operationId) op.operationId = method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
    }
  }
  return doc;
}

/** The document for `app` (built on first use; the routes never change at run time). */
export function openApiDocument(app: OpenAPIHono<never> | OpenAPIHono<any>): OpenApiDocument {
  cached ??= withOperationIds(
    app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'peru-exports API',
        version: API_VERSION,
        description: DESCRIPTION,
        license: {
          name: 'MIT (the code); the figures are under their sources\u2019 terms, see /v1/sources',
          url: 'https://opensource.org/licenses/MIT',
        },
      },
      // Relative: the API is wherever this document is served from (OpenAPI 3.1, Server Object).
      servers: [{ url: '/', description: 'The host serving this document.' }],
      // Public: no operation needs credentials (an empty requirement list says so).
      security: [],
      tags: [
        { name: 'Metrics', description: 'Series and their headline figures.' },
        { name: 'Rankings', description: 'Top destinations and sectors.' },
        { name: 'Highlights', description: 'The 2024 press release\u2019s figures.' },
        { name: 'Sources', description: 'Provenance.' },
        {
          name: 'Images',
          description:
            'SVG sparklines, stat cards and social previews for <img> tags, each with a PNG twin (scale=1|2|3); errors are images too.',
        },
        { name: 'Reference', description: 'This document and the API reference page.' },
      ],
      'x-dataset-version': datasetVersion,
      'x-cache-lifetimes': CACHE_POLICY,
      'x-problem-types': PROBLEM_TYPES,
    }),
  );
  return cached;
}
