/**
 * The PNG worker's drawing looks like Chromium's drawing of the same SVG: the card, sparkline,
 * error and social images of the pure renderers, rasterised by the PNG worker's rasteriser
 * (resvg, the embedded DejaVu Sans subset: bench/png-rasteriser.ts) and by Debian's Chromium
 * (the SVG through `<img>` onto a canvas, the same font given to it as an @font-face inside the
 * SVG, under every family name of the stack that Chromium would try first), compared with pixelmatch.
 *
 * Thresholds: pixelmatch's per-pixel `threshold` 0.1 (its default: a YIQ colour distance that
 * ignores anti-aliasing shades), anti-aliased pixels not counted (`includeAA: false`), and at
 * most MAX_DIFF (2 %) of the pixels may differ. resvg (tiny-skia) and Chromium (Skia) place
 * glyphs on the same advances but rasterise their edges differently, so pixels along letter edges
 * differ: measured (December 2026, Debian's Chromium 156) 0 % on the sparkline, 0.07 % on the
 * social preview, 0.6–0.7 % on the cards and 1.2 % on the error image, the densest in text.
 * A wrong font or text not drawn differs by far more: on the Spanish card 6.2 % for a serif and
 * 5.4 % with no font (every character missing, as boxes would be), about 8–9 times that card's
 * own difference. The controls check both, relative to the same image's match.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { decode } from 'fast-png';
import pixelmatch from 'pixelmatch';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSparkline } from '@peru-exports/widgets/render';
import { FONT_FILES, nodeRasteriser } from '../../bench/png-rasteriser';
import { rasteriser } from '../../worker-png/rasterise';
import { renderCard } from '../../worker/render/card';
import { renderErrorImage } from '../../worker/render/error-image';
import { formatUsd } from '../../worker/render/format';
import { cardData, imagePoints } from '../../worker/views/images';
import { checkCardRequest } from '../../worker/checks/image';
import { checkChartRequest } from '../../worker/checks/chart';
import { checkSocialRequest } from '../../worker/checks/social';
import { renderChart } from '../../worker/render/chart';
import { chartData } from '../../worker/views/chart';
import { socialSvg } from '../../worker/views/social';

/** At most this share of pixels may differ (see above). */
const MAX_DIFF = 0.02;
const MATCH = { threshold: 0.1, includeAA: false } as const;

const [regular, bold] = FONT_FILES.map((file) => readFileSync(file).toString('base64')) as [string, string];

/** The SVG with the embedded font declared inside it, under each family Chromium could pick first. */
function withFont(svg: string, families = ['Verdana', 'Geneva', 'DejaVu Sans']): string {
  const faces = families
    .flatMap((family) => [
      `@font-face{font-family:'${family}';font-weight:400;src:url(data:font/ttf;base64,${regular})}`,
      `@font-face{font-family:'${family}';font-weight:700;src:url(data:font/ttf;base64,${bold})}`,
    ])
    .join('');
  return svg.replace(/^(<svg\b[^>]*>)/, `$1<style>${faces}</style>`);
}

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--font-render-hinting=none'],
  });
}, 120_000);
afterAll(() => browser?.close());

/** Chromium's pixels of an SVG document at `scale` (RGBA, unpremultiplied, as canvas gives them). */
async function chromiumPixels(svg: string, width: number, height: number): Promise<Uint8ClampedArray> {
  const page = await browser.newPage({ viewport: { width: Math.max(width, 1), height: Math.max(height, 1) } });
  try {
    // A string, run in the page (this project's types have no DOM).
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    const data = await page.evaluate<string>(`(async () => {
      const img = new Image();
      img.src = ${JSON.stringify(src)};
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = ${width};
      canvas.height = ${height};
      canvas.getContext('2d').drawImage(img, 0, 0, ${width}, ${height});
      return canvas.toDataURL('image/png');
    })()`);
    return new Uint8ClampedArray(pngPixels(Buffer.from(data.slice(data.indexOf(',') + 1), 'base64')).data);
  } finally {
    await page.close();
  }
}

function pngPixels(png: Uint8Array): { width: number; height: number; data: Uint8Array } {
  const image = decode(png);
  expect(image.channels).toBe(4);
  return { width: image.width, height: image.height, data: new Uint8Array(image.data) };
}

async function diffShare(svg: string, chromiumSvg = withFont(svg), raster = nodeRasteriser): Promise<number> {
  const png = pngPixels((await raster())(svg, 1));
  const theirs = await chromiumPixels(chromiumSvg, png.width, png.height);
  const differing = pixelmatch(png.data, theirs, undefined, png.width, png.height, MATCH);
  if (process.env['PNG_DIFF_LOG']) console.log('differing share', differing / (png.width * png.height));
  return differing / (png.width * png.height);
}

const total = checkCardRequest('total', {});
const china = checkCardRequest('destination/CN', {});
const points = imagePoints(total.series!, 'es');

const IMAGES: Record<string, string> = {
  'card, es': renderCard(cardData(total.found, points, 'es'), { lang: 'es', formatValue: formatUsd }),
  'card, en, dark, compact': renderCard(cardData(china.found, imagePoints(china.series!, 'en'), 'en'), {
    lang: 'en',
    theme: 'dark',
    compact: true,
    formatValue: formatUsd,
  }),
  'sparkline, area with markers': renderSparkline(points, {
    width: 320,
    height: 80,
    type: 'area',
    markers: ['last', 'min', 'max'],
    lang: 'es',
  }),
  'error image': renderErrorImage('width must be a whole number of pixels from 16 to 2000; got "-5" (ñ, á, é, …)', { lang: 'es' }),
  'chart, compared, dark': renderChart(chartData(checkChartRequest('destination/CN', { from: '2015' }, ['destination/US']), 'en'), {
    lang: 'en',
    theme: 'dark',
    formatValue: formatUsd,
  }),
  'social preview': socialSvg(checkSocialRequest('destination/CN'), 'es', false),
};

describe('PNG (resvg, embedded DejaVu Sans) against Chromium drawing the same SVG with the same font', () => {
  for (const [name, svg] of Object.entries(IMAGES)) {
    it(`${name}: at most ${MAX_DIFF * 100} % of pixels differ`, async () => {
      expect(await diffShare(svg)).toBeLessThanOrEqual(MAX_DIFF);
    });
  }

  describe('controls: the comparison sees the glyphs', () => {
    const svg = IMAGES['card, es']!;

    it('Chromium with another font (a serif) differs by over 5 times the match, and over MAX_DIFF', async () => {
      const match = await diffShare(svg);
      const serif = await diffShare(svg, svg.replace(/font-family="[^"]*"/, 'font-family="DejaVu Serif, serif"'));
      expect(serif).toBeGreaterThan(Math.max(MAX_DIFF, match * 5));
    });

    it('resvg without the font (no text drawn) differs by over 5 times the match, and over MAX_DIFF', async () => {
      const require = createRequire(import.meta.url);
      const noFont = rasteriser(new Uint8Array(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm'))), []);
      const match = await diffShare(svg);
      expect(await diffShare(svg, withFont(svg), noFont)).toBeGreaterThan(Math.max(MAX_DIFF, match * 5));
    });
  });
});
