/**
 * The front page and the metric pages as served by the local worker, read in Chromium: the
 * language negotiation, the strict CSP (and that nothing on the pages needs an exception),
 * the social and oEmbed tags, the data table against the JSON API, and the oEmbed endpoint.
 */
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, SCREENSHOT_DIR, waitForEmbeds, watchPage } from './browser';

const origin = inject('workerOrigin');

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'es-PE' });
});

afterAll(async () => {
  await browser?.close();
});

async function open(path: string, headers: Record<string, string> = {}): Promise<{ page: Page; problems: () => string[] }> {
  const page = await context.newPage();
  await page.setExtraHTTPHeaders(headers);
  const watcher = watchPage(page);
  const response = await page.goto(`${origin}${path}`, { waitUntil: 'load' });
  expect(response?.status(), path).toBe(200);
  return { page, problems: watcher.list };
}

async function json(path: string): Promise<Record<string, unknown> & { [k: string]: any }> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status, path).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

describe('front page', () => {
  it('speaks Spanish by default, English with ?lang=en or Accept-Language, and links the other language', async () => {
    const es = await fetch(`${origin}/`, { headers: { 'accept-language': 'fr-FR' } });
    expect(es.headers.get('content-language')).toBe('es');
    expect(es.headers.get('vary')).toMatch(/accept-language/i);
    expect(await es.text()).toMatch(/<html lang="es">/);

    const en = await fetch(`${origin}/`, { headers: { 'accept-language': 'en-GB,en;q=0.9' } });
    expect(en.headers.get('content-language')).toBe('en');
    // Negotiated from the header: a shared cache must not keep it for everyone.
    expect(en.headers.get('cache-control')).toMatch(/private/);

    const { page } = await open('/?lang=en&kind=sparkline&metric=destination%2FCN#builder');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.locator('h1').textContent()).toBe("Peru's exports");
    const switchLink = page.locator('.lang-switch a');
    expect(await switchLink.textContent()).toBe('Español');
    const href = new URL((await switchLink.getAttribute('href')) ?? '', origin);
    expect(Object.fromEntries(href.searchParams)).toEqual({ lang: 'es', kind: 'sparkline', metric: 'destination/CN' });
    await page.close();
  });

  it("shows the press release's headline figures as live cards, with no failed request or console error", async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${origin}/`, { waitUntil: 'load' });
    await waitForEmbeds(page);
    const cards = page.locator('#highlights peru-export-card');
    expect(await cards.count()).toBe(6);
    for (let i = 0; i < 6; i++) {
      const card = cards.nth(i);
      const id = (await card.getAttribute('metric')) ?? '';
      expect(id).toMatch(/^highlight\//);
      const detail = await json(`/v1/metrics/${id}?lang=es`);
      expect(((await card.locator('[part=value] [aria-hidden=true]').textContent()) ?? '').trim()).toBe(detail['latest'].formattedValue);
      // The static image is the fallback, inside the element.
      expect(await card.locator('img').getAttribute('src')).toBe(`/v1/metrics/${id}/card.svg?theme=auto&lang=es`);
    }
    await page.screenshot({ path: `${SCREENSHOT_DIR}front-light.png` });
    // The cards follow the reader's scheme, as the page does.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect
      .poll(() =>
        cards
          .first()
          .locator('[part=base]')
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor),
      )
      .toBe('rgb(13, 17, 23)');
    await page.screenshot({ path: `${SCREENSHOT_DIR}front-dark.png` });
    expect(problems.list()).toEqual([]);
    await page.close();
  });

  it('runs under a CSP that allows only its own origin, with no inline script or style', async () => {
    // Sized embeds too: their size reaches the page as data-style, applied through the CSSOM.
    for (const path of [
      '/',
      '/?kind=sparkline&width=300&height=60',
      '/m/destination/CN?width=500',
      '/builder/output?kind=card&width=400',
    ]) {
      const res = await fetch(`${origin}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).not.toContain('unsafe-inline');
      const html = await res.text();
      if (path !== '/') expect(html, path).toContain('data-style="');
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      expect(html, path).not.toMatch(/<style\b/);
      expect(html, path).not.toMatch(/\sstyle="/);
      expect(html, path).not.toMatch(/\son[a-z]+="/);
    }
  });

  it('serves its stylesheet and script under fingerprinted names, cached for a year', async () => {
    const { page } = await open('/');
    const css = await page.locator('link[rel=stylesheet]').getAttribute('href');
    const js = await page.locator('script[src^="/assets/"]').getAttribute('src');
    for (const [path, type] of [
      [css, 'text/css'],
      [js, 'text/javascript'],
    ] as const) {
      expect(path).toMatch(/^\/assets\/site\.[0-9a-z]+\.(css|js)$/);
      const res = await fetch(`${origin}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain(type);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    // A stale fingerprint (a page cached across a deploy) gets today's bytes, briefly cached.
    const stale = await fetch(`${origin}/assets/site.0000.css`);
    expect(stale.status).toBe(200);
    expect(stale.headers.get('cache-control')).toBe('public, max-age=300');
    expect((await fetch(`${origin}/assets/other.css`)).status).toBe(404);
    await page.close();
  });

  it('states the sources from /v1/sources and how the press release and SUNAT G6 differ', async () => {
    const { page } = await open('/?lang=en');
    const api = await json('/v1/sources?lang=en');
    const titles = await page.locator('#sources .source h3').allTextContents();
    expect(titles).toEqual(api['sources'].map((s: { title: string }) => s.title));
    const differ = (await page.locator('#differences').textContent()) ?? '';
    expect(differ).toContain('US$74.7 billion');
    expect(differ).toContain('US$73.59 billion');
    expect(differ).toContain('+15.6%');
    expect(await page.locator('#preliminary').textContent()).toContain('2024 and 2025 are preliminary');
    // The API's reference and document are linked.
    expect(await page.locator('a[href="/docs"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href="/openapi.json"]').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('metric page', () => {
  it('has social tags with its preview image, and an oEmbed discovery link that answers', async () => {
    const { page, problems } = await open('/m/destination/CN?lang=en');
    const meta = async (selector: string): Promise<string | null> => page.locator(selector).getAttribute('content');
    expect(await page.title()).toMatch(/^Exports to China · /);
    expect(await meta('meta[property="og:title"]')).toBe('Exports to China');
    expect(await meta('meta[property="og:url"]')).toBe(`${origin}/m/destination/CN?lang=en`);
    expect(await meta('meta[property="og:description"]')).toMatch(/^Exports to China: US\$[\d.]+ (million|billion)/);
    // Issue 12 item 3: a large image card naming the metric's social preview (test/e2e/png.test.ts fetches it).
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(await meta('meta[property="og:image"]')).toBe(`${origin}/v1/metrics/destination/CN/social.png?lang=en`);
    expect(await meta('meta[name="twitter:image"]')).toBe(`${origin}/v1/metrics/destination/CN/social.png?lang=en`);

    const link = await page.locator('link[rel=alternate][type="application/json+oembed"]').getAttribute('href');
    const discovered = await fetch(link ?? '');
    expect(discovered.status).toBe(200);
    const body = (await discovered.json()) as Record<string, unknown>;
    // The live card is one fixed box (the card image's, measureCard): oEmbed states the height
    // it takes, which is measured here.
    expect(body).toMatchObject({ version: '1.0', type: 'rich', title: 'Exports to China', width: 360 });
    await waitForEmbeds(page);
    const card = await page.locator('.card-slot peru-export-card').boundingBox();
    expect(card?.width).toBe(360);
    expect(Math.ceil(card?.height ?? 0)).toBe(body['height']);
    // oEmbed's html is the page's own one-line snippet.
    expect(body['html']).toBe(await page.locator('#m-snippet-html').textContent());
    await waitForEmbeds(page);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('shows the figures and the table the JSON API gives', async () => {
    const { page, problems } = await open('/m/sector/agro?lang=en');
    const detail = await json('/v1/metrics/sector/agro?lang=en');
    const facts = await page.locator('.facts dd').allTextContents();
    expect(facts).toContain(detail['latest'].formattedValue);
    expect(facts).toContain(detail['formattedChange']);

    const annual = await json('/v1/metrics/sector/agro/series?freq=annual&lang=en');
    const rows = await page
      .locator('table')
      .first()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')?.textContent, tr.querySelector('td')?.textContent]));
    // Each year as the API labels it: the partial one with its months, "2025 (4 months)".
    const expected = annual['points']
      .map((p: { periodLabel: string; formattedValue: string }) => [p.periodLabel, p.formattedValue])
      .reverse();
    expect(rows).toEqual(expected);

    const monthly = await json('/v1/metrics/sector/agro/series?lang=en');
    const monthRows = await page.locator('details table tbody tr').count();
    expect(monthRows).toBe(monthly['points'].length);

    // "Over time" is the chart (issue 12: it was the live sparkline): chart.svg of the whole
    // series, loaded under the page's strict policy without a complaint, kept in its column.
    await waitForEmbeds(page);
    const img = page.locator('.figure img');
    expect(await img.getAttribute('src')).toMatch(
      /\/v1\/metrics\/sector\/agro\/chart\.svg\?from=2005-01&width=720&height=360&theme=auto&lang=en$/,
    );
    await page.waitForFunction(() => (document.querySelector('.figure img') as HTMLImageElement | null)?.complete === true);
    expect(await img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(720);
    const box = (await img.boundingBox())!;
    expect(box.width).toBeLessThanOrEqual(720);
    expect(box.height).toBeCloseTo(box.width / 2, 0);
    expect(problems()).toEqual([]);
    await page.close();
  });

  it('works for a press-release figure, and says which SUNAT series compares', async () => {
    const { page } = await open('/m/highlight/total');
    expect(await page.locator('h1').textContent()).toBe('Exportaciones totales');
    expect(await page.locator('.facts').textContent()).toMatch(/US\$\s74,7\smil millones/);
    expect(await page.locator('blockquote').textContent()).toContain('USD 74.7 billion');
    expect(await page.locator('a[href="/m/total"]').count()).toBe(1);
    await page.close();
  });

  it('answers an unknown id with a 404 page that suggests close ids', async () => {
    const res = await fetch(`${origin}/m/destination/CHINA`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain('href="/m/destination/CN"');
  });
});

describe('oEmbed', () => {
  const oembed = (query: Record<string, string>): Promise<Response> => fetch(`${origin}/oembed?${new URLSearchParams(query)}`);

  it('gives a metric page URL as a rich embed with the one-line snippet', async () => {
    const res = await oembed({ url: `${origin}/m/total?kind=sparkline&theme=dark`, format: 'json' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Exportaciones del Perú', width: 120, height: 32 });
    expect(body['html']).toBe(
      `<script type="module" src="${origin}/widgets/v1/peru-exports.js"></script>` +
        `<peru-export-sparkline metric="total" lang="es" theme="dark"><img src="${origin}/v1/metrics/total/sparkline.svg?width=120&amp;height=32&amp;theme=dark&amp;lang=es" width="120" height="32" alt="Exportaciones totales: último dato de SUNAT, Cuadro G1"></peru-export-sparkline>`,
    );
  });

  it('embeds what a builder URL shows, within maxwidth', async () => {
    const res = await oembed({ url: `${origin}/?kind=card-image&metric=destination%2FUS&elang=en#builder`, maxwidth: '300' });
    const body = (await res.json()) as Record<string, unknown>;
    expect(body['width']).toBe(300);
    expect(body['html']).toMatch(
      /^<img src="[^"]+\/v1\/metrics\/destination\/US\/card\.svg\?width=300&amp;theme=light&amp;lang=en" width="300"/,
    );
    // The stated height is the drawn image's, and the <img>'s: a card is one fixed box, whatever its text.
    const src = /src="([^"]+)"/.exec(String(body['html']))?.[1]?.replaceAll('&amp;', '&') ?? '';
    const svg = await (await fetch(src)).text();
    expect(svg).toMatch(new RegExp(`^<svg[^>]* width="300" height="${String(body['height'])}"`));
    expect(body['html']).toContain(` width="300" height="${String(body['height'])}"`);
    // A press-release figure has no sparkline: the same box (its place stays), and oEmbed says so.
    const highlight = (await (await oembed({ url: `${origin}/?kind=card-image&metric=highlight%2Ftotal` })).json()) as Record<
      string,
      unknown
    >;
    expect(Number(highlight['height'])).toBe(209);
  });

  it('answers 404 for URLs it has nothing for, 501 for other formats, 400 without a url', async () => {
    const cases: [Record<string, string>, number][] = [
      [{ url: `${origin}/m/destination/XX` }, 404],
      [{ url: 'https://example.com/m/total' }, 404],
      [{ url: `${origin}/docs` }, 404],
      [{ url: `${origin}/m/total`, maxwidth: '100' }, 404],
      [{ url: `${origin}/m/total`, format: 'xml' }, 501],
      [{ url: `${origin}/m/total`, maxwidth: 'wide' }, 400],
      [{}, 400],
    ];
    for (const [query, status] of cases) {
      const res = await oembed(query);
      expect(res.status, JSON.stringify(query)).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});
