import { beforeEach, describe, expect, it, vi } from 'vitest';
import { clearMemo, MEMO_LIMITS, memoAnswer, memoSize } from '../../worker/middleware/response-memo';
import { cachePuts, fetchSettled, ORIGIN } from './helpers';

/** One request through the app (memo first), its waitUntil work settled, with its body read. */
async function settled(url: string, init?: RequestInit): Promise<{ res: Response; body: string }> {
  const res = await fetchSettled(url, init);
  return { res, body: await res.text() };
}

function headersOf(res: Response, without: string[] = []): [string, string][] {
  return [...res.headers].filter(([name]) => !without.includes(name));
}

/** Whether the memo answers this request (without running the app). */
function fromMemo(url: string, init?: RequestInit): Response | undefined {
  return memoAnswer(new Request(`${ORIGIN}${url}`, init));
}

beforeEach(() => clearMemo());

describe('response memo', () => {
  it.each([
    '/v1/metrics/total',
    '/v1/metrics/destination/CN/series?from=2023-01&to=2024-12',
    '/v1/rankings/destinations?year=2024&format=csv',
    '/v1/metrics/total/card.svg?theme=dark',
    '/openapi.json',
  ])('answers a repeat of %s with the bytes and headers of the computed answer, X-Cache: HIT', async (path) => {
    let miss = { res: new Response(), body: '' };
    const stored = await cachePuts(async () => (miss = await settled(path)));
    expect(miss.res.status).toBe(200);
    expect(fromMemo(path)).toBeDefined();
    // The Cache API entry is gone: only the memo can answer now.
    expect(stored.size).toBe(1);
    for (const key of stored) expect(await caches.default.delete(key)).toBe(true);
    const hit = await settled(path);
    expect(hit.res.status).toBe(200);
    expect(hit.body).toBe(miss.body);
    expect(hit.res.headers.get('x-cache')).toBe('HIT');
    expect(miss.res.headers.get('x-cache')).toBe('MISS');
    expect(headersOf(hit.res, ['x-cache'])).toEqual(headersOf(miss.res, ['x-cache']));
    // The same headers, in the same order, as many times as it is asked.
    const again = await settled(path);
    expect(again.body).toBe(miss.body);
    expect(headersOf(again.res)).toEqual(headersOf(hit.res));
  });

  it('answers like a Cache API hit would, minus the headers the cache adds', async () => {
    const path = '/v1/metrics/sector/agro';
    await settled(path);
    clearMemo(); // the next answer comes from the Cache API, and is kept
    const cacheHit = await settled(path);
    expect(cacheHit.res.headers.get('x-cache')).toBe('HIT');
    const memoHit = await settled(path);
    expect(memoHit.body).toBe(cacheHit.body);
    expect(headersOf(memoHit.res)).toEqual(headersOf(cacheHit.res, ['cf-cache-status', 'age', 'content-length']));
  });

  it('answers a matching If-None-Match with the app\u2019s own 304 and a stale one with the 200', async () => {
    const path = '/v1/metrics/destination/US?lang=en';
    const first = await settled(path);
    const etag = first.res.headers.get('etag')!;
    const computed = await settled(path, { headers: { 'If-None-Match': etag } });
    expect(computed.res.status).toBe(304);
    for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const memo = fromMemo(path, { headers: { 'If-None-Match': header } });
      expect(memo?.status, header).toBe(304);
      expect(await memo!.text()).toBe('');
      expect(headersOf(memo!)).toEqual(headersOf(computed.res));
    }
    const stale = fromMemo(path, { headers: { 'If-None-Match': '"1-00000000-000000000000000000000000"' } });
    expect(stale?.status).toBe(200);
    expect(await stale!.text()).toBe(first.body);
  });

  it('keeps a 304 before any 200, and then the 200 beside it', async () => {
    const path = '/v1/metrics/sector/mining';
    const etag = (await settled(path)).res.headers.get('etag')!;
    clearMemo();
    expect((await settled(path, { headers: { 'If-None-Match': etag } })).res.status).toBe(304);
    expect(fromMemo(path, { headers: { 'If-None-Match': etag } })?.status).toBe(304);
    expect(fromMemo(path)).toBeUndefined(); // no 200 kept yet: the app answers
    await settled(path);
    expect(fromMemo(path)?.status).toBe(200);
    expect(memoSize().entries).toBe(1);
  });

  it('keys on the URL as sent and on Accept-Language', async () => {
    const es = await settled('/v1/metrics/total');
    const en = await settled('/v1/metrics/total', { headers: { 'Accept-Language': 'en-US,en;q=0.8' } });
    expect(en.body).not.toBe(es.body);
    const enAgain = await settled('/v1/metrics/total', { headers: { 'Accept-Language': 'en-US,en;q=0.8' } });
    expect(enAgain.res.headers.get('x-cache')).toBe('HIT');
    expect(enAgain.body).toBe(en.body);
    expect((await settled('/v1/metrics/total')).body).toBe(es.body);
    // Another spelling is another entry (the app answers it once, from the Cache API).
    expect(fromMemo('/v1/metrics/total?lang=es')).toBeUndefined();
    expect(memoSize().entries).toBe(2);
  });

  it('answers an id holding %2F as the app does, whatever it holds (the key is taken after routing)', async () => {
    const series = '/v1/metrics/sector/agro/series';
    const odd = '/v1/metrics/sector%2Fagro%2Fseries';
    const etag = (await settled(series)).res.headers.get('etag')!;
    await settled(series);
    expect(fromMemo(series)).toBeDefined();
    for (const init of [undefined, undefined, { headers: { 'If-None-Match': etag } }]) {
      const answer = await settled(odd, init);
      expect(answer.res.status).toBe(404);
      expect(fromMemo(odd, init)).toBeUndefined();
    }
  });

  it('keeps no errors, error images, HEAD answers, pages or uncached routes', async () => {
    for (const [path, init] of [
      ['/v1/metrics/total?bogus=1', undefined],
      ['/v1/metrics/nope', undefined],
      ['/v1/metrics/nope/card.svg', undefined],
      ['/v1/metrics/total/sparkline.svg?width=-5', undefined],
      ['/v1/metrics', { method: 'POST' }],
      ['/v1/metrics/sector/fishing', { method: 'HEAD' }],
      [
        '/v1/metrics/sector/fishing',
        { method: 'OPTIONS', headers: { Origin: 'https://x.example', 'Access-Control-Request-Method': 'GET' } },
      ],
      ['/healthz', undefined],
      ['/m/total', undefined],
      ['/', undefined],
    ] as const) {
      await settled(path, init);
      await settled(path, init);
      expect(memoSize().entries, path).toBe(0);
    }
  });

  it('is off where there is no caches.default, like the edge cache', async () => {
    vi.stubGlobal('caches', undefined);
    try {
      const { res } = await settled('/v1/metrics/sector/chemical');
      expect(res.status).toBe(200);
      const etag = res.headers.get('etag')!;
      expect((await settled('/v1/metrics/sector/chemical', { headers: { 'If-None-Match': etag } })).res.status).toBe(304);
      expect(memoSize().entries).toBe(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it(`holds at most ${MEMO_LIMITS.entries} entries, the least recently used out first`, async () => {
    const hot = '/v1/sources';
    await settled(hot);
    for (let i = 0; i < MEMO_LIMITS.entries + 20; i++) {
      await settled(`https://h${i}.peru-exports.test/v1/sources`);
      if (i % 100 === 0) expect((await settled(hot)).res.headers.get('x-cache')).toBe('HIT'); // used: kept
      expect(memoSize().entries).toBeLessThanOrEqual(MEMO_LIMITS.entries);
    }
    expect(memoSize().entries).toBe(MEMO_LIMITS.entries);
    // The first entry in, but used lately: kept; entries in after it, never used again: out.
    expect(fromMemo(hot)?.status).toBe(200);
    expect(memoAnswer(new Request('https://h0.peru-exports.test/v1/sources'))).toBeUndefined();
    expect(memoAnswer(new Request('https://h20.peru-exports.test/v1/sources'))).toBeUndefined();
    expect(memoAnswer(new Request(`https://h${MEMO_LIMITS.entries + 19}.peru-exports.test/v1/sources`))?.status).toBe(200);
  });

  it(`holds at most ${MEMO_LIMITS.bytes} bytes`, async () => {
    const { body } = await settled('/openapi.json');
    const size = new TextEncoder().encode(body).byteLength;
    const fits = Math.floor(MEMO_LIMITS.bytes / size);
    for (let i = 0; i < fits + 5; i++) await settled(`https://d${i}.peru-exports.test/openapi.json`);
    const { entries, bytes } = memoSize();
    expect(bytes).toBeLessThanOrEqual(MEMO_LIMITS.bytes);
    expect(entries).toBeLessThanOrEqual(fits);
    expect(entries).toBeGreaterThan(fits / 2);
  });
});
