import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PALETTES, RenderOptionError } from '@peru-exports/widgets/render';
import { renderErrorImage, type ErrorImageOptions } from '../../worker/render/error-image';
import { textWidth } from '../../worker/render/text-width';
import { text } from './arbitraries';
import { expectValidImage, expectElement, findAll } from './svg';

describe('renderErrorImage', () => {
  it('names what is wrong, in words a reader and a screen reader get', () => {
    const error = new RenderOptionError('color', 'a hex colour or a CSS colour name', 'reddish');
    const root = expectValidImage(renderErrorImage(error.message, { lang: 'es' }));
    const lines = findAll(root, 'text').map((t) => t.text);
    expect(lines[0]).toBe('⚠ No se puede dibujar esta imagen');
    expect(lines.slice(1).join(' ')).toBe('Option "color" must be a hex colour or a CSS colour name; got "reddish"');
    expect(expectElement(root, 'desc').text).toBe(error.message);
    expect(expectElement(root, 'title').text).toBe('No se puede dibujar esta imagen');
    expect(findAll(root, 'text')[0]!.attrs.fill).toBe(PALETTES.light.negative);
  });

  it('never throws: bad options fall back to the defaults', () => {
    const root = expectValidImage(renderErrorImage('x', { theme: 'neon', lang: 'xx', width: Number.NaN } as unknown as ErrorImageOptions));
    expect([root.attrs.width, root.attrs.lang]).toEqual(['360', 'en']);
    expect(expectElement(root, 'rect').attrs.fill).toBe(PALETTES.light.background);
  });

  it('cuts a long message to four lines that fit', () => {
    const root = expectValidImage(renderErrorImage('bad input '.repeat(200), { width: 200 }));
    const lines = findAll(root, 'text').slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    for (const line of lines) expect(10 + textWidth(line.text, 11)).toBeLessThanOrEqual(190);
    expect(expectElement(root, 'desc').text.length).toBeLessThanOrEqual(300);
  });

  it('keeps any message as text (property)', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('light', 'dark', 'auto'), fc.integer({ min: 0, max: 2000 }), (message, theme, width) => {
        const root = expectValidImage(renderErrorImage(message, { theme: theme as ErrorImageOptions['theme'], width }));
        for (const node of findAll(root, 'text')) expect(node.children).toEqual([]);
        expect(findAll(root, 'text').length).toBeLessThanOrEqual(5);
      }),
      { numRuns: 300 },
    );
  });
});
