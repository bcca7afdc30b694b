/**
 * Edge caching for GET routes: a strong ETag from the normalised request key (answering
 * If-None-Match with 304 before the handler does any work), Cache-Control from the one lifetime
 * table, and the response kept in the Workers Cache API (`caches.default`) under that key.
 * The key is taken after routing, from the route's pattern and parameters and from the query as
 * the route's schema reads it (cache-key.ts), so a URL answers the same whatever the cache holds.
 *
 * Not hono/etag (it hashes every body) nor hono/cache (named caches only, no normalised
 * ETag, no hit marker); modelled on the latter: a factory returning a named middleware that
 * turns itself off when `caches` is absent, storing with `executionCtx.waitUntil`.
 *
 * Only 200 responses are stored. Errors never are, so unknown parameters and random ids cannot
 * fill the cache (and other spellings of a value share its entry); they get the short `error` lifetime in app.onError.
 * Image routes reuse this with kind `image`: their errors are 200 SVGs with `X-Error`,
 * which are not stored either.
 */
import type { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { cacheControl, type CacheKind } from '../cache-policy';
import { cacheKeyUrl, canonicalQuery, entityTag, ifNoneMatchAny, ifNoneMatchMatches, normalisedKey, routeKeyPath } from '../cache-key';
import type { AppEnv } from '../env';
import { datasetVersion } from '../version';

/**
 * `X-Cache: HIT` when the answer came from a cache (the Cache API, or the isolate's memo of
 * complete answers in response-memo.ts), `MISS` when it was computed and stored.
 */
export const CACHE_STATUS_HEADER = 'X-Cache';

function defaultCache(): Cache | undefined {
  // Node and browsers have no `caches.default`; Cloudflare Workers (and workerd) do.
  const storage = (globalThis as { caches?: CacheStorage & { default?: Cache } }).caches;
  return storage?.default;
}

function waitUntil(c: Context, promise: Promise<unknown>): void {
  const settled = promise.catch((err: unknown) => console.warn('edge cache put failed', err));
  try {
    c.executionCtx.waitUntil(settled);
  } catch {
    // No ExecutionContext (app.request in Node tests): let the promise run on its own.
  }
}

export interface EdgeCacheOptions {
  /** Which lifetime of cache-policy.ts applies. */
  kind: CacheKind;
  /**
   * Does the answer depend on the language? Then the negotiated language is part of the key
   * and responses say `Vary: Accept-Language` (default true).
   */
  localized?: boolean;
  /**
   * The route's query schema (its `request.query`), whose output is the query part of the key;
   * null for a route that reads no query and ignores any (an HTML page).
   */
  query: z.ZodType | null;
}

/** The query as Hono's validator hands it to a schema: a repeated parameter as a list. */
function queryInput(c: Context): Record<string, string | string[]> {
  const input: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) input[name] = values.length === 1 ? (values[0] ?? '') : values;
  return input;
}

/**
 * The request's key, taken after routing (cache-key.ts): the route's pattern with its
 * parameters, and the query as the route's schema reads it; undefined when the schema refuses
 * the query (the route's validator then answers the 400, and nothing is looked up or stored).
 */
function requestKey(c: Context<AppEnv>, query: z.ZodType | null, localized: boolean): string | undefined {
  let params: [string, string][] = [];
  if (query !== null) {
    const parsed = query.safeParse(queryInput(c));
    if (!parsed.success) return undefined;
    params = canonicalQuery(parsed.data as Record<string, unknown>);
  }
  return normalisedKey(routeKeyPath(routePath(c), c.req.param()), params, localized ? c.get('language') : null);
}

export function edgeCache({ kind, localized = true, query }: EdgeCacheOptions): MiddlewareHandler<AppEnv> {
  const control = cacheControl(kind);
  const vary: Record<string, string> = localized ? { Vary: 'Accept-Language' } : {};
  return async function edgeCache(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();

    const key = requestKey(c, query, localized);
    if (key === undefined) return next();
    const etag = await entityTag(key, datasetVersion);
    const cache = defaultCache();
    // The answer (a stored 200 or this 304) may be kept in the isolate: response-memo.ts.
    if (cache) c.set('memoEtag', etag);

    // RFC 9110 §15.4.5: a 304 carries the headers a 200 would (Cache-Control, ETag, Vary).
    const notModified = { ETag: etag, 'Cache-Control': control, ...vary };
    // The ETag depends on nothing the handler computes, so a revalidation costs no work at all.
    // `*` asks whether the resource exists, which the cache or the handler tells (below).
    const ifNoneMatch = c.req.header('If-None-Match');
    const anyTag = ifNoneMatchAny(ifNoneMatch);
    if (!anyTag && ifNoneMatchMatches(ifNoneMatch, etag)) return c.body(null, 304, notModified);

    const cacheUrl = cacheKeyUrl(new URL(c.req.url).origin, key, datasetVersion);
    if (cache) {
      const hit = await cache.match(cacheUrl).catch(() => undefined);
      if (hit && anyTag) {
        await hit.body?.cancel();
        return c.body(null, 304, notModified);
      }
      if (hit) {
        const res = new Response(hit.body, hit);
        res.headers.set(CACHE_STATUS_HEADER, 'HIT');
        return res;
      }
    }

    await next();

    if (c.res.status !== 200 || c.res.headers.has('X-Error')) return;
    c.res.headers.set('ETag', etag);
    c.res.headers.set('Cache-Control', control);
    if (localized) c.res.headers.set('Vary', 'Accept-Language');
    if (cache) {
      c.res.headers.set(CACHE_STATUS_HEADER, 'MISS');
      waitUntil(c, cache.put(cacheUrl, c.res.clone()));
    }
    if (anyTag) {
      // It exists: the 304 of a matching tag, with the CORS headers the 200 was given. Cleared
      // first, or Hono would copy every header of the 200 into it.
      const answered = c.res;
      const headers = new Headers(notModified);
      for (const [name, value] of answered.headers) if (name.startsWith('access-control-')) headers.set(name, value);
      await answered.body?.cancel();
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers });
    }
  };
}
