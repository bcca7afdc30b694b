import type { Problem } from './api-types';

/** A request that did not give usable data: HTTP error, network failure, unexpected body, bad attribute. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status, or null when there was no HTTP answer. */
    readonly status: number | null = null,
    readonly url: string | null = null,
  ) {
    super(message);
  }
}

interface Entry {
  data?: unknown;
  etag?: string | null;
  /** When the last request for this URL settled (ms). */
  at: number;
  pending?: Promise<unknown>;
  controller?: AbortController;
  /** Callers waiting on `pending`; when the last one gives up, the request is aborted. */
  waiters: number;
}

/**
 * One entry per URL for the whole page: identical requests from any number of elements share
 * one fetch, and later ones reuse the result. Errors are not kept, so a retry asks again.
 */
const entries = new Map<string, Entry>();

/** Within this time a revalidation reuses the last answer (elements refreshing together). */
const FRESH_MS = 5000;

/**
 * GET `url` as JSON through the page-wide cache.
 *
 * `revalidate` asks the server again for a URL already loaded: with `If-None-Match` when its
 * ETag is readable (same origin, or exposed by CORS as this API does), else with
 * `cache: 'no-cache'` so the browser revalidates its own copy. A 304 keeps the data.
 *
 * `signal` cancels this caller's wait; the shared request is aborted only when every caller
 * waiting on it has cancelled.
 */
export function fetchJson(url: string, signal: AbortSignal, revalidate = false): Promise<unknown> {
  let entry = entries.get(url);
  if (!entry) entries.set(url, (entry = { at: 0, waiters: 0 }));
  if (!entry.pending && (entry.data === undefined || (revalidate && Date.now() - entry.at > FRESH_MS))) start(url, entry);
  const { pending, controller } = entry;
  if (!pending) return Promise.resolve(entry.data);
  if (signal.aborted) return Promise.reject(signal.reason);
  entry.waiters++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      if (--entry.waiters === 0 && entry.pending === pending) {
        // Nobody waits any more: cancel, and let the next caller start afresh.
        controller!.abort(signal.reason);
        entry.pending = undefined;
      }
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Forgets every cached answer (for tests, and for pages that want a clean slate). */
export function clearCache(): void {
  entries.clear();
}

function start(url: string, entry: Entry): void {
  const controller = (entry.controller = new AbortController());
  const { data, etag } = entry;
  const request = (entry.pending = (async () => {
    const response = await fetch(url, {
      headers: etag && data !== undefined ? { accept: 'application/json', 'if-none-match': etag } : { accept: 'application/json' },
      signal: controller.signal,
      cache: data !== undefined && !etag ? 'no-cache' : 'default',
    }).catch((error: Error) => {
      throw controller.signal.aborted ? error : new ApiError(`Network error: ${error.message}`, null, url);
    });
    if (response.status === 304 && data !== undefined) return data;
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok || body === undefined) {
      const { title, detail } = (body ?? {}) as Problem;
      throw new ApiError(detail ?? title ?? `HTTP ${response.status}: not JSON`, response.status, url);
    }
    entry.etag = response.headers.get('etag');
    return (entry.data = body);
  })());
  const settle = () => {
    if (entry.pending === request) {
      entry.pending = undefined;
      entry.waiters = 0;
      entry.at = Date.now();
    }
    if (!entry.pending && entry.data === undefined) entries.delete(url);
  };
  // Handled here, so a request that every caller abandoned never becomes an unhandled rejection.
  request.then(settle, settle);
}
