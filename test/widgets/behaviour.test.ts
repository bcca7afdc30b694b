/**
 * What a news page needs from the elements, whichever element: states of a fixed size, errors
 * that become events (never exceptions), retry, live refresh, one fetch per URL per page, lazy
 * loading, the light-DOM fallback, and the bundle under a strict CSP, loaded twice.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '@peru-exports/widgets/define.js';
import { defineElement, type PeruExportCard, PeruExportRanking } from '@peru-exports/widgets';
import { answer } from './fixtures';
import { drawnShapes, mockApi, mount, next, shadow, text, type MockApi } from './mock-api';

const realFetch = globalThis.fetch.bind(globalThis);
let api: MockApi;
let container: HTMLElement | undefined;
const problems: string[] = [];
const onProblem = (event: ErrorEvent | PromiseRejectionEvent) => problems.push(String('reason' in event ? event.reason : event.message));
const pageLang = document.documentElement.getAttribute('lang');

beforeEach(() => {
  api = mockApi();
  problems.length = 0;
  window.addEventListener('error', onProblem);
  window.addEventListener('unhandledrejection', onProblem);
  document.documentElement.removeAttribute('lang');
});
afterEach(async () => {
  container?.remove();
  container = undefined;
  await new Promise((resolve) => setTimeout(resolve, 20)); // let stray rejections surface
  window.removeEventListener('error', onProblem);
  window.removeEventListener('unhandledrejection', onProblem);
  vi.useRealTimers();
  vi.unstubAllGlobals();
  if (pageLang) document.documentElement.setAttribute('lang', pageLang);
  // Errors never escape into the host page.
  expect(problems).toEqual([]);
});

/** Holds every API answer until the returned function is called. */
function holdAnswers(): () => void {
  let release!: () => void;
  api.hold = new Promise((resolve) => (release = resolve));
  return () => {
    api.hold = undefined;
    release();
  };
}

const height = (element: Element) => element.getBoundingClientRect().height;
const base = (element: Element) => shadow(element).querySelector('[part~="base"]')!;

describe('states', () => {
  it.each([
    ['card', '<peru-export-card metric="total"></peru-export-card>'],
    ['highlight card', '<peru-export-card metric="highlight/total"></peru-export-card>'],
    ['ranking', '<peru-export-ranking year="2024" limit="5"></peru-export-ranking>'],
    ['sparkline', '<peru-export-sparkline metric="total"></peru-export-sparkline>'],
  ])('the %s has its final size while loading and on error (no layout shift)', async (_, html) => {
    const release = holdAnswers();
    container = mount(html);
    const element = container.firstElementChild as PeruExportCard;
    await expect.poll(() => api.requests.length).toBeGreaterThan(0);
    await element.updateComplete;
    const loading = height(element);
    expect(base(element).getAttribute('aria-busy')).toBe('true');
    expect(base(element).classList).toContain('loading');
    expect(shadow(element).querySelector('.sk')).not.toBeNull();
    release();
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(height(element)).toBe(loading);
    expect(shadow(element).querySelector('.sk')).toBeNull();

    // The same size again when it fails.
    container.remove();
    api = mockApi();
    api.failWith = 503;
    container = mount(html);
    const failing = container.firstElementChild as PeruExportCard;
    await next(failing, 'peru-export-error');
    await failing.updateComplete;
    expect(shadow(failing).querySelector('[part="error"]')).not.toBeNull();
    expect(height(failing)).toBe(loading);
  });

  it('reports a failure as a typed event that bubbles out of shadow roots, and retries on request', async () => {
    api.failWith = 503;
    const host = mount('<div></div>');
    container = host;
    const root = host.firstElementChild!.attachShadow({ mode: 'open' });
    root.innerHTML = '<peru-export-card metric="destination/CN"></peru-export-card>';
    const element = root.querySelector('peru-export-card')!;
    const event = await new Promise<CustomEvent>((resolve) =>
      document.addEventListener(
        'peru-export-error',
        (e) => {
          expect(e.composedPath()[0]).toBe(element); // crossed the shadow root it lives in
          expect(e.target).toBe(host.firstElementChild); // retargeted to that root's host
          resolve(e);
        },
        { once: true },
      ),
    );
    expect(event.detail).toEqual({
      metric: 'destination/CN',
      status: 503,
      message: 'The API is down for maintenance',
      url: `${location.origin}/v1/metrics/destination/CN?lang=es`,
      stale: false,
    });
    await element.updateComplete;
    const error = shadow(element).querySelector('[part="error"]')!;
    expect(text(error)).toBe('No se pudieron cargar los datos. Reintentar');
    expect(base(element).getAttribute('aria-busy')).toBe('false');

    api.failWith = null;
    (shadow(element).querySelector('[part="retry"]') as HTMLButtonElement).click();
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="label"]'))).toBe('China');
    expect(api.to('metrics/destination/CN')).toHaveLength(2);
  });

  it('shows an error for a network failure or an answer that is not the API', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    container = mount('<peru-export-sparkline metric="total"></peru-export-sparkline>');
    const element = container.firstElementChild!;
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ status: null, message: 'Network error: Failed to fetch' });

    vi.stubGlobal('fetch', async () => Response.json({ hello: 'world' }));
    (element as PeruExportCard).refresh();
    const second = await next<CustomEvent>(element, 'peru-export-error');
    // Whatever the element could not draw is named, and it is an event, not an exception in the page.
    expect(second.detail).toMatchObject({ status: null, stale: false });
    expect(second.detail.message).toMatch(/^Unexpected response: \S/);
  });

  it('says, for an answer that is not JSON, that no API answered there and how to set api', async () => {
    // An element without `api` on a page not served by the API: the script's origin answers a 404 page.
    vi.stubGlobal(
      'fetch',
      async () => new Response('<!doctype html><title>Not Found</title>', { status: 404, headers: { 'content-type': 'text/html' } }),
    );
    container = mount('<peru-export-card metric="total"></peru-export-card>');
    const event = await next<CustomEvent>(container.firstElementChild!, 'peru-export-error');
    expect(event.detail).toMatchObject({ status: 404, url: `${location.origin}/v1/metrics/total?lang=es`, stale: false });
    expect(event.detail.message).toBe(
      `No peru-exports API at ${location.origin} (HTTP 404, not JSON): set api="…" to its origin (the default is the script's)`,
    );
  });
});

