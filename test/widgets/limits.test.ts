/**
 * What the elements refuse to do for a hostile page or server: a timer the browser would fire at
 * once (numeric attributes out of range), a request that never ends (no answer, or a body that
 * drips), an answer too big to read, and a series too long to draw in full.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportCard, PeruExportRanking, PeruExportSparkline } from '@peru-exports/widgets';
import { answer, monthsEnding, seriesResponse } from './fixtures';
import { mount, mountLoaded, setUpElementTests, shadow, text, type MockApi } from './mock-api';

let api: MockApi;
setUpElementTests((mock) => (api = mock));
afterEach(() => vi.useRealTimers());

/** The documented fetch timeout (widgets/README.md): headers and body within 10 s. */
const TIMEOUT_MS = 10_000;
/** The documented cap on an answer's size. */
const MAX_BYTES = 1024 * 1024;

const errors = (element: Element) => {
  const details: { status: number | null; message: string; url: string | null; stale: boolean }[] = [];
  element.addEventListener('peru-export-error', (event) => details.push((event as CustomEvent).detail));
  return details;
};

/**
 * Answers like `fetch` from the fixtures, except `path` (after /v1/), which `respond` answers.
 * Resolves with that request's URL when it is made (not with `expect.poll`, which moves fake clocks).
 */
function stubFetch(path: string, respond: (signal: AbortSignal) => Promise<Response>): Promise<string> {
  return new Promise((requested) => {
    vi.stubGlobal('fetch', async (input: string, init: RequestInit) => {
      const url = new URL(input, location.href);
      if (url.pathname.endsWith(`/v1/${path}`)) {
        requested(input);
        return respond(init.signal!);
      }
      const { status, body } = answer(url);
      return Response.json(body, { status });
    });
  });
}

/** Rejects with the signal's reason when it aborts, as `fetch` does (before and during the body). */
const onAbort = (signal: AbortSignal, then: (reason: unknown) => void) =>
  signal.addEventListener('abort', () => then(signal.reason), { once: true });

describe('numeric attributes', () => {
  it.each([
    ['1e9', 86_400],
    ['2147484', 86_400],
    ['Infinity', 300],
    ['-5', 300],
    ['0', 300],
    ['soon', 300],
    ['1', 10],
    ['60', 60],
  ])('live-interval="%s" refreshes after %i s (10 s to a day; not a positive number: the default)', async (value, seconds) => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    const element = await mountLoaded<PeruExportRanking>(
      `<peru-export-ranking live live-interval="${value}"></peru-export-ranking>`,
      'peru-export-ranking',
    );
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(seconds * 1000 - 1);
    await element.updateComplete;
    expect(api.requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect.poll(() => api.requests.length).toBe(2);
  });

  it('does not refresh at once, over and over, when live-interval is more than the browser’s timer can hold', async () => {
    const element = mount('<peru-export-card metric="total" live live-interval="1e9"></peru-export-card>').firstElementChild!;
    let loads = 0;
    element.addEventListener('peru-export-load', (event) => event.target === element && loads++);
    await expect.poll(() => loads).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(loads).toBe(1);
    expect(api.requests).toHaveLength(2);
  });

  it.each([
    ['500', '50'],
    ['0.2', '1'],
    ['0', '10'],
    ['-3', '10'],
    ['Infinity', '10'],
    ['many', '10'],
  ])('limit="%s" asks for %s rows (1–50; not a positive number: the default)', async (limit, rows) => {
    await mountLoaded(`<peru-export-ranking limit="${limit}"></peru-export-ranking>`, 'peru-export-ranking');
    expect(api.requests[0]!.url.searchParams.get('limit')).toBe(rows);
  });
});

