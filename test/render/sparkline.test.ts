import { describe, expect, it } from 'vitest';
import {
  describeSeries,
  formatUsd,
  PALETTES,
  RenderOptionError,
  renderSparkline,
  sparklineMarks,
  type SparklinePoint,
} from '@peru-exports/widgets/render';
import { EXPORTS_2024 } from './fixtures';
import { expectValidImage, expectElement, findAll, pathPoints, utf8Length, type SvgNode } from './svg';

const months = (values: (number | null)[], year = 2024): SparklinePoint[] =>
  values.map((value, i) => ({ period: `${year}-${String(i + 1).padStart(2, '0')}`, value }));

/** The line path's points, per run (each `M` starts a run). */
function lineRuns(root: SvgNode): { x: number; y: number }[][] {
  const line = findAll(root, 'path').find((p) => p.attrs.fill === 'none');
  if (!line) return [];
  return line.attrs
    .d!.split('M')
    .filter(Boolean)
    .map((run) => pathPoints(`M${run}`));
}

describe('renderSparkline', () => {
  it('draws a 12-month line scaled by min and max, well under 1 KB', () => {
    const svg = renderSparkline(months(EXPORTS_2024));
    expect(utf8Length(svg)).toBeLessThan(700);
    const root = expectValidImage(svg);
    const [run] = lineRuns(root);
    expect(run).toHaveLength(12);
    const ys = run!.map((p) => p.y);
    // Lowest value (April) at the bottom edge, highest (December) at the top, inside padding.
    const bottom = Math.max(...ys);
    const top = Math.min(...ys);
    expect(ys.indexOf(bottom)).toBe(3);
    expect(ys.indexOf(top)).toBe(11);
    expect(bottom).toBeGreaterThan(28); // height 32: uses the full height, not 0..max
    expect(top).toBeLessThan(4);
    // x evenly spaced, left to right.
    const steps = run!.slice(1).map((p, i) => p.x - run![i]!.x);
    for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 0);
  });

  it('is deterministic: same input, same bytes; different input, different ids', () => {
    const a = renderSparkline(months(EXPORTS_2024), { theme: 'auto', markers: ['last'] });
    expect(renderSparkline(months(EXPORTS_2024), { theme: 'auto', markers: ['last'] })).toBe(a);
    const b = renderSparkline(months([...EXPORTS_2024].reverse()), { theme: 'auto', markers: ['last'] });
    expect(expectElement(expectValidImage(b), 'svg').attrs.id).not.toBe(expectElement(expectValidImage(a), 'svg').attrs.id);
  });

  it('describes the series in words: first, last, lowest, highest, in the language', () => {
    const en = expectValidImage(renderSparkline(months(EXPORTS_2024)));
    expect(expectElement(en, 'desc').text).toBe(
      'From 5.9 billion in January 2024 to 7.4 billion in December 2024; lowest 5.8 billion in April 2024, highest 7.4 billion in December 2024.',
    );
    expect(en.attrs.lang).toBe('en');
    const es = expectValidImage(renderSparkline(months(EXPORTS_2024), { lang: 'es', formatValue: formatUsd }));
    expect(expectElement(es, 'desc').text).toBe(
      'De US$\u00a05,9 mil millones en enero de 2024 a US$\u00a07,4 mil millones en diciembre de 2024; ' +
        'mínimo US$\u00a05,8 mil millones en abril de 2024, máximo US$\u00a07,4 mil millones en diciembre de 2024.',
    );
    expect(expectElement(es, 'title').text).toBe('Gráfico de tendencia');
    expect(es.attrs.lang).toBe('es');
  });

  it('counts gaps in the description and uses title/desc when given', () => {
    expect(describeSeries(months([1, null, null, 4]), 'en')).toBe(
      'From 1 in January 2024 to 4 in April 2024; lowest 1 in January 2024, highest 4 in April 2024. 2 periods without data.',
    );
    expect(describeSeries([{ period: '2019', value: 48e9 }], 'es')).toBe('48 mil millones en 2019.');
    const root = expectValidImage(renderSparkline(months([1, 2]), { title: 'Cobre', desc: 'Sube' }));
    expect(expectElement(root, 'title').text).toBe('Cobre');
    expect(expectElement(root, 'desc').text).toBe('Sube');
  });

  it('draws one point as a dot in the middle', () => {
    const root = expectValidImage(renderSparkline([{ period: '2024', value: 42 }], { width: 100, height: 30 }));
    expect(lineRuns(root)).toEqual([]);
    const [dot] = findAll(root, 'circle');
    expect(Number(dot!.attrs.cx)).toBe(50);
    expect(Number(dot!.attrs.cy)).toBe(15);
  });

  it('draws an all-equal series as a horizontal line in the middle', () => {
    for (const value of [7, 0, -3.5, 1e-300]) {
      const root = expectValidImage(renderSparkline(months(Array(6).fill(value)), { width: 100, height: 30 }));
      const [run] = lineRuns(root);
      expect(run).toHaveLength(6);
      for (const point of run!) expect(point.y).toBe(15);
    }
  });

  it('breaks the line and the area at gaps, and shows a lone value as a dot', () => {
    const root = expectValidImage(renderSparkline(months([1, 2, null, 3, 4, 5, null, 6]), { type: 'area' }));
    const runs = lineRuns(root);
    expect(runs.map((r) => r.length)).toEqual([2, 3]);
    const area = findAll(root, 'path').find((p) => p.attrs['fill-opacity'] !== undefined)!;
    expect(area.attrs.d!.match(/M/g)).toHaveLength(2);
    expect(area.attrs.d!.match(/Z/g)).toHaveLength(2);
    expect(findAll(root, 'circle')).toHaveLength(1); // the lone 6
  });

  it('skips gaps in bars, draws negative bars below zero in negativeColor', () => {
    const root = expectValidImage(
      renderSparkline(months([3, -2, null, 5, -4]), { type: 'bar', baseline: true, negativeColor: '#ff00aa', color: 'navy', height: 40 }),
    );
    const bars = findAll(root, 'rect');
    expect(bars).toHaveLength(4);
    const zeroLine = findAll(root, 'path').find((p) => p.attrs.stroke === PALETTES.light.rule)!;
    const zeroY = pathPoints(zeroLine.attrs.d!)[0]!.y;
    for (const [bar, value] of bars.map((b, i) => [b, [3, -2, 5, -4][i]!] as const)) {
      const top = Number(bar.attrs.y);
      const bottom = top + Number(bar.attrs.height);
      if (value < 0) {
        expect(bar.attrs.fill).toBe('#ff00aa');
        expect(top).toBeCloseTo(zeroY, 5);
        expect(bottom).toBeGreaterThan(zeroY);
      } else {
        expect(bar.attrs.fill).toBe('navy');
        expect(bottom).toBeCloseTo(zeroY, 5);
        expect(top).toBeLessThan(zeroY);
      }
    }
    // Bar lengths are proportional to the values (5 is 2.5 times -2).
    expect(Number(bars[2]!.attrs.height) / Number(bars[1]!.attrs.height)).toBeCloseTo(2.5, 1);
    // No bar in the gap's slot.
    const slot = 120 / 5;
    expect(bars.some((b) => Number(b.attrs.x) > 2 * slot && Number(b.attrs.x) < 3 * slot)).toBe(false);
  });

  it('starts bars at zero even when all values are far from it', () => {
    const root = expectValidImage(renderSparkline(months([100, 101, 102]), { type: 'bar', height: 50 }));
    const heights = findAll(root, 'rect').map((r) => Number(r.attrs.height));
    expect(heights[0]! / heights[2]!).toBeCloseTo(100 / 102, 1);
  });

  it('draws an all-zero series: line in the middle, no bars', () => {
    const line = expectValidImage(renderSparkline(months([0, 0, 0]), { height: 20, baseline: true }));
    expect(lineRuns(line)[0]!.every((p) => p.y === 10)).toBe(true);
    const bars = expectValidImage(renderSparkline(months([0, 0, 0]), { type: 'bar' }));
    expect(findAll(bars, 'rect')).toHaveLength(0);
  });

  it('clamps values outside an explicit range to its edges', () => {
    const root = expectValidImage(renderSparkline(months([-50, 0, 50, 100, 150]), { yMin: 0, yMax: 100, height: 40 }));
    const ys = lineRuns(root)[0]!.map((p) => p.y);
    expect(ys[0]).toBe(ys[1]); // -50 drawn at 0, the bottom
    expect(ys[3]).toBe(ys[4]); // 150 drawn at 100, the top
    expect(ys[2]).toBeCloseTo((ys[1]! + ys[3]!) / 2, 1);
    // Only one bound, and the series entirely past it: everything on that edge.
    const below = lineRuns(expectValidImage(renderSparkline(months([1, 2, 3]), { yMin: 10, height: 40 })))[0]!;
    expect(new Set(below.map((p) => p.y)).size).toBe(1);
    expect(below[0]!.y).toBeGreaterThan(35);
  });

  it('rejects an inverted range', () => {
    expect(() => renderSparkline(months([1, 2]), { yMin: 5, yMax: 5 })).toThrow(RenderOptionError);
    expect(() => renderSparkline(months([1, 2]), { yMin: Number.NaN })).toThrow(/yMin/);
  });

  it('says "no data" for an empty or all-null series, still a valid image', () => {
    for (const points of [[], months([null, null])]) {
      const root = expectValidImage(renderSparkline(points, { lang: 'es' }));
      expect(expectElement(root, 'text').text).toBe('sin datos');
      expect(expectElement(root, 'desc').text).toBe('Sin datos.');
      expect(findAll(root, 'path')).toHaveLength(0);
    }
  });

  it('treats NaN and Infinity as gaps', () => {
    const root = expectValidImage(renderSparkline(months([1, Number.NaN, 2, Infinity, 3, 4])));
    expect(lineRuns(root).map((r) => r.length)).toEqual([2]);
  });

  it('scales the extremes of double precision without overflow', () => {
    const root = expectValidImage(renderSparkline(months([-Number.MAX_VALUE, Number.MAX_VALUE, 0]), { height: 40, mean: true }));
    const ys = lineRuns(root)[0]!.map((p) => p.y);
    expect(ys[2]).toBeCloseTo((ys[0]! + ys[1]!) / 2, 1);
  });

  it('places markers on the last, lowest and highest values', () => {
    const root = expectValidImage(renderSparkline(months([3, 1, 9, 4]), { markers: ['last', 'min', 'max'], height: 40 }));
    const run = lineRuns(root)[0]!;
    const circles = findAll(root, 'circle').map((c) => `${c.attrs.cx} ${c.attrs.cy}`);
    expect(circles).toEqual([1, 2, 3].map((i) => `${run[i]!.x} ${run[i]!.y}`));
  });

  it('draws the mean as a dashed line', () => {
    const root = expectValidImage(renderSparkline(months([0, 10, 20]), { mean: true, height: 40 }));
    const dashed = findAll(root, 'path').find((p) => p.attrs['stroke-dasharray'] !== undefined)!;
    const ys = lineRuns(root)[0]!.map((p) => p.y);
    expect(pathPoints(dashed.attrs.d!)[0]!.y).toBe(ys[1]);
  });

  it('colours: theme, custom, background; rejects anything else naming the option', () => {
    const dark = expectValidImage(renderSparkline(months([1, 2]), { theme: 'dark', background: 'theme' }));
    expect(expectElement(dark, 'rect').attrs.fill).toBe(PALETTES.dark.background);
    expect(findAll(dark, 'path')[0]!.attrs.stroke).toBe(PALETTES.dark.line);
    const custom = expectValidImage(renderSparkline(months([1, 2]), { color: 'ABC', background: '#10203040' }));
    expect(findAll(custom, 'path')[0]!.attrs.stroke).toBe('#abc');
    expect(expectElement(custom, 'rect').attrs.fill).toBe('#10203040');
    expect(findAll(expectValidImage(renderSparkline(months([1, 2]))), 'rect')).toHaveLength(0); // transparent
    for (const option of ['color', 'negativeColor', 'fill', 'background'] as const) {
      expect(() => renderSparkline(months([1, 2]), { [option]: 'red;x' })).toThrow(
        expect.objectContaining({ name: 'RenderOptionError', option }),
      );
    }
  });

  it('auto theme: light colours by default, dark ones in a scoped media query, custom colours fixed', () => {
    const svg = renderSparkline(months([1, 2, -1]), { theme: 'auto', type: 'bar', color: 'teal' });
    const root = expectValidImage(svg);
    const style = expectElement(root, 'style').text;
    expect(style).toContain(`#${root.attrs.id} .f-ng{fill:${PALETTES.dark.negative}}`);
    expect(style).not.toContain('.f-ln'); // teal is the caller's choice in both schemes
    expect(findAll(root, 'rect').filter((r) => r.attrs.fill === 'teal')).toHaveLength(2);
    expect(findAll(expectValidImage(renderSparkline(months([1, 2]))), 'style')).toHaveLength(0);
  });

  it('validates the other options and clamps sizes', () => {
    const bad: [string, object][] = [
      ['type', { type: 'pie' }],
      ['markers', { markers: ['first'] }],
      ['theme', { theme: 'sepia' }],
      ['lang', { lang: 'fr' }],
      ['id', { id: '1"x' }],
    ];
    for (const [option, options] of bad) {
      expect(() => renderSparkline(months([1]), options)).toThrow(expect.objectContaining({ option }));
    }
    const huge = expectValidImage(renderSparkline(months([1, 2]), { width: 1e9, height: -5 }));
    expect([huge.attrs.width, huge.attrs.height]).toEqual(['2000', '8']);
    const nan = expectValidImage(renderSparkline(months([1, 2]), { width: Number.NaN }));
    expect(nan.attrs.width).toBe('120');
  });

  describe('a partial period (an annual point of fewer months)', () => {
    /** 2021–2024 whole, 2025 partial (4 months): the API's annual points. */
    const years = (values: number[], partial = [false, false, false, false, true]): SparklinePoint[] =>
      values.map((value, i) => ({
        period: String(2021 + i),
        value,
        ...(partial[i] ? { partial: true, periodLabel: `${2021 + i} (4 months)` } : {}),
      }));

    it('draws its bar lighter, named by its label; whole bars as before', () => {
      const root = expectValidImage(renderSparkline(years([56e9, 64e9, 67e9, 76e9, 22e9]), { type: 'bar' }));
      const bars = findAll(root, 'rect');
      expect(bars).toHaveLength(5);
      expect(bars.slice(0, 4).map((b) => b.attrs['fill-opacity'])).toEqual([undefined, undefined, undefined, undefined]);
      expect(bars.slice(0, 4).every((b) => b.children.length === 0)).toBe(true);
      expect(Number(bars[4]!.attrs['fill-opacity'])).toBeLessThan(1);
      expect(bars[4]!.attrs.fill).toBe(bars[0]!.attrs.fill);
      expect(expectElement(bars[4]!, 'title').text).toBe('2025 (4 months)');
      // Still drawn to scale: its length is its value.
      expect(Number(bars[4]!.attrs.height) / Number(bars[3]!.attrs.height)).toBeCloseTo(22 / 76, 1);
    });

    it('keeps it out of the line (a line to it would read as a fall): a lighter dot apart', () => {
      for (const type of ['line', 'area'] as const) {
        const root = expectValidImage(renderSparkline(years([56e9, 64e9, 67e9, 76e9, 22e9]), { type, height: 40 }));
        expect(
          lineRuns(root).map((r) => r.length),
          type,
        ).toEqual([4]);
        const [dot] = findAll(root, 'circle');
        expect(Number(dot!.attrs['fill-opacity'])).toBeLessThan(1);
        expect(expectElement(dot!, 'title').text).toBe('2025 (4 months)');
        expect(Number(dot!.attrs.cx)).toBeGreaterThan(Math.max(...lineRuns(root)[0]!.map((p) => p.x)));
      }
      // A partial first year too: the line joins only the whole years.
      const first = expectValidImage(renderSparkline(years([5, 20, 21, 22, 23], [true, false, false, false, false])));
      expect(lineRuns(first).map((r) => r.length)).toEqual([4]);
    });

    it('never marks it as the lowest or highest, nor counts it in the mean', () => {
      const root = expectValidImage(
        renderSparkline(years([56, 64, 67, 76, 22]), { type: 'bar', markers: ['min', 'max'], mean: true, height: 40 }),
      );
      const bars = findAll(root, 'rect');
      const centre = (bar: SvgNode) => Number(bar.attrs.x) + Number(bar.attrs.width) / 2;
      const marked = findAll(root, 'circle').map((c) => Number(c.attrs.cx));
      expect(marked).toEqual([centre(bars[0]!), centre(bars[3]!)]); // 56 and 76, not 22
      const dashed = findAll(root, 'path').find((p) => p.attrs['stroke-dasharray'] !== undefined)!;
      const meanY = pathPoints(dashed.attrs.d!)[0]!.y;
      // The mean of the whole years (65.75) lies between the tops of the 64 and 67 bars.
      expect(meanY).toBeLessThan(Number(bars[1]!.attrs.y));
      expect(meanY).toBeGreaterThan(Number(bars[2]!.attrs.y));
    });

    it("is drawn lighter by the widgets too (sparklineMarks), without the images' <title>", () => {
      const markup = sparklineMarks(
        years([1, 2, 3, 4, 1]),
        { width: 100, height: 20, type: 'bar', strokeWidth: 1.5, lang: 'en' },
        { attrs: () => '' },
      );
      expect(markup.match(/<rect [^>]*fill-opacity="\.4"\/>/g)).toHaveLength(1);
      expect(markup).not.toContain('<title>');
    });

    it('is described apart, never as the last, lowest or highest of the whole years', () => {
      const points = years([56e9, 64e9, 67e9, 76e9, 22e9]);
      expect(describeSeries(points, 'en', formatUsd)).toBe(
        'From US$56 billion in 2021 to US$76 billion in 2024; lowest US$56 billion in 2021, highest US$76 billion in 2024. ' +
          'Partial year: US$22 billion in 2025 (4 months).',
      );
      const es = points.map((p) => (p.partial ? { ...p, periodLabel: '2025 (4 meses)' } : p));
      expect(describeSeries(es, 'es', formatUsd)).toBe(
        'De US$\u00a056 mil millones en 2021 a US$\u00a076 mil millones en 2024; ' +
          'mínimo US$\u00a056 mil millones en 2021, máximo US$\u00a076 mil millones en 2024. ' +
          'Año parcial: US$\u00a022 mil millones en 2025 (4 meses).',
      );
      // Only a partial year, or one whole year beside it; without a label, the period.
      expect(describeSeries(points.slice(4), 'en', formatUsd)).toBe('Partial year: US$22 billion in 2025 (4 months).');
      expect(describeSeries([points[3]!, { period: '2025', value: 22e9, partial: true }, { period: '2026', value: null }], 'en')).toBe(
        '76 billion in 2024. Partial year: 22 billion in 2025. 1 period without data.',
      );
    });
  });

  it('escapes texts and drops characters XML forbids', () => {
    const evil = `</title><script>alert(1)</script><title a="'&\u0001\uD800`;
    const root = expectValidImage(
      renderSparkline(
        [
          { period: evil, value: 1 },
          { period: '2', value: 2 },
        ],
        { title: evil },
      ),
    );
    expect(expectElement(root, 'title').text).toBe(`</title><script>alert(1)</script><title a="'&`);
    expect(expectElement(root, 'desc').text).toContain('<script>');
    expect(findAll(root, 'script')).toHaveLength(0);
  });
});