describe('a broken answer', () => {
  it('shows the card with its sparkline in the error state when the series cannot be drawn, without an exception', async () => {
    api.transform = (body, url) => (url.pathname.endsWith('/series') ? { ...body, points: 'none' } : body);
    container = mount('<peru-export-card metric="total"></peru-export-card>');
    const element = container.firstElementChild as PeruExportCard;
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(text(shadow(element).querySelector('[part="label"]'))).toBe('Exportaciones totales');
    const spark = shadow(element).querySelector('[part="sparkline"]') as HTMLElement & { updateComplete: Promise<boolean> };
    await spark.updateComplete;
    expect(shadow(spark).querySelector('[part="error"]')).not.toBeNull();
    expect(shadow(spark).querySelector('[part="chart"]')).toBeNull();
  });
});

describe('live', () => {
  it('refreshes with conditional requests, shows changes, and keeps the data when a refresh fails', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    container = mount('<peru-export-card metric="total" live live-interval="60"></peru-export-card>');
    const element = container.firstElementChild as PeruExportCard;
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(api.requests).toHaveLength(2);
    const value = () => text(shadow(element).querySelector('[part="value"] [aria-hidden]'));
    const shown = value();

    // Unchanged: 304s, nothing moves.
    vi.advanceTimersByTime(60_000);
    await next(element, 'peru-export-load');
    expect(api.requests).toHaveLength(4);
    for (const request of api.requests.slice(2)) expect(request.headers.get('if-none-match')).toBe('"fixture-1"');
    await element.updateComplete;
    expect(value()).toBe(shown);

    // Changed on the server: new ETag, new figure.
    api.version = 2;
    api.transform = (body) => (body.latest ? { ...body, latest: { ...body.latest, formattedValue: 'US$ 9,9 mil millones' } } : body);
    vi.advanceTimersByTime(60_000);
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(value()).toBe('US$ 9,9 mil millones');

    // Failing: the figure stays, the page hears about it.
    api.failWith = 503;
    const loads: Event[] = [];
    element.addEventListener('peru-export-load', (e) => loads.push(e));
    vi.advanceTimersByTime(60_000);
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ status: 503, stale: true });
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(loads).toEqual([]); // kept data are no new load
    expect(value()).toBe('US$ 9,9 mil millones');
    expect(shadow(element).querySelector('[part="error"]')).toBeNull();

    // Turning `live` off stops the refreshes.
    element.live = false;
    await element.updateComplete;
    const count = api.requests.length;
    vi.advanceTimersByTime(600_000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.requests).toHaveLength(count);
  });
});

describe('live, in a background tab', () => {
  it('skips refreshes while the page is hidden', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    container = mount('<peru-export-ranking live live-interval="30"></peru-export-ranking>');
    const element = container.firstElementChild!;
    await next(element, 'peru-export-load');
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      vi.advanceTimersByTime(120_000);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(api.requests).toHaveLength(1);
    } finally {
      delete (document as { hidden?: boolean }).hidden; // back to the prototype's getter
    }
    vi.advanceTimersByTime(30_000);
    await next(element, 'peru-export-load');
    expect(api.requests).toHaveLength(2);
  });
});

