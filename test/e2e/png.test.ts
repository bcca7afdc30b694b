/**
 * The PNG routes on the local server that `npm start` runs (both workers, test/e2e/worker.ts):
 * a page's og:image, read by an Open Graph parser (open-graph-scraper, as link previews use) and
 * fetched as a crawler would, is a PNG drawn by the PNG worker, not the SVG fallback the main
 * worker answers when the PNG worker is missing.
 */
import { decode } from 'fast-png';
import ogs from 'open-graph-scraper';
import { describe, expect, inject, it } from 'vitest';

const origin = inject('workerOrigin');

/** The page's Open Graph and Twitter tags as open-graph-scraper reads them. */
async function openGraph(path: string) {
  const { error, result } = await ogs({ html: await (await fetch(`${origin}${path}`)).text() });
  expect(error).toBe(false);
  return result;
}

describe('PNG worker behind the main worker', () => {
  for (const [page, image] of [
    ['/', '/v1/social.png?lang=es'],
    ['/m/total', '/v1/metrics/total/social.png?lang=es'],
  ] as const) {
    it(`${page}: the Open Graph parser finds og:image (1200 × 630, image/png, with alt) and a large Twitter card; the image answers that PNG`, async () => {
      const og = await openGraph(page);
      expect(og.twitterCard).toBe('summary_large_image');
      expect(og.ogImage).toHaveLength(1);
      const [tag] = og.ogImage!;
      expect(tag).toMatchObject({ url: `${origin}${image}`, width: '1200', height: '630', type: 'image/png' });
      expect(tag!.alt?.length ?? 0).toBeGreaterThan(20);
      expect(og.twitterImage?.[0]?.url).toBe(tag!.url);
      const res = await fetch(tag!.url);
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Type')).toBe('image/png');
      const png = decode(new Uint8Array(await res.arrayBuffer()));
      expect([png.width, png.height]).toEqual([1200, 630]);
    });
  }

  it('a metric page\u2019s og:image answers a 1200 × 630 PNG, and card.png at scale 3 is three times the SVG', async () => {
    const url = (await openGraph('/m/destination/CN?lang=en')).ogImage?.[0]?.url;
    expect(url).toBe(`${origin}/v1/metrics/destination/CN/social.png?lang=en`);
    const res = await fetch(url!);
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Error')).toBeNull();
    expect(res.headers.get('Content-Type')).toBe('image/png');
    const png = decode(new Uint8Array(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1200, 630]);

    const svg = await (await fetch(`${origin}/v1/metrics/total/card.svg`)).text();
    const height = Number(/^<svg [^>]*height="(\d+)"/.exec(svg)?.[1]);
    const card = decode(new Uint8Array(await (await fetch(`${origin}/v1/metrics/total/card.png?scale=3`)).arrayBuffer()));
    expect([card.width, card.height]).toEqual([360 * 3, height * 3]);
  });
});
