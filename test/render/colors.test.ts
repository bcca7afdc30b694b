import colorNames from 'color-name';
import { describe, expect, it } from 'vitest';
import { CSS_NAMED_COLORS, isValidColor, parseColor, RenderOptionError } from '@peru-exports/widgets/render';

describe('colours', () => {
  it('lists exactly the 148 CSS named colours (checked against the color-name package)', () => {
    expect(CSS_NAMED_COLORS).toHaveLength(148);
    expect([...CSS_NAMED_COLORS].sort()).toEqual(Object.keys(colorNames).sort());
  });

  it('accepts hex and names, writing them in one canonical spelling', () => {
    expect(parseColor('#ABC', 'color')).toBe('#abc');
    expect(parseColor('abcd', 'color')).toBe('#abcd');
    expect(parseColor(' 0969DA ', 'color')).toBe('#0969da');
    expect(parseColor('#0969da80', 'color')).toBe('#0969da80');
    expect(parseColor('RebeccaPurple', 'color')).toBe('rebeccapurple');
    expect(isValidColor('teal')).toBe(true);
  });

  it.each([
    '',
    '#',
    '#12',
    '#12345',
    '#1234567',
    '#ggg',
    'transparent',
    'currentColor',
    'rgb(0,0,0)',
    'url(#x)',
    'red;stroke:blue',
    'red" onload="alert(1)',
    "red' x='",
    '</svg><script>',
    'var(--x)',
    'red !important',
    'expression(alert(1))',
    'javascript:alert(1)',
    '#f ff',
    'r\u0000ed',
    'tea l',
  ])('refuses %j, naming the option and what is allowed', (value) => {
    expect(isValidColor(value)).toBe(false);
    let error: unknown;
    try {
      parseColor(value, 'negativeColor');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RenderOptionError);
    const { option, message } = error as RenderOptionError;
    expect(option).toBe('negativeColor');
    expect(message).toMatch(/^Option "negativeColor" must be a hex colour \(#rgb, #rgba, #rrggbb or #rrggbbaa/);
    expect(message).toContain('CSS colour name');
  });

  it('refuses values that are not strings', () => {
    expect(isValidColor(123 as unknown as string)).toBe(false);
    expect(() => parseColor(null as unknown as string, 'color')).toThrow(RenderOptionError);
  });
});
