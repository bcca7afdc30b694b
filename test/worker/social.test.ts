/**
 * Social previews (issue 12 item 3): the Open Graph and Twitter tags of `/` and `/m/{id}` read
 * with a real HTML parser (parse5, as a crawler's parser would build the tree), the images they
 * name answering 200 as 1200 × 630 PNGs, and oEmbed's thumbnail.
 */
import { decode } from 'fast-png';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { describe, expect, it } from 'vitest';
import { get, ORIGIN } from './helpers';

type Node = DefaultTreeAdapterMap['node'];

/** Every `<meta>` of the document's head: property or name → content (the first of each). */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  const visit = (node: Node): void => {
    if ('tagName' in node && node.tagName === 'meta') {
      const attrs = new Map(node.attrs.map((a) => [a.name, a.value]));
      const key = attrs.get('property') ?? attrs.get('name');
      const content = attrs.get('content');
      if (key !== undefined && content !== undefined && !tags.has(key)) tags.set(key, content);
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return tags;
}

/** What a crawler does with og:image: fetch it (here through the worker: the URL names ORIGIN). */
async function fetchImage(url: string): Promise<Response> {
  expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
  return get(url.slice(ORIGIN.length));
}

describe('social tags', () => {
  for (const page of ['/', '/?lang=en', '/m/total', '/m/destination/CN?lang=en', '/m/highlight/total']) {
    it(`${page}: og:image with size and alt, twitter:card summary_large_image, the image answers a 1200 × 630 PNG`, async () => {
      const res = await get(page);
      expect(res.status).toBe(200);
      const tags = metaTags(await res.text());
      expect(tags.get('twitter:card')).toBe('summary_large_image');
      expect(tags.get('og:image:width')).toBe('1200');
      expect(tags.get('og:image:height')).toBe('630');
      expect(tags.get('og:image:type')).toBe('image/png');
      expect(tags.get('og:image:alt')?.length ?? 0).toBeGreaterThan(20);
      const url = tags.get('og:image')!;
      expect(tags.get('twitter:image')).toBe(url);
      expect(new URL(url).searchParams.get('lang')).toBe(page.includes('lang=en') ? 'en' : 'es');
      const image = await fetchImage(url);
      expect(image.status).toBe(200);
      expect(image.headers.get('X-Error')).toBeNull();
      const png = decode(new Uint8Array(await image.arrayBuffer()));
      expect([png.width, png.height]).toEqual([1200, 630]);
    });
  }

  it('a metric page names its own metric\u2019s preview; the front page the site\u2019s', async () => {
    const metric = metaTags(await (await get('/m/sector/agro')).text()).get('og:image');
    const front = metaTags(await (await get('/')).text()).get('og:image');
    expect(new URL(metric!).pathname).toBe('/v1/metrics/sector/agro/social.png');
    expect(new URL(front!).pathname).toBe('/v1/social.png');
  });

  it('the preview SVG holds the card, the chart, the source and the site\u2019s name', async () => {
    const svg = await (await get('/v1/metrics/sector/agro/social.svg?lang=en')).text();
    expect(svg).toMatch(/^<svg [^>]*width="1200" height="630"/);
    expect(svg).toContain('Peru&#39;s exports');
    expect(svg.match(/<svg /g)?.length).toBe(4); // itself, the card, the card's sparkline, the chart
    expect(svg).toContain('Source: SUNAT');
  });

  it('a preview of an unknown metric is an error image, 200 with X-Error', async () => {
    const res = await get('/v1/metrics/nope/social.png');
    expect(res.status).toBe(200);
    expect(res.headers.get('X-Error')).toBe('unknown-metric');
  });
});

describe('oEmbed thumbnail', () => {
  const oembed = (url: string, extra = '') => get(`/oembed?url=${encodeURIComponent(url)}${extra}`);

  it('names the page\u2019s social preview with its size, which answers 200', async () => {
    const body = (await (await oembed(`${ORIGIN}/m/destination/CN?lang=en`)).json()) as Record<string, unknown>;
    expect(body['thumbnail_url']).toBe(`${ORIGIN}/v1/metrics/destination/CN/social.png?lang=en`);
    expect([body['thumbnail_width'], body['thumbnail_height']]).toEqual([1200, 630]);
    const image = await fetchImage(String(body['thumbnail_url']));
    expect(image.status).toBe(200);
    expect(image.headers.get('Content-Type')).toBe('image/png');
  });

  it('leaves the thumbnail out when maxwidth or maxheight is smaller (oEmbed: it must respect them)', async () => {
    const body = (await (await oembed(`${ORIGIN}/m/total`, '&maxwidth=600')).json()) as Record<string, unknown>;
    expect(body['thumbnail_url']).toBeUndefined();
    expect(body['thumbnail_width']).toBeUndefined();
  });
});
