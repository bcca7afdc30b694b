/**
 * No URL crashes the worker: ~2000 random paths, query strings, methods and headers, biased
 * towards the real routes and parameters so that most requests get past routing. Every answer
 * is 2xx, 3xx or a well-formed 4xx (problem+json on the JSON API), never 5xx.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { get } from './helpers';

const KNOWN_PATHS = [
  '/v1/metrics',
  '/v1/metrics.csv',
  '/v1/metrics/total',
  '/v1/metrics/destination/CN',
  '/v1/metrics/destination%2FCN',
  '/v1/metrics/highlight/total',
  '/v1/metrics/worldbank/total',
  '/v1/metrics/total/series',
  '/v1/metrics/destination/CN/series.csv',
  '/v1/metrics/worldbank/total/series',
  '/v1/rankings/destinations',
  '/v1/rankings/sectors.csv',
  '/v1/highlights',
  '/v1/sources.csv',
  '/openapi.json',
  '/docs',
];

const SEGMENTS = [
  'v1',
  'metrics',
  'series',
  'series.csv',
  'rankings',
  'destinations',
  'sectors',
  'highlights',
  'sources',
  'total',
  'destination',
  'CN',
  'cn',
  'highlight',
  '%2F',
  '%2f',
  '..',
  '.',
  '',
  'metrics.csv',
  'docs',
  '%',
  '%zz',
  '%E0%A4%A',
  '%00',
  '%C0%AF',
];
const PARAMS = [
  'lang',
  'format',
  'from',
  'to',
  'last',
  'freq',
  'year',
  'limit',
  'kind',
  'LANG',
  'Format',
  'id',
  '__proto__',
  'constructor',
  'lang[]',
];
const VALUES = [
  'es',
  'en',
  'EN',
  'fr',
  'csv',
  'json',
  'xml',
  '2024',
  '2024-01',
  '2025-04',
  '2005',
  '1900',
  '9999',
  '2024-13',
  '2024-00',
  '0',
  '1',
  '10',
  '250',
  '251',
  '1000',
  '1001',
  '-1',
  '1e3',
  '0x10',
  ' 10',
  'annual',
  'monthly',
  'sector',
  'destination',
  '',
  '%',
  '%zz',
  '\u0000',
  '\ud83d\ude00',
];

const segment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...SEGMENTS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }).map(encodeURIComponent) },
);
const suffix = fc.array(segment, { maxLength: 4 }).map((s) => (s.length ? `/${s.join('/')}` : ''));
const path = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_PATHS) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...KNOWN_PATHS), suffix).map(([a, b]) => a + b) },
  { weight: 1, arbitrary: suffix.map((s) => s || '/') },
  { weight: 1, arbitrary: fc.webPath() },
);

const rawEncode = (text: string) => text.replace(/[#&=+\s]/g, encodeURIComponent);
const pair = fc.tuple(
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...PARAMS) }, { weight: 1, arbitrary: fc.string({ maxLength: 10 }) }),
  fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...VALUES) }, { weight: 1, arbitrary: fc.string({ maxLength: 24 }) }),
);
const query = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .array(pair, { maxLength: 5 })
      .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&')),
  },
  // Query text as a careless client writes it: stray %, &&, =, unicode.
  {
    weight: 1,
    arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => `${rawEncode(k)}=${rawEncode(v)}`).join('&')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }).map(rawEncode) },
);

const request = fc.record({
  path,
  query,
  method: fc.constantFrom('GET', 'GET', 'GET', 'GET', 'HEAD', 'OPTIONS', 'POST', 'DELETE'),
  acceptLanguage: fc.option(
    fc.oneof(fc.constantFrom('en', 'es-PE,es;q=0.9', 'fr;q=0', '*', 'en;q=abc', ';;;'), fc.string({ maxLength: 20 })),
    { nil: undefined },
  ),
  ifNoneMatch: fc.option(fc.oneof(fc.constantFrom('*', '"x"', 'W/"', '""'), fc.string({ maxLength: 20 })), { nil: undefined }),
});

/** Header values must be ByteStrings without line breaks; keep what fetch would accept. */
const headerSafe = (value: string) => value.replace(/[^\x20-\x7e]/g, '');

describe('fuzz', () => {
  it('answers ~2000 random requests without a 5xx, errors well-formed', { timeout: 240_000 }, async () => {
    let problems = 0;
    let ok = 0;
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query, method, acceptLanguage, ifNoneMatch }) => {
        const url = `${path}${query ? `?${query}` : ''}`;
        const headers: Record<string, string> = {};
        if (acceptLanguage !== undefined) headers['Accept-Language'] = headerSafe(acceptLanguage);
        if (ifNoneMatch !== undefined) headers['If-None-Match'] = headerSafe(ifNoneMatch);
        const res = await get(url, { method, headers, body: method === 'POST' ? 'x' : undefined });
        const text = await res.text();
        const where = `${method} ${url} → ${res.status}: ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        expect(res.status, where).toBeGreaterThanOrEqual(200);
        const type = res.headers.get('content-type') ?? '';
        if (res.status >= 400) {
          problems++;
          const jsonApi = path.startsWith('/v1/') && !/\.svg(?:$|[/?])/.test(path);
          if (jsonApi || type.startsWith('application/problem+json')) {
            expect(type, where).toBe('application/problem+json');
            const body = method === 'HEAD' ? null : (JSON.parse(text) as Record<string, unknown>);
            if (body) {
              expect(body.status, where).toBe(res.status);
              expect(typeof body.type, where).toBe('string');
              expect(typeof body.title, where).toBe('string');
              expect(typeof body.detail, where).toBe('string');
            }
          }
        } else if (res.status === 200 && method === 'GET') {
          ok++;
          if (type.startsWith('application/json')) expect(() => JSON.parse(text), where).not.toThrow();
        }
      }),
      { numRuns: 2000 },
    );
    // The generator reaches both sides: real answers and rejected requests.
    expect(ok).toBeGreaterThan(100);
    expect(problems).toBeGreaterThan(100);
  });
});
