/**
 * The sparkline as a browser really draws it: the SVG string loaded through an <img> (as a
 * hotlinking page does), painted onto a canvas, and its pixels read back. Checks that the line,
 * area and bars land where the data put them, in the theme's colours, in real Chromium.
 */
import { describe, expect, it } from 'vitest';
import { PALETTES, renderSparkline, type SparklinePoint, type SparklineType } from '@peru-exports/widgets/render';

const W = 120;
const H = 40;

/** Twelve months rising steadily: the line runs from bottom-left to top-right. */
const RISING: SparklinePoint[] = Array.from({ length: 12 }, (_, i) => ({
  period: `2024-${String(i + 1).padStart(2, '0')}`,
  value: 100 + 10 * i,
}));

type Rgba = [number, number, number, number];

function hex(color: string): Rgba {
  const n = Number.parseInt(color.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255, 255];
}

/** Pixels of an SVG drawn through <img> onto a canvas of its size. */
async function pixelsOf(svg: string): Promise<(x: number, y: number) => Rgba> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(W, H);
    img.src = url;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = W;
    canvas.height = H;
    const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(img, 0, 0, W, H);
    const { data } = ctx.getImageData(0, 0, W, H);
    return (x, y) => {
      const i = (y * W + x) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
    };
  } finally {
    URL.revokeObjectURL(url);
  }
}

function distance(a: Rgba, b: Rgba): number {
  return Math.max(...a.map((v, i) => Math.abs(v - b[i]!)));
}

/** Every pixel of a box: [x0, x1) × [y0, y1). */
function box(at: (x: number, y: number) => Rgba, x0: number, x1: number, y0: number, y1: number): Rgba[] {
  const out: Rgba[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) out.push(at(x, y));
  return out;
}

/** Some pixel of the box is the colour (anti-aliasing blurs edges: a small tolerance). */
const has = (pixels: Rgba[], color: Rgba) => pixels.some((p) => distance(p, color) <= 24);
/** Every pixel of the box is the colour. */
const all = (pixels: Rgba[], color: Rgba) => pixels.every((p) => distance(p, color) <= 4);

/** `top` over `bottom` at `alpha`. */
function blend(top: Rgba, bottom: Rgba, alpha: number): Rgba {
  return top.map((v, i) => (i === 3 ? 255 : Math.round(v * alpha + bottom[i]! * (1 - alpha)))) as Rgba;
}

const draw = (type: SparklineType, theme: 'light' | 'dark') =>
  pixelsOf(renderSparkline(RISING, { width: W, height: H, type, theme, background: 'theme', strokeWidth: 3 }));

describe.each(['light', 'dark'] as const)('sparkline through <img>, %s theme', (theme) => {
  const line = hex(PALETTES[theme].line);
  const background = hex(PALETTES[theme].background);

  it('line: the stroke starts bottom-left and ends top-right; the other corners are background', async () => {
    const at = await draw('line', theme);
    expect(has(box(at, 0, 8, H - 8, H), line), 'stroke near bottom-left').toBe(true);
    expect(has(box(at, W - 8, W, 0, 8), line), 'stroke near top-right').toBe(true);
    expect(all(box(at, 0, 12, 0, 12), background), 'top-left is background').toBe(true);
    expect(all(box(at, W - 12, W, H - 12, H), background), 'bottom-right is background').toBe(true);
    // Halfway along, the line is halfway up.
    const column = box(at, W / 2, W / 2 + 1, 0, H);
    const rows = column.flatMap((p, y) => (distance(p, line) <= 24 ? [y] : []));
    expect(rows.length).toBeGreaterThan(0);
    const middle = (Math.min(...rows) + Math.max(...rows)) / 2;
    expect(Math.abs(middle - H / 2)).toBeLessThan(3);
  });

  it('area: the line over a translucent fill below it, background above', async () => {
    const at = await draw('area', theme);
    expect(has(box(at, W - 8, W, 0, 8), line), 'stroke near top-right').toBe(true);
    const fill = blend(line, background, 0.2);
    // Below the line at the right: the fill (the line colour at 20 % over the background).
    expect(all(box(at, W - 14, W - 6, H - 10, H - 4), fill), 'fill bottom-right').toBe(true);
    expect(all(box(at, 0, 12, 0, 12), background), 'top-left is background').toBe(true);
  });

  it('bar: short bars at the left, tall bars at the right, all from the bottom', async () => {
    const at = await draw('bar', theme);
    const slot = W / RISING.length;
    const centre = (i: number) => Math.floor((i + 0.5) * slot);
    // The first bar is 100/210 of the height (bars start at zero), the last the full height.
    expect(has(box(at, centre(0), centre(0) + 1, H - 4, H), line), 'first bar at the bottom').toBe(true);
    expect(all(box(at, centre(0), centre(0) + 1, 0, Math.floor(H * 0.4)), background), 'nothing above the first bar').toBe(true);
    expect(all(box(at, centre(11), centre(11) + 1, 3, H - 3), line), 'last bar from bottom to top').toBe(true);
    // Between two bars: the background shows through.
    expect(has(box(at, Math.floor(slot) - 1, Math.floor(slot) + 1, H - 4, H), background), 'gap between bars').toBe(true);
  });
});

it('leaves the canvas transparent where there is no background', async () => {
  const at = await pixelsOf(renderSparkline(RISING, { width: W, height: H, theme: 'dark', strokeWidth: 3 }));
  expect(box(at, 0, 12, 0, 12).every((p) => p[3] === 0)).toBe(true);
  expect(has(box(at, W - 8, W, 0, 8), hex(PALETTES.dark.line))).toBe(true);
});
