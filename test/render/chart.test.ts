/**
 * renderChart called directly: parsed as XML, safe, accessible, every label inside the image and
 * none overlapping another, preliminary and partial periods drawn apart and said so, the size of
 * 20 years of months, and byte-exact example images (test/render/__snapshots__/chart-*.svg).
 */
import { describe, expect, it } from 'vitest';
import { formatUsd, RenderOptionError } from '@peru-exports/widgets/render';
import { CHART_SIZE, COMPARE_COLORS, renderChart, spread, type ChartData, type ChartSeries } from '../../worker/render/chart';
import { textWidth } from '../../worker/render/text-width';
import { checkChartRequest } from '../../worker/checks/chart';
import { chartData } from '../../worker/views/chart';
import { expectElement, expectNoOverlap, expectValidImage, findAll, textBoxes, utf8Length, type SvgNode } from './svg';

const months = (from: number, values: (number | null)[]): ChartSeries['points'] =>
  values.map((value, i) => ({ period: `${from + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value }));

const ONE: ChartData = {
  frequency: 'monthly',
  series: [
    {
      id: 'total',
      label: 'Exportaciones totales',
      points: months(
        2023,
        [5.1e9, 5.3e9, 5.9e9, 5.2e9, 6.1e9, 6.3e9, 5.8e9, 6.0e9, 6.2e9, 6.6e9, 6.4e9, 7.1e9, 5.9e9, 6.1e9, 6.4e9, 5.8e9, 6.9e9, 7.3e9],
      ),
      preliminaryFrom: '2024-01',
      source: 'SUNAT, Cuadro G1',
      asOf: '2024-06',
    },
  ],
};

/** Every label's box inside the image, and no two overlapping. */
function expectReadable(root: SvgNode): void {
  const width = Number(root.attrs.width);
  const height = Number(root.attrs.height);
  const boxes = textBoxes(root, textWidth);
  for (const box of boxes) {
    expect(box.left, `"${box.text}" starts inside`).toBeGreaterThanOrEqual(-0.05);
    expect(box.right, `"${box.text}" ends inside`).toBeLessThanOrEqual(width + 0.05);
    expect(box.top, `"${box.text}" below the top`).toBeGreaterThanOrEqual(0);
    expect(box.bottom, `"${box.text}" above the bottom`).toBeLessThanOrEqual(height);
  }
  expectNoOverlap(boxes);
}

const texts = (root: SvgNode) => findAll(root, 'text').map((t) => t.text);

describe('renderChart', () => {
  it('titles the chart with the metric, subtitles it with unit, frequency and range, and describes the data', () => {
    const root = expectValidImage(renderChart(ONE, { lang: 'es', formatValue: formatUsd }));
    expect(root.attrs.width).toBe(String(CHART_SIZE.width.default));
    expect(root.attrs.height).toBe(String(CHART_SIZE.height.default));
    expect(root.attrs.lang).toBe('es');
    expect(expectElement(root, 'title').text).toBe('Exportaciones totales');
    const shown = texts(root);
    expect(shown[0]).toBe('Exportaciones totales');
    expect(shown[1]).toBe('Dólares (US$), mensual, ene 2023\u2013jun 2024');
    const desc = expectElement(root, 'desc').text;
    expect(desc).toContain('De US$\u00a05,1 mil millones en enero de 2023 a US$\u00a07,3 mil millones en junio de 2024');
    expect(desc).toContain('Fuente: SUNAT, Cuadro G1 · datos a junio de 2024');
    expectReadable(root);
  });

  it('writes round ticks for the language, covering the data, with gridlines', () => {
    for (const [lang, five] of [
      ['es', 'US$\u00a05\u00a0mil\u00a0M'],
      ['en', 'US$5bn'],
    ] as const) {
      const root = expectValidImage(renderChart(ONE, { lang }));
      const ticks = findAll(root, 'text').filter((t) => t.attrs['text-anchor'] === 'end');
      expect(ticks.map((t) => t.text)).toContain(five);
      // Ticks from the top down are evenly spaced; the lowest is at or below the data, the highest above.
      const ys = ticks.map((t) => Number(t.attrs.y));
      expect(ys).toEqual([...ys].sort((a, b) => b - a));
    }
  });

  it('includes zero for bars, not for lines', () => {
    const line = texts(expectValidImage(renderChart(ONE, { lang: 'en' })));
    const bar = texts(expectValidImage(renderChart(ONE, { lang: 'en', type: 'bar' })));
    expect(line).not.toContain('US$0');
    expect(bar).toContain('US$0');
  });

  it('labels years on a long range and months on a short one', () => {
    const long: ChartData = {
      frequency: 'monthly',
      series: [
        {
          ...ONE.series[0]!,
          points: months(
            2005,
            Array.from({ length: 244 }, (_, i) => 1e9 + i * 1e7),
          ),
        },
      ],
    };
    const years = texts(expectValidImage(renderChart(long, { lang: 'en' }))).filter((t) => /^\d{4}$/.test(t));
    expect(years.length).toBeGreaterThanOrEqual(4);
    const short = texts(expectValidImage(renderChart(ONE, { lang: 'en' })));
    expect(short).toContain('Jan 2024');
    expect(short.some((t) => /^(Apr|Jul|Oct)$/.test(t))).toBe(true);
  });

  it('labels the latest value at the line\u2019s end', () => {
    const root = expectValidImage(renderChart(ONE, { lang: 'en' }));
    expect(texts(root)).toContain('US$7.3bn');
  });

  it('draws preliminary periods dashed (lighter bars) and says so in a note', () => {
    const line = expectValidImage(renderChart(ONE, { lang: 'en' }));
    const dashed = findAll(line, 'path').filter((p) => p.attrs['stroke-dasharray'] === '4 3');
    expect(dashed).toHaveLength(1);
    expect(texts(line)).toContain('Dashed: preliminary figures (from Jan 2024)');
    const bars = expectValidImage(renderChart(ONE, { lang: 'es', type: 'bar' }));
    expect(findAll(bars, 'path').some((p) => p.attrs['fill-opacity'] === '.6')).toBe(true);
    expect(texts(bars)).toContain('Barras más claras: cifras preliminares (desde ene 2024)');
    // Nothing preliminary: no dashes, no note.
    const settled = expectValidImage(renderChart({ ...ONE, series: [{ ...ONE.series[0]!, preliminaryFrom: null }] }, { lang: 'en' }));
    expect(findAll(settled, 'path').some((p) => p.attrs['stroke-dasharray'] !== undefined)).toBe(false);
    expect(texts(settled).some((t) => t.startsWith('Dashed'))).toBe(false);
  });

  it('draws a partial year apart, faded and titled, and names it in the note and the description', () => {
    const data: ChartData = {
      frequency: 'annual',
      series: [
        {
          id: 'total',
          label: 'Total exports',
          points: [
            { period: '2022', value: 63e9 },
            { period: '2023', value: 67e9 },
            { period: '2024', value: 74e9 },
            { period: '2025', value: 22e9, partial: true, periodLabel: '2025 (4 months)' },
          ],
          preliminaryFrom: null,
          source: 'SUNAT',
          asOf: '2025-04',
        },
      ],
    };
    const root = expectValidImage(renderChart(data, { lang: 'en', formatValue: formatUsd }));
    const faded = findAll(root, 'circle').filter((c) => c.attrs['fill-opacity'] === '.4');
    expect(faded).toHaveLength(1);
    expect(expectElement(faded[0]!, 'title').text).toBe('2025 (4 months)');
    expect(texts(root)).toContain('Faded dots: partial years, 2025 (4 months)');
    expect(texts(root)).toContain('Source: SUNAT · as of April 2025');
    // The latest value labelled is the last whole year's.
    expect(texts(root)).toContain('US$74bn');
    expect(expectElement(root, 'desc').text).toContain('Partial year: US$22 billion in 2025 (4 months).');
  });

  it('compares up to four more series in distinct colours, labelled at their ends, each source named', () => {
    const other = (k: number): ChartSeries => ({
      id: `destination/X${k}`,
      label: `Destino ${k}`,
      points: months(
        2023,
        Array.from({ length: 18 }, (_, i) => (k + 1) * 1e8 + i * 1e6),
      ),
      preliminaryFrom: null,
      source: k % 2 ? 'BCRP' : 'SUNAT, Cuadro G1',
      asOf: null,
    });
    const data: ChartData = { ...ONE, series: [ONE.series[0]!, other(1), other(2), other(3), other(4)] };
    const root = expectValidImage(renderChart(data, { lang: 'es' }));
    const strokes = new Set(
      findAll(root, 'path')
        .filter((p) => p.attrs.fill === 'none')
        .map((p) => p.attrs.stroke),
    );
    for (const color of COMPARE_COLORS) expect(strokes).toContain(color);
    const shown = texts(root);
    for (const k of [1, 2, 3, 4]) expect(shown.some((t) => t.startsWith(`Destino ${k} US$`))).toBe(true);
    expect(shown.join(' ')).toMatch(/Fuentes: SUNAT, Cuadro G1 \(datos a jun 2024\); BCRP \(datos a jun 2024\)/);
    expect(findAll(root, 'rect').filter((r) => r.attrs.width !== root.attrs.width)).toHaveLength(0); // no legend box
    expectReadable(root);
  });

  it('tells two compared series of one name apart by their ids', () => {
    const twin: ChartSeries = { ...ONE.series[0]!, id: 'bcrp/total', source: 'BCRP' };
    const root = expectValidImage(renderChart({ ...ONE, series: [ONE.series[0]!, twin] }, { lang: 'es' }));
    expect(texts(root).some((t) => t.startsWith('bcrp/total '))).toBe(true);
    expect(expectElement(root, 'desc').text).toContain('Exportaciones totales (bcrp/total): ');
  });

  it('keeps 20 years of months of real data under 8 KB', () => {
    const data = chartData(checkChartRequest('total', { from: '2005-01', to: '2025-04' }, []), 'es');
    expect(data.series[0]!.points).toHaveLength(244);
    const svg = renderChart(data, { lang: 'es', formatValue: formatUsd });
    expectReadable(expectValidImage(svg));
    expect(utf8Length(svg)).toBeLessThan(8 * 1024);
  });

  it('themes: light and dark colours, auto with its dark-scheme style, a transparent background', () => {
    const light = expectValidImage(renderChart(ONE, { theme: 'light' }));
    const dark = expectValidImage(renderChart(ONE, { theme: 'dark' }));
    expect(findAll(light, 'rect')[0]!.attrs.fill).toBe('#ffffff');
    expect(findAll(dark, 'rect')[0]!.attrs.fill).toBe('#0d1117');
    const auto = expectValidImage(renderChart(ONE, { theme: 'auto' }));
    expect(expectElement(auto, 'style').text).toContain('prefers-color-scheme:dark');
    expect(findAll(expectValidImage(renderChart(ONE, { background: 'transparent' })), 'rect')).toHaveLength(0);
  });

  it('refuses options it cannot draw', () => {
    expect(() => renderChart(ONE, { type: 'area' as never })).toThrow(RenderOptionError);
    expect(() => renderChart(ONE, { theme: 'pink' as never })).toThrow(RenderOptionError);
    expect(() => renderChart(ONE, { background: 'url(x)' })).toThrow(RenderOptionError);
  });

  it('draws "no data" for a series without values', () => {
    const root = expectValidImage(
      renderChart({ frequency: 'monthly', series: [{ ...ONE.series[0]!, points: months(2024, [null, null]) }] }, { lang: 'en' }),
    );
    expect(texts(root)).toContain('no data');
  });
});

describe('spread', () => {
  it('keeps labels apart and inside their band', () => {
    expect(spread([50, 52, 51], 13, 0, 200)).toEqual([50, 76, 63]);
    expect(spread([195, 196], 13, 0, 200)).toEqual([187, 200]);
  });
});

describe('snapshots', () => {
  const total = chartData(checkChartRequest('total', { from: '2005-01', to: '2025-04' }, []), 'es');
  it('line, 20 years of months, Spanish', async () => {
    await expect(renderChart(total, { lang: 'es', formatValue: formatUsd })).toMatchFileSnapshot('__snapshots__/chart-line-es.svg');
  });
  it('bars, annual with a partial year, dark, English, at the smallest size', async () => {
    const agro = chartData(checkChartRequest('sector/agro', { from: '2010', freq: 'annual' }, []), 'en');
    await expect(
      renderChart(agro, {
        lang: 'en',
        type: 'bar',
        theme: 'dark',
        width: CHART_SIZE.width.min,
        height: CHART_SIZE.height.min,
        formatValue: formatUsd,
      }),
    ).toMatchFileSnapshot('__snapshots__/chart-bar-dark-en.svg');
  });
  it('compared with four more, auto theme, English', async () => {
    const data = chartData(
      checkChartRequest('destination/CN', { from: '2015' }, ['destination/US', 'destination/EU', 'destination/KR', 'destination/JP']),
      'en',
    );
    await expect(renderChart(data, { lang: 'en', theme: 'auto', formatValue: formatUsd })).toMatchFileSnapshot(
      '__snapshots__/chart-compare-auto-en.svg',
    );
  });
});
