import { describe, expect, it } from 'vitest';
import { expectProblem, get } from './helpers';

const ROUTES: [path: string, contentType: RegExp][] = [
  ['/v1/metrics', /^application\/json$/],
  ['/v1/metrics.csv', /^text\/csv; charset=utf-8; header=present$/],
  ['/v1/metrics/destination/US', /^application\/json$/],
  ['/v1/metrics/total/series', /^application\/json$/],
  ['/v1/metrics/total/series.csv', /^text\/csv/],
  ['/v1/rankings/destinations', /^application\/json$/],
  ['/v1/rankings/sectors.csv', /^text\/csv/],
  ['/v1/highlights', /^application\/json$/],
  ['/v1/sources', /^application\/json$/],
  ['/openapi.json', /^application\/json$/],
  ['/docs', /^text\/html; charset=UTF-8$/],
  ['/v1/metrics/nope', /^application\/problem\+json$/],
  ['/v1/metrics?x=1', /^application\/problem\+json$/],
];

describe('response headers', () => {
  it.each(ROUTES)('%s: content type, nosniff, cross-origin resource policy, CORS, no cookie', async (path, contentType) => {
    const res = await get(path, { headers: { Origin: 'https://news.example' } });
    expect(res.headers.get('content-type')).toMatch(contentType);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    // Other sites may use our figures and images: CORP same-origin would block <img> hotlinks.
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('exposes ETag, X-Cache and Content-Disposition to cross-origin scripts', async () => {
    const res = await get('/v1/metrics.csv', { headers: { Origin: 'https://news.example' } });
    const exposed = (res.headers.get('access-control-expose-headers') ?? '').split(',').map((h) => h.trim());
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'X-Cache', 'Content-Disposition']));
  });

  it('says Vary: Accept-Language where the answer depends on it', async () => {
    expect((await get('/v1/metrics/total')).headers.get('vary')).toBe('Accept-Language');
    expect((await get('/openapi.json')).headers.get('vary')).toBeNull();
  });

  it('gives the docs page a strict Content-Security-Policy that loads nothing from elsewhere', async () => {
    const csp = (await get('/docs')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe('CORS preflight', () => {
  it('lets any origin preflight GET with conditional headers, without credentials', async () => {
    const res = await get('/v1/metrics/total/series', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('GET,HEAD,OPTIONS');
    expect(res.headers.get('access-control-allow-headers')).toBe('if-none-match');
    expect(res.headers.get('access-control-max-age')).toBe('86400');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(await res.text()).toBe('');
  });
});

describe('methods', () => {
  it('answers HEAD like GET without a body', async () => {
    const head = await get('/v1/metrics/total', { method: 'HEAD' });
    const full = await get('/v1/metrics/total');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    for (const h of ['content-type', 'etag', 'cache-control']) expect(head.headers.get(h)).toBe(full.headers.get(h));
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('answers %s on a resource with 405 and Allow', async (method) => {
    for (const path of [
      '/v1/metrics',
      '/v1/metrics/destination/CN',
      '/v1/metrics/total/series.csv',
      '/v1/rankings/sectors',
      '/openapi.json',
    ]) {
      const res = await get(path, { method, body: method === 'DELETE' ? undefined : '{}' });
      const p = await expectProblem(res, 405);
      expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      expect(p.type).toBe('/docs#problem-method-not-allowed');
      expect(p.allow).toEqual(['GET', 'HEAD', 'OPTIONS']);
    }
  });

  it('answers a wrong method on an unknown path with 404', async () => {
    await expectProblem(await get('/v1/nothing', { method: 'POST', body: 'x' }), 404);
  });
});
