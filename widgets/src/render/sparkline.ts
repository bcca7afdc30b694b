import { ALLOWED_COLORS, parseColor } from './colors';
import { RenderOptionError } from './errors';
import { escapeXml } from './escape';
import { formatCompact, formatPeriod, parseLang, type Lang } from './format';
import { contentId, parseId } from './ids';
import { clamp, coord, extent, linearScale, mean } from './scale';
import { FONT_FAMILY, Paint, parseTheme, type Palette, type Theme } from './theme';
// After ./theme, which it imports: the bundle keeps its module order (and its gzipped size).
import { svgDocument } from './document';

/** One period of a series; `null` is a gap (the source reports nothing). */
export interface SparklinePoint {
  period: string;
  value: number | null;
  /**
   * A period the data hold only in part (the API's annual `partial`, e.g. 2025 with four
   * months): drawn lighter and apart from the line, and left out of the lowest and highest
   * (markers, mean and summary), which compare whole periods.
   */
  partial?: boolean;
  /** The period in words (the API's `periodLabel`, "2025 (4 months)"): how a partial point is named. */
  periodLabel?: string;
}

export type SparklineType = 'line' | 'area' | 'bar';
export const SPARKLINE_TYPES = ['line', 'area', 'bar'] as const satisfies readonly SparklineType[];
export type SparklineMarker = 'last' | 'min' | 'max';
export const SPARKLINE_MARKERS = ['last', 'min', 'max'] as const satisfies readonly SparklineMarker[];

/** Points a sparkline shows unless a range is asked for: two years of months (the images and the widgets). */
export const SPARKLINE_POINTS = 24;

/**
 * Points drawn at most: a longer series (no API answer has one) is thinned to every k-th point,
 * counted back from the last, so that drawing it stays quick. The widgets' data table shows as many rows.
 */
export const SPARKLINE_MAX_POINTS = 1000;

/** Size bounds in px: out-of-range sizes are clamped, missing or non-finite ones get the default. */
export const SPARKLINE_SIZE = {
  width: { min: 16, max: 2000, default: 120 },
  height: { min: 8, max: 1000, default: 32 },
} as const;

export interface SparklineOptions {
  width?: number;
  height?: number;
  /** `line` (default), `area` (line over a filled area) or `bar` (bars from zero). */
  type?: SparklineType;
  /** Dots on the last value and/or the (first) lowest and highest. */
  markers?: readonly SparklineMarker[];
  /** A line at zero, when zero is inside the drawn range. */
  baseline?: boolean;
  /** A dashed line at the mean of the values, when inside the drawn range. */
  mean?: boolean;
  /** Explicit bottom / top of the value axis; values beyond are drawn at the edge. */
  yMin?: number | null;
  yMax?: number | null;
  /** Line and positive bars; default: the theme's accent. */
  color?: string;
  /** Bars below zero; default: the theme's red. */
  negativeColor?: string;
  /** Area fill; default: `color` at 20 % opacity. */
  fill?: string;
  /** `transparent` (default), `theme` (the theme's background) or a colour. */
  background?: string;
  /** Line width in px, 0.5–8 (default 1.5). */
  strokeWidth?: number;
  /** `light` (default), `dark` or `auto` (see {@link Theme} for Safari's `<img>` caveat). */
  theme?: Theme;
  /** Accessible name; default "Trend chart" / "Gráfico de tendencia". */
  title?: string;
  /** Accessible description; default: a summary of the series (see {@link describeSeries}). */
  desc?: string;
  /** Language of the texts and number formats; default `en`. */
  lang?: Lang;
  /** How values are written in the summary; default {@link formatCompact}. */
  formatValue?: (value: number, lang: Lang) => string;
  /** Root element id (scopes the `auto` styles and names title/desc); default: from the content. */
  id?: string;
}

/** Options after validation: everything the drawing needs, nothing left to check. */
export interface ResolvedSparklineOptions {
  width: number;
  height: number;
  type: SparklineType;
  markers: ReadonlySet<SparklineMarker>;
  baseline: boolean;
  mean: boolean;
  yMin: number | null;
  yMax: number | null;
  strokeWidth: number;
  /** The area is the line colour made translucent unless `fill` was given. */
  fillOpacity: boolean;
  background: 'transparent' | 'theme' | 'custom';
  colors: Partial<Palette>;
  theme: Theme;
  lang: Lang;
  formatValue: (value: number, lang: Lang) => string;
}

/**
 * What {@link sparklineMarkup} draws from: the resolved options, or fewer (the widgets draw a
 * plain line, area or bars; what is left out is off).
 */
