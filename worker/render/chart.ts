/**
 * A chart of one metric over time, with up to four others to compare: title and subtitle, a
 * value axis with round ticks and light gridlines, a period axis, the lines or bars, labels at
 * the line ends, a note on preliminary and partial periods, and the sources. A pure function of
 * its data: no HTTP, no DOM; the same input always gives the same bytes. Text is measured with
 * the Verdana tables (text-width.ts), so labels neither overlap nor leave the image.
 */
import {
  ALLOWED_COLORS,
  clamp,
  contentId,
  coord,
  describeSeries,
  escapeXml,
  formatCompact,
  formatPeriod,
  linearScale,
  Paint,
  parseColor,
  parseId,
  parseLang,
  parseTheme,
  RenderOptionError,
  size,
  svgDocument,
  type Lang,
  type Palette,
  type Role,
  type SparklinePoint,
  type Theme,
} from '@peru-exports/widgets/render';
import { niceTicks, periodLabels, shortUsd, tickLabels } from './chart-axes';
import { oneLine, textWidth, truncateText, wrapText } from './text-width';

/** One line (or set of bars) of the chart: a metric's points, from its own source. */
export interface ChartSeries {
  /** The metric's id: added to its label where two compared series share one. */
  id: string;
  /** What it is, e.g. "Exportaciones a China": the title (first series) or the label at its end. */
  label: string;
  /** Its points, `null` for a gap; `partial` marks a year the data hold only in part. */
  points: readonly SparklinePoint[];
  /** First period its source marks preliminary (or still revises), or null: drawn dashed or lighter. */
  preliminaryFrom: string | null;
  /** Its source, e.g. "SUNAT, Cuadro G1". */
  source: string;
  /**
   * The latest month its figures reach, when finer than its last period (an annual series whose
   * last year holds four months: `2025-04`); the footer says the figures are "as of" it.
   */
  asOf?: string | null;
}

export interface ChartData {
  /** The first series is the chart's subject (its label is the title); the others are compared with it. */
  series: readonly ChartSeries[];
  frequency: 'monthly' | 'annual';
}

export type ChartType = 'line' | 'bar';
export const CHART_TYPES = ['line', 'bar'] as const satisfies readonly ChartType[];

/** Size bounds in px. At the smallest, 20 years of labels still fit without touching. */
export const CHART_SIZE = {
  width: { min: 320, max: 1600, default: 640 },
  height: { min: 200, max: 1000, default: 360 },
} as const;

/** Series compared with the first, at most. */
export const MAX_COMPARE = 4;

/**
 * The compared series' colours: Okabe and Ito's colour-blind-safe set (blue, vermillion, bluish
 * green, reddish purple), the four of its eight that keep 3:1 against both the light and the dark
 * background, so they need no second colour for `theme=auto`. The first series is drawn in the
 * theme's text colour (Okabe–Ito's black, light in dark mode) when there are others, in its
 * accent when alone.
 */
export const COMPARE_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'] as const;

export interface ChartOptions {
  width?: number;
  height?: number;
  type?: ChartType;
  theme?: Theme;
  lang?: Lang;
  /** `theme` (default: the theme's background), `transparent`, or a colour. */
  background?: string;
  /** How values are written in the description; default {@link formatCompact}. */
  formatValue?: (value: number, lang: Lang) => string;
  id?: string;
}

const WORDS: Record<
  Lang,
  {
    unit: string;
    frequency: Record<ChartData['frequency'], string>;
    source: (count: number) => string;
    asOf: string;
    preliminary: (type: ChartType, from: string) => string;
    partial: (type: ChartType, labels: string) => string;
    noData: string;
  }
