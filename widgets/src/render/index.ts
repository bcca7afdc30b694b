/**
 * The pure SVG renderers and what they share, as `@peru-exports/widgets/render`: the sparkline,
 * the document wrapper of every image, colours, themes and palettes, languages and number
 * formats, ids, escaping and scales. No DOM and no Lit: the worker draws its images with these
 * (its stat card and error image add Verdana text measuring on top), and the elements inline the
 * same sparkline. The element bundle imports the modules it needs, not this entry.
 */
export { ALLOWED_COLORS, CSS_NAMED_COLORS, isValidColor, parseColor } from './colors';
export { svgDocument, type SvgDocument } from './document';
export { RenderOptionError } from './errors';
export { escapeXml } from './escape';
export {
  formatChangePct,
  formatCompact,
  formatPeriod,
  formatUsd,
  LANGS,
  parseLang,
  periodLabel,
  spokenChange,
  spokenUsd,
  type Lang,
} from './format';
export { contentId, parseId } from './ids';
export { clamp, coord, extent, linearScale, mean } from './scale';
export {
  describeSeries,
  renderSparkline,
  resolveSparklineOptions,
  sparklineMarks,
  sparklineMarkup,
  SPARKLINE_MARKERS,
  SPARKLINE_MAX_POINTS,
  SPARKLINE_POINTS,
  SPARKLINE_SIZE,
  SPARKLINE_TYPES,
  size,
  type ImageParts,
  type ResolvedSparklineOptions,
  type SparklineDrawing,
  type SparklineMarker,
  type SparklineOptions,
  type SparklinePoint,
  type SparklineType,
} from './sparkline';
export { FONT_FAMILY, Paint, PALETTES, parseTheme, THEMES, type Palette, type Role, type Theme } from './theme';
