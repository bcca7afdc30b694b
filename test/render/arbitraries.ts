/** fast-check generators shared by the renderers' property tests. */
import fc from 'fast-check';
import type { SparklinePoint } from '@peru-exports/widgets/render';

/** Numbers a series may hold, weighted towards the awkward ones. */
export const value: fc.Arbitrary<number | null> = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
  { weight: 1, arbitrary: fc.double() }, // NaN, ±Infinity, ±MAX_VALUE, subnormals
  { weight: 1, arbitrary: fc.double({ min: -1e-300, max: 1e-300, noNaN: true }) },
);

/** Pieces that break markup when not escaped, and code points XML forbids. */
const nasty = fc.constantFrom(
  '<',
  '>',
  '&',
  '"',
  "'",
  '&amp;',
  '&#39;',
  '</title>',
  '<script>',
  ']]>',
  '\u0000',
  '\u0008',
  '\uD800',
  '\uDFFF',
  '\uFFFE',
  ' ',
  '\n',
  '\t',
  'onload=',
);

/** Any text: printable, arbitrary code points and markup fragments mixed. */
export const text: fc.Arbitrary<string> = fc.string({
  unit: fc.oneof(
    nasty,
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
  ),
  maxLength: 40,
});

export const period: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.tuple(fc.integer({ min: 2005, max: 2025 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  text,
);

export const series: fc.Arbitrary<SparklinePoint[]> = fc.oneof(
  { weight: 5, arbitrary: fc.array(fc.record({ period, value }), { maxLength: 60 }) },
  // Partial periods (drawn apart, named by a label that must be escaped).
  {
    weight: 2,
    arbitrary: fc.array(fc.record({ period, value, partial: fc.boolean(), periodLabel: text }, { requiredKeys: ['period', 'value'] }), {
      maxLength: 30,
    }),
  },
  // All equal (possibly with gaps).
  {
    weight: 1,
    arbitrary: fc
      .tuple(value, fc.array(fc.boolean(), { minLength: 1, maxLength: 20 }))
      .map(([v, gaps]) => gaps.map((gap, i) => ({ period: String(2000 + i), value: gap ? null : v }))),
  },
  // One point.
  { weight: 1, arbitrary: fc.record({ period, value }).map((p) => [p]) },
);

export const validColor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('teal', 'RebeccaPurple', 'white', 'black', 'tomato'),
  fc.stringMatching(/^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/),
);

/** Numbers for sizes, including ones the renderer must clamp or replace. */
export const size: fc.Arbitrary<number | undefined> = fc.option(
  fc.oneof(fc.integer({ min: 0, max: 2500 }), fc.double({ min: -10, max: 3000 }), fc.constantFrom(Number.NaN, Infinity, -Infinity)),
  { nil: undefined },
);

/** Removes what escapeXml drops, and the line-end normalisation an XML parser may apply. */
export function expectedText(input: string): string {
  // oxlint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids
  return input.replace(/[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|\p{Cs}/gu, '').replace(/\r\n?/g, '\n');
}
