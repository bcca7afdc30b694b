/**
 * The PNG routes on the local server that `npm start` runs (both workers, test/e2e/worker.ts):
 * a metric page's og:image, fetched as a crawler would, is a PNG drawn by the PNG worker, not
 * the SVG fallback the main worker answers when the PNG worker is missing.
 */
import { decode } from 'fast-png';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, inject, it } from 'vitest';

const origin = inject('workerOrigin');

function ogImage(html: string): string | undefined {
  let found: string | undefined;
  const visit = (node: DefaultTreeAdapterMap['node']): void => {
    if ('tagName' in node && node.tagName === 'meta' && node.attrs.some((a) => a.name === 'property' && a.value === 'og:image')) {
      found ??= node.attrs.find((a) => a.name === 'content')?.value;
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return found;
}

describe('PNG worker behind the main worker', () => {
  it('a metric page\u2019s og:image answers a 1200 × 630 PNG, and card.png at scale 3 is three times the SVG', async () => {
    const url = ogImage(await (await fetch(`${origin}/m/destination/CN?lang=en`)).text());
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