describe('requests', () => {
  it('shares one fetch per URL between elements, and reuses the answer later', async () => {
    container = mount(`
      <peru-export-card metric="total"></peru-export-card>
      <peru-export-card metric="total"></peru-export-card>
      <peru-export-sparkline metric="total"></peru-export-sparkline>`);
    await Promise.all([...container.children].map((element) => next(element, 'peru-export-load')));
    expect(api.requests.map((r) => r.url.pathname)).toEqual(['/v1/metrics/total', '/v1/metrics/total/series']);

    const later = mount('<peru-export-card metric="total"></peru-export-card>');
    await next(later.firstElementChild!, 'peru-export-load');
    expect(api.requests).toHaveLength(2);
    later.remove();
  });

  it('fetches nothing until the element comes near the viewport', async () => {
    // More than a screen below the viewport: beyond the one-screen margin.
    container = mount(`<div style="height: ${3 * innerHeight}px"></div><peru-export-ranking></peru-export-ranking>`);
    const element = container.querySelector('peru-export-ranking')!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.requests).toHaveLength(0);
    expect(base(element).getAttribute('aria-busy')).toBe('true');
    element.scrollIntoView();
    await next(element, 'peru-export-load');
    expect(api.requests).toHaveLength(1);
    window.scrollTo(0, 0);
  });

  it('aborts a request when the last element waiting for it leaves the page', async () => {
    const release = holdAnswers();
    container = mount('<peru-export-ranking></peru-export-ranking><peru-export-ranking></peru-export-ranking>');
    const [first, second] = [...container.children] as PeruExportRanking[];
    await expect.poll(() => api.requests.length).toBe(1);
    const { signal } = api.requests[0]!;
    first!.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal!.aborted).toBe(false); // the second still waits
    second!.remove();
    await expect.poll(() => signal!.aborted).toBe(true);
    release();

    // Put back, it loads again.
    container.append(second!);
    await next(second!, 'peru-export-load');
    expect(api.requests).toHaveLength(2);
  });

  it('keeps its request when moved in the DOM (out and straight back in)', async () => {
    const release = holdAnswers();
    container = mount('<div></div><peru-export-ranking></peru-export-ranking>');
    const element = container.querySelector('peru-export-ranking')!;
    await expect.poll(() => api.requests.length).toBe(1);
    container.firstElementChild!.append(element);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(api.requests[0]!.signal!.aborted).toBe(false);
    release();
    await next(element, 'peru-export-load');
    expect(api.requests).toHaveLength(1);
  });

  it('shows its data again when put back in the page later, from the page-wide cache', async () => {
    container = mount('<peru-export-ranking limit="3"></peru-export-ranking>');
    const element = container.firstElementChild as PeruExportRanking;
    await next(element, 'peru-export-load');
    element.remove();
    await new Promise((resolve) => setTimeout(resolve, 20));
    container.append(element);
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(shadow(element).querySelectorAll('[part="item"]')).toHaveLength(3);
    expect(api.requests).toHaveLength(1);
  });
});

describe('fallback', () => {
  const fallback =
    '<img alt="Exportaciones totales" width="360" height="209" src="data:image/svg+xml,%3Csvg xmlns=%22http://www.w3.org/2000/svg%22 width=%22360%22 height=%22209%22/%3E">';

  it('shows the page’s own content while loading and on error, and hides it once data arrive', async () => {
    const release = holdAnswers();
    container = mount(`<peru-export-card metric="total">${fallback}</peru-export-card>`);
    const element = container.firstElementChild as PeruExportCard;
    const image = element.querySelector('img')!;
    await expect.poll(() => api.requests.length).toBeGreaterThan(0);
    await element.updateComplete;
    expect(image.assignedSlot).not.toBeNull();
    expect(image.getBoundingClientRect().height).toBe(209);
    expect(shadow(element).querySelector('.sk')).toBeNull(); // no skeleton over the fallback
    release();
    await next(element, 'peru-export-load');
    await element.updateComplete;
    expect(image.assignedSlot).toBeNull();
    expect(image.getBoundingClientRect().height).toBe(0);

    // On error the fallback comes back, with the retry button under it.
    container.remove();
    api = mockApi();
    api.failWith = 500;
    container = mount(`<peru-export-card metric="total">${fallback}</peru-export-card>`);
    const failing = container.firstElementChild as PeruExportCard;
    await next(failing, 'peru-export-error');
    await failing.updateComplete;
    expect(failing.querySelector('img')!.getBoundingClientRect().height).toBe(209);
    expect(shadow(failing).querySelector('[part="retry"]')).not.toBeNull();
  });

  it('does not take comments or blank text for fallback content', async () => {
    const release = holdAnswers();
    container = mount('<peru-export-card metric="total">\n  <!-- a card goes here -->\n</peru-export-card>');
    const element = container.firstElementChild as PeruExportCard;
    await expect.poll(() => api.requests.length).toBeGreaterThan(0);
    await element.updateComplete;
    expect(shadow(element).querySelector('.sk')).not.toBeNull();
    expect(base(element).classList).not.toContain('fallback');
    release();
    await next(element, 'peru-export-load');
  });
});

