import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import { HTTPException } from 'hono/http-exception';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { describe, expect, it } from 'vitest';
import { apiHeaders, CORS_OPTIONS, SECURE_HEADERS_OPTIONS } from '../../worker/middleware/api-headers';
import { get } from './helpers';

/** The same routes behind the given global middleware: every way a handler can answer. */
function appWith(...global: MiddlewareHandler[]) {
  const app = new Hono();
  for (const m of global) app.use('*', m);
  app.get('/text', (c) => c.text('ok'));
  app.get('/text-200', (c) => c.text('ok', 200));
  app.get('/json', (c) => c.json({ a: 1 }, 200, { 'Cache-Control': 'public, max-age=60', Vary: 'Accept-Language' }));
  app.get('/header-first', (c) => {
    c.header('X-Content-Type-Options', 'other');
    return c.json({ a: 1 });
  });
  app.get('/own-cors', (c) => {
    c.header('Access-Control-Allow-Origin', 'https://mine.example');
    return c.json({ a: 1 });
  });
  app.get('/not-modified', (c) => c.body(null, 304, { ETag: '"x"', 'Cache-Control': 'public' }));
  app.get(
    '/own-response',
    () =>
      new Response('<svg/>', {
        headers: {
          'Content-Type': 'image/svg+xml',
          'Content-Security-Policy': "default-src 'none'",
          'Cross-Origin-Resource-Policy': 'same-site',
        },
      }),
  );
  app.get('/immutable', () => Response.redirect('https://elsewhere.example/', 302));
  app.get('/copy', async () => {
    const res = new Response('copied', { headers: { 'X-Cache': 'HIT' } });
    return new Response(res.body, res);
  });
  app.get(
    '/page',
    secureHeaders({ contentSecurityPolicy: { defaultSrc: ["'self'"] }, referrerPolicy: 'strict-origin-when-cross-origin' }),
    (c) => c.html('<p>hi</p>'),
  );
  app.get('/etag', secureHeaders({ referrerPolicy: 'same-origin' }), etag(), (c) =>
    c.html('<p>tagged</p>', 200, { 'Cache-Control': 'private' }),
  );
  app.get(
    '/after',
    async (c, next) => {
      await next();
      c.header('Vary', 'Accept-Language');
    },
    (c) => c.text('after', 200),
  );
  app.get('/throws', () => {
    throw new HTTPException(400, { message: 'bad' });
  });
  app.onError(
    (err) => new Response(JSON.stringify({ error: String(err) }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
  );
  app.notFound(
    () =>
      new Response('{}', { status: 404, headers: { 'Content-Type': 'application/problem+json', 'Cache-Control': 'public, max-age=60' } }),
  );
  return app;
}

const hono = appWith(secureHeaders(SECURE_HEADERS_OPTIONS), cors(CORS_OPTIONS));
const ours = appWith(apiHeaders());

async function snapshot(res: Response) {
  return { status: res.status, headers: [...res.headers], body: await res.text() };
}

const REQUESTS: [path: string, init?: RequestInit][] = [
  ['/text'],
  ['/text-200'],
  ['/json'],
  ['/json', { method: 'HEAD' }],
  ['/json', { headers: { Origin: 'https://news.example' } }],
  ['/header-first'],
  ['/not-modified'],
  ['/own-response'],
  ['/immutable'],
  ['/copy'],
  ['/page'],
  ['/after'],
  ['/etag'],
  ['/throws'],
  ['/nowhere'],
  ['/json', { method: 'POST', body: '{}' }],
  ['/json', { method: 'OPTIONS', headers: { Origin: 'https://news.example', 'Access-Control-Request-Method': 'GET' } }],
  [
    '/json',
    {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://news.example',
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'if-none-match, x-y',
      },
    },
  ],
  ['/nowhere', { method: 'OPTIONS' }],
];

describe('apiHeaders', () => {
  it.each(REQUESTS)('answers %s %o exactly as hono/secure-headers + hono/cors', async (path, init) => {
    const url = `https://peru-exports.test${path}`;
    const expected = await snapshot(await hono.request(url, init));
    const actual = await snapshot(await ours.request(url, init));
    expect(actual).toEqual(expected);
  });

  it('answers a hono/etag 304 exactly as before (no CORS headers added back)', async () => {
    const url = 'https://peru-exports.test/etag';
    const tag = (await hono.request(url)).headers.get('etag')!;
    const init = { headers: { 'If-None-Match': tag } };
    const expected = await snapshot(await hono.request(url, init));
    expect(expected.status).toBe(304);
    expect(await snapshot(await ours.request(url, init))).toEqual(expected);
  });

  it('gives every answer the API\u2019s CORS headers, even where a route set its own (hono/cors kept a c.header() one)', async () => {
    const res = await ours.request('https://peru-exports.test/own-cors');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await hono.request('https://peru-exports.test/own-cors')).headers.get('access-control-allow-origin')).toBe(
      'https://mine.example',
    );
  });

  it('keeps /healthz as it was: text/plain with a space before charset, every global header', async () => {
    const res = await get('/healthz');
    expect(res.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('strict-transport-security')).toBe('max-age=15552000; includeSubDomains');
    expect(res.headers.get('x-frame-options')).toBeNull();
    expect(await res.text()).toBe('ok');
  });
});
