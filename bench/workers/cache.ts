/**
 * An in-memory Cache API service for plain workerd. Without a `cacheApiOutbound` service,
 * workerd's `caches.default.put()` stores nothing and `match()` always misses, so a worker
 * that caches would be measured cold on every request. The protocol workerd speaks to this
 * service (as Miniflare documents it):
 * - match: `GET <key url>`, answer `CF-Cache-Status: HIT` with the stored response, or
 *   `CF-Cache-Status: MISS` (the rest of a miss is ignored)
 * - put: `PUT <key url>` whose body is the serialised HTTP response; answer 204 (stored) or 413
 * - delete: `PURGE <key url>`; answer 200 (deleted) or 404
 * Named caches (`caches.open(name)`) carry the name in `CF-Cache-Namespace`.
 *
 * Storage rules follow Cloudflare's documentation in outline: a response is stored only with
 * an explicit lifetime (`s-maxage`, `max-age` or `Expires`), never with `no-store`, `private`
 * or `Set-Cookie`. A conditional match with a matching ETag answers 304. This is a stand-in for
 * a colo's cache, for benchmarking; it is not a full RFC 9111 cache.
 */

interface Entry {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
  expires: number;
}

/** Bounded, oldest-first eviction: the bench's key space is small, a soak's bad URLs are not. */
const MAX_ENTRIES = 5_000;
const MAX_BYTES = 64 * 1024 * 1024;

const store = new Map<string, Entry>();
let storedBytes = 0;

function keyOf(request: Request): string {
  return `${request.headers.get('CF-Cache-Namespace') ?? ''} ${request.url}`;
}

function remove(key: string): boolean {
  const entry = store.get(key);
  if (!entry) return false;
  storedBytes -= entry.body.byteLength;
  store.delete(key);
  return true;
}

/** Seconds the response may be stored, or null when it must not be. */
function lifetimeSeconds(headers: Headers, now: number): number | null {
  if (headers.has('Set-Cookie')) return null;
  const cc = (headers.get('Cache-Control') ?? '').toLowerCase();
  if (/(^|[\s,])(no-store|private)([\s,=]|$)/.test(cc)) return null;
  const shared = /(?:^|[\s,])s-maxage\s*=\s*"?(\d+)/.exec(cc);
  const max = /(?:^|[\s,])max-age\s*=\s*"?(\d+)/.exec(cc);
  const seconds = shared?.[1] ?? max?.[1];
  if (seconds !== undefined) return Number(seconds) > 0 ? Number(seconds) : null;
  const expires = headers.get('Expires');
  if (expires !== null) {
    const at = Date.parse(expires);
    if (Number.isFinite(at) && at > now) return (at - now) / 1000;
  }
  return null;
}

const HEADER_END = [13, 10, 13, 10];

function indexOfHeaderEnd(bytes: Uint8Array): number {
  outer: for (let i = 0; i + 3 < bytes.length; i++) {
    for (let j = 0; j < 4; j++) if (bytes[i + j] !== HEADER_END[j]) continue outer;
    return i;
  }
  return -1;
}

/** `HTTP/1.1 200 OK\r\nName: value\r\n…\r\n\r\n<body>` → parts; null if it is not one. */
function parseSerialisedResponse(bytes: Uint8Array): Omit<Entry, 'expires'> | null {
  const end = indexOfHeaderEnd(bytes);
  if (end < 0) return null;
  const [statusLine, ...headerLines] = new TextDecoder().decode(bytes.subarray(0, end)).split('\r\n');
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})/.exec(statusLine ?? '');
  if (!status?.[1]) return null;
  const headers: [string, string][] = [];
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return { status: Number(status[1]), headers, body: bytes.slice(end + 4) };
}

function etagValue(tag: string): string {
  return tag.trim().replace(/^W\//, '');
}

function cacheStatus(
  status: 'HIT' | 'MISS',
  init: { status: number; headers?: [string, string][] },
  body: Uint8Array | null = null,
): Response {
  const headers = new Headers(init.headers);
  headers.set('CF-Cache-Status', status);
  return new Response(body, { status: init.status, headers });
}

export default {
  async fetch(request: Request): Promise<Response> {
    const key = keyOf(request);
    const now = Date.now();
    switch (request.method) {
      case 'GET': {
        const entry = store.get(key);
        if (!entry || entry.expires <= now) {
          if (entry) remove(key);
          return cacheStatus('MISS', { status: 504 });
        }
        const ifNoneMatch = request.headers.get('If-None-Match');
        const etag = entry.headers.find(([name]) => name.toLowerCase() === 'etag')?.[1];
        if (ifNoneMatch && etag && ifNoneMatch.split(',').some((t) => t.trim() === '*' || etagValue(t) === etagValue(etag))) {
          return cacheStatus('HIT', { status: 304, headers: entry.headers });
        }
        return cacheStatus('HIT', entry, entry.body);
      }
      case 'PUT': {
        const parsed = parseSerialisedResponse(new Uint8Array(await request.arrayBuffer()));
        if (!parsed) return new Response(null, { status: 413 });
        const seconds = lifetimeSeconds(new Headers(parsed.headers), now);
        if (seconds === null || parsed.body.byteLength > MAX_BYTES / 16) return new Response(null, { status: 413 });
        remove(key);
        store.set(key, { ...parsed, expires: now + seconds * 1000 });
        storedBytes += parsed.body.byteLength;
        for (const oldest of store.keys()) {
          if (store.size <= MAX_ENTRIES && storedBytes <= MAX_BYTES) break;
          remove(oldest);
        }
        return new Response(null, { status: 204 });
      }
      case 'PURGE':
        return new Response(null, { status: remove(key) ? 200 : 404 });
      default:
        return new Response(null, { status: 405 });
    }
  },
};
