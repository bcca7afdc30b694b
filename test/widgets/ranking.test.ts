import { describe, expect, it } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportRanking } from '@peru-exports/widgets';
import { rankingResponse } from './fixtures';
import { mount, mountLoaded, next, setUpElementTests, shadow, text, type MockApi } from './mock-api';

let api: MockApi;
let container: HTMLElement | undefined;
setUpElementTests((mock) => (api = mock));

async function ranking(html: string): Promise<PeruExportRanking> {
  const element = await mountLoaded<PeruExportRanking>(html, 'peru-export-ranking');
  return element;
}

const rows = (element: Element) => [...shadow(element).querySelectorAll('li[part="item"]')];

describe('<peru-export-ranking>', () => {
  it('lists the top destinations of a year with values, shares and bars', async () => {
    const element = await ranking('<peru-export-ranking kind="destinations" year="2024" limit="5"></peru-export-ranking>');
    const data = rankingResponse('destinations', 'es', { year: '2024', limit: '5' })!;
    expect(api.requests).toHaveLength(1);
    expect(`${api.requests[0]!.url.pathname}${api.requests[0]!.url.search}`).toBe('/v1/rankings/destinations?year=2024&limit=5&lang=es');
    expect(text(shadow(element).querySelector('[part="title"]'))).toBe('Principales destinos de exportación · 2024');
    const items = rows(element);
    expect(items).toHaveLength(5);
    expect(text(items[0]!.querySelector('.name'))).toBe('China');
    expect(text(items[0]!.querySelector('.value [aria-hidden]'))).toBe(data.items[0]!.formattedValue);
    expect(text(items[0]!.querySelector('.value .sr'))).toBe('24,6 mil millones de dólares');
    expect(text(items[0]!.querySelector('.share'))).toBe(data.items[0]!.formattedShare);
    // Bars are proportional to the values, the first one full.
    const widths = items.map((item) => Number(item.querySelector('rect')!.getAttribute('width')));
    expect(widths[0]).toBe(100);
    expect(widths[1]).toBeCloseTo((data.items[1]!.value / data.items[0]!.value) * 100, 5);
    const drawn = items.map((item) => item.querySelector('svg')!.getBoundingClientRect().width);
    expect(drawn[0]).toBeGreaterThan(200);
    expect(text(shadow(element).querySelector('[part="source"]'))).toBe(`Fuente: SUNAT · Total ${data.total.formattedValue}`);
  });

  it('ranks sectors over the latest 12 months in English, 10 rows by default', async () => {
    const element = await ranking('<peru-export-ranking kind="sectors" lang="en"></peru-export-ranking>');
    expect(Object.fromEntries(api.requests[0]!.url.searchParams)).toEqual({ limit: '10', lang: 'en' });
    expect(text(shadow(element).querySelector('[part="title"]'))).toBe('Exports by sector · May 2024 – Apr 2025');
    expect(rows(element).map((row) => text(row.querySelector('.name')))).toEqual([
      'Mining',
      'Agriculture and livestock',
      'Oil and natural gas',
      'Traditional fishing',
      'Chemicals',
      'Iron, steel and metallurgy',
    ]);
    expect(text(rows(element)[0]!.querySelector('.value .sr'))).toBe('45.6 billion US dollars');
  });

  it('keeps limit within 1–50', async () => {
    const element = await ranking('<peru-export-ranking limit="500"></peru-export-ranking>');
    expect(api.requests[0]!.url.searchParams.get('limit')).toBe('50');
    element.limit = 0.2; // 0 is not a positive number: the default (limits.test.ts)
    await next(element, 'peru-export-load');
    expect(api.requests.at(-1)!.url.searchParams.get('limit')).toBe('1');
    await element.updateComplete;
    expect(rows(element)).toHaveLength(1);
  });

  it("rejects an unknown kind before any request, and shows the API's word on a bad year", async () => {
    container = mount('<peru-export-ranking kind="ports"></peru-export-ranking>');
    const element = container.querySelector('peru-export-ranking')!;
    const event = await next<CustomEvent>(element, 'peru-export-error');
    expect(event.detail).toMatchObject({ metric: 'rankings/ports', status: null, stale: false });
    expect(event.detail.message).toBe('Invalid kind="ports": use destinations or sectors');
    expect(api.requests).toHaveLength(0);
    element.kind = 'sectors';
    element.year = '24';
    const second = await next<CustomEvent>(element, 'peru-export-error');
    expect(second.detail).toMatchObject({ status: 400, message: 'year must be a year YYYY (e.g. 2024); got "24"' });
    expect(api.requests.map((r) => r.url.searchParams.get('year'))).toEqual(['24']);
  });
});
