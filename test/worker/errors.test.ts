import { HTTPException } from 'hono/http-exception';
import { describe, expect, it } from 'vitest';
import { closeMatches } from '../../worker/close-matches';
import { toProblem } from '../../worker/problem';
import { MAX_NAMED_UNKNOWN } from '../../worker/validation';
import { expectProblem, get } from './helpers';

describe('bad input answers problem+json naming the parameter and what it allows', () => {
  it.each([
    ['/v1/metrics?foo=1', 'foo', 'lang, kind, format'],
    ['/v1/metrics/total?from=2024', 'from', 'lang, format'],
    ['/v1/metrics/total/series?limit=5', 'limit', 'lang, from, to, last, freq, format'],
    ['/v1/rankings/sectors?from=2024', 'from', 'lang, year, limit, format'],
    ['/v1/highlights?id=highlight/total', 'id', 'lang, format'],
    ['/v1/sources.csv?format=csv', 'format', 'lang'],
    ['/openapi.json?v=2', 'v', 'no parameters'],
  ])('unknown parameter: %s', async (path, param, allowed) => {
    const p = await expectProblem(await get(path), 400, [param]);
    expect(p.type).toBe('/docs#problem-invalid-parameter');
    expect(p.errors?.[0]?.allowed).toBe(allowed);
    expect(p.errors?.[0]?.message).toContain(`unknown parameter "${param}"`);
  });

  it('names every unknown parameter at once, suggesting the one meant', async () => {
    const p = await expectProblem(await get('/v1/rankings/destinations?yaer=2024&Limit=5&utm_source=x'), 400, [
      'yaer',
      'Limit',
      'utm_source',
    ]);
    const byParam = Object.fromEntries((p.errors ?? []).map((e) => [e.param, e.message]));
    expect(byParam.yaer).toContain('did you mean "year"');
    expect(byParam.Limit).toContain('did you mean "limit"');
    expect(p.detail).toBe('3 parameters are invalid: yaer, Limit, utm_source');
  });

  it.each([
    ['/v1/metrics?lang=fr', 'lang', 'es or en'],
    ['/v1/metrics?lang=EN', 'lang', 'es or en'],
    ['/v1/metrics?lang=', 'lang', 'es or en'],
    ['/v1/metrics?format=pdf', 'format', 'json or csv'],
    ['/v1/metrics/total?format=csv', 'format', 'json'],
    ['/v1/metrics/total/series?freq=daily', 'freq', 'monthly or annual'],
    ['/v1/rankings/destinations?year=twenty', 'year', 'a year YYYY (e.g. 2024)'],
  ])('bad value: %s', async (path, param, allowed) => {
    const p = await expectProblem(await get(path), 400, [param]);
    expect(p.errors?.[0]?.allowed).toBe(allowed);
    expect(p.errors?.[0]?.message).toMatch(new RegExp(`^${param} must be `));
  });

  it('rejects a parameter given twice', async () => {
    const p = await expectProblem(await get('/v1/metrics/total/series?from=2020&from=2021'), 400, ['from']);
    expect(p.detail).toContain('given 2 times');
  });

  it('reports a bad value and an unknown parameter together', async () => {
    await expectProblem(await get('/v1/metrics?lang=xx&nope=1'), 400, ['lang', 'nope']);
  });

  it('names the first few of many unknown parameters and counts them, in a small answer', async () => {
    const names = Array.from({ length: 2000 }, (_, i) => `p${i}`);
    const query = names.map((name) => `${name}=1`).join('&');
    expect(query.length).toBeGreaterThan(14_000);
    for (const path of [`/v1/metrics/total?${query}`, `/v1/rankings/sectors?lang=xx&${query}`]) {
      const res = await get(path);
      const text = await res.clone().text();
      expect(text.length, path.slice(0, 40)).toBeLessThan(2_000);
      const p = await expectProblem(res, 400);
      const unknown = (p.errors ?? []).filter((e) => e.message.startsWith('unknown parameter'));
      expect(unknown.map((e) => e.param)).toEqual(names.slice(0, MAX_NAMED_UNKNOWN));
      expect(p.detail).toContain('2000 unknown parameters');
      expect(p.detail).toContain(names.slice(0, MAX_NAMED_UNKNOWN).join(', '));
    }
    const image = await get(`/v1/metrics/total/card.svg?${query}`);
    expect(image.headers.get('x-error')).toBe('bad-parameter');
    expect((await image.text()).length).toBeLessThan(4_000);
  });

  it('cuts long echoed input', async () => {
    const long = 'x'.repeat(5000);
    const p = await expectProblem(await get(`/v1/metrics/${long}`), 404, ['id']);
    expect(p.detail.length).toBeLessThan(300);
    expect(p.instance?.length).toBeLessThanOrEqual(201);
    const q = await expectProblem(await get(`/v1/metrics?lang=${long}`), 400, ['lang']);
    expect(q.detail.length).toBeLessThan(200);
  });
});

describe('paths that are not resources', () => {
  it.each([
    '/nowhere',
    '/v1',
    '/v1/',
    '/v1/metrics/',
    '/v2/metrics',
    '/V1/METRICS',
    '/v1/metrics/a/b/c',
    '/v1/rankings',
    '/v1/metrics/total/series/extra',
  ])('%s is a 404 problem pointing at /docs', async (path) => {
    const p = await expectProblem(await get(path), 404);
    expect(p.detail).toMatch(/\/docs|\/v1\/metrics/);
  });

  it('reads a malformed percent-encoding as an unknown id, not a crash', async () => {
    await expectProblem(await get('/v1/metrics/%zz'), 404, ['id']);
    await expectProblem(await get('/v1/metrics/%E0%A4%A/series'), 404, ['id']);
  });
});

describe('toProblem', () => {
  it('keeps our problems, maps Hono exceptions by status, and hides anything else behind a 500', () => {
    expect(toProblem(new HTTPException(404, { message: 'gone' }), '/x')).toMatchObject({
      status: 404,
      type: '/docs#problem-not-found',
      detail: 'gone',
      instance: '/x',
    });
    const internal = toProblem(new TypeError('secret detail'), '/y');
    expect(internal).toMatchObject({ status: 500, type: '/docs#problem-internal' });
    expect(internal.detail).not.toContain('secret');
  });
});

describe('closeMatches', () => {
  const candidates = [
    { key: 'destination/CN', names: ['China', 'CN'] },
    { key: 'destination/CL', names: ['Chile', 'CL'] },
    { key: 'sector/agro', names: ['Agropecuario', 'Agriculture and livestock', 'agro'] },
  ];
  it('matches ids and labels without case or accents, best first', () => {
    expect(closeMatches('destination/cn', candidates)[0]).toBe('destination/CN');
    expect(closeMatches('CHINA', candidates)).toEqual(['destination/CN']);
    expect(closeMatches('chlie', candidates)).toEqual(['destination/CL']);
    expect(closeMatches('agropécuario', candidates)).toEqual(['sector/agro']);
    expect(closeMatches('zzzzzz', candidates)).toEqual([]);
    expect(closeMatches('', candidates)).toEqual([]);
  });
});
