/** The OpenAPI document (`/openapi.json`) and the API reference page rendered from it (`/docs`). */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { renderApiReference, REFERENCE_CSS } from '../docs/reference-page';
import type { AppEnv } from '../env';
import { edgeCache } from '../middleware/edge-cache';
import type { OpenApiDocument } from '../openapi';
import * as p from '../params';
import { problemResponses } from '../schemas';

const tags = ['Reference'];

const openapiQuery = p.query({});

const openapi = createRoute({
  method: 'get',
  path: '/openapi.json',
  operationId: 'getOpenApiDocument',
  tags,
  summary: 'OpenAPI 3.1 document',
  description: 'This API described in OpenAPI 3.1, generated from the route definitions that validate requests.',
  middleware: [edgeCache({ kind: 'docs', localized: false, query: openapiQuery })] as const,
  request: { query: openapiQuery },
  responses: {
    200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } },
    ...problemResponses,
  },
});

// The page takes no parameters and ignores any (a link with `?utm_source=…` still works);
// it has no query schema and its cache key no query, so they cannot create entries either.
const docs = createRoute({
  method: 'get',
  path: '/docs',
  operationId: 'getApiReference',
  tags,
  summary: 'API reference page',
  description: 'This reference: every endpoint with its parameters, responses, errors and an example, as one HTML page.',
  middleware: [edgeCache({ kind: 'docs', localized: false, query: null })] as const,
  // Any query is ignored, so the only problem is another method than GET, HEAD or OPTIONS.
  responses: { 200: { description: 'The page.', content: { 'text/html': { schema: z.string() } } }, 405: problemResponses[405] },
});

let styleHash: Promise<string> | undefined;
/** CSP source for the page's one inline stylesheet. */
function styleSource(): Promise<string> {
  styleHash ??= crypto.subtle.digest('SHA-256', new TextEncoder().encode(REFERENCE_CSS)).then((digest) => {
    let binary = '';
    for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
    return `'sha256-${btoa(binary)}'`;
  });
  return styleHash;
}

let page: string | undefined;

/** `document()` is the root app's document (the routes of every file). */
export function reference(document: () => OpenApiDocument) {
  return new OpenAPIHono<AppEnv>()
    .openapi(openapi, (c) => c.json(document(), 200))
    .openapi(docs, async (c) => {
      page ??= renderApiReference(document());
      const csp = `default-src 'none'; style-src ${await styleSource()}; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      return c.html(page, 200, { 'Content-Security-Policy': csp });
    });
}