export type SparklineDrawing = Pick<ResolvedSparklineOptions, 'width' | 'height' | 'type' | 'strokeWidth' | 'lang'> &
  Partial<Pick<ResolvedSparklineOptions, 'markers' | 'baseline' | 'mean' | 'yMin' | 'yMax' | 'fillOpacity'>>;

/**
 * A sparkline as a standalone SVG document: pure, no DOM, byte-for-byte deterministic.
 * Used by the worker (hotlinkable images) and by the widgets (inlined).
 *
 * @throws RenderOptionError when an option is invalid (colour, type, theme, lang, range…).
 */
export function renderSparkline(points: readonly SparklinePoint[], options: SparklineOptions = {}): string {
  const resolved = resolveSparklineOptions(options);
  const { width: w, height: h, lang } = resolved;
  const paint = new Paint(resolved.theme, resolved.colors);
  const series = cleanPoints(points);
  const title = typeof options.title === 'string' ? options.title : TITLE[lang];
  const desc = typeof options.desc === 'string' ? options.desc : describeSeries(series, lang, resolved.formatValue);
  const background =
    resolved.background === 'transparent' ? '' : `<rect width="${w}" height="${h}"${paint.attrs({ fill: 'background' })}/>`;
  const body = background + sparklineMarkup(series, resolved, paint);
  const id = parseId(options.id) ?? contentId('spark-', `${w} ${h} ${lang} ${escapeXml(title)} ${escapeXml(desc)} ${body}`);
  return svgDocument({ id, width: w, height: h, lang, title, desc, style: paint.style(id), body });
}

const TITLE: Record<Lang, string> = { en: 'Trend chart', es: 'Gráfico de tendencia' };
const NO_DATA: Record<Lang, string> = { en: 'no data', es: 'sin datos' };

/** Validates and completes the options. @throws RenderOptionError */
export function resolveSparklineOptions(options: SparklineOptions): ResolvedSparklineOptions {
  const type = options.type ?? 'line';
  if (!(SPARKLINE_TYPES as readonly string[]).includes(type)) {
    throw new RenderOptionError('type', 'line, area or bar', String(type));
  }
  const markers = new Set<SparklineMarker>();
  for (const marker of options.markers ?? []) {
    if (!(SPARKLINE_MARKERS as readonly string[]).includes(marker)) {
      throw new RenderOptionError('markers', 'a list of last, min and max', String(marker));
    }
    markers.add(marker);
  }
  const yMin = parseBound(options.yMin, 'yMin');
  const yMax = parseBound(options.yMax, 'yMax');
  if (yMin !== null && yMax !== null && !(yMin < yMax)) {
    throw new RenderOptionError('yMin', `a number less than yMax (${yMax})`, String(yMin));
  }
  const colors: Partial<Palette> = {};
  if (options.color !== undefined) colors.line = colors.area = parseColor(options.color, 'color');
  if (options.negativeColor !== undefined) colors.negative = parseColor(options.negativeColor, 'negativeColor');
  if (options.fill !== undefined) colors.area = parseColor(options.fill, 'fill');
  let background: ResolvedSparklineOptions['background'] = 'transparent';
  if (options.background !== undefined && options.background !== 'transparent') {
    if (options.background === 'theme') background = 'theme';
    else {
      try {
        colors.background = parseColor(options.background, 'background');
      } catch {
        throw new RenderOptionError('background', `transparent, theme or ${ALLOWED_COLORS}`, String(options.background));
      }
      background = 'custom';
    }
  }
  if (options.formatValue !== undefined && typeof options.formatValue !== 'function') {
    throw new RenderOptionError('formatValue', 'a function', String(options.formatValue));
  }
  return {
    width: size(options.width, SPARKLINE_SIZE.width),
    height: size(options.height, SPARKLINE_SIZE.height),
    type,
    markers,
    baseline: options.baseline === true,
    mean: options.mean === true,
    yMin,
    yMax,
    strokeWidth:
      typeof options.strokeWidth === 'number' && Number.isFinite(options.strokeWidth)
        ? clamp(Math.round(options.strokeWidth * 10) / 10, 0.5, 8)
        : 1.5,
    fillOpacity: options.fill === undefined,
    background,
    colors,
    theme: parseTheme(options.theme),
    lang: parseLang(options.lang),
    formatValue: options.formatValue ?? formatCompact,
  };
}

/** A size in px: rounded and clamped to `bounds`; missing or not finite, the default. */
export function size(value: unknown, bounds: { min: number; max: number; default: number }): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return bounds.default;
  return clamp(Math.round(value), bounds.min, bounds.max);
}

function parseBound(value: unknown, option: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new RenderOptionError(option, 'a finite number', String(value));
}