> = {
  en: {
    unit: 'US dollars',
    frequency: { monthly: 'monthly', annual: 'annual' },
    source: (count) => (count === 1 ? 'Source' : 'Sources'),
    asOf: 'as of',
    preliminary: (type, from) => `${type === 'bar' ? 'Lighter bars' : 'Dashed'}: preliminary figures (from ${from})`,
    partial: (type, labels) => `${type === 'bar' ? 'Palest bars' : 'Faded dots'}: partial years, ${labels}`,
    noData: 'no data',
  },
  es: {
    unit: 'Dólares (US$)',
    frequency: { monthly: 'mensual', annual: 'anual' },
    source: (count) => (count === 1 ? 'Fuente' : 'Fuentes'),
    asOf: 'datos a',
    preliminary: (type, from) => `${type === 'bar' ? 'Barras más claras' : 'Línea discontinua'}: cifras preliminares (desde ${from})`,
    partial: (type, labels) => `${type === 'bar' ? 'Barras más pálidas' : 'Puntos claros'}: años incompletos, ${labels}`,
    noData: 'sin datos',
  },
};

const PAD = 12;
const FONT = { title: 14, subtitle: 11, axis: 10, label: 10, note: 10 } as const;
const LINE = 13;
/** Least room between two axis labels, px. */
const LABEL_GAP = 6;

/** A series ready to draw: clean points on the shared period axis, its paint, its end label. */
interface Drawn {
  series: ChartSeries;
  /** Value per shared period index (null: gap or not in this series). */
  values: (number | null)[];
  partial: boolean[];
  preliminary: boolean[];
  /** Each period's own label ("2025 (4 months)"), for partial ones. */
  names: string[];
  /** Paint attributes for `fill` or `stroke`. */
  paint: (prop: 'fill' | 'stroke') => string;
  last: number | null;
}

/**
 * A chart as a standalone SVG document.
 *
 * @throws RenderOptionError when an option is invalid (type, theme, lang, background, id).
 */
