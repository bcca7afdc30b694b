/**
 * The query parameters of the SVG image routes (sparkline.svg, card.svg), with the convention
 * of params.ts: each schema's error message is the text of what it allows. The value sets come
 * from the renderers (types, markers, themes, size bounds, colours), so the routes accept
 * exactly what the renderers can draw and a bad value is refused before anything is drawn.
 * Each value comes out in one spelling (colours `#rrggbb`, markers in one order, numbers and
 * flags parsed), which is both what is drawn and what the cache key holds (cache-key.ts).
 */
import { z } from '@hono/zod-openapi';
import {
  ALLOWED_COLORS,
  isValidColor,
  SPARKLINE_MARKERS,
  SPARKLINE_SIZE,
  SPARKLINE_TYPES,
  type SparklineMarker,
  THEMES,
} from '@peru-exports/widgets/render';
import { canonicalColor } from './canonical-color';
import * as p from './params';
import { CARD_WIDTH } from './render/card';
import { CHART_SIZE, CHART_TYPES, MAX_COMPARE } from './render/chart';
import { COMPARE_ALLOWED } from './checks/chart';

export const IMAGE_ALLOWED = {
  pixels: (min: number, max: number) => `a whole number of pixels from ${min} to ${max}`,
  type: SPARKLINE_TYPES.join(', ').replace(/, (\w+)$/, ' or $1'),
  theme: THEMES.join(', ').replace(/, (\w+)$/, ' or $1'),
  markers: `none, or a comma-separated list of ${SPARKLINE_MARKERS.join(', ')}`,
  flag: 'true or false (or 1 or 0)',
  color: ALLOWED_COLORS,
  bg: `transparent, theme or ${ALLOWED_COLORS}`,
} as const;

function pixels(name: 'width' | 'height', bounds: { min: number; max: number; default: number }, what: string) {
  const allowed = IMAGE_ALLOWED.pixels(bounds.min, bounds.max);
  return p.queryParam(
    p
      .text(allowed)
      .regex(/^\d{1,5}$/, { error: allowed })
      .transform(Number)
      .pipe(z.number({ error: allowed }).int({ error: allowed }).min(bounds.min, { error: allowed }).max(bounds.max, { error: allowed }))
      .optional(),
    name,
    `${what}, ${bounds.min} to ${bounds.max} px; default ${bounds.default}.`,
    String(bounds.default),
  );
}

function flag(name: string, description: string) {
  return p.queryParam(
    z
      .enum(['true', 'false', '1', '0'], { error: IMAGE_ALLOWED.flag })
      .transform((v) => v === 'true' || v === '1')
      .optional(),
    name,
    description,
    'true',
  );
}

function color(name: string, description: string) {
  return p.queryParam(
    p.text(IMAGE_ALLOWED.color).refine(isValidColor, { error: IMAGE_ALLOWED.color }).transform(canonicalColor).optional(),
    name,
    `${description} A hex colour (the # may be left out: \`color=0969da\`) or a CSS colour name.`,
    'teal',
  );
}

const MARKERS_RE = new RegExp(`^(?:none|(?:${SPARKLINE_MARKERS.join('|')})(?:,(?:${SPARKLINE_MARKERS.join('|')}))*)$`);

export const type = p.queryParam(
  z.enum(SPARKLINE_TYPES, { error: IMAGE_ALLOWED.type }).optional(),
  'type',
  'line (default), area (a line over a filled area) or bar (bars from zero).',
  'area',
);

export const theme = p.queryParam(
  z.enum(THEMES, { error: IMAGE_ALLOWED.theme }).optional(),
  'theme',
  'light (default), dark, or auto (follows the viewer\u2019s colour scheme; Safari shows light in <img>).',
  'dark',
);

export const markers = p.queryParam(
  p
    .text(IMAGE_ALLOWED.markers)
    .regex(MARKERS_RE, { error: IMAGE_ALLOWED.markers })
    // In one order (the renderer draws them the same in any): one cache entry per set of markers.
    .transform((v): SparklineMarker[] => (v === 'none' ? [] : SPARKLINE_MARKERS.filter((m) => v.split(',').includes(m))))
    .optional(),
  'markers',
  'Dots on the last value, the lowest and/or the highest, e.g. last,max; none for no dots. Default: none on a sparkline, last on a card.',
  'last,max',
);

export const mean = flag('mean', 'A dashed line at the mean of the drawn values.');
export const baseline = flag('baseline', 'A line at zero, when zero is inside the drawn range.');
export const compact = flag('compact', 'A smaller card: smaller type, one line per text, a lower sparkline.');
export const lineColor = color('color', 'Colour of the line, area and bars.');

export const bg = p.queryParam(
  p
    .text(IMAGE_ALLOWED.bg)
    .refine((v) => v === 'transparent' || v === 'theme' || isValidColor(v), { error: IMAGE_ALLOWED.bg })
    .transform((v) => (v === 'transparent' || v === 'theme' ? v : canonicalColor(v)))
    .optional(),
  'bg',
  'Background: transparent, theme (the theme\u2019s background) or a colour. Default: transparent for a sparkline; theme for a card (where transparent also drops the border) and a chart.',
  'transparent',
);

/** The period and language parameters of the JSON series, which the images draw. */
const seriesShape = { lang: p.lang, from: p.from, to: p.to, freq: p.freq };
const drawingShape = { type, theme, markers, mean, baseline, color: lineColor, bg };

export const sparklineQuery = p.query({
  ...seriesShape,
  ...drawingShape,
  width: pixels('width', SPARKLINE_SIZE.width, 'Width'),
  height: pixels('height', SPARKLINE_SIZE.height, 'Height'),
});

export const cardQuery = p.query({
  ...seriesShape,
  ...drawingShape,
  width: pixels('width', CARD_WIDTH, 'Width (the height follows the content)'),
  compact,
});

const chartType = p.queryParam(
  z.enum(CHART_TYPES, { error: CHART_TYPES.join(' or ') }).optional(),
  'type',
  'line (default) or bar (bars from zero; compared metrics side by side).',
  'bar',
);

/** A metric id as `compare` lists them: one or two segments of letters, digits, `-` and `_`. */
const COMPARE_RE = new RegExp(`^[\\w-]+(?:/[\\w-]+)?(?:,[\\w-]+(?:/[\\w-]+)?){0,${MAX_COMPARE - 1}}$`);

export const compare = p.queryParam(
  p
    .text(COMPARE_ALLOWED)
    .max(400, { error: COMPARE_ALLOWED })
    .regex(COMPARE_RE, { error: COMPARE_ALLOWED })
    // In the order given (it sets the colours), each id once: one cache entry per chart.
    .transform((v) => [...new Set(v.split(','))])
    .optional(),
  'compare',
  `Up to ${MAX_COMPARE} more metric ids, comma-separated, drawn over the same periods in distinct colour-blind-safe colours, each labelled at its end and named with its own source.`,
  'destination/US,destination/EU',
);

export const chartQuery = p.query({
  ...seriesShape,
  last: p.last,
  type: chartType,
  theme,
  bg,
  compare,
  width: pixels('width', CHART_SIZE.width, 'Width'),
  height: pixels('height', CHART_SIZE.height, 'Height'),
});
