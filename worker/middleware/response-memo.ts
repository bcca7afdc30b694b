/**
 * An in-isolate memo of complete edge-cached answers, in front of Hono and the Cache API.
 *
 * What edge-cache.ts stores is a pure function of the request key and the dataset version: the
 * code is fixed for an isolate's life, and when a published live snapshot changes the dataset
 * (worker/live/published.ts) the memo is emptied. So once the app has answered a GET with a
 * stored 200 (X-Cache MISS or HIT) or with a 304, the same request can be answered again from
 * memory with the very same status, headers and bytes, without routing, validation, the global
 * middleware or a Cache API round trip (in workerd another service, a subrequest away). On a
 * cache hit that was most of the cost: ~600 µs of isolate time per request against ~80 µs for
 * Hono's hello world (bench/README.md, `npm run bench:profile`).
 *
 * - Key: the request's full URL and its Accept-Language header, as sent. Stricter than the
 *   normalised key (parameter order, `%2F`, the language's spelling each make an entry of
 *   their own), and needs no parsing: a lookup is one string and one Map access.
 * - What is recorded (`recordAnswers`, the outermost middleware, so it sees the final response
 *   with every global header): GET answers of edge-cached routes, only where the Cache API is
 *   on (`caches.default`), and only a 200 edge-cache stored or served (it says X-Cache) or its
 *   304. Errors, error images, HEAD, OPTIONS and uncached routes never are.
 * - A 200 from the memo has the headers the computed answer (X-Cache: MISS) had, with
 *   `X-Cache: HIT`: headers the Cache API adds to what it returns (CF-Cache-Status, Age) and
 *   Content-Length (workerd sets it from the body) are not kept.
 * - A 304 from the memo has the headers of the app's own 304 for that request (recorded the
 *   first time the app answered one); If-None-Match is compared as edge-cache.ts does (`*`
 *   matches: an entry exists only for an answer that existed).
 * - Bounded: at most MEMO_LIMITS.entries entries and MEMO_LIMITS.bytes bytes of bodies and
 *   headers, least recently used first out; a body over MEMO_LIMITS.entryBytes is not kept.
 */
import type { MiddlewareHandler } from 'hono';
import { ifNoneMatchAny, ifNoneMatchMatches } from '../cache-key';
import type { AppEnv } from '../env';
import { BoundedLru } from '../lru';
import { CACHE_STATUS_HEADER } from './edge-cache';

export const MEMO_LIMITS = { entries: 512, bytes: 8 * 1024 * 1024, entryBytes: 512 * 1024 } as const;

type HeaderList = [string, string][];

/**
 * Headers are kept as a `Headers` object: workerd copies one into a new Response in ~13 µs,
 * but converts a list of pairs in ~60 µs and a plain object in ~20 µs (17 headers).
 */
interface Entry {
  /** The answer's ETag (the 304's and the 200's). */
  etag: string;
  ok?: { body: ArrayBuffer; headers: Headers; bytes: number };
  notModified?: { headers: Headers; bytes: number };
}

const memo = new BoundedLru<Entry>(MEMO_LIMITS);

/** Headers of a returned answer that are not the app's own, and are not kept. */
const NOT_KEPT = new Set(['cf-cache-status', 'age', 'content-length']);

export function memoKey(request: Request): string {
  return `${request.url}\n${request.headers.get('Accept-Language') ?? ''}`;
}

/** The memo's answer to a request, or undefined (then the app answers). */
export function memoAnswer(request: Request): Response | undefined {
  if (memo.size === 0 || request.method !== 'GET') return undefined;
  const key = memoKey(request);
  // A look-up is a use (least recently used first out), whether or not the entry answers.
  const entry = memo.get(key);
  if (entry === undefined) return undefined;
  const ifNoneMatch = request.headers.get('If-None-Match');
  let res: Response | undefined;
  // An entry exists only for an answer that existed, so `*` is a match (RFC 9110 §13.1.2).
  if (ifNoneMatch && (ifNoneMatchAny(ifNoneMatch) || ifNoneMatchMatches(ifNoneMatch, entry.etag))) {
    if (entry.notModified) res = new Response(null, { status: 304, headers: entry.notModified.headers });
  } else if (entry.ok) {
    res = new Response(entry.ok.body, { status: 200, headers: entry.ok.headers });
  }
  return res;
}

function sizeOf(headers: HeaderList): number {
  let n = 0;
  for (const [k, v] of headers) n += k.length + v.length;
  return n;
}

function remember(key: string, etag: string, update: (entry: Entry) => void): void {
  const old = memo.peek(key);
  const entry: Entry = old && old.etag === etag ? { ...old } : { etag };
  update(entry);
  memo.set(key, entry, (entry.ok?.bytes ?? 0) + (entry.notModified?.bytes ?? 0));
}

/** Empties the memo (tests). */
export function clearMemo(): void {
  memo.clear();
}

/** Entries and bytes held (tests). */
export function memoSize(): { entries: number; bytes: number } {
  return { entries: memo.size, bytes: memo.bytes };
}

/**
 * The outermost global middleware: after everything else has run, keeps a memoisable answer.
 * A failure to keep one never changes the answer.
 */
export const recordAnswers: MiddlewareHandler<AppEnv> = async function recordAnswers(c, next) {
  await next();
  const etag = c.get('memoEtag');
  if (etag === undefined || c.req.method !== 'GET') return;
  const res = c.res;
  try {
    if (res.status === 304) {
      const headers = [...res.headers].filter(([name]) => !NOT_KEPT.has(name));
      const notModified = { headers: new Headers(headers), bytes: sizeOf(headers) };
      remember(memoKey(c.req.raw), etag, (entry) => (entry.notModified = notModified));
    } else if (res.status === 200 && res.headers.has(CACHE_STATUS_HEADER) && res.headers.get('ETag') === etag) {
      const declared = Number(res.headers.get('Content-Length') ?? 0);
      if (declared > MEMO_LIMITS.entryBytes) return;
      const body = await res.clone().arrayBuffer();
      if (body.byteLength > MEMO_LIMITS.entryBytes) return;
      const headers: HeaderList = [];
      for (const [name, value] of res.headers) {
        if (NOT_KEPT.has(name)) continue;
        headers.push([name, name === 'x-cache' ? 'HIT' : value]);
      }
      const ok = { body, headers: new Headers(headers), bytes: body.byteLength + sizeOf(headers) };
      remember(memoKey(c.req.raw), etag, (entry) => (entry.ok = ok));
    }
  } catch (err) {
    console.warn('response memo: not kept', err);
  }
};