export function renderChart(data: ChartData, options: ChartOptions = {}): string {
  const lang = parseLang(options.lang);
  const theme = parseTheme(options.theme);
  const type = options.type ?? 'line';
  if (!(CHART_TYPES as readonly string[]).includes(type)) throw new RenderOptionError('type', 'line or bar', String(type));
  const width = size(options.width, CHART_SIZE.width);
  const height = size(options.height, CHART_SIZE.height);
  const colors: Partial<Palette> = {};
  const background = options.background ?? 'theme';
  if (background !== 'theme' && background !== 'transparent') {
    try {
      colors.background = parseColor(background, 'background');
    } catch {
      throw new RenderOptionError('background', `transparent, theme or ${ALLOWED_COLORS}`, String(background));
    }
  }
  if (options.formatValue !== undefined && typeof options.formatValue !== 'function') {
    throw new RenderOptionError('formatValue', 'a function', String(options.formatValue));
  }
  const formatValue = options.formatValue ?? formatCompact;
  const paint = new Paint(theme, colors);
  const words = WORDS[lang];
  const given: readonly ChartSeries[] = Array.isArray(data?.series) ? data.series : [];
  const allSeries = given.slice(0, 1 + MAX_COMPARE);
  const frequency = data?.frequency === 'annual' ? 'annual' : 'monthly';

  // The shared period axis: every period any series has, in order.
  const periods = [...new Set(allSeries.flatMap((s) => pointsOf(s).map(periodOf)))].sort();
  const at = new Map(periods.map((p, i) => [p, i]));
  const single = allSeries.length <= 1;
  const drawn: Drawn[] = allSeries.map((series, k) => {
    const values: (number | null)[] = periods.map(() => null);
    const partial = periods.map(() => false);
    const preliminary = periods.map(() => false);
    const names = [...periods];
    const from = typeof series.preliminaryFrom === 'string' ? series.preliminaryFrom : null;
    for (const point of pointsOf(series)) {
      const i = at.get(periodOf(point))!;
      const value = typeof point?.value === 'number' && Number.isFinite(point.value) ? point.value : null;
      values[i] = value;
      partial[i] = point?.partial === true;
      names[i] = oneLine(point?.periodLabel ?? periods[i]);
      preliminary[i] = from !== null && periods[i]! >= from.slice(0, periods[i]!.length);
    }
    const role: Role = single ? 'line' : 'text';
    const fixed = k === 0 ? null : COMPARE_COLORS[(k - 1) % COMPARE_COLORS.length]!;
    const lastIndex = values.findLastIndex((v, i) => v !== null && !partial[i]);
    return {
      series,
      values,
      partial,
      preliminary,
      names,
      paint: (prop) => (fixed === null ? paint.attrs({ [prop]: role }) : ` ${prop}="${fixed}"`),
      last: lastIndex < 0 ? null : lastIndex,
    };
  });

  // Two compared series of one name (SUNAT's and BCRP's total) are told apart by their ids.
  const labelCount = new Map<string, number>();
  for (const series of allSeries) labelCount.set(oneLine(series.label), (labelCount.get(oneLine(series.label)) ?? 0) + 1);
  const nameOf = (series: ChartSeries) =>
    labelCount.get(oneLine(series.label))! > 1 ? `${oneLine(series.label)} (${oneLine(series.id)})` : oneLine(series.label);

  // Texts around the plot.
  const main = allSeries[0];
  const title = oneLine(main?.label ?? '');
  const range =
    periods.length === 0 ? '' : `${formatPeriod(periods[0]!, lang, 'short')}\u2013${formatPeriod(periods.at(-1)!, lang, 'short')}`;
  const subtitle = [words.unit, words.frequency[frequency], range].filter(Boolean).join(', ');
  const notes = noteText(drawn, periods, type, lang);
  const footer = footerText(drawn, periods, lang);
  const inner = width - 2 * PAD;
  // A low chart keeps its plot: one line each for the note and the sources.
  const maxLines = height < 280 ? 1 : 2;
  const noteLines = notes === '' ? [] : wrapText(notes, inner, FONT.note, false, maxLines);
  const footerLines = wrapText(footer, inner, FONT.note, false, maxLines);

  const parts: string[] = [];
  const text = (x: number, y: number, fontSize: number, role: Role, content: string, extra = '') =>
    `<text x="${coord(x)}" y="${coord(y)}" font-size="${fontSize}"${extra}${paint.attrs({ fill: role })}>${escapeXml(content)}</text>`;
  let y = PAD + FONT.title;
  parts.push(text(PAD, y, FONT.title, 'text', truncateText(title, inner, FONT.title, true), ' font-weight="bold"'));
  y += FONT.subtitle + 5;
  parts.push(text(PAD, y, FONT.subtitle, 'muted', truncateText(subtitle, inner, FONT.subtitle)));
  const plotTop = y + 14;
  let bottom = height - PAD;
  for (const line of [...footerLines].reverse()) {
    parts.push(text(PAD, bottom - 2, FONT.note, 'muted', line));
    bottom -= LINE;
  }
  for (const line of [...noteLines].reverse()) {
    parts.push(text(PAD, bottom - 2, FONT.note, 'muted', line));
    bottom -= LINE;
  }
  const plotBottom = bottom - 20;

  const present = drawn.flatMap((d) => d.values.filter((v): v is number => v !== null));
  if (present.length === 0 || plotBottom - plotTop < 20) {
    parts.push(text(width / 2, (plotTop + plotBottom) / 2 + 4, 12, 'muted', words.noData, ' text-anchor="middle"'));
    const desc = [`${title}. ${subtitle}.`, describeSeries([], lang), footer].join(' ');
    return document(parts, { width, height, lang, title, desc, paint, background, id: options.id });
  }

  // Value axis: round ticks over the values (and zero, for bars), as many as the height allows.
  let lo = Math.min(...present);
  let hi = Math.max(...present);
  if (type === 'bar') [lo, hi] = [Math.min(lo, 0), Math.max(hi, 0)];
  // Dollars: no step finer than a cent.
  const ticks = niceTicks(lo, hi, clamp(Math.floor((plotBottom - plotTop) / 28) + 1, 2, 8), 0.01);
  const labels = tickLabels(ticks, lang);
  const yAxisWidth = Math.max(...labels.map((l) => textWidth(l, FONT.axis)));
  const plotLeft = PAD + yAxisWidth + 6;

  // Labels at the line ends (the latest value; with others to compare, which line it is).
  const ends = drawn.flatMap((d) => (d.last === null ? [] : [d]));
  const endRoom = Math.min(width * 0.32, 220);
  const endTexts = ends.map((d) => {
    const value = shortUsd(d.values[d.last!]!, lang);
    if (single) return value;
    const room = endRoom - 14 - textWidth(` ${value}`, FONT.label, true);
    // A shared name would be cut before the id that tells them apart: the id alone, then.
    const name = labelCount.get(oneLine(d.series.label))! > 1 ? oneLine(d.series.id) : oneLine(d.series.label);
    return `${truncateText(name, Math.max(room, 0), FONT.label, true)} ${value}`.trim();
  });
  const endWidth = Math.max(0, ...endTexts.map((t) => textWidth(t, FONT.label, true) + (single ? 0 : 14)));
  // Names are cut to endRoom; a long value with a short room can pass it, and still gets its room.
  const plotRight = width - PAD - (endWidth > 0 ? endWidth + 8 : 0);

  const yAt = linearScale(ticks[0]!, ticks.at(-1)!, plotBottom, plotTop);
  const n = periods.length;
  const plotWidth = plotRight - plotLeft;
  const xAt =
    type === 'bar'
      ? (i: number) => plotLeft + ((i + 0.5) * plotWidth) / n
      : (i: number) => (n === 1 ? plotLeft + plotWidth / 2 : plotLeft + (i * plotWidth) / (n - 1));

  // Gridlines and the y labels; the zero line stronger.
  const grid = ticks
    .filter((t) => t !== 0)
    .map((t) => `M${coord(plotLeft)} ${coord(yAt(t))}H${coord(plotRight)}`)
    .join('');
  parts.push(`<path d="${grid}" stroke-width="1"${paint.attrs({ stroke: 'border' })}/>`);
  if (ticks.includes(0))
    parts.push(`<path d="M${coord(plotLeft)} ${coord(yAt(0))}H${coord(plotRight)}" stroke-width="1"${paint.attrs({ stroke: 'rule' })}/>`);
  ticks.forEach((t, i) => parts.push(text(plotLeft - 6, yAt(t) + 3.5, FONT.axis, 'muted', labels[i]!, ' text-anchor="end"')));

  // Period labels under the plot, never touching each other or leaving the image.
  for (const label of periodLabels(periods, xAt, { left: 0, right: width, fontSize: FONT.axis, gap: LABEL_GAP }, lang)) {
    parts.push(text(xAt(label.index), plotBottom + 14, FONT.axis, 'muted', label.text, ' text-anchor="middle"'));
  }

  // The data.
  for (const [k, d] of drawn.entries()) {
    if (type === 'bar')
      parts.push(...bars(d, k, drawn.length, { xAt, yAt, slot: plotWidth / n, zero: yAt(clamp(0, ticks[0]!, ticks.at(-1)!)) }));
    else parts.push(...lines(d, xAt, yAt));
  }

  // End labels: at their line's last value, moved apart so they never overlap.
  const placed = spread(
    ends.map((d) => yAt(d.values[d.last!]!) + 3.5),
    LINE,
    plotTop,
    Math.max(plotTop, plotBottom + 3.5),
  );
  ends.forEach((d, i) => {
    const x = type === 'bar' ? plotRight + 4 : xAt(d.last!) + 6;
    const cy = placed[i]!;
    if (type === 'line') parts.push(`<circle cx="${coord(xAt(d.last!))}" cy="${coord(yAt(d.values[d.last!]!))}" r="3"${d.paint('fill')}/>`);
    if (!single) parts.push(`<path d="M${coord(x)} ${coord(cy - 3.5)}H${coord(x + 10)}" stroke-width="3"${d.paint('stroke')}/>`);
    parts.push(text(single ? x : x + 14, cy, FONT.label, 'text', endTexts[i]!, ' font-weight="bold"'));
  });

  const summary = drawn.map((d) => {
    const points = pointsOf(d.series);
    return single ? describeSeries(points, lang, formatValue) : `${nameOf(d.series)}: ${describeSeries(points, lang, formatValue)}`;
  });
  const desc = [`${title}. ${subtitle}.`, ...summary, notes === '' ? '' : `${notes}.`, footer].filter(Boolean).join(' ');
  return document(parts, { width, height, lang, title, desc, paint, background, id: options.id });
}

