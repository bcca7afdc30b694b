/**
 * Properties of the chart for any data: ticks cover the data's range, every label lies inside
 * the viewBox and none overlaps another (at the smallest width too, measured with the renderers'
 * own text widths), nothing is NaN, and text of any kind is escaped.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { niceTicks, periodLabels, tickLabels } from '../../worker/render/chart-axes';
import { CHART_SIZE, CHART_TYPES, MAX_COMPARE, renderChart, type ChartData, type ChartOptions } from '../../worker/render/chart';
import { oneLine, textWidth } from '../../worker/render/text-width';
import { expectedText, text, validColor } from './arbitraries';
import { expectElement, expectNoOverlap, expectValidImage, findAll, textBoxes } from './svg';

const RUNS = { numRuns: 100 };

/** Dollar amounts a series may hold, from cents to far beyond any economy, and gaps. */
const amount = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -1e13, max: 1e13, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, 1e300, -1e300, 5e-324) },
);

/** Consecutive months or years from a start, with values. */
const points = (monthly: boolean) =>
  fc
    .tuple(
      fc.integer({ min: 1990, max: 2030 }),
      fc.array(amount, { minLength: 0, maxLength: 300 }),
      fc.option(fc.integer({ min: 0, max: 300 })),
    )
    .map(([start, values, partialAt]) =>
      values.map((value, i) =>
        monthly
          ? { period: `${start + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`, value }
          : { period: String(start + i), value, ...(i === partialAt ? { partial: true, periodLabel: `${start + i} (4 months)` } : {}) },
      ),
    );

const chartData: fc.Arbitrary<ChartData> = fc.boolean().chain((monthly) =>
  fc.record({
    frequency: fc.constant(monthly ? ('monthly' as const) : ('annual' as const)),
    series: fc.array(
      fc.record({
        id: text,
        label: text,
        points: points(monthly),
        preliminaryFrom: fc.option(fc.constantFrom('2000-01', '2010-06', '2024-01', '2015', 'zzz')),
        source: text,
        asOf: fc.option(fc.constantFrom('2025-04', '2010-01', 'x')),
      }),
      { minLength: 1, maxLength: 1 + MAX_COMPARE },
    ),
  }),
);

const options: fc.Arbitrary<ChartOptions> = fc.record(
  {
    width: fc.oneof(fc.constant(CHART_SIZE.width.min), fc.integer({ min: CHART_SIZE.width.min, max: CHART_SIZE.width.max }), fc.double()),
    height: fc.oneof(fc.constant(CHART_SIZE.height.min), fc.integer({ min: CHART_SIZE.height.min, max: CHART_SIZE.height.max })),
    type: fc.constantFrom(...CHART_TYPES),
    theme: fc.constantFrom('light', 'dark', 'auto'),
    lang: fc.constantFrom('es', 'en'),
    background: fc.oneof(fc.constantFrom('transparent', 'theme'), validColor),
  },
  { requiredKeys: [] },
);

