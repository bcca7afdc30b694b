import type { Problem } from './api-types';

/** A request that did not give usable data: HTTP error, network failure, unexpected body, bad attribute. */
export class ApiError extends Error {
  override name = 'ApiError';
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
  pending?: Promise<unknown> | undefined;
  controller?: AbortController;
  /** Callers waiting on `pending`; when the last one gives up, the request is aborted. */
  waiters: number;
}

/**
 * One entry per URL for the whole page: identical requests from any number of elements share
 * one fetch, and later ones reuse the result. Errors are not kept, so a retry asks again.
 */
const entries = new Map<string, Entry>();

/**
 * GET `url` as JSON through the page-wide cache.
 *
 * `revalidate` asks the server again for a URL already loaded (unless it answered in the last
 * 5 s, for elements refreshing together): with `If-None-Match` when its ETag is readable (same
 * origin, or exposed by CORS as this API does), else with `cache: 'no-cache'` so the browser
 * revalidates its own copy. A 304 keeps the data.
 *
 * `signal` cancels this caller's wait; the shared request is aborted only when every caller
 * waiting on it has cancelled.
 */
export function fetchJson(url: string, signal: AbortSignal, revalidate?: boolean): Promise<unknown> {
  const entry = entries.get(url) ?? { at: 0, waiters: 0 };
  entries.set(url, entry);
  if (!entry.pending && (entry.data === undefined || (revalidate && Date.now() - entry.at > 5000))) start(url, entry);
  const { pending, controller } = entry;
  return pending
    ? new Promise((resolve, reject) => {
        const leave = () => {
          // Nobody waits any more: cancel, and let the next caller start afresh.
          if (!--entry.waiters && entry.pending === pending) {
            controller!.abort(signal.reason);
            entry.pending = undefined;
          }
          reject(signal.reason);
        };
        entry.waiters++;
        if (signal.aborted) return leave();
        signal.addEventListener('abort', leave);
        pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
      })
    : Promise.resolve(entry.data);
}

/** Forgets every cached answer (for tests, and for pages that want a clean slate). */
export function clearCache(): void {
  entries.clear();
}

function start(url: string, entry: Entry): void {
  const controller = (entry.controller = new AbortController());
  const { data, etag } = entry;
  const conditional = data !== undefined;
  const request = (entry.pending = (async () => {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...(conditional && etag ? { 'if-none-match': etag } : {}) },
      signal: controller.signal,
      cache: conditional && !etag ? 'no-cache' : 'default',
    }).catch((error: Error) => {
      throw controller.signal.aborted ? error : new ApiError(`Network error: ${error.message}`, null, url);
    });
    if (response.status === 304 && conditional) return data;
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok || body === undefined) {
      const { title, detail } = (body ?? {}) as Problem;
      throw new ApiError(detail ?? title ?? `HTTP ${response.status}: not JSON`, response.status, url);
    }
    entry.etag = response.headers.get('etag');
    return (entry.data = body);
  })());
  // Handled here, so a request that every caller abandoned never becomes an unhandled rejection.
  request.then(settle, settle);
  function settle(): void {
    if (entry.pending === request) {
      entry.pending = undefined;
      entry.waiters = 0;
      entry.at = Date.now();
    }
    if (!entry.pending && entry.data === undefined) entries.delete(url);
  }
}
