/**
 * PNG twins (routes/png.ts) inside workerd: the PNG decodes, has the SVG's size times `scale`,
 * bad input is an error PNG with 200 and X-Error, and caching follows the SVG's scheme on the
 * twin's own key. The `PNG` binding runs the PNG worker's handler and rasteriser (vitest.config.ts).
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { decode } from 'fast-png';
import { describe, expect, it } from 'vitest';
import { app } from '../../worker/index';
import { cachePuts, fetchSettled, get, ORIGIN } from './helpers';

/** The width and height attributes of an SVG document's root. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  return { width: Number(/\swidth="([\d.]+)"/.exec(root)?.[1]), height: Number(/\sheight="([\d.]+)"/.exec(root)?.[1]) };
}

async function png(res: Response) {
  expect(res.headers.get('Content-Type')).toBe('image/png');
  return decode(new Uint8Array(await res.arrayBuffer()));
}

const IMAGES = [
  '/v1/metrics/total/card.svg?lang=en',
  '/v1/metrics/destination/CN/card.svg?theme=dark&compact=true',
  '/v1/metrics/sector/agro/sparkline.svg?width=240&height=48&type=bar&freq=annual&from=2015&to=2024',
  '/v1/metrics/highlight/total/card.svg',
];

describe('PNG twins', () => {
  for (const path of IMAGES) {
    for (const scale of [1, 2, 3] as const) {
      it(`${path} as PNG at scale ${scale}: decodes, the SVG's size × ${scale}, not blank`, async () => {
        const svg = await (await get(path)).text();
        const size = svgSize(svg);
        expect(size.width).toBeGreaterThan(0);
        const pngPath = `${path.replace('.svg', '.png')}${path.includes('?') ? '&' : '?'}scale=${scale}`;
        const res = await get(pngPath);
        expect(res.status).toBe(200);
        expect(res.headers.get('X-Error')).toBeNull();
        expect(res.headers.get('Cross-Origin-Resource-Policy')).toBe('cross-origin');
        const image = await png(res);
        expect([image.width, image.height]).toEqual([Math.ceil(size.width * scale), Math.ceil(size.height * scale)]);
        // Something is drawn: a blank image has one colour.
        const distinct = new Set<number>();
        for (let i = 0; i < image.data.length; i += 4)
          distinct.add(((image.data[i]! * 256 + image.data[i + 1]!) * 256 + image.data[i + 2]!) * 256 + image.data[i + 3]!);
        expect(distinct.size).toBeGreaterThan(2);
      });
    }
  }

  it('bad input answers an error PNG with 200 and X-Error, the error SVG drawn', async () => {
    for (const [path, code] of [
      ['/v1/metrics/nope/card.png', 'unknown-metric'],
      ['/v1/metrics/total/card.png?width=-5', 'bad-parameter'],
      ['/v1/metrics/total/sparkline.png?scale=4', 'bad-parameter'],
      ['/v1/metrics/total/sparkline.png?scale=1.5', 'bad-parameter'],
      ['/v1/metrics/highlight/total/sparkline.png', 'not-found'],
    ] as const) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('X-Error'), path).toBe(code);
      expect(res.headers.get('ETag'), path).toBeNull();
      expect(res.headers.get('Cache-Control'), path).toBe('public, max-age=60, s-maxage=60');
      const image = await png(res);
      expect(image.width, path).toBeGreaterThanOrEqual(240);
    }
  });

  it('an error PNG is drawn at the scale asked for when that scale is valid', async () => {
    const one = await png(await get('/v1/metrics/nope/card.png?scale=1'));
    const three = await png(await get('/v1/metrics/nope/card.png?scale=3'));
    expect([three.width, three.height]).toEqual([one.width * 3, one.height * 3]);
  });

  it('ETag and Cache API key: the SVG scheme, one entry per format and scale', async () => {
    const svg = await fetchSettled('/v1/metrics/sector/mining/card.svg?lang=en');
    const png1 = await fetchSettled('/v1/metrics/sector/mining/card.png?lang=en');
    const png2 = await fetchSettled('/v1/metrics/sector/mining/card.png?lang=en&scale=2');
    const tags = [svg, png1, png2].map((r) => r.headers.get('ETag'));
    for (const tag of tags) expect(tag).toMatch(/^"1-[0-9a-f]+-[0-9a-f]+"$/);
    expect(new Set(tags).size).toBe(3);
    expect(png1.headers.get('Cache-Control')).toBe(svg.headers.get('Cache-Control'));
    // Another spelling of the same PNG shares its ETag and entry; the cache answers it.
    const again = await fetchSettled('/v1/metrics/sector/mining/card.png?scale=1&lang=en');
    expect(again.headers.get('ETag')).toBe(tags[1]);
    expect(again.headers.get('X-Cache')).toBe('HIT');
    const notModified = await get('/v1/metrics/sector/mining/card.png?lang=en', { headers: { 'If-None-Match': tags[1]! } });
    expect(notModified.status).toBe(304);
    // A new PNG stores two entries: its SVG (asked of the app) and itself.
    const puts = await cachePuts(() => fetchSettled('/v1/metrics/sector/chemical/sparkline.png?scale=3'));
    expect(puts.size).toBe(2);
  });

  it('the slashed id with %2F and the literal slash are one PNG', async () => {
    const a = await get('/v1/metrics/destination/US/sparkline.png?scale=2');
    const b = await get('/v1/metrics/destination%2FUS/sparkline.png?scale=2');
    expect(a.headers.get('ETag')).toBe(b.headers.get('ETag'));
    expect(new Uint8Array(await a.arrayBuffer())).toEqual(new Uint8Array(await b.arrayBuffer()));
  });

  it('without the PNG worker, still an image: the SVG, X-Error internal, never stored', async () => {
    const ctx = createExecutionContext();
    const res = await app.fetch(
      new Request(`${ORIGIN}/v1/metrics/sector/textile/card.png?scale=2`),
      { ...env, PNG: undefined as unknown as Fetcher },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers.get('X-Error')).toBe('internal');
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.headers.get('ETag')).toBeNull();
    expect(await res.text()).toMatch(/^<svg /);
    // The next request, with the PNG worker, gets the PNG: nothing of the fallback was kept.
    expect((await get('/v1/metrics/sector/textile/card.png?scale=2')).headers.get('Content-Type')).toBe('image/png');
  });
});
