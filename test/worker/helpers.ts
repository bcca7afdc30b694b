/** Shared by the worker tests: requests through the worker's fetch handler, and problem checks. */
import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test';
import { expect, vi } from 'vitest';
import app from '../../worker/index';

export const ORIGIN = 'https://peru-exports.test';

/** The Subresource Integrity value (`sha384-…`) of `bytes`, as a page's `integrity` attribute names it. */
export async function sha384(bytes: ArrayBuffer): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-384', bytes));
  return `sha384-${btoa(String.fromCharCode(...digest))}`;
}

/** A request to the worker (through its default export, as workerd runs it). */
export function get(path: string, init?: RequestInit): Promise<Response> {
  return SELF.fetch(`${ORIGIN}${path}`, init);
}

/**
 * One request through the app (memo first, as workerd runs it) with its own ExecutionContext,
 * waiting for its waitUntil work (the cache put) before returning, so the next request sees what
 * was stored. `path` may also be a whole URL. The body is still unread.
 */
export async function fetchSettled(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(path.startsWith('http') ? path : `${ORIGIN}${path}`, init), env, ctx);
  await res.clone().arrayBuffer();
  await waitOnExecutionContext(ctx);
  return res;
}

/**
 * The Workers Cache API entries the app writes while `run` runs (the URLs of its `put`s): how
 * many entries a set of requests creates.
 */
export async function cachePuts(run: () => Promise<unknown>): Promise<Set<string>> {
  const put = vi.spyOn(caches.default, 'put');
  try {
    await run();
    return new Set(put.mock.calls.map(([key]) => (key instanceof Request ? key.url : String(key))));
  } finally {
    put.mockRestore();
  }
}

/** Requests `path` and expects a JSON answer (content-type application/json): returns the response and its parsed body. */
export async function expectJson<T = Record<string, unknown>>(path: string, init?: RequestInit): Promise<{ res: Response; body: T }> {
  const res = await get(path, init);
  expect(res.headers.get('content-type'), `${path} content-type`).toMatch(/^application\/json/);
  return { res, body: (await res.json()) as T };
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: { param: string; message: string; allowed: string }[];
  closeMatches?: string[];
  allow?: string[];
  apiVersion: string;
  datasetVersion: string;
}

/** Asserts an RFC 9457 problem with this status (and these rejected parameters) and returns it. */
export async function expectProblem(res: Response, status: number, params?: string[]): Promise<ProblemBody> {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as ProblemBody;
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/docs#problem-[a-z-]+$/);
  expect(body.title.length).toBeGreaterThan(0);
  expect(body.detail.length).toBeGreaterThan(0);
  expect(body.apiVersion).toBe('1');
  expect(body.datasetVersion).toMatch(/^[0-9a-f]{8,}$/);
  if (params) {
    expect(body.errors?.map((e) => e.param).sort()).toEqual([...params].sort());
    for (const e of body.errors ?? []) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.allowed.length).toBeGreaterThan(0);
    }
  }
  return body;
}
