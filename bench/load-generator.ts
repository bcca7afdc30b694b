/**
 * autocannon runs, shared by bench and load: one call runs a fixed number of requests (or a
 * fixed time) at fixed concurrency and returns the figures the reports print.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this many requests… */
  amount?: number;
  /** …or after this many seconds. */
  seconds?: number;
  headers?: Record<string, string>;
  /** A sequence each connection cycles through (paths relative to `url`). */
  requests?: autocannon.Request[];
  /** Hard stop for an `amount` run, so one slow route cannot stretch the bench without bound. */
  maxSeconds?: number;
  /** Called about once a second with the responses so far. */
  onTick?: (responses: number) => void;
}

export interface LoadSummary {
  /** Responses received. */
  requests: number;
  /** From the first request sent to the last response received. */
  seconds: number;
  /** requests / seconds. */
  rps: number;
  /** Latency in milliseconds (from each response's own timing, not autocannon's whole-ms histogram). */
  p50: number;
  p99: number;
  max: number;
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
  /** Responses per status code, e.g. { "200": 9990, "404": 10 }. */
  statusCounts: Record<string, number>;
  /** Stopped by maxSeconds before `amount` was reached. */
  truncated: boolean;
  /** CPU time the load generator used during the run (seconds), when known. */
  cpuSeconds?: number;
  /** Cores busy during the run (CPU seconds ÷ wall seconds): the load generator's and workerd's. */
  generatorCores?: number;
  workerdCores?: number;
}

/** Nearest-rank percentile of ascending values. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

/**
 * The figures of a run (pure: test/scripts checks it). autocannon's own duration runs to the
 * next whole-second tick after the last response and its latency histogram holds whole
 * milliseconds, so the elapsed time and the latencies are measured here and passed in.
 */
export function summarize(
  result: Pick<autocannon.Result, 'statusCodeStats' | 'errors' | 'timeouts'>,
  measured: { seconds: number; latenciesMs: Float64Array },
  truncated = false,
): LoadSummary {
  const statusCounts: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    if (stat?.count) statusCounts[status] = stat.count;
  }
  const requests = Object.values(statusCounts).reduce((a, b) => a + b, 0);
  const sorted = Float64Array.from(measured.latenciesMs).sort();
  return {
    requests,
    seconds: measured.seconds,
    rps: measured.seconds > 0 ? requests / measured.seconds : 0,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
    truncated,
  };
}

/** Responses whose status is not one of `expected`. */
export function unexpectedResponses(summary: LoadSummary, expected: number[]): number {
  return Object.entries(summary.statusCounts)
    .filter(([status]) => !expected.includes(Number(status)))
    .reduce((sum, [, count]) => sum + count, 0);
}

export interface SingleResponse {
  status: number;
  contentType: string;
  bytes: number;
  etag: string | null;
  /** The Cache API answered it (the in-memory cache service adds CF-Cache-Status: HIT; the app says X-Cache: HIT). */
  cacheHit: boolean;
  /** An image route's error image says what was wrong in X-Error (status 200, so <img> shows it). */
  errorImage: string | null;
  /** The response as received, for the same-payload baseline (bench/workers/replay.ts). */
  headers: [string, string][];
  body: Uint8Array;
}

/** One request outside a load run (probing a route before loading it). */
export async function requestOnce(url: string, headers: Record<string, string> = {}): Promise<SingleResponse> {
  const res = await fetch(url, { headers });
  const body = await res.arrayBuffer();
  return {
    status: res.status,
    contentType: res.headers.get('Content-Type') ?? '',
    bytes: body.byteLength,
    etag: res.headers.get('ETag'),
    cacheHit: res.headers.get('CF-Cache-Status') === 'HIT' || res.headers.get('X-Cache') === 'HIT',
    errorImage: res.headers.get('X-Error'),
    headers: [...res.headers],
    body: new Uint8Array(body),
  };
}

export function runLoad(options: LoadOptions): Promise<LoadSummary> {
  return new Promise((resolvePromise, reject) => {
    let truncated = false;
    // Grown by doubling; a 60 s soak at ~10k req/s holds 600k latencies (5 MB).
    let latencies = new Float64Array(options.amount ?? 65_536);
    let responses = 0;
    let lastResponseAt = 0;
    const startedAt = performance.now();
    // autocannon runs in this process: its CPU time is this process's during the run.
    const cpuBefore = process.cpuUsage();
    const instance = autocannon(
      {
        url: options.url,
        connections: options.connections,
        ...(options.amount !== undefined ? { amount: options.amount } : { duration: options.seconds ?? 10 }),
        ...(options.headers ? { headers: options.headers } : {}),
        ...(options.requests ? { requests: options.requests } : {}),
        timeout: 10,
      },
      (error, result) => {
        clearTimeout(hardStop);
        clearInterval(ticker);
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
          return;
        }
        const seconds = ((lastResponseAt || performance.now()) - startedAt) / 1_000;
        const cpu = process.cpuUsage(cpuBefore);
        resolvePromise({
          ...summarize(result, { seconds, latenciesMs: latencies.subarray(0, responses) }, truncated),
          cpuSeconds: (cpu.user + cpu.system) / 1e6,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTimeMs) => {
      if (responses === latencies.length) {
        const grown = new Float64Array(latencies.length * 2);
        grown.set(latencies);
        latencies = grown;
      }
      latencies[responses++] = responseTimeMs;
      lastResponseAt = performance.now();
    });
    const ticker = setInterval(() => options.onTick?.(responses), 1_000);
    const hardStop = setTimeout(
      () => {
        truncated = true;
        instance.stop();
      },
      (options.maxSeconds ?? 3_600) * 1_000,
    );
  });
}