describe('a server that never finishes', () => {
  it('gives up on an answer that never comes after 10 s: the error state, and an event that says what to do', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const requested = stubFetch('metrics/total', (signal) => new Promise((_, reject) => onAbort(signal, reject)));
    const element = mount('<peru-export-card metric="total"></peru-export-card>').firstElementChild as PeruExportCard;
    const details = errors(element);
    const url = await requested;
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(details).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect.poll(() => details).toHaveLength(1);
    expect(details[0]).toMatchObject({ status: null, url, stale: false });
    expect(details[0]!.message).toMatch(/no complete answer within 10 s.*try again/i);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')).not.toBeNull();
  });

  it('gives up on a body that drips in, 10 s after the request, and stops the download', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let request: AbortSignal | undefined;
    const requested = stubFetch('metrics/total', async (signal) => {
      request = signal;
      let drip: ReturnType<typeof setInterval>;
      // The headers at once, then a byte every 50 ms: the body never ends, yet never stalls.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"id":"total","label":"'));
          drip = setInterval(() => controller.enqueue(new Uint8Array([120])), 50);
          onAbort(signal, (reason) => (clearInterval(drip), controller.error(reason)));
        },
        cancel: () => clearInterval(drip),
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const element = mount('<peru-export-card metric="total"></peru-export-card>').firstElementChild as PeruExportCard;
    const details = errors(element);
    await requested;
    await new Promise((resolve) => requestAnimationFrame(resolve)); // some bytes in
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS - 1);
    expect(details).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect.poll(() => details).toHaveLength(1);
    expect(details[0]!.message).toMatch(/no complete answer within 10 s/i);
    expect(request!.aborted).toBe(true);
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')).not.toBeNull();
  });

  it('keeps the data shown when a live refresh times out, and says so (stale)', async () => {
    const element = await mountLoaded<PeruExportCard>('<peru-export-card metric="total" live></peru-export-card>', 'peru-export-card');
    const label = text(shadow(element).querySelector('[part="label"]'));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(Date.now() + 60_000); // past the 5 s in which elements share a refresh
    void stubFetch('metrics/total', (signal) => new Promise((_, reject) => onAbort(signal, reject)));
    const details = errors(element);
    element.refresh();
    await vi.advanceTimersByTimeAsync(TIMEOUT_MS);
    await expect.poll(() => details).toHaveLength(1);
    expect(details[0]).toMatchObject({ status: null, stale: true });
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="label"]'))).toBe(label);
  });
});

describe('an answer too big', () => {
  it('stops reading an answer over 1 MB, with the error state and an event naming the limit', async () => {
    // A well-formed series of 4 MB (16,000 long points), sent in 64 KB chunks as they are read.
    const big = seriesResponse('total', 'es')!;
    const months = monthsEnding('2025-04', 16_000);
    const points = months.map((period, i) => ({
      ...big.points[i % big.points.length]!,
      period,
      periodLabel: `${period} ${'·'.repeat(180)}`,
    }));
    const bytes = new TextEncoder().encode(JSON.stringify({ ...big, points }));
    expect(bytes.length).toBeGreaterThan(3 * MAX_BYTES);
    let sent = 0;
    void stubFetch('metrics/total/series', async () => {
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= bytes.length) return controller.close();
          controller.enqueue(bytes.slice(sent, (sent += 65_536)));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    });
    const element = mount('<peru-export-card metric="total"></peru-export-card>').firstElementChild as PeruExportCard;
    const details = errors(element);
    await expect.poll(() => details, { timeout: 10_000 }).toHaveLength(1);
    expect(details[0]!.message).toMatch(/over 1 MB/);
    expect(details[0]!.url).toContain('/v1/metrics/total/series');
    expect(sent).toBeLessThan(2 * MAX_BYTES); // stopped reading at the limit
    await element.updateComplete;
    expect(shadow(element).querySelector('[part="error"]')).not.toBeNull();
  });
});

describe('a long series', () => {
  it('draws at most 1000 points, the last one included, and its table says how many rows it leaves out', async () => {
    const base = seriesResponse('total', 'en')!;
    const months = monthsEnding('2025-04', 5000);
    const points = months.map((period, i) => ({
      period,
      periodLabel: period,
      value: 1000 + (i % 97),
      formattedValue: `${1000 + (i % 97)}`,
    }));
    const element = mount('<peru-export-sparkline lang="en" style="--peru-sparkline-width: 300px"></peru-export-sparkline>')
      .firstElementChild as PeruExportSparkline;
    element.data = { label: base.label, points };
    await expect.poll(() => shadow(element).querySelector('svg g path[fill="none"]')).not.toBeNull();
    const d = shadow(element).querySelector('svg g path[fill="none"]')!.getAttribute('d')!;
    const drawn = d.match(/-?[\d.]+/g)!.length / 2;
    expect(drawn).toBeGreaterThan(500);
    expect(drawn).toBeLessThanOrEqual(1000);
    // The line ends on the last point, where the "last" marker is.
    const marker = shadow(element).querySelector('svg g circle')!;
    expect(d.endsWith(`${marker.getAttribute('cx')} ${marker.getAttribute('cy')}`)).toBe(true);
    const rows = shadow(element).querySelectorAll('table tr');
    expect(rows).toHaveLength(1001); // the header and the latest 1000 periods
    expect(text(rows[1]!.firstElementChild)).toBe(months[4000]);
    expect(text(rows[1000]!.firstElementChild)).toBe('2025-04');
    expect(text(shadow(element).querySelector('caption'))).toBe('Total exports (4000 earlier periods left out)');
  });
});
