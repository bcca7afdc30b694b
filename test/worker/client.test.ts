/** The typed client that `AppType` gives consumers (hono/client), against the worker. */
import { SELF } from 'cloudflare:test';
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import type { AppType } from '../../worker/index';
import { ORIGIN } from './helpers';

const api = hc<AppType>(ORIGIN, { fetch: (input: RequestInfo | URL, init?: RequestInit) => SELF.fetch(input, init) });

describe('hono/client with AppType', () => {
  it('calls the rankings with typed query and body', async () => {
    const res = await api.v1.rankings.destinations.$get({ query: { year: '2024', limit: '3', lang: 'en' } });
    expect(res.status).toBe(200);
    if (!res.ok) throw new Error('unexpected');
    const body = await res.json();
    const first: string = body.items[0]!.formattedValue;
    expect(first).toMatch(/billion/);
    expect(body.items).toHaveLength(3);
  });

  it('fills a metric id with its slash, and types the detail', async () => {
    const res = await api.v1.metrics[':id'].$get({ param: { id: 'destination/CN' }, query: { lang: 'es' } });
    if (!res.ok) throw new Error(`status ${res.status}`);
    const body = await res.json();
    const label: string = body.label;
    expect(label).toBe('China');
    expect(body.share?.of).toBe('destination-total');
  });

  it('types the series query and the problem answers', async () => {
    const res = await api.v1.metrics[':id'].series.$get({ param: { id: 'total' }, query: { from: '2025', to: '2024' } });
    expect(res.status).toBe(400);
    const ok = await api.v1.metrics[':id'].series.$get({ param: { id: 'total' }, query: { freq: 'annual', from: '2024' } });
    if (!ok.ok) throw new Error('unexpected');
    expect((await ok.json()).points.map((p) => p.period)).toEqual(['2024', '2025']);
  });
});
