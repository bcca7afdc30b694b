/**
 * Edge caching for GET routes: a strong ETag from the normalised request key (answering
 * If-None-Match with 304 before any work), Cache-Control from the one lifetime table, and
 * the response kept in the Workers Cache API (`caches.default`) under the normalised key.
 *
 * Not hono/etag (it hashes every body) nor hono/cache (named caches only, no normalised
 * ETag, no hit marker); modelled on the latter: a factory returning a named middleware that
 * turns itself off when `caches` is absent, storing with `executionCtx.waitUntil`.
 *
 * Only 200 responses are stored. Errors never are, so unknown parameters, other spellings
 * and random ids cannot fill the cache; they get the short `error` lifetime in app.onError.
 * Image routes reuse this with kind `image`: their errors are 200 SVGs with `X-Error`,
 * which are not stored either.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { cacheControl, type CacheKind } from '../cache-policy';
import { cacheKeyUrl, entityTag, ifNoneMatchMatches, normalisedKey } from '../cache-key';
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
  /** Leave the query out of the key, for a route that takes no parameters and ignores any (an HTML page). */
  ignoreQuery?: boolean;
}

export function edgeCache({ kind, localized = true, ignoreQuery = false }: EdgeCacheOptions): MiddlewareHandler<AppEnv> {
  const control = cacheControl(kind);
  const vary: Record<string, string> = localized ? { Vary: 'Accept-Language' } : {};
  return async function edgeCache(c, next) {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();

    const url = new URL(c.req.url);
    const key = normalisedKey(c.req.path, ignoreQuery ? '' : url.search, localized ? c.get('language') : null);
    const etag = await entityTag(key, datasetVersion);
    const cache = defaultCache();
    // The answer (a stored 200 or this 304) may be kept in the isolate: response-memo.ts.
    if (cache) c.set('memoEtag', etag);

    // The ETag depends on nothing the handler computes, so a revalidation costs no work at all.
    if (ifNoneMatchMatches(c.req.header('If-None-Match'), etag)) {
      // RFC 9110 §15.4.5: a 304 carries the headers a 200 would (Cache-Control, ETag, Vary).
      return c.body(null, 304, { ETag: etag, 'Cache-Control': control, ...vary });
    }

    const cacheUrl = cacheKeyUrl(url.origin, key, datasetVersion);
    if (cache) {
      const hit = await cache.match(cacheUrl).catch(() => undefined);
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
  };
}