/** Points with every non-finite value (NaN, ±Infinity) turned into a gap. */
function cleanPoints(points: readonly SparklinePoint[]): SparklinePoint[] {
  if (!Array.isArray(points)) return [];
  return points.map((point: Partial<SparklinePoint> | null | undefined) => ({
    ...point, // `partial` and `periodLabel`, read where used
    period: typeof point?.period === 'string' ? point.period : String(point?.period ?? ''),
    value: typeof point?.value === 'number' && Number.isFinite(point.value) ? point.value : null,
  }));
}

/**
 * The drawing of a sparkline for a `width`×`height` box, without the `<svg>` around it: the
 * stat card embeds it with its own title, description and styles. `paint` writes the colour
 * attributes (the widgets, which colour with CSS, pass one that writes none).
 */
export function sparklineMarkup(points: readonly SparklinePoint[], options: SparklineDrawing, paint: Pick<Paint, 'attrs'>): string {
  return sparklineMarks(points, options, paint, IMAGE_PARTS);
}

/** A drawn point: its place in the series, its value, whether its period is partial. */
interface Mark {
  index: number;
  value: number;
  partial?: boolean | undefined;
}

/** Where values and zero land, and the drawn points: what the image-only parts are drawn from. */
interface Frame {
  lo: number;
  hi: number;
  /** Where bars and areas start: zero, or the edge of the range nearest to it. */
  zero: number;
  y: (value: number) => number;
  present: Mark[];
}

/**
 * What only {@link sparklineMarkup} (the images: image routes, SVG card) draws on top of
 * {@link sparklineMarks}: the widgets call sparklineMarks without it, so their bundle leaves it out.
 */
export interface ImageParts {
  /** The guide lines (`baseline`, `mean`). */
  guides(options: SparklineDrawing, paint: Pick<Paint, 'attrs'>, frame: Frame): string[];
  /** The indices the `min` and `max` markers mark. */
  extremes(markers: ReadonlySet<SparklineMarker>, present: readonly Mark[]): number[];
  /** How a partial period's (lighter) mark ends: with its label as a `<title>`. */
  named(point: SparklinePoint, tag: string): string;
}

const IMAGE_PARTS: ImageParts = {
  guides: sparklineGuides,
  extremes(markers, present) {
    // The lowest and highest of the whole periods: a partial one is not comparable.
    const whole = present.filter((p) => !p.partial);
    const [min, max] = extent(whole.map((p) => p.value));
    const marked = [markers.has('min') && whole.find((p) => p.value === min), markers.has('max') && whole.find((p) => p.value === max)];
    return marked.flatMap((p) => (p ? [p.index] : []));
  },
  named: (point, tag) => `><title>${escapeXml(String(point.periodLabel ?? point.period))}</title></${tag}>`,
};

/**
 * {@link sparklineMarkup} without the guide lines (`baseline`, `mean`), the `min` and `max`
 * markers and partial periods' titles unless `image` draws them: the widgets, which draw none
 * of these, call this and leave that code out of their bundle. A partial period is drawn
 * lighter and apart from the line either way.
 */