function document(
  parts: string[],
  o: { width: number; height: number; lang: Lang; title: string; desc: string; paint: Paint; background: string; id: unknown },
): string {
  const back =
    o.background === 'transparent' ? '' : `<rect width="${o.width}" height="${o.height}"${o.paint.attrs({ fill: 'background' })}/>`;
  const body = back + parts.join('');
  const title = escapeXml(o.title);
  const desc = escapeXml(o.desc);
  const id = parseId(o.id) ?? contentId('chart-', `${o.width} ${o.height} ${o.lang} ${title} ${desc} ${body}`);
  return svgDocument({
    id,
    width: o.width,
    height: o.height,
    lang: o.lang,
    title: o.title,
    desc: o.desc,
    style: o.paint.style(id),
    body,
    text: true,
  });
}

/**
 * A series as lines: a solid path through its settled periods and a dashed one on from the last
 * settled value through the preliminary ones; a gap breaks both. A partial year stands apart as a
 * faded dot (a line to a part-year sum would read as a fall), titled with its label.
 */
function lines(d: Drawn, xAt: (i: number) => number, yAt: (v: number) => number): string[] {
  const solid: string[] = [];
  const dashed: string[] = [];
  const dots: number[] = [];
  const xy = (i: number) => `${coord(xAt(i))} ${coord(yAt(d.values[i]!))}`;
  let run: number[] = [];
  const flush = () => {
    const settled = run.filter((i) => !d.preliminary[i]);
    const later = run.filter((i) => d.preliminary[i]);
    if (settled.length > 1) solid.push(`M${settled.map(xy).join('L')}`);
    const tail = settled.length > 0 && later.length > 0 ? [settled.at(-1)!, ...later] : later;
    if (tail.length > 1) dashed.push(`M${tail.map(xy).join('L')}`);
    if (run.length === 1) dots.push(run[0]!);
    run = [];
  };
  d.values.forEach((value, i) => {
    if (value === null || d.partial[i]) {
      flush();
      if (value !== null) dots.push(i);
    } else run.push(i);
  });
  flush();
  const out: string[] = [];
  const stroke = ` fill="none" stroke-width="2" stroke-linejoin="round" stroke-linecap="round"${d.paint('stroke')}`;
  if (solid.length > 0) out.push(`<path d="${solid.join('')}"${stroke}/>`);
  if (dashed.length > 0) out.push(`<path d="${dashed.join('')}" stroke-dasharray="4 3"${stroke}/>`);
  for (const i of dots) {
    const named = d.partial[i] ? ` fill-opacity=".4"><title>${escapeXml(d.names[i]!)}</title></circle>` : '/>';
    out.push(`<circle cx="${coord(xAt(i))}" cy="${coord(yAt(d.values[i]!))}" r="2.5"${d.paint('fill')}${named}`);
  }
  return out;
}

