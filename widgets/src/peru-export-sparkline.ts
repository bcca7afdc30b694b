import { html, svg, type PropertyDeclarations } from 'lit';
import { SERIES, type Shape } from './lib/api-shapes';
import type { SeriesPoint } from './lib/api-types';
import type { Lang, Strings } from './lib/i18n';
import { MetricElement } from './lib/metric-element';
import type { Get } from './lib/peru-export-element';
import { setMarkup } from './lib/svg-markup';
import { sparklineStyles } from './peru-export-sparkline.styles';
import { SPARKLINE_MAX_POINTS, sparklineMarks, type SparklineType } from './render/sparkline';

/** What a sparkline draws (a series response of the API fits): its label, summary and points. */
export interface SparklineData {
  /** The accessible name. */
  label: string;
  /** Read after the name: the series summed up (the API's `description`). */
  description?: string;
  points: readonly SeriesPoint[];
}

/** The drawing's colours come from the theme's custom properties (see the styles), not from attributes. */
const UNPAINTED = { attrs: () => '' };
const MARKERS = new Set(['last'] as const);

/**
 * An inline sparkline of one metric, drawn by the same renderer as the API's SVG images. Hovering
 * or focusing it shows a point's value (arrow keys, Home and End go through the points); its data
 * are also a visually hidden table for screen readers.
 *
 * @tagname peru-export-sparkline
 * @summary `<peru-export-sparkline metric="destination/CN">`
 * @csspart chart - The SVG drawing (focusable).
 * @csspart cursor - The band marking the hovered or focused point.
 * @csspart tooltip - The hovered or focused point's period and value.
 * @cssproperty [--peru-sparkline-width=120px] - Width of the standalone sparkline.
 * @cssproperty [--peru-sparkline-height=32px] - Height of the standalone sparkline.
 */
export class PeruExportSparkline extends MetricElement<SparklineData> {
  static override styles = [...MetricElement.styles, sparklineStyles];
  static override properties: PropertyDeclarations = {
    type: {},
    data: { attribute: false },
    _index: { state: true },
    _size: { state: true },
  };

  /**
   * `line`, `area` or `bar`.
   * @attr
   */
  type: SparklineType = 'line';

  /** Data to draw instead of loading them (property only; the card passes its series this way). */
  data?: SparklineData;

  protected override readonly shape: Shape = SERIES;

  /** The hovered or focused point, -1 for none. */
  private _index = -1;
  /** The drawing's size in CSS pixels, measured (0 × 0 out of the page). */
  private _size = [0, 0];
  private _count = 0;
  private _focused = false;
  private _markup = '';

  constructor() {
    super();
    // Watched for the element's whole life: nothing to stop when it leaves the page.
    new ResizeObserver(([entry]) => {
      this._size = [entry!.contentRect.width, entry!.contentRect.height].map(Math.round);
    }).observe(this);
  }

  protected override provided(): SparklineData | undefined {
    return this.data;
  }

  protected override async load(get: Get): Promise<SparklineData> {
    const { metric, series } = await this.loadMetric(get);
    return series ?? { label: metric.label, points: [] };
  }

  protected override renderSkeleton(): unknown {
    return html`<span class="sk"></span>`;
  }

  protected override renderData({ label, description, points }: SparklineData, lang: Lang, t: Strings): unknown {
    const [width = 0, height = 0] = this._size;
    const n = (this._count = points.length);
    const i = this._index;
    const point = points[i];
    this._markup = width ? this._draw(points, width, height, lang) : '';
    // The latest periods only, for a series too long to list (the drawing is thinned likewise).
    const rows = points.slice(-SPARKLINE_MAX_POINTS);
    return html`<svg part="chart" role="img" tabindex="0" viewBox="0 0 ${width} ${height}"
        aria-label="${label}. ${description ?? ''} ${t.keys}"
        @pointermove=${this._onPointer} @pointerleave=${this._onLeave} @keydown=${this._onKey}
        @focus=${this._onFocus} @blur=${this._onFocus}>
        ${point ? svg`<rect part="cursor" class="cursor" x=${(i * width) / n} width=${width / n} height=${height}></rect>` : ''}
        <g></g>
      </svg>
      <span part="tooltip" class="tooltip ${i < n / 2 ? '' : 'end'}" role="status"
        >${point ? `${point.periodLabel}: ${point.formattedValue ?? '—'}` : ''}</span
      >
      <table class="sr">
        <caption>${label}${n > rows.length ? ` (${n - rows.length} ${t.omitted})` : ''}</caption>
        <tr><th>${t.period}</th><th>${t.value}</th></tr>
        ${rows.map((p) => html`<tr><td>${p.periodLabel}</td><td>${p.formattedValue ?? '—'}</td></tr>`)}
      </table>`;
  }

  protected override updated(): void {
    super.updated();
    setMarkup(this.renderRoot.querySelector('g'), this._markup);
  }

  /** The renderer's drawing (a plain line, area or bars with the last point marked). */
  private _draw(points: readonly SeriesPoint[], width: number, height: number, lang: Lang): string {
    try {
      return sparklineMarks(points, { width, height, type: this.type, strokeWidth: 1.5, markers: MARKERS, lang }, UNPAINTED);
    } catch {
      return ''; // never an exception in the host page; the table still has the data
    }
  }

  private _show(index: number): void {
    this._index = Math.max(0, Math.min(index, this._count - 1));
  }

  private _onPointer(event: PointerEvent): void {
    const box = (event.currentTarget as Element).getBoundingClientRect();
    this._show(Math.floor(((event.clientX - box.left) / box.width) * this._count));
  }

  private _onLeave(): void {
    if (!this._focused) this._index = -1;
  }

  private _onFocus(event: FocusEvent): void {
    this._focused = event.type === 'focus';
    this._index = this._focused ? (this._index < 0 ? this._count - 1 : this._index) : -1;
  }

  private _onKey(event: KeyboardEvent): void {
    const index = { ArrowLeft: this._index - 1, ArrowRight: this._index + 1, Home: 0, End: this._count - 1 }[event.key];
    if (index === undefined) return;
    event.preventDefault();
    this._show(index);
  }
}
