import { userEvent } from 'vitest/browser';
import { describe, expect, it } from 'vitest';
import '@peru-exports/widgets/define.js';
import type { PeruExportSparkline } from '@peru-exports/widgets';
import { describeSeries, formatPeriod, formatUsd } from '@peru-exports/widgets/render';
import { monthsEnding, seriesResponse, SERIES } from './fixtures';
import { drawnShapes, mountLoaded, setUpElementTests, shadow, text, type MockApi } from './mock-api';

let api: MockApi;
setUpElementTests((mock) => (api = mock));

async function sparkline(html: string): Promise<PeruExportSparkline> {
  const element = await mountLoaded<PeruExportSparkline>(html, 'peru-export-sparkline');
  await expect.poll(() => drawnShapes(shadow(element))).toBeGreaterThan(0);
  return element;
}

const chart = (element: Element) => shadow(element).querySelector<SVGSVGElement>('svg[part="chart"]')!;
async function press(element: PeruExportSparkline, key: string): Promise<void> {
  await userEvent.keyboard(key);
  await element.updateComplete;
}

const tooltip = (element: Element) => text(shadow(element).querySelector('[part="tooltip"]'));

describe('<peru-export-sparkline>', () => {
  it('draws the series with the shared renderer, at the size it is given', async () => {
    const element = await sparkline('<peru-export-sparkline metric="destination/CN"></peru-export-sparkline>');
    expect(element.getBoundingClientRect()).toMatchObject({ width: 120, height: 32 });
    const svg = chart(element);
    expect(svg.getAttribute('viewBox')).toBe('0 0 120 32');
    const line = svg.querySelector('path[fill="none"]')!;
    // 24 points: one move and 23 line segments, inside the box.
    const numbers = line
      .getAttribute('d')!
      .match(/-?[\d.]+/g)!
      .map(Number);
    expect(numbers).toHaveLength(48);
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers.filter((_, i) => i % 2 === 0))).toBeLessThanOrEqual(120);
    expect(svg.querySelector('circle')).not.toBeNull(); // marker on the last value
    expect(api.requests.map((r) => r.url.pathname)).toEqual(['/v1/metrics/destination/CN', '/v1/metrics/destination/CN/series']);
  });

  it('draws a partial year lighter, as the images do (no <title>: its own tooltip names it)', async () => {
    const element = await sparkline('<peru-export-sparkline metric="total" freq="annual" type="bar"></peru-export-sparkline>');
    const bars = [...chart(element).querySelectorAll('g rect')];
    const points = seriesResponse('total', 'es', { freq: 'annual', last: '24' })!.points;
    expect(bars).toHaveLength(points.length);
    expect(bars.map((bar) => bar.getAttribute('fill-opacity'))).toEqual(points.map((p) => ('partial' in p && p.partial ? '.4' : null)));
    expect(Number(getComputedStyle(bars.at(-1)!).fillOpacity)).toBeLessThan(1);
    expect(chart(element).querySelector('g title')).toBeNull();
  });

  it('has a text alternative and its data as a real table', async () => {
    const element = await sparkline('<peru-export-sparkline metric="destination/CN"></peru-export-sparkline>');
    const series = seriesResponse('destination/CN', 'es', { from: '2023-05' })!;
    const label = chart(element).getAttribute('aria-label')!;
    expect(chart(element).getAttribute('role')).toBe('img');
    expect(label).toContain(`China. ${describeSeries(series.points, 'es', formatUsd)}`);
    const rows = [...shadow(element).querySelectorAll('table tr')].map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows[0]).toEqual(['Periodo', 'Valor']);
    expect(rows[1]).toEqual(['mayo de 2023', series.points[0]!.formattedValue]);
    expect(rows).toHaveLength(25);
    expect(text(shadow(element).querySelector('caption'))).toBe('China');
  });

  it('shows the hovered point, and nothing once the pointer leaves', async () => {
    const element = await sparkline(
      '<peru-export-sparkline metric="destination/CN" style="--peru-sparkline-width: 240px"></peru-export-sparkline>',
    );
    const box = chart(element).getBoundingClientRect();
    expect(box.width).toBe(240);
    const months = monthsEnding('2025-04', 24);
    // The first column of 24: January…; pointer at 1/48 of the width is point 0.
    chart(element).dispatchEvent(
      new PointerEvent('pointermove', { clientX: box.left + box.width / 48, clientY: box.top + 5, bubbles: true }),
    );
    await element.updateComplete;
    expect(tooltip(element)).toBe(`${formatPeriod(months[0]!, 'es')}: ${formatUsd(SERIES['destination/CN']!.values[0]!, 'es')}`);
    const cursor = shadow(element).querySelector('[part="cursor"]')!;
    expect(Number(cursor.getAttribute('x'))).toBe(0);
    chart(element).dispatchEvent(new PointerEvent('pointermove', { clientX: box.right - 1, clientY: box.top + 5, bubbles: true }));
    await element.updateComplete;
    expect(tooltip(element)).toContain(formatPeriod('2025-04', 'es'));
    expect(Number(cursor.getAttribute('x'))).toBe(230);
    chart(element).dispatchEvent(new PointerEvent('pointerleave'));
    await element.updateComplete;
    expect(tooltip(element)).toBe('');
    expect(shadow(element).querySelector('[part="cursor"]')).toBeNull();
  });

  it('goes through the points with the keyboard', async () => {
    const element = await sparkline('<peru-export-sparkline metric="destination/CN"></peru-export-sparkline>');
    await userEvent.tab();
    expect(element.shadowRoot!.activeElement).toBe(chart(element));
    await element.updateComplete;
    expect(tooltip(element)).toContain('abril de 2025');
    await press(element, '{ArrowLeft}');
    expect(tooltip(element)).toContain('marzo de 2025');
    await press(element, '{Home}');
    expect(tooltip(element)).toContain('mayo de 2023');
    await press(element, '{ArrowLeft}'); // stays on the first
    expect(tooltip(element)).toContain('mayo de 2023');
    await press(element, '{End}');
    expect(tooltip(element)).toContain('abril de 2025');
    (chart(element) as unknown as HTMLElement).blur();
    await element.updateComplete;
    expect(tooltip(element)).toBe('');
  });

  it('draws bars or an area with `type`, in the theme colour', async () => {
    const element = await sparkline('<peru-export-sparkline metric="destination/CN" type="bar" theme="dark"></peru-export-sparkline>');
    const bars = chart(element).querySelectorAll('g rect');
    expect(bars).toHaveLength(24);
    expect(getComputedStyle(bars[0]!).fill).toBe('rgb(68, 147, 248)'); // dark theme line colour
    element.type = 'area';
    await element.updateComplete;
    await element.updateComplete;
    expect(chart(element).querySelector('g path[fill-opacity]')).not.toBeNull();
  });

  it('sizes itself from --peru-sparkline-width and --peru-sparkline-height', async () => {
    const element = await sparkline(
      '<peru-export-sparkline metric="total" style="--peru-sparkline-width: 300px; --peru-sparkline-height: 60px"></peru-export-sparkline>',
    );
    expect(chart(element).getAttribute('viewBox')).toBe('0 0 300 60');
  });
});