export function sparklineMarks(
  points: readonly SparklinePoint[],
  options: SparklineDrawing,
  paint: Pick<Paint, 'attrs'>,
  image?: ImageParts,
): string {
  const all = cleanPoints(points);
  const step = Math.ceil(all.length / SPARKLINE_MAX_POINTS);
  const series = all.filter((_, i) => !((all.length - 1 - i) % step));
  const { width: w, height: h, type, strokeWidth, markers = new Set(), yMin = null, yMax = null } = options;
  const present = series.flatMap((point, index) => (point.value === null ? [] : [{ index, value: point.value, partial: point.partial }]));
  if (present.length === 0) {
    const fontSize = coord(clamp(h * 0.45, 6, 14));
    return (
      `<text x="${coord(w / 2)}" y="${coord(h / 2 + Number(fontSize) * 0.35)}" font-size="${fontSize}"` +
      ` font-family="${FONT_FAMILY}" text-anchor="middle"${paint.attrs({ fill: 'muted' })}>${NO_DATA[options.lang]}</text>`
    );
  }
  const values = present.map((p) => p.value);
  const [min, max] = extent(values);

  // Line and area are scaled by the series' own min and max. Bars always include zero:
  // a bar's length is its value, so a bar that does not start at zero would misstate it.
  let lo = type === 'bar' ? Math.min(min, 0) : min;
  let hi = type === 'bar' ? Math.max(max, 0) : max;
  if (type === 'bar' && lo === 0 && hi === 0) hi = 1; // all zero: zero at the bottom
  if (yMin !== null) lo = yMin;
  if (yMax !== null) hi = yMax;
  if (hi < lo) {
    // Only one bound was given and the whole series lies beyond it: collapse onto that bound,
    // so every value is clamped to the edge it passes.
    if (yMin !== null) hi = lo;
    else lo = hi;
  }

  // Room for the stroke and markers, so nothing is cut at the edges. Whole tenths of a pixel,
  // so that rounded coordinates cannot step past the edge.
  const markerRadius = markers.size > 0 ? clamp(h / 10, 1.5, 3) : 0;
  const pad = Math.min(ceilTenth(Math.max(strokeWidth / 2, markerRadius) + 0.5), floorTenth(w / 4), floorTenth(h / 4));
  const padX = type === 'bar' && markerRadius === 0 ? 0 : pad;
  const y = linearScale(lo, hi, h - pad, pad);
  const n = series.length;
  const xAt =
    type === 'bar'
      ? (i: number) => padX + ((i + 0.5) * (w - 2 * padX)) / n
      : (i: number) => (n === 1 ? w / 2 : padX + (i * (w - 2 * padX)) / (n - 1));
  const zero = 0 < lo ? h - pad : 0 > hi ? pad : y(0);
  const parts = image ? image.guides(options, paint, { lo, hi, zero, y, present }) : [];
  // How a mark ends: lighter when its period is partial (and in images, named by its label).
  const end = (point: SparklinePoint, tag: string): string =>
    point.partial ? ` fill-opacity=".4"${image ? image.named(point, tag) : '/>'}` : '/>';

  if (type === 'bar') {
    const slot = (w - 2 * padX) / n;
    const barWidth = slot * 0.8;
    for (const { index, value } of present) {
      const left = Number(coord(padX + index * slot + (slot - barWidth) / 2));
      const right = Number(coord(padX + index * slot + (slot + barWidth) / 2));
      const top = Number(coord(Math.min(y(value), zero)));
      const bottom = Number(coord(Math.max(y(value), zero)));
      if (bottom - top <= 0 || right - left <= 0) continue; // a zero-length bar draws nothing
      parts.push(
        `<rect x="${coord(left)}" y="${coord(top)}" width="${coord(right - left)}" height="${coord(bottom - top)}"` +
          `${paint.attrs({ fill: value < 0 ? 'negative' : 'line' })}${end(series[index]!, 'rect')}`,
      );
    }
  } else {
    // Consecutive present points form runs; a gap (null) ends a run.
    const runs: { index: number; value: number }[][] = [];
    let previous = -2;
    for (const point of present) {
      // A partial period stands apart: a line to it would read as a fall.
      if (point.index !== previous + 1 || point.partial || series[previous]?.partial) runs.push([]);
      runs.at(-1)!.push(point);
      previous = point.index;
    }
    const xy = (p: { index: number; value: number }) => `${coord(xAt(p.index))} ${coord(y(p.value))}`;
    const lines = runs.filter((run) => run.length > 1);
    if (type === 'area' && lines.length > 0) {
      const base = coord(zero);
      const d = lines
        .map((run) => `M${coord(xAt(run[0]!.index))} ${base}L${run.map(xy).join(' ')} ${coord(xAt(run.at(-1)!.index))} ${base}Z`)
        .join('');
      const opacity = options.fillOpacity !== false ? ' fill-opacity="0.2"' : '';
      parts.push(`<path d="${d}"${opacity}${paint.attrs({ fill: 'area' })}/>`);
    }
    if (lines.length > 0) {
      const d = lines.map((run) => `M${xy(run[0]!)}L${run.slice(1).map(xy).join(' ')}`).join('');
      parts.push(
        `<path d="${d}" fill="none" stroke-width="${strokeWidth}" stroke-linejoin="round" stroke-linecap="round"` +
          `${paint.attrs({ stroke: 'line' })}/>`,
      );
    }
    // A value with gaps on both sides has no line to be part of: show it as a dot.
    for (const run of runs.filter((r) => r.length === 1)) {
      const point = run[0]!;
      parts.push(
        `<circle cx="${coord(xAt(point.index))}" cy="${coord(y(point.value))}" r="${coord(floorTenth(Math.min(strokeWidth, pad)))}"` +
          `${paint.attrs({ fill: 'line' })}${end(series[point.index]!, 'circle')}`,
      );
    }
  }

  if (markerRadius > 0) {
    const marked = new Set(image?.extremes(markers, present));
    if (markers.has('last')) marked.add(present.at(-1)!.index);
    const r = coord(floorTenth(Math.min(markerRadius, pad)));
    for (const index of [...marked].sort((a, b) => a - b)) {
      const value = series[index]!.value!;
      parts.push(
        `<circle cx="${coord(xAt(index))}" cy="${coord(y(value))}" r="${r}"` +
          `${paint.attrs({ fill: type === 'bar' && value < 0 ? 'negative' : 'line' })}${end(series[index]!, 'circle')}`,
      );
    }
  }
  return parts.join('');
}

