/**
 * `PUBLIC_ORIGIN` end to end: a worker started as `npm start -- --var PUBLIC_ORIGIN:…` would be
 * (wrangler dev, wrangler.toml, its own port) writes that origin into every absolute URL of its
 * own, whatever Host a request came with. Plain HTTP, no browser.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { absoluteUrls } from './absolute-urls';
import { startLocalWorker, type LocalWorker } from './worker';

const PUBLIC_ORIGIN = 'https://exports.example';
let worker: LocalWorker;

beforeAll(async () => {
  worker = await startLocalWorker({ vars: { PUBLIC_ORIGIN } });
});
afterAll(() => worker?.stop());

describe('npm start -- --var PUBLIC_ORIGIN:https://exports.example', () => {
  it('names only that origin (besides the sources’ own sites) in the front page, a metric page and an oEmbed answer', async () => {
    const answers = await Promise.all([
      fetch(`${worker.origin}/?lang=en`),
      fetch(`${worker.origin}/m/destination/CN`),
      fetch(`${worker.origin}/oembed?url=${encodeURIComponent(`${PUBLIC_ORIGIN}/m/total?kind=sparkline`)}`),
    ]);
    for (const res of answers) {
      expect(res.status, res.url).toBe(200);
      const urls = absoluteUrls(await res.text());
      expect(
        urls.some((url) => url.startsWith(`${PUBLIC_ORIGIN}/`)),
        res.url,
      ).toBe(true);
      // Anything else is another site linked on purpose (a source's publisher): never the
      // worker's own address, nor any plain-http or local one.
      const others = urls.filter((url) => !url.startsWith(`${PUBLIC_ORIGIN}/`));
      expect(
        others.filter((url) => url.startsWith(worker.origin) || !url.startsWith('https://') || /\/\/(127\.|localhost)/.test(url)),
        res.url,
      ).toEqual([]);
    }
  });
});
