/**
 * The normalised request key behind both the edge-cache entry and the ETag. Pure functions.
 *
 * The key is taken after routing, from what the route read, so two requests share a key exactly
 * when the app gives them the same answer, whatever the cache holds:
 * - the path is the matched route's pattern with its parameters filled in (`routeKeyPath`), each
 *   encoded: `/v1/metrics/destination/CN` and `/v1/metrics/destination%2FCN` reach the same
 *   route with the same id and share a key, while `/v1/metrics/sector%2Fmining%2Fseries` (the
 *   metric `sector/mining/series`, a 404) stays apart from `/v1/metrics/sector/mining/series`;
 * - the query is the one the route validated, in canonical form (`canonicalQuery`): the schemas'
 *   output (numbers as numbers, flags as booleans, colours as `#rrggbb`), sorted, so spellings of
 *   one value (`width=0200`, `color=RED`) share an entry; a query the route refuses gets no key;
 * - the language is always in the key: `?lang=…` as given, else the one negotiated from
 *   Accept-Language, so `?lang=es` and `Accept-Language: es` share an entry and the header
 *   never varies what one entry holds.
 */
import { API_VERSION, REPRESENTATION_REVISION } from './version';

/** `path?sorted-query`, with the language made explicit (unless the answer has none: null). */
export function normalisedKey(path: string, query: string | [string, string][], lang: string | null): string {
  const params = [...new URLSearchParams(query)];
  if (lang !== null && !params.some(([name]) => name === 'lang')) params.push(['lang', lang]);
  params.sort(([a, va], [b, vb]) => (a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return `${path}?${new URLSearchParams(params).toString()}`;
}

/** A `:name` or `:name{pattern}` of a Hono route path (a pattern may hold one level of braces). */
const ROUTE_PARAM = /:(\w+)(?:\{(?:[^{}]|\{[^{}]*\})*\})?/g;

/**
 * The path of a routed request for its key: the route's pattern (`/v1/metrics/:id/series`, or its
 * twin for slashed ids, `/v1/metrics/:id{…}/series`) with each parameter's decoded value put back
 * encoded, so a slash inside a value can never pass for a path separator.
 */
export function routeKeyPath(routePath: string, params: Readonly<Record<string, string | undefined>>): string {
  return routePath.replace(ROUTE_PARAM, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

/**
 * A validated query (the route schema's output) as key parameters: absent values left out,
 * lists joined with commas, numbers and booleans in their one spelling. `lang` is left to
 * normalisedKey (the negotiated language).
 */
export function canonicalQuery(query: Readonly<Record<string, unknown>>): [string, string][] {
  const params: [string, string][] = [];
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || name === 'lang') continue;
    params.push([name, Array.isArray(value) ? value.join(',') : String(value)]);
  }
  return params;
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
 * `If-None-Match: *` (RFC 9110 §13.1.2: "If the field value is "*", the condition is false if the
 * origin server has a current representation for the target resource"): a 304 for a GET or HEAD
 * of anything that exists, which only the route's answer tells (an unknown id is a 404).
 */
export function ifNoneMatchAny(header: string | null | undefined): boolean {
  return header?.trim() === '*';
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
