/**
 * Byte-exact images, written as .svg files beside this test so they can be opened and looked at
 * (`test/render/__snapshots__/`). Update after a deliberate change with `npx vitest run -u test/render`.
 */
import { describe, expect, it } from 'vitest';
import { formatUsd, renderSparkline, type SparklinePoint } from '@peru-exports/widgets/render';
import { renderCard } from '../../worker/render/card';
import { renderErrorImage } from '../../worker/render/error-image';
import { TOTAL_2024 } from './fixtures';

const points = TOTAL_2024.points;
const mixed: SparklinePoint[] = [4, -2, 3, null, 6, -5, 2, 7, null, null, 1, -1].map((value, i) => ({
  period: `2023-${String(i + 1).padStart(2, '0')}`,
  value,
}));

describe('snapshots', () => {
  it('sparkline: line, 12 months', async () => {
    await expect(renderSparkline(points)).toMatchFileSnapshot('__snapshots__/sparkline-line.svg');
  });
  it('sparkline: area, markers, auto theme, Spanish', async () => {
    await expect(
      renderSparkline(points, {
        type: 'area',
        markers: ['last', 'min', 'max'],
        theme: 'auto',
        lang: 'es',
        formatValue: formatUsd,
        width: 240,
        height: 60,
        background: 'theme',
      }),
    ).toMatchFileSnapshot('__snapshots__/sparkline-area-auto-es.svg');
  });
  it('sparkline: bars with negatives, gaps, baseline and mean, dark', async () => {
    await expect(
      renderSparkline(mixed, { type: 'bar', baseline: true, mean: true, theme: 'dark', background: 'theme', width: 200, height: 50 }),
    ).toMatchFileSnapshot('__snapshots__/sparkline-bar-dark.svg');
  });
  it('sparkline: no data', async () => {
    await expect(renderSparkline([], { lang: 'es' })).toMatchFileSnapshot('__snapshots__/sparkline-empty.svg');
  });
  it('card: regular, Spanish', async () => {
    await expect(renderCard(TOTAL_2024, { lang: 'es', formatValue: formatUsd })).toMatchFileSnapshot('__snapshots__/card-es.svg');
  });
  it('card: compact, dark, falling', async () => {
    await expect(
      renderCard(
        {
          ...TOTAL_2024,
          label: 'Total exports',
          formattedValue: 'US$73.6 billion',
          changePct: -3.2,
          formattedChange: '-3.2%',
          sourceLine: 'Source: SUNAT, table G6',
        },
        { compact: true, theme: 'dark', lang: 'en', sparkline: { type: 'area' } },
      ),
    ).toMatchFileSnapshot('__snapshots__/card-compact-dark-en.svg');
  });
  it('error image', async () => {
    await expect(
      renderErrorImage(
        'Option "color" must be a hex colour (#rgb, #rgba, #rrggbb or #rrggbbaa; the # may be left out) or a CSS colour name such as "teal"; got "reddish"',
      ),
    ).toMatchFileSnapshot('__snapshots__/error.svg');
  });
});