describe('loading the script twice', () => {
  it('leaves a tag that is already registered alone', () => {
    class Other extends HTMLElement {}
    expect(() => defineElement('peru-export-ranking', Other)).not.toThrow();
    expect(customElements.get('peru-export-ranking')).toBe(PeruExportRanking);
  });

  it('works from the built bundle, loaded twice (alias and versioned file), under a strict CSP', async () => {
    const bundle = '/widgets/dist/cdn/widgets/v1/peru-exports.js';
    const { version } = (await (await realFetch('/widgets/package.json')).json()) as { version: string };
    const versioned = (await (await realFetch(`/widgets/dist/cdn/widgets/v${version}/integrity.json`)).json().catch(() => null)) as {
      file: string;
    } | null;
    expect(versioned, 'build the bundle first: npm run build:widgets').not.toBeNull();
    (window as any).__peruFetch = (input: string) => {
      const { status, body } = answer(new URL(input, location.href));
      return Promise.resolve(Response.json(body, { status }));
    };
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 900px';
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'nonce-t3st'; style-src 'self'; connect-src 'self'; img-src 'self' data:">
      <script nonce="t3st">
        window.fetch = (...args) => parent.__peruFetch(...args);
        window.problems = [];
        document.addEventListener('securitypolicyviolation', (e) => problems.push('CSP ' + e.violatedDirective + ' ' + e.blockedURI));
        addEventListener('error', (e) => problems.push('error ' + e.message));
        addEventListener('unhandledrejection', (e) => problems.push('rejection ' + e.reason));
      </script>
      <script type="module" src="${bundle}?first"></script>
      <script type="module" src="/widgets/dist/cdn${versioned!.file}?second"></script>
      </head><body>
      <peru-export-card metric="total"></peru-export-card>
      <peru-export-sparkline metric="destination/CN"></peru-export-sparkline>
      <peru-export-ranking limit="3"></peru-export-ranking>
      <p style="color: red">A control: the CSP is enforced and its violations are seen.</p>
      </body></html>`;
    container = mount('');
    container.append(frame);
    await expect.poll(() => Array.isArray((frame.contentWindow as any)?.problems), { timeout: 5000 }).toBe(true);
    const win = frame.contentWindow as Window & { problems: string[] };
    const doc = frame.contentDocument!;
    const elements = () => [...doc.querySelectorAll('peru-export-card, peru-export-sparkline, peru-export-ranking')];
    await vi.waitFor(
      () => expect(elements(), `${doc.documentElement.outerHTML.slice(0, 2000)}\n${win.problems.join('\n')}`).toHaveLength(3),
      5000,
    );
    // Every one shows its data (no longer busy).
    await expect
      .poll(
        () =>
          elements()
            .filter((el) => !el.shadowRoot?.querySelector('[part~="base"]:not([aria-busy])'))
            .map((el) => el.localName),
        { timeout: 5000 },
      )
      .toEqual([]);
    // Both copies ran (the second found the tags taken) and nothing was blocked or thrown.
    const scripts = () => win.performance.getEntriesByType('resource').filter((entry) => entry.name.includes('peru-exports.js'));
    await expect.poll(() => scripts().length).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the second copy has run
    expect(win.problems).toEqual(['CSP style-src-attr inline']); // the control, and nothing from the elements
    const card = doc.querySelector('peru-export-card')!;
    expect(text(card.shadowRoot!.querySelector('[part="label"]'))).toBe('Total exports');
    // Styles applied through adopted stylesheets (CSP allows them; no style attributes anywhere).
    expect(win.getComputedStyle(card.shadowRoot!.querySelector('[part~="base"]')!).borderTopStyle).toBe('solid');
    expect(card.shadowRoot!.querySelectorAll('[style]')).toHaveLength(0);
    // The bundle's sparkline answers the pointer (its private members are renamed by the minifier).
    const spark = doc.querySelector('peru-export-sparkline')!.shadowRoot!;
    await expect.poll(() => drawnShapes(spark)).toBeGreaterThan(0);
    const chart = spark.querySelector('svg')!;
    const box = chart.getBoundingClientRect();
    chart.dispatchEvent(new (win as any).PointerEvent('pointermove', { clientX: box.left + 1, clientY: box.top + 1 }));
    await expect.poll(() => text(spark.querySelector('[part="tooltip"]'))).toBe('May 2023: US$1.73 billion');
    delete (window as any).__peruFetch;
  });
});
