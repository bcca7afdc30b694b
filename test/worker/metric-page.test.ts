/**
 * The metric page (`/m/{id}`), as served: the annual table (a partial year is labelled with its
 * months and its change says what it is against, in the words of the JSON API beside it) and
 * the chart over time.
 */
import { describe, expect, it } from 'vitest';
import { get, expectJson } from './helpers';

interface Row {
  period: string;
  cells: string[];
}

/** The rows of the page's first table (the annual values): header cell and data cells, as text. */
async function annualRows(path: string): Promise<Row[]> {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  const html = await res.text();
  const body = /<tbody>(.*?)<\/tbody>/s.exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr><th scope="row">(.*?)<\/th>(.*?)<\/tr>/gs)].map(([, period, cells]) => ({
    period: period!,
    cells: [...cells!.matchAll(/<td>(.*?)<\/td>/gs)].map(([, cell]) => cell!),
  }));
}

interface Detail {
  annual: { year: number; periodLabel: string; partial: boolean; formattedChange: string | null; comparedWith: { label: string } };
}

describe('the metric page: annual table', () => {
  it.each([
    ['en', 'partial year: change Jan–Apr 2025 vs Jan–Apr 2024'],
    ['es', 'año parcial: variación de ene–abr 2025 frente a ene–abr 2024'],
  ] as const)('labels the partial year and says what its change is against (%s)', async (lang, note) => {
    for (const id of ['total', 'destination/CN']) {
      const rows = await annualRows(`/m/${id}?lang=${lang}`);
      const { body } = await expectJson<Detail>(`/v1/metrics/${id}?lang=${lang}`);
      expect(body.annual.partial).toBe(true);
      const [latest, ...earlier] = rows;
      expect(latest!.period).toBe(body.annual.periodLabel);
      expect(latest!.cells[1]).toBe(body.annual.formattedChange);
      expect(latest!.cells[2]).toContain(note);
      expect(latest!.cells[2]).toContain(body.annual.comparedWith.label);
      // Whole years: the year alone, no such note.
      expect(earlier.length).toBeGreaterThan(10);
      for (const row of earlier) {
        expect(row.period).toMatch(/^\d{4}$/);
        expect(row.cells[2]).not.toMatch(/parcial|partial/);
      }
    }
  });
});

describe('the metric page: over time', () => {
  it('shows the chart of the whole series (chart.svg, not the live sparkline), in the page\u2019s language', async () => {
    for (const [id, from] of [
      ['total', '2005-01'],
      ['worldbank/total', '1960'],
    ] as const) {
      const res = await get(`/m/${id}?lang=en`);
      const html = await res.text();
      const figure = /<div class="figure">(.*?)<\/div>/s.exec(html)?.[1] ?? '';
      expect(figure).not.toContain('peru-export-sparkline');
      const src = /<img src="([^"]+)"/.exec(figure)?.[1]?.replaceAll('&amp;', '&') ?? '';
      const url = new URL(src);
      expect(url.pathname).toBe(`/v1/metrics/${id}/chart.svg`);
      expect(Object.fromEntries(url.searchParams)).toEqual({ from, width: '720', height: '360', theme: 'auto', lang: 'en' });
      expect(figure).toMatch(/ width="720" height="360" alt="[^"]+"/);
      // The image it names draws, as a chart (no error image).
      const image = await get(`${url.pathname}${url.search}`);
      expect(image.headers.get('x-error')).toBeNull();
    }
  });

  it('has no chart for a press-release figure', async () => {
    const html = await (await get('/m/highlight/total')).text();
    expect(html).not.toContain('chart.svg');
    expect(html).not.toContain('id="chart-title"');
  });
});
