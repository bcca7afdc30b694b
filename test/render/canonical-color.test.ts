import colorNames from 'color-name';
import { describe, expect, it } from 'vitest';
import { CSS_NAMED_COLORS, isValidColor } from '@peru-exports/widgets/render';
import { canonicalColor, NAMED_COLOR_HEX } from '../../worker/canonical-color';

const hex = ([r, g, b]: [number, number, number]) => `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;

describe('canonicalColor', () => {
  it('knows the hex of every CSS named colour the renderer accepts (checked against color-name)', () => {
    expect([...NAMED_COLOR_HEX.keys()].sort()).toEqual([...CSS_NAMED_COLORS].sort());
    for (const [name, rgb] of Object.entries(colorNames)) expect(canonicalColor(name), name).toBe(hex(rgb));
  });

  it('gives every spelling of a colour one form: lower-case #rrggbb, or #rrggbbaa when not opaque', () => {
    for (const spelling of ['red', 'RED', 'Red', ' red ', 'ff0000', '#ff0000', '#FF0000', 'f00', '#F00', 'f00f', '#ff0000ff']) {
      expect(canonicalColor(spelling), spelling).toBe('#ff0000');
    }
    expect(canonicalColor('RebeccaPurple')).toBe('#663399');
    expect(canonicalColor('#0969DA')).toBe('#0969da');
    expect(canonicalColor('f008')).toBe('#ff000088');
    expect(canonicalColor('#FF000080')).toBe('#ff000080');
  });

  it('gives the renderer a colour it accepts, and leaves anything else for it to refuse', () => {
    for (const value of ['teal', 'abc', '#abcd', '123456', '12345678']) expect(isValidColor(canonicalColor(value)), value).toBe(true);
    for (const value of ['reddish', 'url(#x)', '#12345', 'constructor', '']) expect(canonicalColor(value)).toBe(value);
  });
});
