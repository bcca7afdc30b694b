/**
 * Live figures end to end: a local stand-in for BCRP publishes months beyond the bundled
 * snapshot; firing the Cron Trigger on a running worker (wrangler's local scheduled route) makes
 * the JSON, the card image and a `live` card already mounted on a news page show the new month,
 * without a restart. Its own worker (BCRP_API_BASE pointed at the stand-in, its own KV folder).
 */
import type { Browser, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandIn, type StandIn } from '../../scripts/bcrp-stand-in';
import { articlePage, launchChromium, startNewsSite, waitForEmbeds, watchPage, type NewsSite } from './browser';
import { startLocalWorker, type LocalWorker } from './worker';

let standIn: StandIn;
let worker: LocalWorker;
let browser: Browser;
let site: NewsSite;

beforeAll(async () => {
  standIn = await startStandIn({ until: '2026-09' });
  worker = await startLocalWorker({ vars: { BCRP_API_BASE: standIn.base } });
  browser = await launchChromium();
  site = await startNewsSite();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await worker?.stop();
  await standIn?.close();
});

async function json(path: string): Promise<any> {
  const res = await fetch(`${worker.origin}${path}`);
  expect(res.status, path).toBe(200);
  return res.json();
}

async function cardText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('peru-export-card')?.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '');
}

describe('a scheduled refresh on a running worker', () => {
  it('brings a month beyond the bundled snapshot to the JSON, the card image and a mounted live card', async () => {
    // Before: the bundled snapshot (BCRP's series as stored, up to November 2025).
    const before = await json('/v1/metrics/bcrp/total?lang=es');
    expect(before.latest.period).toBe('2025-11');
    const status0 = (await json('/v1/status')).sources.find((s: { id: string }) => s.id === 'bcrp');
    expect(status0).toMatchObject({ served: { origin: 'bundled' }, latestPeriod: '2025-11', lastChecked: null, stale: true });

    const page = await browser.newPage();
    const problems = watchPage(page);
    const url = site.publish('/live.html', {
      html: articlePage(
        'Exportaciones al día',
        `<script type="module" src="${worker.origin}/widgets/v1/peru-exports.js"></script>\n<peru-export-card metric="bcrp/total" lang="es" live live-interval="10"></peru-export-card>`,
      ),
    });
    await page.goto(url);
    await waitForEmbeds(page);
    expect(await cardText(page)).toContain('noviembre de 2025');

    // The Cron Trigger, as `curl …/cdn-cgi/local/scheduled` fires it (the README's command).
    const trigger = await fetch(`${worker.origin}/cdn-cgi/local/scheduled`);
    expect(trigger.status).toBe(200);
    await expect
      .poll(async () => (await json('/v1/status')).sources.find((s: { id: string }) => s.id === 'bcrp').lastOutcome?.outcome, {
        timeout: 30_000,
      })
      .toBe('published');
    expect(standIn.requests.map((r) => r.split('/json/')[0]!.split('/').pop())).toEqual([
      'PN38714BM',
      'PN38715BM',
      'PN38716BM',
      'PN38717BM',
    ]);

    const after = await json('/v1/metrics/bcrp/total?lang=es');
    expect(after.latest.period).toBe('2026-09');
    expect(after.datasetVersion).not.toBe(before.datasetVersion);
    const status = (await json('/v1/status')).sources.find((s: { id: string }) => s.id === 'bcrp');
    expect(status).toMatchObject({ served: { origin: 'published' }, latestPeriod: '2026-09', lastError: null });
    expect(status.lastChecked).not.toBeNull();

    const card = await (await fetch(`${worker.origin}/v1/metrics/bcrp/total/card.svg?lang=es`)).text();
    expect(card).toContain('septiembre de 2026');

    // The card on the news page follows at its next live refresh (every 10 s), with no reload.
    await expect.poll(() => cardText(page), { timeout: 30_000, interval: 500 }).toContain('septiembre de 2026');
    expect(problems.list()).toEqual([]);
    await page.close();
  });

  it('keeps serving the published figures when BCRP then answers with its bot challenge', async () => {
    standIn.set({ until: '2026-10', faults: { '*': 'challenge' } });
    await fetch(`${worker.origin}/cdn-cgi/local/scheduled`);
    await expect
      .poll(async () => (await json('/v1/status')).sources.find((s: { id: string }) => s.id === 'bcrp').lastOutcome?.outcome, {
        timeout: 60_000,
      })
      .toBe('failed');
    const status = (await json('/v1/status')).sources.find((s: { id: string }) => s.id === 'bcrp');
    expect(status.lastError.message).toMatch(/challenge: .*HTML page instead of JSON/);
    expect((await json('/v1/metrics/bcrp/total')).latest.period).toBe('2026-09');
  });
});
