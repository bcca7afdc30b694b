import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES, RenderOptionError } from '@peru-exports/widgets/render';
import { measureCard, renderCard, type CardData, type CardOptions } from '../../worker/render/card';
import { BREAKABLE_SPACE, textWidth } from '../../worker/render/text-width';
import { expectedText, series, size, text, validColor } from './arbitraries';
import { TOTAL_2024 } from './fixtures';
import { formatUsd } from '../../worker/render/format';
import { expectValidImage, expectElement, findAll, utf8Length, type SvgNode } from './svg';

/** Texts of the card itself (not the sparkline's), in document order. */
const texts = (root: SvgNode) => root.children.filter((c) => c.name === 'text');

/** No text runs past the card's padding on the right (measured as the renderer measures). */
function expectNoOverflow(root: SvgNode): void {
  const width = Number(root.attrs.width);
  for (const node of texts(root)) {
    const right = Number(node.attrs.x) + textWidth(node.text, Number(node.attrs['font-size']), node.attrs['font-weight'] === 'bold');
    expect(right, `"${node.text}" ends inside the card`).toBeLessThanOrEqual(width - 9.99);
  }
}

describe('renderCard', () => {
  it('shows label, value, change with arrow, period, sparkline and source, in a few KB', () => {
    const svg = renderCard(TOTAL_2024, { lang: 'es', formatValue: formatUsd });
    expect(utf8Length(svg)).toBeLessThan(2500);
    const root = expectValidImage(svg);
    expectNoOverflow(root);
    const lines = texts(root).map((t) => t.text);
    expect(lines.slice(0, 4)).toEqual(['Exportaciones totales', 'US$\u00a074,7 mil millones', '▲ +15,6\u00a0%', '2024']);
    expect(lines.slice(4).join(' ')).toBe(TOTAL_2024.sourceLine); // wrapped on two lines, nothing lost
    expect(texts(root)[2]!.attrs.fill).toBe(PALETTES.light.positive);
    const spark = root.children.find((c) => c.name === 'svg')!;
    expect(findAll(spark, 'path')).toHaveLength(1);
    expect(findAll(spark, 'circle')).toHaveLength(1); // the last value
    expect(expectElement(root, 'title').text).toBe('Exportaciones totales');
    expect(expectElement(root, 'desc').text).toMatch(
      /^Exportaciones totales: US\$\u00a074,7 mil millones \(2024\), sube 15,6\u00a0%\. De US\$\u00a05,9 mil millones en enero de 2024 .* Fuente: SUNAT/,
    );
    // The card's layout: items top to bottom, the height following the content.
    const ys = texts(root).map((t) => Number(t.attrs.y));
    expect(ys[0]).toBeLessThan(ys[1]!);
    expect(Number(spark.attrs.y)).toBeGreaterThan(ys[2]!);
    expect(ys[4]).toBeGreaterThan(Number(spark.attrs.y) + Number(spark.attrs.height));
    expect(Number(root.attrs.height)).toBeGreaterThan(ys.at(-1)!);
  });

  it('colours and arrows the change by its sign; neutral without arrow for zero or none', () => {
    const change = (changePct: number | null, formattedChange: string | null) =>
      texts(expectValidImage(renderCard({ ...TOTAL_2024, changePct, formattedChange }, { theme: 'dark' })))[2]!;
    const down = change(-3.2, '-3,2 %');
    expect([down.text, down.attrs.fill]).toEqual(['▼ -3,2 %', PALETTES.dark.negative]);
    const downDesc = expectElement(
      expectValidImage(renderCard({ ...TOTAL_2024, changePct: -25.3, formattedChange: '-25.3%' }, { lang: 'en' })),
      'desc',
    ).text;
    expect(downDesc).toContain('down 25.3%'); // the word carries the sign: never "down -25.3%"
    const flat = change(0, '0 %');
    expect([flat.text, flat.attrs.fill]).toEqual(['0 %', PALETTES.dark.muted]);
    const none = change(null, null);
    expect(none.text).toBe('2024'); // the period moves up into the change's place
  });

  it('wraps and then cuts long labels and sources, shrinks a long value, never overflows', () => {
    const long = 'Exportaciones no tradicionales del sector agropecuario hacia la Unión Europea (27 países, composición fija)';
    for (const width of [200, 260, 360, 800]) {
      for (const compact of [false, true]) {
        const root = expectValidImage(
          renderCard(
            {
              ...TOTAL_2024,
              label: `${long} ${long}`,
              sourceLine: `${long} ${long}`,
              formattedValue: 'US$\u00a01.234.567.890.123 mil millones',
            },
            { width, compact },
          ),
        );
        expectNoOverflow(root);
        const labelLines = texts(root).filter(
          (t) =>
            t.attrs['font-size'] === (compact ? '11' : '13') && t.attrs.fill === PALETTES.light.muted && t.attrs['font-weight'] === 'bold',
        );
        expect(labelLines.length).toBe(compact ? 1 : 2);
        expect(labelLines.at(-1)!.text.endsWith('…')).toBe(true);
        const valueSize = Number(texts(root).find((t) => t.text.startsWith('US$'))!.attrs['font-size']);
        if (width <= 360) expect(valueSize).toBeLessThan(compact ? 20 : 28);
      }
    }
  });

  it('leaves out background and border when transparent; themes; custom colours', () => {
    expect(findAll(expectValidImage(renderCard(TOTAL_2024, { transparent: true })), 'rect')).toHaveLength(0);
    const dark = expectValidImage(renderCard(TOTAL_2024, { theme: 'dark' }));
    expect(expectElement(dark, 'rect').attrs.fill).toBe(PALETTES.dark.background);
    const auto = expectValidImage(renderCard(TOTAL_2024, { theme: 'auto', textColor: '#102030', positiveColor: 'lime' }));
    const style = expectElement(auto, 'style').text;
    expect(style).toContain(`.f-bg{fill:${PALETTES.dark.background}}`);
    expect(style).toContain(`.s-ln{stroke:${PALETTES.dark.line}}`); // the sparkline switches too
    expect(style).not.toContain('.f-tx'); // the caller's text colour stays
    expect(texts(auto)[1]!.attrs.fill).toBe('#102030');
    expect(texts(auto)[2]!.attrs.fill).toBe('lime');
  });

  it('draws no sparkline without values and still lays out', () => {
    const root = expectValidImage(renderCard({ ...TOTAL_2024, points: [] }));
    expect(root.children.filter((c) => c.name === 'svg')).toHaveLength(0);
    expectNoOverflow(root);
  });

  it.each(['color', 'textColor', 'background', 'positiveColor', 'negativeColor'] as const)('refuses a bad %s, naming it', (option) => {
    expect(() => renderCard(TOTAL_2024, { [option]: '#fff" onload="x' })).toThrow(
      expect.objectContaining({ name: 'RenderOptionError', option }),
    );
  });

  it('refuses bad theme, lang and sparkline options', () => {
    expect(() => renderCard(TOTAL_2024, { theme: 'neon' as 'dark' })).toThrow(RenderOptionError);
    expect(() => renderCard(TOTAL_2024, { lang: 'pt' as 'es' })).toThrow(RenderOptionError);
    expect(() => renderCard(TOTAL_2024, { sparkline: { type: 'pie' as 'bar' } })).toThrow(expect.objectContaining({ option: 'type' }));
    expect(() => renderCard(TOTAL_2024, { sparkline: { fill: 'url(#x)' } })).toThrow(expect.objectContaining({ option: 'sparkline.fill' }));
  });

  it('escapes every text', () => {
    const evil = `"/><script>alert('x')</script><text x="0`;
    const root = expectValidImage(
      renderCard(
        {
          label: evil,
          value: 1,
          formattedValue: evil,
          changePct: 1,
          formattedChange: evil,
          period: evil,
          sourceLine: evil,
          points: [{ period: evil, value: 1 }],
        },
        { width: 800 },
      ),
    );
    expect(findAll(root, 'script')).toHaveLength(0);
    expect(expectElement(root, 'title').text).toBe(evil);
    expect(texts(root)[0]!.text).toBe(evil);
  });
});

