import { describe, expect, it, vi } from 'vitest';
import { version } from '../../data/index';
import {
  cacheKeyUrl,
  entityTag,
  ifNoneMatchAny,
  ifNoneMatchMatches,
  normalisedKey,
  routeKeyPath,
  TAG_MEMO_LIMIT,
} from '../../worker/cache-key';
import { cacheControl } from '../../worker/cache-policy';
import { SLASHED_ID } from '../../worker/routes/shared';
import { cachePuts, fetchSettled, get, ORIGIN } from './helpers';

function directives(header: string | null): Record<string, string | true> {
  return Object.fromEntries(
    (header ?? '').split(',').map((d) => {
      const [name, value] = d.trim().split('=');
      return [name ?? '', value ?? true];
    }),
  );
}

/** Whether the Workers Cache API holds an entry for this request (as the middleware keys it). */
async function stored(path: string, lang = 'es'): Promise<boolean> {
  const url = new URL(`${ORIGIN}${path}`);
  return (await caches.default.match(cacheKeyUrl(ORIGIN, normalisedKey(url.pathname, url.search, lang), version))) !== undefined;
}

describe('Cache-Control', () => {
  it('gives data routes the data lifetimes, with stale-while-revalidate and stale-if-error', async () => {
    for (const path of ['/v1/metrics', '/v1/metrics/total', '/v1/metrics/total/series', '/v1/rankings/sectors', '/v1/metrics.csv']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(cacheControl('data'));
    }
    const d = directives(cacheControl('data'));
    expect(d).toMatchObject({
      public: true,
      'max-age': '3600',
      's-maxage': '21600',
      'stale-while-revalidate': '86400',
      'stale-if-error': '604800',
    });
  });

  it('keeps the press release and the sources longer, and the docs like data', async () => {
    expect((await get('/v1/highlights')).headers.get('cache-control')).toBe(cacheControl('reference'));
    expect((await get('/v1/sources')).headers.get('cache-control')).toBe(cacheControl('reference'));
    expect((await get('/openapi.json')).headers.get('cache-control')).toBe(cacheControl('docs'));
    expect((await get('/docs')).headers.get('cache-control')).toBe(cacheControl('docs'));
    expect(Number(directives(cacheControl('reference'))['s-maxage'])).toBeGreaterThan(Number(directives(cacheControl('data'))['s-maxage']));
  });

  it('caches every error briefly', async () => {
    for (const [path, init] of [
      ['/v1/metrics?bogus=1', undefined],
      ['/v1/metrics/nope', undefined],
      ['/nowhere', undefined],
      ['/v1/metrics', { method: 'POST' }],
    ] as const) {
      const res = await get(path, init);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('cache-control'), path).toBe('public, max-age=60, s-maxage=60');
      expect(res.headers.get('etag')).toBeNull();
    }
  });
});

