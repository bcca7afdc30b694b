import { describe, expect, it } from 'vitest';
import { Paint, PALETTES, type Role } from '@peru-exports/widgets/render';
import { COMPARE_COLORS } from '../../worker/render/chart';

/** WCAG 2.2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('themes', () => {
  it.each(COMPARE_COLORS)('the chart\u2019s compared series colour %s keeps 3:1 on the light and the dark background', (color) => {
    expect(contrast(color, PALETTES.light.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(color, PALETTES.dark.background)).toBeGreaterThanOrEqual(3);
  });

  it.each(['light', 'dark'] as const)('%s: text reaches 4.5:1 and graphics 3:1 on the background', (theme) => {
    const palette = PALETTES[theme];
    const text: Role[] = ['text', 'muted', 'positive', 'negative'];
    for (const role of text) expect(contrast(palette[role], palette.background), role).toBeGreaterThanOrEqual(4.5);
    for (const role of ['line', 'rule'] as const) expect(contrast(palette[role], palette.background), role).toBeGreaterThanOrEqual(3);
  });

  it('writes presentation attributes only for light and dark, and classes plus a dark media query for auto', () => {
    expect(new Paint('light').attrs({ fill: 'text' })).toBe(` fill="${PALETTES.light.text}"`);
    expect(new Paint('dark').attrs({ stroke: 'line' })).toBe(` stroke="${PALETTES.dark.line}"`);
    const auto = new Paint('auto', { line: 'teal' });
    expect(auto.attrs({ fill: 'background', stroke: 'line' })).toBe(` fill="${PALETTES.light.background}" stroke="teal" class="f-bg"`);
    expect(auto.style('x')).toBe(`<style>@media (prefers-color-scheme:dark){#x .f-bg{fill:${PALETTES.dark.background}}}</style>`);
    expect(new Paint('light').style('x')).toBe('');
  });
});
