/**
 * The headers every answer carries, as one global middleware: what `hono/secure-headers` and
 * `hono/cors` (configured as below) put on a response, from lists built once per isolate.
 *
 * The two Hono middlewares cost about a third of a request that does no other work (profile of
 * /healthz, `npm run bench:profile -- health`): cors creates a placeholder response before the
 * handler runs so that Hono copies its two headers into the real one (a new Response and a copy
 * of every header), and secure-headers goes through its options for every response. Here:
 * - `Access-Control-Allow-Origin: *` and `Access-Control-Expose-Headers` are set before the
 *   handler as headers Hono's `c.json()`/`c.text()`/`c.body()` start from (no placeholder
 *   response), and again after it, replacing any a route set (cors's copy replaced those of a
 *   returned Response too, but kept one a route set with `c.header()`; no route does either),
 *   except on a 304, whose headers the route chose from these (hono/etag drops them);
 * - each security header is set unless the route set its own (secure-headers' `overwrite: false`);
 * - `X-Powered-By` is removed (first: an immutable response is copied then, as Hono's merge did).
 * Preflights (OPTIONS) still go through Hono's own cors and secure-headers, unchanged.
 * test/worker/api-headers.test.ts checks both against the Hono middlewares on the same answers.
 */
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env';
import { CACHE_STATUS_HEADER } from './edge-cache';

/** The read-only API's methods (also the 405's Allow). */
export const ALLOWED_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/** Response headers a cross-origin script may read. */
export const EXPOSED_HEADERS = ['ETag', CACHE_STATUS_HEADER, 'Content-Disposition', 'X-Error'];

/** The options both ways are built from. */
export const SECURE_HEADERS_OPTIONS = {
  // The figures and images are for every site: CORP same-origin would stop <img> hotlinks.
  crossOriginResourcePolicy: 'cross-origin',
  // Only HTML can be framed; HTML routes say where in their CSP (frame-ancestors).
  xFrameOptions: false,
  // A route that sets one of these itself (a page's CSP) keeps it.
  overwrite: false,
} as const;

export const CORS_OPTIONS = {
  origin: '*',
  allowMethods: ALLOWED_METHODS,
  exposeHeaders: EXPOSED_HEADERS,
  maxAge: 86400,
};

/** What `secureHeaders(SECURE_HEADERS_OPTIONS)` sets: its defaults, CORP cross-origin, no X-Frame-Options. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'no-referrer'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

/** What `cors(CORS_OPTIONS)` sets on an answer that is not a preflight. */
export const CORS_HEADERS: readonly (readonly [string, string])[] = [
  ['Access-Control-Allow-Origin', '*'],
  ['Access-Control-Expose-Headers', EXPOSED_HEADERS.join(',')],
];

export function apiHeaders(): MiddlewareHandler<AppEnv> {
  const preflightSecure = secureHeaders(SECURE_HEADERS_OPTIONS);
  const preflightCors = cors(CORS_OPTIONS);
  return async function apiHeaders(c, next) {
    if (c.req.method === 'OPTIONS') {
      // As Hono's compose would run the two: the answer cors returns becomes c.res, then secure-headers adds to it.
      return preflightSecure(c, async () => {
        const res = await preflightCors(c, next);
        if (res && !c.finalized) c.res = res;
      });
    }
    // Before the handler too, as cors does (so `c.text()` and friends build on these headers).
    for (const [name, value] of CORS_HEADERS) c.header(name, value);
    await next();
    let headers = c.res.headers;
    try {
      headers.delete('X-Powered-By');
    } catch {
      // Immutable headers (a response passed through from fetch or the Cache API): a copy, as Hono's merge made.
      const res = c.res;
      c.res = undefined;
      c.res = new Response(res.body, res);
      headers = c.res.headers;
      headers.delete('X-Powered-By');
    }
    // A 304's headers are the route's choice, built on the ones above (edge-cache's) or filtered
    // from them (hono/etag keeps ETag, Cache-Control, Vary…): as with cors, nothing is added back.
    if (c.res.status !== 304) for (const [name, value] of CORS_HEADERS) headers.set(name, value);
    for (const [name, value] of SECURITY_HEADERS) if (!headers.has(name)) headers.set(name, value);
  };
}
