/**
 * The embed builder driven like a reader would: choosing options changes the preview and the
 * snippets (and the address bar), the copied snippet pasted into a fresh page on another
 * origin renders the same thing, the form works without JavaScript; and axe-core finds no
 * accessibility violation on the front page or a metric page.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  articlePage,
  launchChromium,
  SCREENSHOT_DIR,
  startNewsSite,
  scrollThrough,
  waitForEmbeds,
  watchPage,
  type NewsSite,
} from './browser';

const origin = inject('workerOrigin');
const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: Browser;
let context: BrowserContext;
let site: NewsSite;

beforeAll(async () => {
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'es-PE', viewport: { width: 1280, height: 1000 } });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  site = await startNewsSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const snippet = (page: Page, form: string): Promise<string> =>
  page
    .locator(`#b-snippet-${form}`)
    .textContent()
    .then((t) => t ?? '');

/** Waits for the preview to hold `selector` (the output is swapped in after each change). */
async function previewShows(page: Page, selector: string): Promise<void> {
  await page.locator(`#builder-output [data-testid=preview] > ${selector}`).waitFor({ state: 'attached', timeout: 10_000 });
}

describe('embed builder', () => {
  it('updates preview, snippets and address as options change; the copied snippet renders the same elsewhere', async () => {
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${origin}/#builder`);
    await previewShows(page, 'peru-export-card[metric="bcrp/total"]');
    expect(await snippet(page, 'html')).toContain('<peru-export-card metric="bcrp/total" lang="es" theme="light">');

    // Kind: a live sparkline.
    await page.getByLabel('Minigráfico (en vivo)').check();
    await previewShows(page, 'peru-export-sparkline[metric="bcrp/total"]');
    expect(await snippet(page, 'html')).toContain('<peru-export-sparkline metric="bcrp/total"');
    expect(new URL(page.url()).searchParams.get('kind')).toBe('sparkline');

    // Metric from the searchable list, theme, language of the embed, size, period.
    await page.getByLabel('Serie', { exact: true }).fill('destination/CN');
    await previewShows(page, 'peru-export-sparkline[metric="destination/CN"]');
    await page.getByLabel('Oscuro').check();
    await page.locator('#b-lang').selectOption('en');
    await page.getByLabel('Ancho (px)').fill('300');
    await page.getByLabel('Alto (px)').fill('60');
    await page.getByLabel('Desde').fill('2020');
    await page.getByLabel('Desde').blur();
    await previewShows(page, 'peru-export-sparkline[metric="destination/CN"][theme="dark"][lang="en"][from="2020"]');
    await page.waitForFunction(
      () => document.querySelector('[data-testid=preview] > peru-export-sparkline')?.getBoundingClientRect().width === 300,
    );
    const html = await snippet(page, 'html');
    expect(html).toContain(
      '<peru-export-sparkline metric="destination/CN" from="2020" lang="en" theme="dark" style="--peru-sparkline-width:300px;--peru-sparkline-height:60px">',
    );
    expect(await snippet(page, 'csv')).toBe(`${origin}/v1/metrics/destination/CN/series.csv?from=2020`);
    const address = new URL(page.url());
    expect(Object.fromEntries(address.searchParams)).toEqual({
      kind: 'sparkline',
      metric: 'destination/CN',
      from: '2020',
      theme: 'dark',
      elang: 'en',
      width: '300',
      height: '60',
    });

    // A ranking: its own fields show, the metric's hide.
    await page.getByLabel('Ranking (en vivo)').check();
    await expect.poll(() => page.getByLabel('Serie', { exact: true }).isVisible()).toBe(false);
    await page.locator('#b-year').selectOption('2024');
    await page.getByLabel('Filas').fill('5');
    await page.getByLabel('Filas').blur();
    await previewShows(page, 'peru-export-ranking[kind="destinations"][year="2024"][limit="5"][lang="en"][theme="dark"]');
    await waitForEmbeds(page);
    await page.locator('#builder').screenshot({ path: `${SCREENSHOT_DIR}builder-ranking.png` });

    // Copy, then paste into a fresh page of another site.
    await page.locator('.snippet[data-form=html] button.copy').click();
    await expect.poll(() => page.locator('.snippet[data-form=html] button.copy').textContent()).toBe('Copiado');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await snippet(page, 'html'));
    const previewRows = await page.locator('[data-testid=preview] peru-export-ranking [part=item]').allTextContents();
    expect(previewRows).toHaveLength(5);

    const fresh = await context.newPage();
    const freshProblems = watchPage(fresh);
    await fresh.goto(site.publish('/pegado', { html: articlePage('Pegado', copied) }));
    await fresh.locator('peru-export-ranking [part=item]').nth(4).waitFor({ timeout: 15_000 });
    expect(await fresh.locator('peru-export-ranking [part=item]').allTextContents()).toEqual(previewRows);
    expect(await fresh.locator('peru-export-ranking').getAttribute('theme')).toBe('dark');
    expect(freshProblems.list()).toEqual([]);
    await fresh.close();

    expect(problems.list()).toEqual([]);
    await page.close();
  });

  it('works without JavaScript: the form reloads the page with the new preview and snippets', async () => {
    const noJs = await browser.newContext({ javaScriptEnabled: false, locale: 'es-PE' });
    const page = await noJs.newPage();
    await page.goto(`${origin}/#builder`);
    await page.getByLabel('Imagen del minigráfico (SVG, sin script)').check();
    await page.getByLabel('Serie', { exact: true }).fill('sector/agro');
    await page.getByRole('button', { name: 'Actualizar vista previa' }).click();
    await page.waitForURL(/kind=sparkline-image/);
    expect(await page.locator('[data-testid=preview] > img').getAttribute('src')).toBe(
      `${origin}/v1/metrics/sector/agro/sparkline.svg?width=120&height=32&theme=light&lang=es`,
    );
    expect(await snippet(page, 'markdown')).toContain(`](${origin}/m/sector/agro)`);
    // A value the builder cannot use is named, with what it accepts.
    await page.goto(`${origin}/?kind=card&width=5000&metric=destination%2FXX#builder`);
    const issues = (await page.locator('.issues').textContent()) ?? '';
    expect(issues).toContain('width');
    expect(issues).toContain('200 to 800');
    expect(issues).toContain('destination/XX');
    // A name instead of an id gets the close ids, as the API's 404 does.
    await page.goto(`${origin}/?metric=china#builder`);
    expect(await page.locator('.issues').textContent()).toContain('destination/CN');
    await noJs.close();
  });
});

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<Result> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

describe('accessibility (axe-core)', () => {
  it('reports violations where there are some (the check itself works)', async () => {
    const page = await browser.newPage();
    await page.goto(site.publish('/inaccesible', { html: articlePage('Mal', '<img src="/x.png"><input type="text">') }));
    const found = await axeViolations(page);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
    expect(found.some((v) => v.startsWith('label'))).toBe(true);
    await page.close();
  });

  for (const path of ['/', '/?lang=en', '/m/destination/CN', '/m/highlight/total?lang=en']) {
    it(`finds no violation on ${path}`, async () => {
      // axe is injected as an inline script, which the page's own CSP would (rightly) refuse.
      const axeContext = await browser.newContext({ bypassCSP: true, locale: 'es-PE' });
      const page = await axeContext.newPage();
      await page.goto(`${origin}${path}`, { waitUntil: 'load' });
      await scrollThrough(page);
      await waitForEmbeds(page);
      const result = await axeViolations(page);
      expect(result).toEqual([]);
      await axeContext.close();
    });
  }
});
