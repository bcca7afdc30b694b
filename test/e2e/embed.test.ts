/**
 * A newsroom's article on another origin embeds a card, a sparkline and a ranking with the
 * one-line snippets its CMS got from our oEmbed endpoint, plus a hotlinked card image. Each
 * must show what the JSON API says, with no failed request and no console error — also under
 * a Content-Security-Policy that allows only our origin, with the script included repeatedly.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { articlePage, launchChromium, SCREENSHOT_DIR, startNewsSite, waitForEmbeds, watchPage, type NewsSite } from './browser';

const origin = inject('workerOrigin');

let browser: Browser;
let site: NewsSite;

interface OEmbed {
  html: string;
  width: number;
  height: number;
}

/** What a CMS gets for a URL of ours. */
async function oembedFor(url: string): Promise<OEmbed> {
  const res = await fetch(`${origin}/oembed?${new URLSearchParams({ url, format: 'json' })}`);
  expect(res.status, url).toBe(200);
  return (await res.json()) as OEmbed;
}

async function api(path: string): Promise<any> {
  const res = await fetch(`${origin}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

let oembeds: Record<'card' | 'sparkline' | 'ranking' | 'image', OEmbed>;
let embeds: Record<keyof typeof oembeds, string>;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startNewsSite();
  // theme=auto: the same article serves the light and the dark screenshot.
  oembeds = {
    card: await oembedFor(`${origin}/m/destination/CN?theme=auto`),
    sparkline: await oembedFor(`${origin}/m/total?kind=sparkline&theme=auto`),
    ranking: await oembedFor(`${origin}/?kind=ranking&year=2024&limit=5&theme=auto#builder`),
    image: await oembedFor(`${origin}/?kind=card-image&metric=sector%2Fagro&theme=auto`),
  };
  embeds = { card: oembeds.card.html, sparkline: oembeds.sparkline.html, ranking: oembeds.ranking.html, image: oembeds.image.html };
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

function article(): string {
  return articlePage(
    'Las exportaciones a China siguen creciendo',
    `<h2>China</h2>\n${embeds.card}\n` +
      `<p>Las exportaciones totales, mes a mes: ${embeds.sparkline} según SUNAT.</p>\n` +
      `<h2>Principales destinos</h2>\n${embeds.ranking}\n` +
      `<h2>Agroexportaciones</h2>\n<figure>${embeds.image}<figcaption>Fuente: SUNAT</figcaption></figure>`,
  );
}

/** Shadow-DOM text of the first element matching `selector` (Playwright's CSS pierces open shadow roots). */
async function text(page: Page, selector: string): Promise<string> {
  return ((await page.locator(selector).first().textContent()) ?? '').trim();
}

/** Waits until every embed on the page has its data, and the hotlinked image has settled. */
async function loaded(page: Page): Promise<void> {
  await waitForEmbeds(page);
  // The hotlinked image has settled (loaded or broken: checkFigures tells which). Fallback
  // images inside the elements are sized and not lazy: once the data show, they are not laid out.
  await page.waitForFunction(() => (document.querySelector('figure > img') as HTMLImageElement | null)?.complete === true, undefined, {
    timeout: 15_000,
  });
}

async function checkFigures(page: Page): Promise<void> {
  const china = await api('/v1/metrics/destination/CN?lang=es');
  expect(await text(page, 'peru-export-card [part=value] [aria-hidden=true]')).toBe(china.latest.formattedValue);
  expect(await text(page, 'peru-export-card [part=label]')).toBe(china.label);
  if (china.formattedChange !== null) expect(await text(page, 'peru-export-card [part=change]')).toContain(china.formattedChange);

  // The standalone sparkline: its last point is the API's latest figure, in its data table.
  const total = await api('/v1/metrics/total?lang=es');
  const last = page.locator('article > p peru-export-sparkline table tr').last();
  expect(((await last.locator('td').last().textContent()) ?? '').trim()).toBe(total.latest.formattedValue);
  expect(await page.locator('article > p peru-export-sparkline [part=chart]').getAttribute('aria-label')).toContain(total.label);

  const ranking = await api('/v1/rankings/destinations?year=2024&limit=5&lang=es');
  const rows = await page
    .locator('peru-export-ranking [part=item]')
    .evaluateAll((items) =>
      items.map((li) => [li.querySelector('.name')?.textContent, li.querySelector('.value [aria-hidden]')?.textContent]),
    );
  expect(rows).toEqual(ranking.items.map((i: { label: string; formattedValue: string }) => [i.label, i.formattedValue]));

  // The hotlinked image is our SVG, drawn with the API's figure.
  expect(await page.locator('figure > img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const src = await page.locator('figure > img').getAttribute('src');
  const svg = await (await fetch(src ?? '')).text();
  const agro = await api('/v1/metrics/sector/agro?lang=es');
  expect(svg.replaceAll('&#160;', '\u00a0')).toContain(agro.latest.formattedValue);
}

describe('a news article on another origin', () => {
  it('shows the same figures as the JSON API, with no failed request or console error (light and dark)', async () => {
    const url = site.publish('/nota', { html: article() });
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ colorScheme, viewport: { width: 900, height: 900 } });
      const problems = watchPage(page);
      await page.goto(url, { waitUntil: 'load' });
      await loaded(page);
      await page.screenshot({ path: `${SCREENSHOT_DIR}article-${colorScheme}.png`, fullPage: true });
      expect(problems.list()).toEqual([]);
      await checkFigures(page);
      // Each embed takes the room oEmbed said it would (a CMS sizes its frame by it).
      for (const [selector, key] of [
        ['peru-export-card', 'card'],
        ['article > p peru-export-sparkline', 'sparkline'],
        ['peru-export-ranking', 'ranking'],
        ['figure > img', 'image'],
      ] as const) {
        const box = await page.locator(selector).first().boundingBox();
        expect(Math.round(box?.width ?? 0), selector).toBe(oembeds[key].width);
        expect(Math.ceil(box?.height ?? 0), selector).toBeLessThanOrEqual(oembeds[key].height);
        expect(Math.ceil(box?.height ?? 0), selector).toBeGreaterThan(oembeds[key].height - 8);
      }
      // theme=auto follows the reader's scheme: the card's background says which one it drew.
      const background = await page
        .locator('peru-export-card [part=base]')
        .first()
        .evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
      await page.close();
    }
  });

  it('works under a CSP that allows only the service, with the script included again', async () => {
    const again = `<script type="module" src="${origin}/widgets/v1/peru-exports.js"></script>`;
    const html = article().replace('<p>Fin de la nota.</p>', `${again}\n<p>Fin de la nota.</p>`);
    expect(html.split('/widgets/v1/peru-exports.js').length - 1).toBeGreaterThanOrEqual(4);
    const url = site.publish('/nota-csp', {
      html,
      headers: { 'Content-Security-Policy': `default-src ${origin}; base-uri 'none'; object-src 'none'` },
    });
    const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
    const problems = watchPage(page);
    // Violations are also events in the page: record them where the test can read them.
    await page.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await page.goto(url, { waitUntil: 'load' });
    await loaded(page);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems.list()).toEqual([]);
    await checkFigures(page);
    // One definition per element, however often the script is included.
    expect(
      await page.evaluate(() =>
        ['peru-export-card', 'peru-export-sparkline', 'peru-export-ranking'].map((t) => typeof customElements.get(t)),
      ),
    ).toEqual(['function', 'function', 'function']);
    await page.screenshot({ path: `${SCREENSHOT_DIR}article-csp.png`, fullPage: true });
    await page.close();
  });
});
