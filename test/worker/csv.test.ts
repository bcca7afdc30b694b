import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getMetric, highlights, metrics, sources } from '../../data/index';
import { csvFileName, toCsv } from '../../worker/csv';
import { expectProblem, get } from './helpers';

/** Fetches a CSV response, checks its headers and parses it back with papaparse. */
async function csv(path: string) {
  const res = await get(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
  const disposition = res.headers.get('content-disposition') ?? '';
  expect(disposition).toMatch(/^attachment; filename="[A-Za-z0-9._-]+\.csv"$/);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark, for Excel
  const text = await res.text(); // (the decoder drops the BOM)
  expect(text.endsWith('\r\n')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return { res, rows: parsed.data, fields: parsed.meta.fields ?? [], fileName: /filename="(.+)"/.exec(disposition)?.[1] };
}

describe('CSV forms', () => {
  it('gives a series as period,value_usd; the .csv path and format=csv are the same file', async () => {
    const total = getMetric('total')!;
    const a = await csv('/v1/metrics/total/series.csv?from=2024&to=2024');
    const b = await csv('/v1/metrics/total/series?to=2024&from=2024&format=csv');
    expect(a.fields).toEqual(['period', 'value_usd']);
    expect(a.rows).toHaveLength(12);
    expect(a.rows[0]).toEqual({ period: '2024-01', value_usd: String(total.values[19 * 12]) });
    expect(b.rows).toEqual(a.rows);
    expect(a.fileName).toBe('peru-exports_total_monthly_2024-01-2024-12_es.csv');
  });

  it('honours last, in both CSV forms', async () => {
    const total = getMetric('total')!;
    const a = await csv('/v1/metrics/total/series.csv?last=3&to=2024-12');
    expect(a.rows.map((r) => r.period)).toEqual(['2024-10', '2024-11', '2024-12']);
    expect(a.rows.map((r) => r.value_usd)).toEqual(total.values.slice(19 * 12 + 9, 20 * 12).map(String));
    expect(a.fileName).toBe('peru-exports_total_monthly_2024-10-2024-12_es.csv');
    const b = await csv('/v1/metrics/destination/CN/series?format=csv&freq=annual&last=2');
    expect(b.rows).toEqual([
      expect.objectContaining({ period: '2024', partial: 'false', months: '12' }),
      expect.objectContaining({ period: '2025', partial: 'true', months: '4' }),
    ]);
  });

  it('gives annual points with partial and months, for a slashed id', async () => {
    const { rows, fields, fileName } = await csv('/v1/metrics/destination/CN/series.csv?freq=annual&from=2024');
    expect(fields).toEqual(['period', 'value_usd', 'partial', 'months']);
    expect(rows).toEqual([
      expect.objectContaining({ period: '2024', partial: 'false', months: '12' }),
      expect.objectContaining({ period: '2025', partial: 'true', months: '4' }),
    ]);
    expect(fileName).toBe('peru-exports_destination-CN_annual_2024-2025_es.csv');
  });

  it('leaves gaps empty', async () => {
    const { rows } = await csv('/v1/metrics/destination/other-yugoslavia/series.csv');
    const values = getMetric('destination/other-yugoslavia')!.values;
    expect(rows.map((r) => r.value_usd)).toEqual(values.map((v) => (v === null ? '' : String(v))));
  });

  it('gives the catalogue, rankings, highlights and sources, matching their JSON', async () => {
    const catalogue = await csv('/v1/metrics.csv?lang=en');
    expect(catalogue.rows).toHaveLength(metrics.length);
    expect(catalogue.rows.find((r) => r.id === 'destination/CN')).toMatchObject({
      label: 'China',
      kind: 'destination',
      iso2: 'CN',
      latest_period: '2025-04',
    });

    const ranking = await csv('/v1/rankings/destinations.csv?year=2024&limit=5');
    const json = (await (await get('/v1/rankings/destinations?year=2024&limit=5')).json()) as {
      items: { id: string; value: number; sharePct: number }[];
    };
    expect(ranking.rows.map((r) => r.id)).toEqual(json.items.map((i) => i.id));
    expect(ranking.rows.map((r) => Number(r.value_usd))).toEqual(json.items.map((i) => i.value));
    expect(ranking.rows.map((r) => Number(r.share_pct))).toEqual(json.items.map((i) => i.sharePct));
    expect(ranking.fileName).toBe('peru-exports_destinations_2024_es.csv');
    const sectors = await csv('/v1/rankings/sectors?format=csv');
    expect(sectors.rows[0]?.rank).toBe('1');

    const hl = await csv('/v1/highlights.csv?lang=en');
    expect(hl.rows).toHaveLength(highlights.length);
    // Quotes hold commas and quotation marks: they survive the round trip.
    expect(hl.rows.find((r) => r.id === 'highlight/total')?.quote).toBe(highlights.find((h) => h.id === 'highlight/total')?.quote);

    const src = await csv('/v1/sources.csv');
    expect(src.rows.map((r) => r.id).sort()).toEqual(sources.map((s) => s.id).sort());
    expect(src.rows.find((r) => r.id === 'sunat-g1')?.licence).toContain('"Fuente: SUNAT"');
  });

  it('has no CSV for one metric, and knows no other format', async () => {
    await expectProblem(await get('/v1/metrics/total?format=csv'), 400, ['format']);
    await expectProblem(await get('/v1/metrics/total/series?format=xlsx'), 400, ['format']);
    await expectProblem(await get('/v1/sources.csv?format=csv'), 400, ['format']);
    await expectProblem(await get('/v1/metrics/total.csv'), 404);
  });
});

describe('toCsv', () => {
  it('quotes what needs quoting and defuses spreadsheet formulas', () => {
    const text = toCsv({
      columns: ['a', 'b', 'c'],
      rows: [
        ['x, y', 'say "hi"', 'line\nbreak'],
        ['=HYPERLINK("x")', -3.5, null],
        ['+1', true, '@sum'],
      ],
    });
    const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(parsed.data).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line\nbreak'],
      ['\'=HYPERLINK("x")', '-3.5', ''],
      ["'+1", 'true', "'@sum"],
    ]);
  });

  it('makes safe file names', () => {
    expect(csvFileName('peru-exports', 'destination/CN', undefined, '2024', 'en')).toBe('peru-exports_destination-CN_2024_en.csv');
    expect(csvFileName('a"b', '../x', 'é')).toBe('a-b_-x_-.csv');
  });
});
