/**
 * Freshness stated honestly: /v1/status per source, `provisional` on figures inside their
 * source's revision window (on the JSON, the card image), and the front page leading with the
 * headline series as of its latest month.
 */
import { describe, expect, it } from 'vitest';
import { coverage, last12Months, monthsSum, valueAt } from '../../data/derive';
import { getMetric } from '../../data/index';
import { formatUsd } from '../../worker/render/format';
import type { SourceStatusBody as SourceStatus } from '../../worker/schemas';
import { get, expectJson } from './helpers';

describe('GET /v1/status', () => {
  it('says per source what is served, how fresh it is, and flags what lags its cadence', async () => {
    const { res, body } = await expectJson<{ now: string; sources: SourceStatus[] }>('/v1/status?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/max-age=60\b/);
    const byId = Object.fromEntries(body.sources.map((s) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(['bcrp', 'promperu-2024', 'sunat-g1', 'sunat-g6', 'worldbank-wdi']);

    // Today (December 2026) both SUNAT (to 2025-04) and the bundled BCRP snapshot (to 2025-11) lag.
    const month = body.now.slice(0, 7);
    expect(byId.bcrp).toMatchObject({
      live: true,
      served: { origin: 'bundled', fetchedAt: '2026-02-15T00:00:00.000Z' },
      latestPeriod: '2025-11',
      provisionalFrom: '2025-06',
      lastChecked: null,
    });
    expect(byId['sunat-g1']).toMatchObject({ live: false, latestPeriod: '2025-04', provisionalFrom: '2024-10' });
    for (const id of ['bcrp', 'sunat-g1', 'sunat-g6']) {
      expect(byId[id]!.expectedLatest! > byId[id]!.latestPeriod!, id).toBe(month > '2026-01');
      expect(byId[id]!.stale, id).toBe(byId[id]!.expectedLatest! > byId[id]!.latestPeriod!);
    }
    // Fixed publications are never stale.
    expect(byId['worldbank-wdi']).toMatchObject({ expectedLatest: null, stale: false, latestPeriod: '2019' });
    expect(byId['promperu-2024']).toMatchObject({ expectedLatest: null, stale: false, latestPeriod: '2024' });
    expect(byId['sunat-g1']!.note).toMatch(/npm run data:fetch/);
  });

  it('refuses an unknown parameter like every route', async () => {
    const res = await get('/v1/status?foo=1');
    expect(res.status).toBe(400);
  });
});

describe('provisional figures', () => {
  it('marks SUNAT\u2019s latest month incomplete, BCRP\u2019s preliminary, and a press-release figure not at all', async () => {
    const sunat = await expectJson<{ provisional: unknown; preliminary: boolean }>('/v1/metrics/total?lang=es');
    expect(sunat.body.provisional).toMatchObject({ kind: 'incomplete', from: '2024-10', label: 'incompleto' });
    const bcrp = await expectJson<{ provisional: unknown }>('/v1/metrics/bcrp/total?lang=en');
    expect(bcrp.body.provisional).toMatchObject({ kind: 'estimate', from: '2025-06', label: 'preliminary' });
    const highlight = await expectJson<{ provisional: unknown }>('/v1/metrics/highlight/total');
    expect(highlight.body.provisional).toBeNull();
  });

  it('says so on the card image beside the period', async () => {
    const svg = await (await get('/v1/metrics/total/card.svg?lang=es')).text();
    expect(svg).toContain('incompleto');
    const en = await (await get('/v1/metrics/bcrp/total/card.svg?lang=en')).text();
    expect(en).toContain('November 2025 (preliminary)');
  });

  it('says so on the metric page, with why', async () => {
    const page = await (await get('/m/total')).text();
    expect(page).toMatch(/<p class="note provisional">Incompleto\. Los últimos 7 meses están incompletos/);
    const bcrp = await get('/m/bcrp/total?lang=en');
    expect(bcrp.status).toBe(200);
    expect(await bcrp.text()).toMatch(/<p class="note provisional">Preliminary\. The BCRP revises its figures for recent months/);
  });

  it('lists each source\u2019s revision window and cadence in /v1/sources', async () => {
    const { body } = await expectJson<{ sources: { id: string; revision: { months: number; kind: string } | null; cadence: unknown }[] }>(
      '/v1/sources',
    );
    const byId = Object.fromEntries(body.sources.map((s) => [s.id, s]));
    expect(byId['sunat-g6']).toMatchObject({ revision: { months: 7, kind: 'incomplete' }, cadence: { every: 'month', lagMonths: 2 } });
    expect(byId.bcrp).toMatchObject({ revision: { months: 6, kind: 'estimate' } });
    expect(byId['worldbank-wdi']).toMatchObject({ revision: null, cadence: null });
  });
});

describe('the front page', () => {
  it('leads with BCRP\u2019s latest month, last 12 months and year to date, before the 2024 press release', async () => {
    const res = await get('/?lang=en');
    const page = await res.text();
    const m = getMetric('bcrp/total')!;
    const latest = coverage(m).last;
    expect(latest).toBe('2025-11');
    const latestSection = page.indexOf('id="latest"');
    const highlights = page.indexOf('id="highlights"');
    expect(latestSection).toBeGreaterThan(0);
    expect(latestSection).toBeLessThan(highlights);
    const lead = page.slice(latestSection, highlights);
    expect(lead).toContain('<peru-export-card metric="bcrp/total"');
    expect(lead).toContain('As of November 2025.');
    expect(lead).toContain(formatUsd(valueAt(m, latest)!, 'en'));
    expect(lead).toContain(formatUsd(last12Months(m, latest)!.value!, 'en'));
    expect(lead).toContain(formatUsd(monthsSum(m, 2025, 1, 11)!, 'en'));
    expect(lead).toMatch(/Year to date \(Jan 2025 – Nov 2025\)/);
    expect(lead).toMatch(/against Jan 2024 – Nov 2024/);
    expect(lead).toContain('Preliminary from June 2025 on.');
    expect(lead).toContain('href="/v1/status"');
  });
});
