/**
 * What the end-to-end tests share: Debian's Chromium driven by Playwright, a watcher that
 * records everything a reader would call broken (console errors, uncaught exceptions, failed
 * or erroring requests), and a tiny second origin that plays the news site.
 */
import { createServer, type Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** Screenshots go under test/__screenshots__/ (gitignored). */
export const SCREENSHOT_DIR = fileURLToPath(new URL('../__screenshots__/e2e/', import.meta.url));
mkdirSync(SCREENSHOT_DIR, { recursive: true });

export interface PageProblems {
  /** Everything seen so far, one line each; empty when the page is healthy. */
  list: () => string[];
}

/**
 * Records console errors (which include CSP violations and failed loads as Chromium reports
 * them), uncaught exceptions, requests that failed and responses with status ≥ 400.
 * `allow` lists URL substrings whose failures a test provoked on purpose.
 */
export function watchPage(page: Page, allow: readonly string[] = []): PageProblems {
  const problems: string[] = [];
  const allowed = (url: string): boolean => allow.some((a) => url.includes(a));
  page.on('console', (message) => {
    const where = message.location().url;
    if (message.type() === 'error' && !allowed(where)) problems.push(`console: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText;
    // ERR_ABORTED is the page cancelling a request it no longer needs (a newer builder
    // preview, an element taken out of the page), not something that broke.
    if (error !== 'net::ERR_ABORTED' && !allowed(request.url())) problems.push(`failed: ${request.url()} (${error})`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && !allowed(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { list: () => [...problems] };
}

export interface SitePage {
  html: string;
  headers?: Record<string, string>;
}

export interface NewsSite {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** Serves `html` at `path` (with extra headers, e.g. a Content-Security-Policy). */
  publish(path: string, page: SitePage): string;
  close(): Promise<void>;
}

/** A plain web server on another origin than the worker's: the newsroom's site. */
export async function startNewsSite(): Promise<NewsSite> {
  const pages = new Map<string, SitePage>();
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    // Chromium asks every origin for an icon; a newsroom's site has one.
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    const page = pages.get(path);
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...page.headers }).end(page.html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    publish(path, page) {
      pages.set(path, page);
      return `${origin}${path}`;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/**
 * A minimal article around some embed markup, as a newsroom's CMS would publish it. It has no
 * style of its own (the strict-CSP variant would block an inline one); `color-scheme` lets the
 * browser draw it dark for a reader who prefers dark.
 */
export function articlePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="es">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><title>${title}</title></head>
<body>
<article>
<h1>${title}</h1>
<p>Lima. Las exportaciones peruanas siguieron creciendo, según las cifras oficiales.</p>
${body}
<p>Fin de la nota.</p>
</article>
</body>
</html>`;
}

/**
 * Scrolls through the page, then waits until every peru-export-* element on it shows its data. On timeout the error
 * says what each element shows instead (still loading, its fallback, an error).
 */
export async function waitForEmbeds(page: Page, timeout = 20_000): Promise<void> {
  // Elements load lazily, when near the viewport: bring every one of them near it first,
  // or one below the fold waits for ever on a slow machine.
  await scrollThrough(page);
  try {
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('peru-export-card, peru-export-sparkline, peru-export-ranking')].every(
          (el) => el.shadowRoot?.querySelector('.base:not(.loading):not(.fallback):not(.failed)') != null,
        ),
      undefined,
      { timeout },
    );
  } catch (error) {
    const states = await page.evaluate(() =>
      [...document.querySelectorAll('peru-export-card, peru-export-sparkline, peru-export-ranking')].map(
        (el) => `${el.outerHTML.slice(0, 80)}… → ${el.shadowRoot?.querySelector('.base')?.className ?? 'not rendered'}`,
      ),
    );
    throw new Error(`embeds did not show their data within ${timeout} ms:\n${states.join('\n')}`, { cause: error });
  }
}

/** Scrolls the page from top to bottom and back, so every lazy element has been near the viewport. */
export async function scrollThrough(page: Page): Promise<void> {
  const { height, viewport } = await page.evaluate(() => ({ height: document.body.scrollHeight, viewport: innerHeight }));
  for (let y = 0; y < height; y += viewport / 2) {
    await page.evaluate((top) => scrollTo(0, top), y);
    await page.waitForTimeout(50);
  }
  await page.evaluate(() => scrollTo(0, 0));
}
