/**
 * No layout shift from a pasted card (issue 15 item 7): a news article pastes the one-line snippet
 * the builder gives for a card, and Chromium's Layout Instability API (PerformanceObserver,
 * 'layout-shift') counts every shift from the first paint until the card shows its data, with the
 * API answering at once and with the script and the API answering late (the fallback image is
 * shown first, then the element's loading state, then the data). The card is one box throughout:
 * the fallback <img>'s width and height, the element's loading state and the live card.
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { articlePage, launchChromium, startNewsSite, watchPage, type NewsSite } from './browser';

const origin = inject('workerOrigin');

let browser: Browser;
let site: NewsSite;
let snippet: string;

/** Layout shifts as Chromium reports them, from the page's start (buffered). */
const OBSERVE_SHIFTS = `
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (entry.hadRecentInput) continue;
      window.__shifts.push({
        value: entry.value,
        sources: (entry.sources || []).map((s) => (s.node ? s.node.nodeName : '?') + ' ' + JSON.stringify(s.previousRect) + ' → ' + JSON.stringify(s.currentRect)),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  // Whether the fallback image was shown before the element was defined (the late case's first state).
  document.addEventListener('load', (event) => {
    if (event.target.tagName === 'IMG') window.__imageBeforeScript = !customElements.get('peru-export-card');
  }, true);
`;

beforeAll(async () => {
  browser = await launchChromium();
  site = await startNewsSite();
  // The snippet a reader copies from the builder (its "HTML" form: script and element, with the image as fallback).
  const page = await browser.newPage();
  await page.goto(`${origin}/?kind=card&metric=destination%2FCN#builder`);
  snippet = ((await page.locator('.snippet[data-form=html] code').first().textContent()) ?? '').trim();
  await page.close();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** Lighthouse's mobile viewport (a Moto G Power), where the card is most of the screen. */
const MOBILE = { viewport: { width: 412, height: 823 } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the (first) card on the page shows its data. */
const cardShowsData = (page: Page) =>
  page.waitForFunction(
    () => document.querySelector('peru-export-card')?.shadowRoot?.querySelector('.base:not(.loading):not(.fallback):not(.failed)') != null,
    undefined,
    { timeout: 20_000 },
  );

/**
 * Opens `url` on a phone-sized page (after `prepare`, e.g. slowing requests down), waits for the
 * card's data and for things to settle, and expects no layout shift at all, nor anything broken.
 */
async function expectNoShift(url: string, prepare: (page: Page) => Promise<void> = async () => {}): Promise<Page> {
  const page = await browser.newPage(MOBILE);
  const problems = watchPage(page);
  await prepare(page);
  await page.addInitScript(OBSERVE_SHIFTS);
  await page.goto(url);
  await cardShowsData(page);
  // The sparkline inside sizes itself, the fallback image may still arrive: let every frame pass.
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 15_000 });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await sleep(500);
  const shifts = (await page.evaluate('window.__shifts')) as { value: number; sources: string[] }[];
  expect(
    shifts.reduce((sum, shift) => sum + shift.value, 0),
    JSON.stringify(shifts),
  ).toBe(0);
  expect(problems.list()).toEqual([]);
  return page;
}

function article(): string {
  return articlePage(
    'Las exportaciones a China siguen creciendo',
    `<p>El principal destino de las exportaciones peruanas volvió a crecer.</p>\n${snippet}\n` +
      `<p>Según SUNAT, el cobre y el hierro explican la mayor parte del aumento.</p>\n<p>Más párrafos de la nota.</p>`,
  );
}

describe('layout shift of a pasted card (Chromium, PerformanceObserver)', () => {
  it('the builder snippet sizes its fallback image and does not load it lazily', () => {
    expect(snippet).toMatch(/^<script type="module" src="[^"]+\/widgets\/v1\/peru-exports\.js"><\/script><peru-export-card /);
    const img = /<img [^>]*>/.exec(snippet)?.[0] ?? '';
    expect(img).toMatch(/ width="360"/);
    expect(img).toMatch(/ height="\d+"/);
    expect(img).not.toMatch(/loading="lazy"/);
  });

  it('is 0 with the API answering', async () => {
    await (await expectNoShift(site.publish('/cls-prompt', { html: article() }))).close();
  });

  it('is 0 with the script and the API answering late (fallback image, then loading, then data)', async () => {
    // The bundle arrives after the fallback image is laid out, and the data later still.
    const page = await expectNoShift(site.publish('/cls-late', { html: article() }), async (late) => {
      await late.route(`${origin}/widgets/**`, async (route) => {
        await sleep(1_000);
        await route.continue();
      });
      await late.route(`${origin}/v1/**`, async (route) => {
        await sleep(route.request().url().includes('.svg') ? 200 : 2_000);
        await route.continue();
      });
    });
    expect(await page.evaluate('window.__imageBeforeScript'), 'the fallback image showed before the script ran').toBe(true);
    await page.close();
  });

  it('is 0 on the metric page, whose card is its largest paint', async () => {
    await (await expectNoShift(`${origin}/m/destination/CN`)).close();
  });

  it("the card takes the fallback image's box, which is the SVG card's size", async () => {
    const page = await browser.newPage();
    await page.goto(site.publish('/cls-box', { html: article() }));
    await cardShowsData(page);
    const box = await page.evaluate(() => {
      const rect = document.querySelector('peru-export-card')!.getBoundingClientRect();
      const img = document.querySelector('peru-export-card img')!;
      return {
        width: rect.width,
        height: rect.height,
        imgWidth: Number(img.getAttribute('width')),
        imgHeight: Number(img.getAttribute('height')),
      };
    });
    const svg = await (await fetch(new URL(/<img [^>]*src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&')))).text();
    const [, svgWidth, svgHeight] = /^<svg\b[^>]*\swidth="(\d+)" height="(\d+)"/.exec(svg)!;
    expect({ width: box.width, height: box.height }).toEqual({ width: box.imgWidth, height: box.imgHeight });
    expect({ width: Number(svgWidth), height: Number(svgHeight) }).toEqual({ width: box.imgWidth, height: box.imgHeight });
    await page.close();
  });
});
