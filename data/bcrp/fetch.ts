/**
 * Fetching BCRP's series: one request per series, each with a time limit that covers the whole
 * body, a cap on the body's size, and a bounded number of retries for passing faults (the bot
 * firewall's challenge page, a 5xx, a time-out, a dropped connection). Platform-neutral: it
 * takes the `fetch` to use, so it runs in workerd (the scheduled refresh), Node and tests.
 */
import type { SeriesMetric } from '../types';
import { BcrpError, bcrpSeriesUrl, isTransient, parseBcrpAnswer, toMonthlySeries } from './adapter';
import type { BcrpSeriesSpec } from './series';

export interface FetchOptions {
  /** BCRP's API base, `…/estadisticas/series/api` (the var BCRP_API_BASE). */
  base: string;
  from: string;
  to: string;
  fetch?: typeof fetch;
  /** Time limit for one request, headers and body (default 20 s: BCRP is sometimes slow). */
  timeoutMs?: number;
  /** Attempts per series, the first included (default 3). */
  attempts?: number;
  /** Pause before a retry, doubled each time (default 2 s). */
  backoffMs?: number;
  /** Largest body accepted (default 1 MiB; a series of 20 years of months is about 10 KB). */
  maxBytes?: number;
  /** Told of each failed attempt (the refresh log). */
  onRetry?: (spec: BcrpSeriesSpec, attempt: number, error: BcrpError) => void;
}

export const FETCH_DEFAULTS = { timeoutMs: 20_000, attempts: 3, backoffMs: 2_000, maxBytes: 1024 * 1024 } as const;

/** Reads a body up to `maxBytes`, or throws `too-large` without reading the rest. */
async function readCapped(res: Response, maxBytes: number): Promise<string> {
  const declared = Number(res.headers.get('Content-Length') ?? NaN);
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new BcrpError('too-large', `the answer declares ${declared} bytes; at most ${maxBytes} are accepted`);
  }
  if (!res.body) return '';
  // Node's types give the reader `any` chunks; a fetch body's are bytes.
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new BcrpError('too-large', `the answer is over ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** One attempt: the request, its whole body within the time limit, parsed into our series. */
async function fetchOnce(url: string, spec: BcrpSeriesSpec, o: Required<Omit<FetchOptions, 'onRetry'>>): Promise<SeriesMetric> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, o.timeoutMs);
  try {
    const res = await o.fetch(url, { signal: controller.signal, headers: { Accept: 'application/json' } });
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new BcrpError('http', `${spec.code}: HTTP ${res.status} from ${url}`);
    }
    const body = await readCapped(res, o.maxBytes);
    return toMonthlySeries(parseBcrpAnswer(body), spec);
  } catch (err) {
    if (err instanceof BcrpError) throw err;
    if (timedOut) throw new BcrpError('timeout', `${spec.code}: no complete answer within ${o.timeoutMs} ms`);
    throw new BcrpError('network', `${spec.code}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    clearTimeout(timer);
  }
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** One series, retried on passing faults; throws the last BcrpError. */
export async function fetchBcrpSeries(spec: BcrpSeriesSpec, options: FetchOptions): Promise<SeriesMetric> {
  const o = { ...FETCH_DEFAULTS, fetch: globalThis.fetch.bind(globalThis), ...options };
  const url = bcrpSeriesUrl(o.base, spec.code, o.from, o.to);
  for (let attempt = 1; ; attempt++) {
    try {
      return await fetchOnce(url, spec, o);
    } catch (err) {
      const error = err as BcrpError;
      if (attempt >= o.attempts || !isTransient(error.kind)) throw error;
      o.onRetry?.(spec, attempt, error);
      await pause(o.backoffMs * 2 ** (attempt - 1));
    }
  }
}