/**
 * A series as bars from zero, beside the other series' in each period: one path per shade
 * (settled, preliminary, partial), which keeps 20 years of months small.
 */
function bars(
  d: Drawn,
  k: number,
  count: number,
  g: { xAt: (i: number) => number; yAt: (v: number) => number; slot: number; zero: number },
): string[] {
  const shades: Record<'settled' | 'preliminary' | 'partial', string[]> = { settled: [], preliminary: [], partial: [] };
  const barWidth = (g.slot * 0.8) / count;
  d.values.forEach((value, i) => {
    if (value === null) return;
    const left = Number(coord(g.xAt(i) - g.slot * 0.4 + k * barWidth));
    const right = Number(coord(g.xAt(i) - g.slot * 0.4 + (k + 1) * barWidth));
    const top = Number(coord(Math.min(g.yAt(value), g.zero)));
    const bottom = Number(coord(Math.max(g.yAt(value), g.zero)));
    if (right - left <= 0 || bottom - top <= 0) return;
    const shade = d.partial[i] ? 'partial' : d.preliminary[i] ? 'preliminary' : 'settled';
    shades[shade].push(`M${coord(left)} ${coord(top)}H${coord(right)}V${coord(bottom)}H${coord(left)}Z`);
  });
  const opacity = { settled: '', preliminary: ' fill-opacity=".6"', partial: ' fill-opacity=".3"' } as const;
  return (Object.keys(shades) as (keyof typeof shades)[])
    .filter((shade) => shades[shade].length > 0)
    .map((shade) => `<path d="${shades[shade].join('')}"${opacity[shade]}${d.paint('fill')}/>`);
}

