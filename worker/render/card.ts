import {
  clamp,
  contentId,
  coord,
  describeSeries,
  escapeXml,
  formatCompact,
  Paint,
  parseColor,
  parseId,
  parseLang,
  parseTheme,
  RenderOptionError,
  resolveSparklineOptions,
  sparklineMarkup,
  svgDocument,
  type Lang,
  type Palette,
  type Role,
  type SparklineOptions,
  type SparklinePoint,
  type Theme,
} from '@peru-exports/widgets/render';
import { oneLine, textWidth, truncateText, wrapText } from './text-width';

/** What a stat card shows. Texts are shown as given (escaped), numbers decide colours only. */
export interface CardData {
  /** What the figure is, e.g. "Exportaciones totales". */
  label: string;
  value: number;
  /** The value as shown, e.g. "US$ 74,7 mil millones" (see formatUsd). */
  formattedValue: string;
  /** Change in percent; its sign picks arrow and colour (null or 0: neutral, no arrow). */
  changePct: number | null;
  /** The change as shown, e.g. "+15,6 %" (see formatChangePct); null shows no change. */
  formattedChange: string | null;
  /** The period the value is for, e.g. "2024" or "ene–abr 2025". */
  period: string;
  /** Attribution, e.g. "Fuente: SUNAT, Cuadro G1". */
  sourceLine: string;
  /** The series drawn as a sparkline; empty for none. */
  points: readonly SparklinePoint[];
}

/** The sparkline's own options inside a card (size and colours come from the card). */
export type CardSparklineOptions = Pick<SparklineOptions, 'type' | 'markers' | 'baseline' | 'mean' | 'yMin' | 'yMax' | 'fill'>;

export interface CardOptions {
  /** Width in px, clamped to 200–800 (default 360; 280 when compact). The height is fixed (see measureCard). */
  width?: number;
  theme?: Theme;
  lang?: Lang;
  /** No background or border, for placing on a coloured page. */
  transparent?: boolean;
  /** Smaller type, one line per text, a lower sparkline. */
  compact?: boolean;
  /** Sparkline colour. */
  color?: string;
  /** Label, value and period colour. */
  textColor?: string;
  background?: string;
  positiveColor?: string;
  negativeColor?: string;
  sparkline?: CardSparklineOptions;
  /** How values are written in the series summary of the description; default formatCompact. */
  formatValue?: (value: number, lang: Lang) => string;
  id?: string;
}

export const CARD_WIDTH = { min: 200, max: 800, default: 360, compactDefault: 280 } as const;

interface Layout {
  padding: number;
  label: { size: number; lineHeight: number; lines: number };
  value: { size: number; minSize: number; lineHeight: number };
  change: { size: number; lineHeight: number };
  sparkline: { height: number; gap: number };
  source: { size: number; lineHeight: number; lines: number };
}

const LAYOUTS: Record<'regular' | 'compact', Layout> = {
  regular: {
    padding: 16,
    label: { size: 13, lineHeight: 17, lines: 2 },
    value: { size: 28, minSize: 16, lineHeight: 36 },
    change: { size: 13, lineHeight: 18 },
    sparkline: { height: 48, gap: 10 },
    source: { size: 10, lineHeight: 13, lines: 2 },
  },
  compact: {
    padding: 10,
    label: { size: 11, lineHeight: 14, lines: 1 },
    value: { size: 20, minSize: 13, lineHeight: 26 },
    change: { size: 11, lineHeight: 15 },
    sparkline: { height: 28, gap: 6 },
    source: { size: 9, lineHeight: 12, lines: 1 },
  },
};

const ARROW = { up: '▲', down: '▼' } as const;
const CHANGE_WORDS: Record<Lang, { up: string; down: string; flat: string }> = {
  en: { up: 'up', down: 'down', flat: 'unchanged' },
  es: { up: 'sube', down: 'baja', flat: 'sin variación' },
};

/**
 * A stat card as a standalone SVG: label, value, change with arrow, period, sparkline and
 * source. Text is measured (see text-width.ts): labels and sources wrap then end in "…", the
 * value shrinks before it is cut, so nothing runs past the card.
 *
 * @throws RenderOptionError when an option is invalid.
 */
