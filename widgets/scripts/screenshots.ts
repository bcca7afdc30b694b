/**
 * Screenshots of the three elements, light and dark, rendered from the test fixtures by the built
 * bundle in Chromium: `npm run build && npm run screenshots` (in widgets/) writes
 * `screenshots/{card,sparkline,ranking}-{light,dark}.png`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';
import { answer } from '../../test/widgets/fixtures';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = readFileSync(`${root}dist/cdn/widgets/v1/peru-exports.js`, 'utf8');
const ORIGIN = 'https://peru-exports.test';

const PAGES: Record<string, string> = {
  card: `<peru-export-card metric="total"></peru-export-card>
    <peru-export-card metric="highlight/total"></peru-export-card>`,
  sparkline: `<p class="text">Exports to China <peru-export-sparkline metric="destination/CN"></peru-export-sparkline> over two years.</p>
    <p class="text" lang="en">Exports to China <peru-export-sparkline metric="destination/CN" type="area"></peru-export-sparkline> (hovered).</p>`,
  ranking: `<peru-export-ranking kind="destinations" year="2024" limit="5"></peru-export-ranking>`,
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
for (const theme of ['light', 'dark'] as const) {
  const context = await browser.newContext({ viewport: { width: 820, height: 600 }, deviceScaleFactor: 2, colorScheme: theme });
  await context.route(`${ORIGIN}/**`, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith('.js')) return route.fulfill({ contentType: 'text/javascript', body: bundle });
    if (url.pathname === '/') return route.fulfill({ contentType: 'text/html', body: '' });
    const { status, body } = answer(url);
    return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  });
  const page = await context.newPage();
  for (const [name, body] of Object.entries(PAGES)) {
    await page.goto(`${ORIGIN}/`);
    await page.setContent(
      `<!doctype html><html lang="es"><head><meta charset="utf-8"><style>
        body{margin:0;padding:56px 24px 24px;display:flex;flex-wrap:wrap;gap:24px;align-items:flex-start;
          background:${theme === 'dark' ? '#010409' : '#f6f8fa'};color:${theme === 'dark' ? '#f0f6fc' : '#1f2328'};font:18px/1.6 Georgia,serif}
        .text{margin:0;width:100%}</style>
        <script type="module" src="${ORIGIN}/widgets/v1/peru-exports.js"></script></head>
        <body>${body}</body></html>`,
    );
    await page.waitForFunction(() =>
      [...document.querySelectorAll('body > *, .text > *')].every((el) =>
        el.shadowRoot?.querySelector('.base:not([aria-busy])') ? true : !el.tagName.includes('-'),
      ),
    );
    if (name === 'sparkline') {
      const spark = page.locator('peru-export-sparkline').nth(1);
      const box = (await spark.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    }
    await page.waitForTimeout(200);
    const file = `${root}screenshots/${name}-${theme}.png`;
    const size = await page.evaluate(() => {
      const r = document.body.getBoundingClientRect();
      return {
        width: Math.ceil(Math.max(...[...document.body.children].map((c) => c.getBoundingClientRect().right)) + 24),
        height: Math.ceil(r.height),
      };
    });
    await page.screenshot({ path: file, clip: { x: 0, y: 0, width: Math.min(size.width, 820), height: size.height } });
    console.log(file);
  }
  await context.close();
}
await browser.close();