/** The line at zero and the dashed line at the mean, when asked for and inside the drawn range. */
function sparklineGuides(options: SparklineDrawing, paint: Pick<Paint, 'attrs'>, { lo, hi, zero, y, present }: Frame): string[] {
  const parts: string[] = [];
  const w = options.width;
  if (options.baseline && lo <= 0 && 0 <= hi) {
    parts.push(`<path d="M0 ${coord(zero)}H${w}" stroke-width="1"${paint.attrs({ stroke: 'rule' })}/>`);
  }
  if (options.mean) {
    // The mean of the whole periods (a partial one is not comparable). Rounding can put the mean
    // of equal values a hair outside [min, max]: keep it inside (none whole: no line).
    const values = present.flatMap((p) => (p.partial ? [] : [p.value]));
    const [min, max] = extent(values);
    const average = clamp(mean(values), min, max);
    if (lo <= average && average <= hi) {
      parts.push(`<path d="M0 ${coord(y(average))}H${w}" stroke-width="1" stroke-dasharray="3 2"${paint.attrs({ stroke: 'rule' })}/>`);
    }
  }
  return parts;
}

/**
 * A text summary of a series for screen readers: first and last value with their periods,
 * lowest and highest, and how many periods have no data. Partial periods (`partial`) are named
 * apart, by their `periodLabel` ("2025 (4 months)"), and never as the first, last, lowest or
 * highest of the whole ones.
 */
export function describeSeries(
  points: readonly SparklinePoint[],
  lang: Lang,
  formatValue: (value: number, lang: Lang) => string = formatCompact,
): string {
  const series = cleanPoints(points);
  const present = series.filter((p): p is SparklinePoint & { value: number } => p.value !== null);
  const t = SUMMARY[lang];
  if (present.length === 0) return t.none;
  const at = (p: SparklinePoint & { value: number }) =>
    t.at(formatValue(p.value, lang), p.partial && p.periodLabel ? String(p.periodLabel) : formatPeriod(p.period, lang));
  const whole = present.filter((p) => !p.partial);
  const partial = present.filter((p) => p.partial);
  const gaps = series.length - present.length;
  const sentences: string[] = [];
  const first = whole[0];
  if (whole.length === 1) sentences.push(`${capitalize(at(first!))}.`);
  else if (first) {
    const [min, max] = extent(whole.map((p) => p.value));
    const lowest = whole.find((p) => p.value === min)!;
    const highest = whole.find((p) => p.value === max)!;
    sentences.push(`${t.range(at(first), at(whole.at(-1)!))}; ${t.extremes(at(lowest), at(highest))}.`);
  }
  if (partial.length > 0) sentences.push(t.partial(partial.map(at).join(', '), partial.length));
  if (gaps > 0) sentences.push(t.gaps(gaps));
  return sentences.join(' ');
}

const SUMMARY: Record<
  Lang,
  {
    none: string;
    at: (value: string, period: string) => string;
    range: (first: string, last: string) => string;
    extremes: (lowest: string, highest: string) => string;
    partial: (list: string, count: number) => string;
    gaps: (count: number) => string;
  }
> = {
  en: {
    none: 'No data.',
    at: (value, period) => `${value} in ${period}`,
    range: (first, last) => `From ${first} to ${last}`,
    extremes: (lowest, highest) => `lowest ${lowest}, highest ${highest}`,
    partial: (list, count) => `${count === 1 ? 'Partial year' : 'Partial years'}: ${list}.`,
    gaps: (count) => (count === 1 ? '1 period without data.' : `${count} periods without data.`),
  },
  es: {
    none: 'Sin datos.',
    at: (value, period) => `${value} en ${period}`,
    range: (first, last) => `De ${first} a ${last}`,
    extremes: (lowest, highest) => `mínimo ${lowest}, máximo ${highest}`,
    partial: (list, count) => `${count === 1 ? 'Año parcial' : 'Años parciales'}: ${list}.`,
    gaps: (count) => (count === 1 ? '1 periodo sin datos.' : `${count} periodos sin datos.`),
  },
};

function ceilTenth(value: number): number {
  return Math.ceil(value * 10 - 1e-9) / 10;
}

function floorTenth(value: number): number {
  return Math.floor(value * 10 + 1e-9) / 10;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