describe('ETag and If-None-Match', () => {
  it('is strong, and the same for the same normalised request', async () => {
    const a = await get('/v1/metrics/total/series?from=2020&to=2021&lang=en');
    const etag = a.headers.get('etag');
    expect(etag).toMatch(/^"1-[0-9a-f]{8}-[0-9a-f]{24}"$/);
    const reordered = await get('/v1/metrics/total/series?lang=en&to=2021&from=2020');
    expect(reordered.headers.get('etag')).toBe(etag);
    // ?lang=en and Accept-Language: en name the same representation.
    const negotiated = await get('/v1/metrics/total/series?to=2021&from=2020', { headers: { 'Accept-Language': 'en-US,en;q=0.8' } });
    expect(negotiated.headers.get('etag')).toBe(etag);
    expect(await negotiated.text()).toBe(await a.text());
  });

  it('differs between languages, parameters, formats and resources', async () => {
    const tags = await Promise.all(
      [
        '/v1/metrics/total/series?from=2020',
        '/v1/metrics/total/series?from=2020&lang=en',
        '/v1/metrics/total/series?from=2021',
        '/v1/metrics/total/series?from=2020&format=csv',
        '/v1/metrics/total/series.csv?from=2020',
        '/v1/metrics/traditional/series?from=2020',
      ].map(async (p) => (await get(p)).headers.get('etag')),
    );
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('changes with the dataset version and is computed without the body', async () => {
    const key = normalisedKey('/v1/metrics/total', '', 'es');
    expect(await entityTag(key, 'aaaaaaaaaaaa')).not.toBe(await entityTag(key, 'bbbbbbbbbbbb'));
    expect(await entityTag(key, version)).toBe((await get('/v1/metrics/total')).headers.get('etag'));
  });

  it('remembers tags per isolate within a bound, and gives the same tags past it', async () => {
    const key = normalisedKey('/v1/metrics/total', '', 'es');
    const first = await entityTag(key, version);
    expect(entityTag(key, version)).toBe(entityTag(key, version)); // the same promise: no second digest
    const others = Array.from({ length: TAG_MEMO_LIMIT + 10 }, (_, i) => normalisedKey('/v1/metrics/total', `?x=${i}`, 'es'));
    const tags = await Promise.all(others.map((k) => entityTag(k, version)));
    expect(new Set(tags).size).toBe(others.length);
    expect(await entityTag(key, version)).toBe(first); // recomputed after the memo started afresh, same tag
  });

  it('answers a matching If-None-Match with 304, no body, and the 200\u2019s caching headers', async () => {
    const first = await get('/v1/metrics/destination/CN');
    const etag = first.headers.get('etag')!;
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const res = await get('/v1/metrics/destination/CN', { headers: { 'If-None-Match': header } });
      expect(res.status, header).toBe(304);
      expect(await res.text()).toBe('');
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('cache-control')).toBe(cacheControl('data'));
      expect(res.headers.get('vary')).toBe('Accept-Language');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
    }
    const stale = await get('/v1/metrics/destination/CN', { headers: { 'If-None-Match': '"1-00000000-000000000000000000000000"' } });
    expect(stale.status).toBe(200);
    // A 304 for another language would be wrong: its tag differs.
    const otherLang = await get('/v1/metrics/destination/CN?lang=en', { headers: { 'If-None-Match': etag } });
    expect(otherLang.status).toBe(200);
  });

  it('answers If-None-Match: * with 304 where the resource exists (RFC 9110 §13.1.2), cold, cached or memoised', async () => {
    const star = { headers: { 'If-None-Match': '*' } };
    for (const path of ['/v1/metrics/sector/oil-gas?lang=en', '/v1/metrics/sector/oil-gas/card.svg?theme=dark', '/docs']) {
      const cold = await fetchSettled(path, star);
      const etag = (await fetchSettled(path)).headers.get('etag');
      for (const res of [cold, await fetchSettled(path, star), await fetchSettled(path, star)]) {
        expect(res.status, path).toBe(304);
        expect(await res.text()).toBe('');
        expect(res.headers.get('etag')).toBe(etag);
        expect(res.headers.get('cache-control')).toMatch(/^public, /);
        expect(res.headers.get('access-control-allow-origin')).toBe('*');
      }
    }
    // Nothing there, so no 304: an unknown id, a refused query, an error image.
    expect((await fetchSettled('/v1/metrics/sector/oil-gaz', star)).status).toBe(404);
    expect((await fetchSettled('/v1/metrics/sector/oil-gas?lang=fr', star)).status).toBe(400);
    const errorImage = await fetchSettled('/v1/metrics/sector/oil-gaz/card.svg', star);
    expect([errorImage.status, errorImage.headers.get('x-error')]).toEqual([200, 'unknown-metric']);
  });

  it('parses If-None-Match lists with the weak comparison', () => {
    expect(ifNoneMatchMatches('W/"a", "b"', '"b"')).toBe(true);
    expect(ifNoneMatchMatches('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('"a"', '"b"')).toBe(false);
    expect(ifNoneMatchMatches(undefined, '"b"')).toBe(false);
    expect(ifNoneMatchMatches('*', '"b"')).toBe(false); // `*` is for the route's answer to decide
    expect([ifNoneMatchAny('*'), ifNoneMatchAny(' * '), ifNoneMatchAny('"*"'), ifNoneMatchAny(undefined)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });
});

describe('normalised cache key', () => {
  it('ignores parameter order and makes the language explicit', () => {
    const a = normalisedKey('/v1/metrics/total/series', '?to=2021&from=2020', 'es');
    expect(normalisedKey('/v1/metrics/total/series', '?from=2020&to=2021', 'es')).toBe(a);
    expect(normalisedKey('/v1/metrics/total/series', '?from=2020&lang=es&to=2021', 'en')).toBe(a);
    expect(a).toBe('/v1/metrics/total/series?from=2020&lang=es&to=2021');
    expect(normalisedKey('/docs', '', null)).toBe('/docs?');
  });

  it('keeps a differently cased or unknown parameter apart (those answer 400 and are never stored)', () => {
    const key = normalisedKey('/v1/metrics', '?lang=en', 'es');
    expect(normalisedKey('/v1/metrics', '?LANG=en', 'es')).not.toBe(key);
    expect(normalisedKey('/v1/metrics', '?lang=en&x=1', 'es')).not.toBe(key);
  });
});

describe('Workers Cache API', () => {
  it('stores a 200 and serves the repeat from the cache, whatever the parameter order or language source', async () => {
    const path = '/v1/rankings/destinations?year=2019&limit=37';
    expect(await stored(path)).toBe(false);
    const first = await fetchSettled(path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(await stored(path)).toBe(true);

    const again = await fetchSettled(path);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(await again.text()).toBe(await first.clone().text());
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));

    const reordered = await fetchSettled('/v1/rankings/destinations?limit=37&year=2019');
    expect(reordered.headers.get('x-cache')).toBe('HIT');
    const explicitLang = await fetchSettled('/v1/rankings/destinations?limit=37&lang=es&year=2019');
    expect(explicitLang.headers.get('x-cache')).toBe('HIT');
    const headerLang = await fetchSettled('/v1/rankings/destinations?year=2019&limit=37', { headers: { 'Accept-Language': 'es-PE' } });
    expect(headerLang.headers.get('x-cache')).toBe('HIT');
    // Another language is another entry.
    const en = await fetchSettled('/v1/rankings/destinations?year=2019&limit=37&lang=en');
    expect(en.headers.get('x-cache')).toBe('MISS');
  });

  it('never stores errors, so unknown parameters, other cases and random ids create no entries', async () => {
    for (const path of [
      '/v1/rankings/sectors?year=2018&zzz=1',
      '/v1/rankings/sectors?YEAR=2018',
      '/v1/rankings/sectors?year=2018&year=2018',
      '/v1/metrics/no-such-metric-123',
    ]) {
      const res = await fetchSettled(path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.headers.get('x-cache')).toBeNull();
      expect(await stored(path), path).toBe(false);
      const again = await fetchSettled(path);
      expect(again.status).toBe(res.status);
      expect(again.headers.get('x-cache')).toBeNull();
    }
  });

  it('is served from the cache through the deployed entry point too', async () => {
    const path = '/v1/metrics/sector/textile/series?from=2011&to=2012';
    const first = await get(path);
    expect(first.headers.get('x-cache')).toBe('MISS');
    await first.arrayBuffer();
    // The put runs in waitUntil after the response: poll briefly for the stored copy.
    let hit: Response | undefined;
    await expect
      .poll(async () => (hit = await get('/v1/metrics/sector/textile/series?to=2012&from=2011')).headers.get('x-cache'), {
        interval: 25,
        timeout: 5_000,
      })
      .toBe('HIT');
    expect(hit?.status).toBe(200);
  });

  it('turns itself off where there is no caches.default, and still validates', async () => {
    vi.stubGlobal('caches', undefined);
    try {
      const res = await fetchSettled('/v1/metrics/sector/chemical');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-cache')).toBeNull();
      expect(res.headers.get('etag')).toMatch(/^"/);
      const etag = res.headers.get('etag')!;
      expect((await fetchSettled('/v1/metrics/sector/chemical', { headers: { 'If-None-Match': etag } })).status).toBe(304);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('the key is taken after routing: a URL answers the same whatever the cache holds', () => {
  it('keeps an id holding %2F apart from the route its decoded slashes would name', async () => {
    for (const odd of [
      '/v1/metrics/sector%2Fmining%2Fseries',
      '/v1/metrics/sector/mining%2Fseries',
      '/v1/metrics/sector%2Fmining%2Fcard.svg',
    ]) {
      const cold = await fetchSettled(odd);
      const series = await fetchSettled(odd.replace(/%2F/g, '/'));
      expect(series.status, odd).toBe(200);
      const etag = series.headers.get('etag')!;
      for (const init of [undefined, { headers: { 'If-None-Match': etag } }]) {
        const warm = await fetchSettled(odd, init);
        expect(warm.status, odd).toBe(cold.status);
        expect(warm.headers.get('x-cache'), odd).toBeNull();
        expect(await warm.text()).toBe(await cold.clone().text());
      }
    }
    // The metric `sector/mining/series` does not exist.
    expect((await fetchSettled('/v1/metrics/sector%2Fmining%2Fseries')).status).toBe(404);
  });

  it('still shares one entry between an id sent with its slash and with %2F (the same route and id)', async () => {
    const path = '/v1/metrics/destination/JP/series?from=2019-02&to=2019-07';
    const first = await fetchSettled(path);
    expect(first.headers.get('x-cache')).toBe('MISS');
    for (const spelling of [
      '/v1/metrics/destination%2FJP/series?from=2019-02&to=2019-07',
      '/v1/metrics/destination%2fJP/series?to=2019-07&from=2019-02',
    ]) {
      const again = await fetchSettled(spelling);
      expect(again.headers.get('x-cache'), spelling).toBe('HIT');
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    }
  });

  it('builds the key path from the route pattern, each parameter encoded', () => {
    expect(routeKeyPath('/v1/metrics/:id/series', { id: 'destination/CN' })).toBe('/v1/metrics/destination%2FCN/series');
    // The hidden twin for slashed ids, as zod-openapi registers it (routes/shared.ts SLASHED_ID).
    const twin = `/v1/metrics/${SLASHED_ID.replace(/^\{(\w+)/, ':$1').slice(0, -1)}/series`;
    expect(twin).toMatch(/^\/v1\/metrics\/:id\{.+\}\/series$/);
    expect(routeKeyPath(twin, { id: 'destination/CN' })).toBe('/v1/metrics/destination%2FCN/series');
    expect(routeKeyPath('/v1/metrics/:id', { id: 'sector/mining/series' })).toBe('/v1/metrics/sector%2Fmining%2Fseries');
    expect(routeKeyPath('/openapi.json', {})).toBe('/openapi.json');
  });
});

describe('one entry per answer, whatever the spelling of its values', () => {
  async function entriesAndBodies(paths: string[]): Promise<{ entries: number; bodies: Set<string>; statuses: Set<number> }> {
    const bodies = new Set<string>();
    const statuses = new Set<number>();
    const puts = await cachePuts(async () => {
      for (const path of paths) {
        const res = await fetchSettled(path);
        statuses.add(res.status);
        expect(res.headers.get('x-error'), path).toBeNull();
        bodies.add(await res.text());
      }
    });
    return { entries: puts.size, bodies, statuses };
  }

  it('one colour in six spellings is one image and one cache entry', async () => {
    const spellings = ['red', 'RED', 'Red', 'ff0000', '%23ff0000', 'f00', '%23F00F'];
    const result = await entriesAndBodies(
      spellings.map((c) => `/v1/metrics/sector/metal-mechanic/sparkline.svg?color=${c}&bg=${c === 'red' ? 'white' : 'fff'}`),
    );
    expect(result.statuses).toEqual(new Set([200]));
    expect(result.entries).toBe(1);
    expect(result.bodies.size).toBe(1);
    expect([...result.bodies][0]).toContain('#ff0000');
  });

  it('numbers, flags and marker lists in any spelling are one entry', async () => {
    const images = await entriesAndBodies([
      '/v1/metrics/sector/metal-mechanic/card.svg?width=300&markers=max,last&mean=1',
      '/v1/metrics/sector/metal-mechanic/card.svg?width=0300&markers=last,max,last&mean=true',
      '/v1/metrics/sector/metal-mechanic/card.svg?mean=true&markers=last,max&width=00300',
    ]);
    expect(images).toMatchObject({ entries: 1, statuses: new Set([200]) });
    expect(images.bodies.size).toBe(1);
    const sparklines = await entriesAndBodies([
      '/v1/metrics/sector/metal-mechanic/sparkline.svg?width=200&height=40',
      '/v1/metrics/sector/metal-mechanic/sparkline.svg?width=0200&height=040',
    ]);
    expect(sparklines.entries).toBe(1);
    const json = await entriesAndBodies([
      '/v1/rankings/sectors?limit=7&year=2017',
      '/v1/rankings/sectors?limit=07&year=2017',
      '/v1/metrics/sector/metal-mechanic/series?last=5',
      '/v1/metrics/sector/metal-mechanic/series?last=005',
    ]);
    expect(json.entries).toBe(2);
    expect(json.bodies.size).toBe(2);
  });

  it('looks nothing up and stores nothing for a query the route refuses', async () => {
    const puts = await cachePuts(async () => {
      for (const path of [
        '/v1/metrics/sector/metal-mechanic/sparkline.svg?color=reddish',
        '/v1/rankings/sectors?limit=0',
        '/v1/metrics/total?zzz=1',
      ]) {
        const res = await fetchSettled(path);
        expect(res.status >= 400 || res.headers.has('x-error'), path).toBe(true);
      }
    });
    expect(puts.size).toBe(0);
  });
});