/**
 * Positions for labels wanted at `wanted` (baselines), at least `gap` apart, kept within
 * [top, bottom] when they fit there, in the order they were given.
 */
export function spread(wanted: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = wanted.map((_, i) => i).sort((a, b) => wanted[a]! - wanted[b]! || a - b);
  const placed = wanted.map(() => 0);
  let previous = -Infinity;
  for (const i of order) {
    placed[i] = Math.max(wanted[i]!, top, previous + gap);
    previous = placed[i]!;
  }
  // Pushed past the bottom: move the stack up as far as the top allows.
  let limit = bottom;
  for (const i of [...order].reverse()) {
    if (placed[i]! > limit) placed[i] = Math.max(limit, top);
    limit = placed[i]! - gap;
  }
  return placed;
}

/** What the note under the plot says of preliminary and partial periods (empty: nothing to say). */
function noteText(drawn: readonly Drawn[], periods: readonly string[], type: ChartType, lang: Lang): string {
  const words = WORDS[lang];
  const notes: string[] = [];
  const starts = [
    ...new Set(
      drawn.flatMap((d) => {
        const i = d.values.findIndex((v, j) => v !== null && d.preliminary[j]);
        return i < 0 ? [] : [periods[i]!];
      }),
    ),
  ].sort();
  if (starts.length > 0) notes.push(words.preliminary(type, starts.map((p) => formatPeriod(p, lang, 'short')).join(', ')));
  const partial = [...new Set(drawn.flatMap((d) => d.values.flatMap((v, i) => (v !== null && d.partial[i] ? [d.names[i]!] : []))))];
  if (partial.length > 0) notes.push(words.partial(type, partial.join(', ')));
  return notes.join('. ');
}

/** Sources, each once, and how far each goes: "Fuente: SUNAT, Cuadro G1 · datos a abril de 2025". */
function footerText(drawn: readonly Drawn[], periods: readonly string[], lang: Lang): string {
  const words = WORDS[lang];
  const latest = new Map<string, string>();
  for (const d of drawn) {
    const source = oneLine(d.series.source);
    const i = d.values.findLastIndex((v) => v !== null);
    const drawnTo = i < 0 ? '' : periods[i]!;
    const asOf = typeof d.series.asOf === 'string' ? d.series.asOf : '';
    // The finer period, where it lies within the last one drawn.
    const period = drawnTo !== '' && asOf.startsWith(drawnTo) ? asOf : drawnTo;
    if (!latest.has(source) || period > latest.get(source)!) latest.set(source, period);
  }
  const entries = [...latest].filter(([source]) => source !== '');
  if (entries.length === 1) {
    const [[source, period]] = entries as [[string, string]];
    return `${words.source(1)}: ${source}${period ? ` \u00b7 ${words.asOf} ${formatPeriod(period, lang)}` : ''}`;
  }
  const list = entries.map(([source, period]) => (period ? `${source} (${words.asOf} ${formatPeriod(period, lang, 'short')})` : source));
  return list.length === 0 ? '' : `${words.source(list.length)}: ${list.join('; ')}`;
}

function pointsOf(series: ChartSeries): readonly SparklinePoint[] {
  return Array.isArray(series?.points) ? (series.points as readonly SparklinePoint[]) : [];
}

function periodOf(point: SparklinePoint | null | undefined): string {
  return typeof point?.period === 'string' ? point.period : String(point?.period ?? '');
}