const cardData: fc.Arbitrary<CardData> = fc.record({
  label: text,
  value: fc.double(),
  formattedValue: text,
  changePct: fc.option(fc.double(), { nil: null }),
  formattedChange: fc.option(text, { nil: null }),
  period: text,
  sourceLine: text,
  points: series,
});

const cardOptions: fc.Arbitrary<CardOptions> = fc.record(
  {
    width: size,
    theme: fc.constantFrom('light', 'dark', 'auto'),
    lang: fc.constantFrom('es', 'en'),
    transparent: fc.boolean(),
    compact: fc.boolean(),
    color: validColor,
    textColor: validColor,
    background: validColor,
    positiveColor: validColor,
    negativeColor: validColor,
    sparkline: fc.record(
      { type: fc.constantFrom('line', 'area', 'bar'), baseline: fc.boolean(), mean: fc.boolean() },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
);

const plain = (value: string) => value.replace(BREAKABLE_SPACE, ' ').replace(/^ | $/g, '');

describe('renderCard (properties)', () => {
  it('always gives a valid image whose texts stay inside the card and stay text', () => {
    fc.assert(
      fc.property(cardData, cardOptions, (data, options) => {
        const svg = renderCard(data, options);
        const root = expectValidImage(svg);
        expect(renderCard(data, options)).toBe(svg);
        expectNoOverflow(root);
        expect(expectElement(root, 'title').text).toBe(expectedText(plain(data.label)));
        for (const node of texts(root)) expect(node.children).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('is one fixed box whatever its texts: measureCard gives the size renderCard draws at', () => {
    fc.assert(
      fc.property(cardData, cardOptions, (data, options) => {
        const { attrs } = expectValidImage(renderCard(data, options));
        expect(measureCard(options)).toEqual({ width: Number(attrs.width), height: Number(attrs.height) });
      }),
      { numRuns: 300 },
    );
    expect(measureCard()).toEqual({ width: 360, height: 209 });
    expect(measureCard({ compact: true })).toEqual({ width: 280, height: 124 });
    expect(measureCard({ width: 500 })).toEqual({ width: 500, height: 209 });
  });
});
