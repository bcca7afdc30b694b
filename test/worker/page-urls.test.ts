/** What the pages and oEmbed put in absolute URLs and echo from their query. */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import app from '../../worker/index';
import { cacheControl } from '../../worker/cache-policy';
import { absoluteUrls } from '../e2e/absolute-urls';
import { get } from './helpers';

const PUBLIC_ORIGIN = 'https://exports.example';

/** One request through the app with PUBLIC_ORIGIN bound (as `--var PUBLIC_ORIGIN:…` or a deploy sets it). */
async function fetchWithPublicOrigin(url: string, publicOrigin = PUBLIC_ORIGIN): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await app.fetch(new Request(url), { ...env, PUBLIC_ORIGIN: publicOrigin }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const attr = (html: string, pattern: RegExp) => pattern.exec(html)?.[1];

describe('absolute URLs name the configured public origin, never the request\u2019s Host (PUBLIC_ORIGIN)', () => {
  for (const host of ['https://evil.example', 'http://127.0.0.1:8787']) {
    it(`front page, metric page, builder output and oEmbed asked for through ${host}`, async () => {
      const pages = ['/', '/?lang=en&kind=sparkline', '/m/destination/CN?lang=en', '/m/no-such-metric', '/builder/output?kind=card-image'];
      for (const path of pages) {
        const res = await fetchWithPublicOrigin(`${host}${path}`);
        const html = await res.text();
        const urls = absoluteUrls(html);
        expect(urls.filter((u) => u.startsWith(PUBLIC_ORIGIN)).length, path).toBeGreaterThan(0);
        expect(
          urls.filter((u) => u.startsWith(host)),
          path,
        ).toEqual([]);
        if (path.startsWith('/m/destination')) {
          expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe(`${PUBLIC_ORIGIN}/m/destination/CN?lang=en`);
          expect(attr(html, /<meta property="og:url" content="([^"]+)"/)).toBe(`${PUBLIC_ORIGIN}/m/destination/CN?lang=en`);
          expect(attr(html, /<link rel="alternate" hreflang="es" href="([^"]+)"/)).toBe(`${PUBLIC_ORIGIN}/m/destination/CN?lang=es`);
          expect(attr(html, /type="application\/json\+oembed" href="([^"]+)"/)?.replaceAll('&amp;', '&')).toBe(
            `${PUBLIC_ORIGIN}/oembed?url=${encodeURIComponent(`${PUBLIC_ORIGIN}/m/destination/CN?lang=en`)}&format=json`,
          );
        }
      }
      const oembed = await fetchWithPublicOrigin(`${host}/oembed?url=${encodeURIComponent(`${PUBLIC_ORIGIN}/m/total?kind=sparkline`)}`);
      expect(oembed.status).toBe(200);
      const body = (await oembed.json()) as { html: string; provider_url: string };
      expect(body.provider_url).toBe(`${PUBLIC_ORIGIN}/`);
      const urls = absoluteUrls(body.html);
      expect(urls.length).toBeGreaterThan(1);
      for (const url of urls) expect(url.startsWith(`${PUBLIC_ORIGIN}/`), url).toBe(true);
      // A page of the host the request came through is not one of the service's pages.
      const other = await fetchWithPublicOrigin(`${host}/oembed?url=${encodeURIComponent(`${host}/m/total`)}`);
      expect(other.status).toBe(404);
    });
  }

  it('uses the request\u2019s own origin only while PUBLIC_ORIGIN is unset (npm start)', async () => {
    const html = await (await fetchWithPublicOrigin('http://127.0.0.1:8787/m/total', '')).text();
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe('http://127.0.0.1:8787/m/total');
  });

  it('takes only the origin of the configured value', async () => {
    const html = await (await fetchWithPublicOrigin('https://evil.example/m/total', 'https://exports.example/some/path/')).text();
    expect(attr(html, /<link rel="canonical" href="([^"]+)"/)).toBe('https://exports.example/m/total');
  });
});

describe('pages echo and vary only on the parameters they read', () => {
  it.each([
    ['/?lang=es&anything=1', '/?lang=es'],
    ['/?anything=%22%3E', '/'],
    ['/?kind=sparkline&utm_source=news&width=300&kind2=x', '/?kind=sparkline&width=300'],
    ['/builder/output?kind=card&zzz=1', '/builder/output?kind=card'],
    ['/m/destination/CN?theme=dark&utm_source=x&lang=en&year=2024', '/m/destination/CN?theme=dark&lang=en'],
  ])('redirects %s permanently to %s', async (path, location) => {
    const res = await get(path, { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(location);
    expect(res.headers.get('cache-control')).toBe(cacheControl('docs'));
    expect(await res.text()).toBe('');
  });

  it('answers the parameters they read, echoing only those into hreflang and the language switch', async () => {
    for (const path of ['/?lang=es&kind=sparkline&from=&to=&elang=en', '/m/total?theme=dark&from=2020']) {
      const res = await get(path, { redirect: 'manual' });
      expect(res.status, path).toBe(200);
      const html = await res.text();
      const links = [...html.matchAll(/<link rel="alternate" hreflang="[a-z]+" href="([^"]+)"/g)].map(
        (m) => new URL(m[1]!.replaceAll('&amp;', '&')),
      );
      expect(links).toHaveLength(2);
      const asked = new URL(path, 'https://x.test').searchParams;
      for (const link of links) for (const name of link.searchParams.keys()) expect(name === 'lang' || asked.has(name), name).toBe(true);
    }
  });
});
