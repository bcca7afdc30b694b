/**
 * How long each kind of response may be kept: the one table of cache lifetimes (seconds).
 *
 * The dataset changes with a deploy or when the scheduled refresh publishes new live figures
 * (worker/live/), and every change changes the cache key and the ETag (dataset version), so the
 * edge never serves old figures; shared caches downstream keep an answer at most 6 hours and
 * browsers at most an hour, so new figures reach readers within hours of publication.
 * `stale-while-revalidate` / `stale-if-error` (RFC 5861) let caches answer at once while
 * refreshing, and keep answering when the worker fails.
 *
 * `min`/`max` bound a lifetime that a request may ask for (image routes' `cache_seconds`).
 */
export interface CacheLifetime {
  /** Browsers (`max-age`). */
  maxAge: number;
  /** Shared caches and the edge (`s-maxage`); also the Workers Cache API entry's lifetime. */
  sMaxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
  /** Bounds for a requested browser lifetime (clampMaxAge). */
  min: number;
  max: number;
}

const HOUR = 3600;
const DAY = 24 * HOUR;

export const CACHE_POLICY = {
  /** Metric catalogue, one metric, a series, rankings: change monthly at most. */
  data: { maxAge: HOUR, sMaxAge: 6 * HOUR, staleWhileRevalidate: DAY, staleIfError: 7 * DAY, min: 300, max: DAY },
  /** Press-release highlights and the sources table: fixed texts, change only with the code. */
  reference: { maxAge: 6 * HOUR, sMaxAge: 7 * DAY, staleWhileRevalidate: DAY, staleIfError: 30 * DAY, min: HOUR, max: 7 * DAY },
  /** The OpenAPI document and the API reference page. */
  docs: { maxAge: HOUR, sMaxAge: DAY, staleWhileRevalidate: DAY, staleIfError: 7 * DAY, min: 300, max: DAY },
  /** SVG images (sparkline, card): hotlinked from many pages, so long-lived at the edge. */
  image: { maxAge: 6 * HOUR, sMaxAge: 6 * HOUR, staleWhileRevalidate: 7 * DAY, staleIfError: 30 * DAY, min: 1800, max: 7 * DAY },
  /** /v1/status: check times change without a new dataset version; a minute. */
  status: { maxAge: 60, sMaxAge: 60, staleWhileRevalidate: 60, staleIfError: HOUR, min: 0, max: 60 },
  /** Any error (4xx): briefly, so a fixed link recovers fast and a bad one does not hammer us. */
  error: { maxAge: 60, sMaxAge: 60, staleWhileRevalidate: 0, staleIfError: 0, min: 0, max: 60 },
} as const satisfies Record<string, CacheLifetime>;

export type CacheKind = keyof typeof CACHE_POLICY;

/** A requested browser lifetime, clamped to the kind's bounds (undefined → the default). */
export function clampMaxAge(kind: CacheKind, requested?: number): number {
  const policy: CacheLifetime = CACHE_POLICY[kind];
  if (requested === undefined || !Number.isFinite(requested)) return policy.maxAge;
  return Math.min(policy.max, Math.max(policy.min, Math.round(requested)));
}

/** The Cache-Control header for a kind of response (optionally with another browser lifetime). */
export function cacheControl(kind: CacheKind, maxAge?: number): string {
  const policy: CacheLifetime = CACHE_POLICY[kind];
  const browser = clampMaxAge(kind, maxAge);
  const parts = ['public', `max-age=${browser}`, `s-maxage=${Math.max(browser, policy.sMaxAge)}`];
  if (policy.staleWhileRevalidate) parts.push(`stale-while-revalidate=${policy.staleWhileRevalidate}`);
  if (policy.staleIfError) parts.push(`stale-if-error=${policy.staleIfError}`);
  return parts.join(', ');
}
