import { describe, expect, it } from 'vitest';
import { highlights, sources, version } from '../../data/index';
import type { HighlightItemBody as HighlightItem } from '../../worker/schemas';
import { expectProblem, get, expectJson } from './helpers';

describe('GET /v1/highlights', () => {
  it('lists every press-release figure as published, in Spanish by default', async () => {
    const { res, body } = await expectJson<{
      lang: string;
      datasetVersion: string;
      count: number;
      source: { id: string; notes: string[] };
      items: HighlightItem[];
    }>('/v1/highlights');
    expect(res.status).toBe(200);
    expect(body.lang).toBe('es');
    expect(body.datasetVersion).toBe(version);
    expect(body.count).toBe(highlights.length);
    expect(body.items.map((h) => h.id)).toEqual(highlights.map((h) => h.id));
    expect(body.source.id).toBe('promperu-2024');
    const total = body.items.find((h) => h.id === 'highlight/total');
    expect(total).toMatchObject({
      label: 'Exportaciones totales',
      unit: 'USD',
      period: '2024',
      value: 74.7e9,
      formattedValue: 'US$\u00a074,7 mil millones',
      growthPct: 15.6,
      formattedGrowth: '+15,6\u00a0%',
      related: 'total',
      source: 'promperu-2024',
    });
    expect(total?.previous).toMatchObject({ period: '2023', derived: true, formattedValue: 'US$\u00a064,6 mil millones' });
    expect(total?.quote).toContain('USD 74.7 billion');
  });

  it('writes English labels and numbers with lang=en; figures without a number stay null', async () => {
    const { body } = await expectJson<{ items: HighlightItem[] }>('/v1/highlights?lang=en');
    const china = body.items.find((h) => h.id === 'highlight/china');
    expect(china).toMatchObject({ label: 'Exports to China', formattedValue: 'US$25 billion', formattedGrowth: '+9.2%' });
    const named = body.items.find((h) => h.unit === 'named');
    expect(named).toMatchObject({ value: null, formattedValue: null, growthPct: null, formattedGrowth: null, previous: null });
    const fact = body.items.find((h) => h.unit === 'fact');
    expect(fact?.formattedValue).toBeNull();
  });

  it('rejects unknown parameters and formats', async () => {
    await expectProblem(await get('/v1/highlights?year=2024'), 400, ['year']);
    const p = await expectProblem(await get('/v1/highlights?format=xml'), 400, ['format']);
    expect(p.errors?.[0]?.allowed).toBe('json or csv');
  });
});

describe('GET /v1/sources', () => {
  it('lists every source with definition, unit, coverage, licence and notes in the language', async () => {
    const es = await expectJson<{
      count: number;
      sources: {
        id: string;
        title: string;
        definition: string;
        unit: string;
        coverage: string;
        licence: string | null;
        notes: string[];
        url: string;
      }[];
    }>('/v1/sources');
    expect(es.res.status).toBe(200);
    expect(es.body.count).toBe(sources.length);
    expect(es.body.sources.map((s) => s.id).sort()).toEqual(['bcrp', 'promperu-2024', 'sunat-g1', 'sunat-g6', 'worldbank-wdi']);
    const g1 = es.body.sources.find((s) => s.id === 'sunat-g1')!;
    expect(g1.title).toContain('Cuadro G1');
    expect(g1.unit).toContain('dólares');
    expect(g1.notes.length).toBe(sources.find((s) => s.id === 'sunat-g1')!.notes.length);
    const en = await expectJson<{ sources: { id: string; title: string }[] }>('/v1/sources?lang=en');
    expect(en.body.sources.find((s) => s.id === 'sunat-g1')?.title).toContain('Table G1');
  });
});