describe('chart axes', () => {
  it('ticks are round, ascending, at most a few more than asked, and cover the range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e14, max: 1e14, noNaN: true }),
        fc.double({ min: -1e14, max: 1e14, noNaN: true }),
        fc.integer({ min: 2, max: 8 }),
        (a, b, count) => {
          const ticks = niceTicks(a, b, count, 0.01);
          expect(ticks.every(Number.isFinite)).toBe(true);
          expect(ticks[0]!).toBeLessThanOrEqual(Math.min(a, b));
          expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(a, b));
          for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
          expect(ticks.length).toBeLessThanOrEqual(count + 2);
          expect(new Set(tickLabels(ticks, 'en')).size, `labels of ${ticks.join(', ')}`).toBe(ticks.length);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('ends for ranges too narrow for their magnitude (found by the property above)', () => {
    expect(niceTicks(99999999999999.77, 99999999999999.73, 5, 0.01)).toEqual([99999999999999.73, 99999999999999.77]);
  });

  it('tick labels read as the issue shows them', () => {
    expect(tickLabels([0, 10e9, 20e9], 'es')).toEqual(['US$\u00a00', 'US$\u00a010\u00a0mil\u00a0M', 'US$\u00a020\u00a0mil\u00a0M']);
    expect(tickLabels([0, 10e9, 20e9], 'en')).toEqual(['US$0', 'US$10bn', 'US$20bn']);
    expect(tickLabels([2.5e9, 5e9, 7.5e9], 'en')).toEqual(['US$2.5bn', 'US$5bn', 'US$7.5bn']);
    expect(tickLabels([-5e6, 0, 5e6], 'es')).toEqual(['-US$\u00a05\u00a0M', 'US$\u00a00', 'US$\u00a05\u00a0M']);
  });

  it('period labels never overlap nor leave their bounds, whatever the spacing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 40, max: 2000 }),
        fc.boolean(),
        fc.constantFrom('es', 'en'),
        (n, width, monthly, lang) => {
          const periods = Array.from({ length: n }, (_, i) =>
            monthly ? `${2000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}` : String(1900 + i),
          );
          const x = (i: number) => 20 + (i * (width - 40)) / Math.max(1, n - 1);
          const labels = periodLabels(periods, x, { left: 0, right: width, fontSize: 10, gap: 6 }, lang);
          let end = -Infinity;
          for (const label of labels) {
            const half = textWidth(label.text, 10) / 2;
            expect(x(label.index) - half).toBeGreaterThanOrEqual(Math.max(0, end + 6) - 1e-9);
            expect(x(label.index) + half).toBeLessThanOrEqual(width);
            end = x(label.index) + half;
          }
        },
      ),
      RUNS,
    );
  });
});

describe('renderChart properties', () => {
  it('any data: valid, safe, accessible, no NaN; every label inside the image, none overlapping', () => {
    fc.assert(
      fc.property(chartData, options, (data, opts) => {
        const svg = renderChart(data, opts);
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
        const root = expectValidImage(svg);
        const width = Number(root.attrs.width);
        const height = Number(root.attrs.height);
        const boxes = textBoxes(root, textWidth);
        for (const box of boxes) {
          expect(box.left, box.text).toBeGreaterThanOrEqual(-0.05);
          expect(box.right, box.text).toBeLessThanOrEqual(width + 0.05);
          expect(box.top, box.text).toBeGreaterThanOrEqual(0);
          expect(box.bottom, box.text).toBeLessThanOrEqual(height);
        }
        expectNoOverlap(boxes);
      }),
      {
        ...RUNS,
        examples: [
          // Found by this property: a compared series' long negative value at the smallest width
          // pushed its end label 1.8 px out of the image.
          [
            {
              frequency: 'annual',
              series: [
                { id: '', label: '', points: [], preliminaryFrom: null, source: '', asOf: null },
                {
                  id: '',
                  label: '<',
                  points: [{ period: '1990', value: -1004999999.9999999 }],
                  preliminaryFrom: null,
                  source: '',
                  asOf: null,
                },
              ],
            },
            { width: 0, type: 'bar', lang: 'es' },
          ],
        ],
      },
    );
  });

  it('the value axis spans every value drawn', () => {
    fc.assert(
      fc.property(chartData, fc.constantFrom(...CHART_TYPES), (data, type) => {
        const root = expectValidImage(renderChart(data, { type, lang: 'en' }));
        // Each drawn point lies between the lowest and the highest gridline's y.
        const axis = findAll(root, 'text')
          .filter((t) => t.attrs['text-anchor'] === 'end')
          .map((t) => Number(t.attrs.y) - 3.5);
        if (axis.length === 0) return;
        const [top, bottom] = [Math.min(...axis), Math.max(...axis)];
        for (const circle of findAll(root, 'circle')) {
          expect(Number(circle.attrs.cy)).toBeGreaterThanOrEqual(top - 0.2);
          expect(Number(circle.attrs.cy)).toBeLessThanOrEqual(bottom + 0.2);
        }
      }),
      RUNS,
    );
  });

  it('labels and sources of any text come out as that text, escaped', () => {
    fc.assert(
      fc.property(text, text, (label, source) => {
        const data: ChartData = {
          frequency: 'annual',
          series: [{ id: label, label, points: [{ period: '2024', value: 1 }], preliminaryFrom: null, source }],
        };
        const root = expectValidImage(renderChart(data, { lang: 'en' }));
        // On one line (runs of spaces as one), then what XML cannot hold dropped.
        const expected = expectedText(oneLine(label));
        expect(expectElement(root, 'title').text).toBe(expected);
      }),
      RUNS,
    );
  });
});
