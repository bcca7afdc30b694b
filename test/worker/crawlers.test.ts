/** /robots.txt and /sitemap.xml: what search engines read, from the dataset's ids. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { get, expectJson, ORIGIN } from './helpers';

describe('GET /robots.txt', () => {
  it('lets crawlers in, keeps them off the builder fragment, and points at the sitemap', async () => {
    const res = await get('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(res.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const lines = (await res.text()).split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /builder/output');
    expect(lines).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);
    expect(lines.filter((l) => l.startsWith('Disallow:'))).toEqual(['Disallow: /builder/output']);
  });
});

describe('GET /sitemap.xml', () => {
  async function locs(): Promise<string[]> {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await res.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(xml) as {
      urlset: { '@_xmlns': string; url: { loc: string }[] };
    };
    expect(parsed.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    return parsed.urlset.url.map((u) => u.loc);
  }

  it('lists the front page, the reference and a page per metric and highlight, in both languages', async () => {
    const { body: catalogue } = await expectJson<{ metrics: { id: string }[] }>('/v1/metrics');
    const { body: highlights } = await expectJson<{ items: { id: string }[] }>('/v1/highlights');
    const ids = [...catalogue.metrics.map((m) => m.id), ...highlights.items.map((h) => h.id)];
    expect(ids.length).toBeGreaterThan(250);
    const expected = [
      `${ORIGIN}/`,
      `${ORIGIN}/?lang=en`,
      `${ORIGIN}/docs`,
      ...ids.flatMap((id) => [`${ORIGIN}/m/${id}`, `${ORIGIN}/m/${id}?lang=en`]),
    ];
    expect((await locs()).sort()).toEqual(expected.sort());
  });

  it('lists only pages that exist', async () => {
    const listed = (await locs()).filter((loc) => !loc.includes('?'));
    for (const loc of listed) {
      const res = await get(loc.slice(ORIGIN.length));
      expect(res.status, loc).toBe(200);
      expect(res.headers.get('content-type'), loc).toMatch(/^text\/html/);
      await res.arrayBuffer();
    }
  });
});
