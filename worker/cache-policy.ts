/**
 * How long each kind of response may be kept: the one table of cache lifetimes (seconds).
 *
 * The dataset changes with a deploy or when the scheduled refresh publishes new live figures
 * (worker/live/), and every change changes the cache key and the ETag (dataset version), so the
 * edge never serves old figures; shared caches downstream keep an answer at most 6 hours and
 * browsers at most an hour, so new figures reach readers within hours of publication.
 * `stale-while-revalidate` / `stale-if-error` (RFC 5861) let caches answer at once while
 * refreshing, and keep answering when the worker fails.
 */
export interface CacheLifetime {
  /** Browsers (`max-age`). */
  maxAge: number;
  /** Shared caches and the edge (`s-maxage`); also the Workers Cache API entry's lifetime. */
  sMaxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export const CACHE_POLICY = {
  /** Metric catalogue, one metric, a series, rankings: change monthly at most. */
  data: { maxAge: HOUR, sMaxAge: 6 * HOUR, staleWhileRevalidate: DAY, staleIfError: 7 * DAY },
  /** Press-release highlights and the sources table: fixed texts, change only with the code. */
  reference: { maxAge: 6 * HOUR, sMaxAge: 7 * DAY, staleWhileRevalidate: DAY, staleIfError: 30 * DAY },
  /** The OpenAPI document and the API reference page. */
  docs: { maxAge: HOUR, sMaxAge: DAY, staleWhileRevalidate: DAY, staleIfError: 7 * DAY },
  /** SVG images (sparkline, card): hotlinked from many pages, so long-lived at the edge. */
  image: { maxAge: 6 * HOUR, sMaxAge: 6 * HOUR, staleWhileRevalidate: 7 * DAY, staleIfError: 30 * DAY },
  /** /v1/status: check times change without a new dataset version; a minute. */
  status: { maxAge: 60, sMaxAge: 60, staleWhileRevalidate: 60, staleIfError: HOUR },
  /** Any error (4xx): briefly, so a fixed link recovers fast and a bad one does not hammer us. */
  error: { maxAge: 60, sMaxAge: 60, staleWhileRevalidate: 0, staleIfError: 0 },
} as const satisfies Record<string, CacheLifetime>;

export type CacheKind = keyof typeof CACHE_POLICY;

/** The Cache-Control header for a kind of response. */
export function cacheControl(kind: CacheKind): string {
  const policy: CacheLifetime = CACHE_POLICY[kind];
  const parts = ['public', `max-age=${policy.maxAge}`, `s-maxage=${Math.max(policy.maxAge, policy.sMaxAge)}`];
  if (policy.staleWhileRevalidate) parts.push(`stale-while-revalidate=${policy.staleWhileRevalidate}`);
  if (policy.staleIfError) parts.push(`stale-if-error=${policy.staleIfError}`);
  return parts.join(', ');
}