export function renderCard(data: CardData, options: CardOptions = {}): string {
  const { width, height, lang, paint, text, direction, points, parts } = layoutCard(data, options);
  const transparent = options.transparent === true;
  const frame = transparent
    ? ''
    : `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6"${paint.attrs({ fill: 'background', stroke: 'border' })}/>`;
  const formatValue = options.formatValue ?? formatCompact;
  const desc = describeCard(points, text, direction, lang, formatValue);
  const body = frame + parts.join('');
  const id = parseId(options.id) ?? contentId('card-', `${width} ${height} ${lang} ${escapeXml(text.label)} ${desc} ${body}`);
  return svgDocument({ id, width, height, lang, title: text.label, desc, style: paint.style(id), body, text: true });
}

/**
 * The size every card is drawn at: a fixed box, whatever its texts (labels and sources have
 * two lines, one when compact, whether they use them or not; the change line and the
 * sparkline's place are there without a change or a series). 360 × 209 by default, 280 × 124
 * compact; the width is the option's. What the `<img width height>` of a snippet, oEmbed's
 * `width`/`height` and the `<peru-export-card>` element (at its default 16 px) take, so the
 * fallback image, the loading element and the live card are one box.
 */
export function measureCard(options: Pick<CardOptions, 'width' | 'compact'> = {}): { width: number; height: number } {
  const compact = options.compact === true;
  const l = LAYOUTS[compact ? 'compact' : 'regular'];
  const width =
    typeof options.width === 'number' && Number.isFinite(options.width)
      ? clamp(Math.round(options.width), CARD_WIDTH.min, CARD_WIDTH.max)
      : compact
        ? CARD_WIDTH.compactDefault
        : CARD_WIDTH.default;
  const rows =
    l.label.lines * l.label.lineHeight +
    l.value.lineHeight +
    l.change.lineHeight +
    l.sparkline.gap +
    l.sparkline.height +
    l.sparkline.gap / 2 +
    l.source.lines * l.source.lineHeight;
  return { width, height: Math.ceil(2 * l.padding + rows) };
}

