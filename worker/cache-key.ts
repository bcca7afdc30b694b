/**
 * The normalised request key behind both the edge-cache entry and the ETag. Pure functions.
 *
 * Two requests get the same key exactly when they must get the same answer:
 * - parameter order does not matter (parameters are sorted);
 * - the language is always in the key: `?lang=…` as given, else the one negotiated from
 *   Accept-Language, so `?lang=es` and `Accept-Language: es` share an entry and the header
 *   never varies what one entry holds;
 * - a metric id's slash may be sent as %2F; both spell the same key.
 * Parameters are not lower-cased or dropped: a parameter in another case or an unknown one is
 * a 400, and errors are never stored, so they cannot create entries either.
 */
import { API_VERSION, REPRESENTATION_REVISION } from './version';

/** `path?sorted-query`, with the language made explicit (unless the answer has none: null). */
export function normalisedKey(path: string, search: string, lang: string | null): string {
  const params = [...new URLSearchParams(search)];
  if (lang !== null && !params.some(([name]) => name === 'lang')) params.push(['lang', lang]);
  params.sort(([a, va], [b, vb]) => (a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  const canonicalPath = path.replace(/%2f/gi, '/');
  return `${canonicalPath}?${new URLSearchParams(params).toString()}`;
}

/**
 * The Cache API key: a URL under the request's origin that also names the API version, dataset
 * version and representation revision, so a deploy with new data never serves old entries.
 */
export function cacheKeyUrl(origin: string, key: string, datasetVersion: string): string {
  return `${origin}/__edge-cache/v${API_VERSION}/${encodeURIComponent(datasetVersion)}/r${REPRESENTATION_REVISION}${key}`;
}

const encoder = new TextEncoder();

/**
 * A strong ETag that changes only when the dataset, the API version, the representation
 * revision or the request key changes: computed from those, never by hashing the body.
 */
export function entityTag(key: string, datasetVersion: string): Promise<string> {
  const input = `${API_VERSION}\n${datasetVersion}\n${REPRESENTATION_REVISION}\n${key}`;
  // Every request needs its tag before any other work, and a digest costs more than the rest of
  // a revalidation: remember tags per isolate. The tag is taken before the query is validated,
  // so random query strings would grow the memo without end; it is bounded and starts afresh.
  let tag = tagMemo.get(input);
  if (!tag) {
    if (tagMemo.size >= TAG_MEMO_LIMIT) tagMemo.clear();
    tag = digestTag(input, datasetVersion);
    tagMemo.set(input, tag);
  }
  return tag;
}

/** How many tags an isolate remembers (a few hundred bytes each). */
export const TAG_MEMO_LIMIT = 2048;
const tagMemo = new Map<string, Promise<string>>();

async function digestTag(input: string, datasetVersion: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(input)));
  let hex = '';
  for (const byte of digest.subarray(0, 12)) hex += byte.toString(16).padStart(2, '0');
  return `"${API_VERSION}-${datasetVersion.slice(0, 8)}-${hex}"`;
}

/**
 * If-None-Match uses the weak comparison (RFC 9110 §13.1.2): `W/"x"` matches `"x"`; the header
 * may list several tags. (Caches may weaken our strong tag when they compress.)
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = strip(etag);
  return header.split(',').some((tag) => strip(tag) === wanted);
}
