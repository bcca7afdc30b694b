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

/** A URL's cache entry. (Its fields start with `_`: the bundle gives them short names.) */
interface Entry {
  _data?: unknown;
  _etag?: string | null;
  /** When the last request for this URL settled (ms). */
  _at: number;
  _pending?: Promise<unknown> | undefined;
  _controller?: AbortController;
  /** Callers waiting on `_pending`; when the last one gives up, the request is aborted. */
  _waiters: number;
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
 *
 * A request fails (an {@link ApiError} for every caller) when its headers and body have not all
 * arrived within 10 s, or its body passes 1 MB.
 */
export function fetchJson(url: string, signal: AbortSignal, revalidate?: boolean): Promise<unknown> {
  const entry = entries.get(url) ?? { _at: 0, _waiters: 0 };
  entries.set(url, entry);
  if (!entry._pending && (entry._data === undefined || (revalidate && Date.now() - entry._at > 5000))) start(url, entry);
  const { _pending: pending, _controller: controller } = entry;
  return pending
    ? new Promise((resolve, reject) => {
        const leave = () => {
          // Nobody waits any more: cancel, and let the next caller start afresh.
          if (!--entry._waiters && entry._pending === pending) {
            controller!.abort(signal.reason);
            entry._pending = undefined;
          }
          // oxlint-disable-next-line typescript/prefer-promise-reject-errors -- an AbortSignal's reason (an AbortError unless the caller gave one)
          reject(signal.reason);
        };
        entry._waiters++;
        if (signal.aborted) return leave();
        signal.addEventListener('abort', leave);
        pending.then(resolve, reject).finally(() => signal.removeEventListener('abort', leave));
      })
    : Promise.resolve(entry._data);
}

/** Forgets every cached answer (for tests, and for pages that want a clean slate). */
export function clearCache(): void {
  entries.clear();
}

/** How long a request may take, headers and body, before it fails: a server that never answers or drips bytes. */
const TIMEOUT_MS = 10_000;
/** The most an answer may hold (the API's largest is about 30 kB): more is not the API, or would freeze the page. */
const MAX_BYTES = 1 << 20;

function start(url: string, entry: Entry): void {
  const controller = (entry._controller = new AbortController());
  const { signal } = controller;
  const { _data: data, _etag: etag } = entry;
  const conditional = data !== undefined;
  // The timeout belongs to the shared request, whose controller already stands for all its callers
  // (aborted when the last one leaves), so no AbortSignal.any (Safari 17.4) is needed.
  /** Ends the request (download included) with this error for every caller. */
  const fail = (message: string) => controller.abort(new ApiError(message, null, url));
  const timer = setTimeout(fail, TIMEOUT_MS, 'No complete answer within 10 s: the API is slow or unreachable; try again later');
  const request = (entry._pending = (async () => {
    let response: Response;
    let text = '';
    try {
      response = await fetch(url, {
        headers: { accept: 'application/json', ...(conditional && etag ? { 'if-none-match': etag } : {}) },
        signal,
        cache: conditional && !etag ? 'no-cache' : undefined,
      });
      if (response.status === 304 && conditional) return data;
      // Read with a limit: a huge answer stops downloading at 1 MB.
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      for (let size = 0, chunk; reader && !(chunk = await reader.read()).done; text += decoder.decode(chunk.value, { stream: true })) {
        if ((size += chunk.value.length) > MAX_BYTES) fail('Answer over 1 MB: not the peru-exports API? Set api="…" to its origin');
        signal.throwIfAborted();
      }
    } catch (error) {
      throw signal.aborted ? signal.reason : new ApiError(`Network error: ${(error as Error).message}`, null, url);
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: said below
    }
    if (!response.ok || body === undefined) {
      const { title, detail } = (body ?? {}) as Problem;
      throw new ApiError(
        detail ??
          title ??
          `No peru-exports API at ${url.split('/v1/')[0]} (HTTP ${response.status}, not JSON): set api="…" to its origin (the default is the script's)`,
        response.status,
        url,
      );
    }
    entry._etag = response.headers.get('etag');
    return (entry._data = body);
  })());
  // Handled here, so a request that every caller abandoned never becomes an unhandled rejection.
  request.then(settle, settle);
  function settle(): void {
    clearTimeout(timer);
    if (entry._pending === request) {
      entry._pending = undefined;
      entry._waiters = 0;
      entry._at = Date.now();
    }
    if (!entry._pending && entry._data === undefined) entries.delete(url);
  }
}
