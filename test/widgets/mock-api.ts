/**
 * A stand-in for the API: `fetch` answers from the fixtures with ETags and 304s, records each
 * request, and can be told to fail, change its data or hold answers back.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { clearCache } from '@peru-exports/widgets';
import { answer, problemResponse } from './fixtures';

export interface Request {
  url: URL;
  headers: Headers;
  signal: AbortSignal | undefined;
  cache: RequestCache | undefined;
}

export interface MockApi {
  requests: Request[];
  /** Requests whose path (after /v1/) is `path`. */
  to(path: string): Request[];
  /** Answer every request with this status and a problem body (null: answer normally again). */
  failWith: number | null;
  /** Part of the ETag; change it to make the data "change" on the server. */
  version: number;
  /** Edits a body before it is sent (after `version` changed, for example). */
  transform?: (body: any, url: URL) => any;
  /** While set, answers wait for this promise. */
  hold?: Promise<void>;
}

export function mockApi(): MockApi {
  clearCache();
  const api: MockApi = {
    requests: [],
    to: (path) => api.requests.filter((r) => r.url.pathname.endsWith(`/v1/${path}`)),
    failWith: null,
    version: 1,
  };
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, location.href);
      const headers = new Headers(init.headers);
      api.requests.push({ url, headers, signal: init.signal ?? undefined, cache: init.cache });
      // Like fetch, an abort ends the wait at once.
      const aborted = new Promise<never>((_, reject) => {
        const fail = () => reject(new DOMException('The operation was aborted.', 'AbortError'));
        if (init.signal?.aborted) fail();
        init.signal?.addEventListener('abort', fail);
      });
      aborted.catch(() => {});
      await Promise.race([api.hold, aborted]);
      if (api.failWith !== null) {
        return Response.json(problemResponse(api.failWith, 'Service Unavailable', 'The API is down for maintenance'), {
          status: api.failWith,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      const { status, body } = answer(url);
      const etag = `"fixture-${api.version}"`;
      if (status === 200 && headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
      return Response.json(api.transform ? api.transform(body, url) : body, { status, headers: { etag } });
    }),
  );
  return api;
}

/**
 * How many shapes the first chart group under `root` holds: 0 when nothing is drawn yet, or when
 * there is no chart at all. Wait with `await expect.poll(() => drawnShapes(root)).toBeGreaterThan(0)`.
 */
export const drawnShapes = (root: ParentNode) => root.querySelector('svg g')?.childElementCount ?? 0;

const mounted = new Set<HTMLElement>();

/** Puts HTML into a fresh container on the page and returns the container. */
export function mount(html: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = html;
  document.body.append(container);
  mounted.add(container);
  return container;
}

/**
 * The set-up the element tests share: before each test a fresh API mock (handed to `use`) and
 * a page without `lang`, so elements default to Spanish; after it, every mounted container
 * removed, globals unstubbed and the page's language restored.
 */
export function setUpElementTests(use: (api: MockApi) => void): void {
  const pageLang = document.documentElement.getAttribute('lang');
  beforeEach(() => {
    use(mockApi());
    document.documentElement.removeAttribute('lang');
  });
  afterEach(() => {
    for (const container of mounted) container.remove();
    mounted.clear();
    vi.unstubAllGlobals();
    if (pageLang) document.documentElement.setAttribute('lang', pageLang);
  });
}

/** Mounts `html` and resolves with its first `tag` element once it has loaded and rendered. */
export async function mountLoaded<T extends Element>(html: string, tag: string): Promise<T> {
  const element = mount(html).querySelector<T>(tag)!;
  await next(element, 'peru-export-load');
  await (element as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return element;
}

/** An element's shadow root, typed for querying. */
export const shadow = (element: Element) => element.shadowRoot!;

/** Text content with whitespace collapsed. */
export const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/[ \t\n\r]+/g, ' ').trim();

/** Resolves with the next event of `type` on `target`. */
export const next = <E extends Event = CustomEvent>(target: EventTarget, type: string) =>
  new Promise<E>((resolve) => target.addEventListener(type, (event) => resolve(event as E), { once: true }));