/** The card's texts placed: its size and the markup inside the frame. */
function layoutCard(data: CardData, options: CardOptions) {
  const lang = parseLang(options.lang);
  const theme = parseTheme(options.theme);
  const layout = LAYOUTS[options.compact === true ? 'compact' : 'regular'];
  const { width, height } = measureCard(options);
  const colors: Partial<Palette> = {};
  const colorOptions: [keyof CardOptions, Role[]][] = [
    ['color', ['line', 'area']],
    ['textColor', ['text']],
    ['background', ['background']],
    ['positiveColor', ['positive']],
    ['negativeColor', ['negative']],
  ];
  for (const [option, roles] of colorOptions) {
    const value = options[option];
    if (value === undefined) continue;
    if (typeof value !== 'string') throw new RenderOptionError(option, 'a colour', String(value));
    const color = parseColor(value, option);
    for (const role of roles) colors[role] = color;
  }
  if (options.sparkline?.fill !== undefined) colors.area = parseColor(options.sparkline.fill, 'sparkline.fill');
  if (options.formatValue !== undefined && typeof options.formatValue !== 'function') {
    throw new RenderOptionError('formatValue', 'a function', String(options.formatValue));
  }
  const paint = new Paint(theme, colors);
  const text = {
    label: oneLine(data.label),
    value: oneLine(data.formattedValue),
    change: data.formattedChange === null ? '' : oneLine(data.formattedChange),
    period: oneLine(data.period),
    source: oneLine(data.sourceLine),
  };
  const direction: 'up' | 'down' | 'flat' =
    typeof data.changePct === 'number' && data.changePct > 0
      ? 'up'
      : typeof data.changePct === 'number' && data.changePct < 0
        ? 'down'
        : 'flat';

  const inner = width - 2 * layout.padding;
  const x = layout.padding;
  const parts: string[] = [];
  let y = layout.padding;

  // Every row has its place whether it is used or not: the card is a fixed box (measureCard).
  // Label: wraps, then ends in "…".
  wrapText(text.label, inner, layout.label.size, true, layout.label.lines).forEach((line, i) => {
    const bottom = y + (i + 1) * layout.label.lineHeight;
    parts.push(textLine(x, bottom - baselineGap(layout.label), layout.label.size, 'muted', line, paint, true));
  });
  y += layout.label.lines * layout.label.lineHeight;

  // Value: the figure is the point of the card, so shrink it before cutting it.
  let valueSize = layout.value.size;
  while (valueSize > layout.value.minSize && textWidth(text.value, valueSize, true) > inner) valueSize--;
  y += layout.value.lineHeight;
  parts.push(textLine(x, y - baselineGap(layout.value), valueSize, 'text', truncateText(text.value, inner, valueSize, true), paint, true));

  // Change and period on one line; the period gives way first.
  const changeText = text.change === '' ? '' : direction === 'flat' ? text.change : `${ARROW[direction]} ${text.change}`;
  const changeShown = truncateText(changeText, inner, layout.change.size, true);
  const gap = changeShown === '' ? 0 : layout.change.size * 0.7;
  const changeWidth = changeShown === '' ? 0 : textWidth(changeShown, layout.change.size, true);
  const periodShown =
    inner - changeWidth - gap > layout.change.size ? truncateText(text.period, inner - changeWidth - gap, layout.change.size) : '';
  y += layout.change.lineHeight;
  if (changeShown !== '' || periodShown !== '') {
    const baseline = y - baselineGap(layout.change);
    if (changeShown !== '') {
      const role: Role = direction === 'up' ? 'positive' : direction === 'down' ? 'negative' : 'muted';
      parts.push(textLine(x, baseline, layout.change.size, role, changeShown, paint, true));
    }
    if (periodShown !== '') {
      parts.push(textLine(x + changeWidth + gap, baseline, layout.change.size, 'muted', periodShown, paint, false));
    }
  }

  // Sparkline, when there is anything to draw.
  const points: readonly SparklinePoint[] = Array.isArray(data.points) ? data.points : [];
  y += layout.sparkline.gap;
  if (points.some((p) => typeof p?.value === 'number' && Number.isFinite(p.value))) {
    const spark = resolveSparklineOptions({
      ...options.sparkline,
      width: inner,
      height: layout.sparkline.height,
      markers: options.sparkline?.markers ?? ['last'],
      color: colors.line,
      negativeColor: colors.negative,
      lang,
    });
    // Drawn with the card's paint (which holds the sparkline's colours): one `<style>` for both.
    parts.push(`<svg x="${x}" y="${coord(y)}" width="${inner}" height="${spark.height}">${sparklineMarkup(points, spark, paint)}</svg>`);
  }
  y += layout.sparkline.height;

  // Source: wraps, then ends in "…".
  y += layout.sparkline.gap / 2;
  wrapText(text.source, inner, layout.source.size, false, layout.source.lines).forEach((line, i) => {
    const bottom = y + (i + 1) * layout.source.lineHeight;
    parts.push(textLine(x, bottom - baselineGap(layout.source), layout.source.size, 'muted', line, paint, false));
  });
  return { width, height, lang, paint, text, direction, points, parts };
}

/** Distance from the bottom of a line box to the text baseline. */
function baselineGap(line: { size: number; lineHeight: number }): number {
  return (line.lineHeight - line.size) / 2 + line.size * 0.2;
}

function textLine(x: number, y: number, size: number, role: Role, content: string, paint: Paint, bold: boolean): string {
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${coord(x)}" y="${coord(y)}" font-size="${size}"${weight}${paint.attrs({ fill: role })}>${escapeXml(content)}</text>`;
}

function describeCard(
  points: readonly SparklinePoint[],
  text: { label: string; value: string; change: string; period: string; source: string },
  direction: 'up' | 'down' | 'flat',
  lang: Lang,
  formatValue: (value: number, lang: Lang) => string,
): string {
  const words = CHANGE_WORDS[lang];
  // The word says the direction, so the number loses its sign: "down 25.3%", not "down -25.3%".
  const magnitude = text.change.replace(/^[+\-\u2212]\s?/, '');
  const change = text.change === '' ? '' : `, ${words[direction]} ${magnitude}`;
  const period = text.period === '' ? '' : ` (${text.period})`;
  const series = points.length > 0 ? ` ${describeSeries(points, lang, formatValue)}` : '';
  const source = text.source === '' ? '' : ` ${text.source}`;
  return `${text.label}: ${text.value}${period}${change}.${series}${source}`;
}
