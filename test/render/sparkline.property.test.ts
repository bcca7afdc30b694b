import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  RenderOptionError,
  renderSparkline,
  SPARKLINE_MARKERS,
  SPARKLINE_TYPES,
  type SparklineOptions,
} from '@peru-exports/widgets/render';
import { expectedText, series, size, text, validColor } from './arbitraries';
import { expectValidImage, expectElement, findAll } from './svg';

const RUNS = { numRuns: 300 };

const options: fc.Arbitrary<SparklineOptions> = fc.record(
  {
    width: size,
    height: size,
    type: fc.constantFrom(...SPARKLINE_TYPES),
    markers: fc.subarray([...SPARKLINE_MARKERS]),
    baseline: fc.boolean(),
    mean: fc.boolean(),
    yMin: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
    yMax: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: undefined }),
    color: validColor,
    negativeColor: validColor,
    fill: validColor,
    background: fc.oneof(fc.constantFrom('transparent', 'theme'), validColor),
    strokeWidth: fc.double({ min: -1, max: 20 }),
    theme: fc.constantFrom('light', 'dark', 'auto'),
    lang: fc.constantFrom('es', 'en'),
    title: text,
    desc: text,
  },
  { requiredKeys: [] },
);

describe('renderSparkline (properties)', () => {
  it('always gives a well-formed, safe, accessible image with every coordinate inside the viewBox', () => {
    fc.assert(
      fc.property(series, options, (points, opts) => {
        if (opts.yMin !== undefined && opts.yMax !== undefined && !(opts.yMin! < opts.yMax!)) {
          // An empty explicit range is refused, naming the option…
          expect(() => renderSparkline(points, opts)).toThrow(expect.objectContaining({ option: 'yMin' }));
          // …and every non-empty one is drawn.
          opts = { ...opts, yMin: Math.min(opts.yMin!, opts.yMax!), yMax: Math.max(opts.yMin!, opts.yMax!) + 1 };
        }
        const svg = renderSparkline(points, opts);
        const root = expectValidImage(svg);
        expect(renderSparkline(points, opts)).toBe(svg); // deterministic
        const present = points.filter((p) => typeof p.value === 'number' && Number.isFinite(p.value)).length;
        if (opts.type === 'bar') expect(findAll(root, 'rect').length).toBeLessThanOrEqual(present + 1);
        if (present === 0) expect(expectElement(root, 'text').text).toMatch(/no data|sin datos/);
      }),
      RUNS,
    );
  });

  it('keeps any title, description and period text as text: no element or attribute can come from it', () => {
    fc.assert(
      fc.property(series, text, text, (points, title, desc) => {
        const root = expectValidImage(renderSparkline(points, { title, desc }));
        expect(expectElement(root, 'title').text).toBe(expectedText(title));
        expect(expectElement(root, 'desc').text).toBe(expectedText(desc));
        // Periods go into the generated description: it parses back to text only.
        const generated = expectValidImage(renderSparkline(points));
        expect(expectElement(generated, 'desc').children).toEqual([]);
        expect(expectElement(generated, 'title').children).toEqual([]);
      }),
      RUNS,
    );
  });

  it('accepts exactly the colours parseColor accepts, and names the option otherwise', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('color', 'negativeColor', 'fill', 'background'), (value, option) => {
        let svg: string;
        try {
          svg = renderSparkline(
            [
              { period: '2024', value: -1 },
              { period: '2025', value: 1 },
            ],
            {
              [option]: value,
              type: 'area',
              background: option === 'background' ? value : 'theme',
            },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(RenderOptionError);
          expect((error as RenderOptionError).option).toBe(option);
          return;
        }
        // Accepted: it must be one of the allowed spellings, now written canonically.
        expect(value.trim().toLowerCase()).toMatch(/^(#?[0-9a-f]{3,8}|[a-z]+|transparent|theme)$/);
        expectValidImage(svg);
      }),
      RUNS,
    );
  });
});
