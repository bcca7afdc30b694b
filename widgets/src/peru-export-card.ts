import { html, type PropertyDeclarations } from 'lit';
import { METRIC, type Shape } from './lib/api-shapes';
import { frameStyles } from './lib/base.styles';
import type { Lang, Strings } from './lib/i18n';
import { MetricElement, type MetricData } from './lib/metric-element';
import type { Get } from './lib/peru-export-element';
import { cardStyles } from './peru-export-card.styles';
import type { SparklineType } from './render/sparkline';

/**
 * A stat card for one metric: label, value, change on a year earlier, sparkline, period and
 * source. Works for every metric, including the press-release highlights (`highlight/…`).
 * Uses `<peru-export-sparkline>`, which its define module registers too.
 *
 * @tagname peru-export-card
 * @summary `<peru-export-card metric="total">`
 * @csspart label - The metric's name.
 * @csspart value - The latest value.
 * @csspart change - The change on the same period a year earlier (class `up`, `down` or `flat`).
 * @csspart period - The period of the value.
 * @csspart sparkline - The `<peru-export-sparkline>` inside (its parts are exported as `sparkline-chart`, `sparkline-cursor`, `sparkline-tooltip`).
 * @csspart source - The source line and link.
 */
export class PeruExportCard extends MetricElement<MetricData> {
  static override styles = [...MetricElement.styles, frameStyles, cardStyles];
  static override properties: PropertyDeclarations = { type: {} };

  /**
   * Sparkline type: `line`, `area` or `bar`.
   * @attr
   */
  type: SparklineType = 'line';

  /** The metric as the card reads it; its series is checked by the sparkline it goes to. */
  protected override readonly shape: Shape = { metric: METRIC };

  protected override load(get: Get): Promise<MetricData> {
    return this.loadMetric(get);
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="label"><span class="sk"></span></div>
      <div class="value"><span class="sk"></span></div>
      <div class="line"><span class="sk"></span></div>
      <span class="spark sk"></span>
      <div class="source"><span class="sk"></span></div>`;
  }

  protected override renderData({ metric: m, series }: MetricData, lang: Lang, t: Strings): unknown {
    const pct = m.changePct ?? 0;
    const direction = pct > 0 ? 'up' : pct < 0 ? 'down' : 'flat';
    // Highlights published only as a growth rate have no value: the growth is the figure then.
    const shown = m.latest.formattedValue ?? m.formattedChange ?? '—';
    const { url } = m.source;
    return html`<div part="label" class="label">${m.label}</div>
      <div part="value" class="value">
        <span aria-hidden="true">${shown}</span>
        <span class="sr">${m.latest.spokenValue ?? shown}</span>
      </div>
      <div class="line">
        ${
          m.latest.formattedValue && m.formattedChange
            ? html`<span part="change" class="change ${direction}">
              <span aria-hidden="true">${{ up: '▲ ', down: '▼ ', flat: '' }[direction]}${m.formattedChange}</span>
              <span class="sr">${m.spokenChange}</span>
            </span>`
            : ''
        }
        <span part="period" class="period">${m.latest.periodLabel}${m.provisional ? ` (${m.provisional.label})` : m.preliminary ? ` (${t.preliminary})` : ''}</span>
      </div>
      ${
        series
          ? html`<peru-export-sparkline part="sparkline" class="spark" lang=${lang} type=${this.type}
            exportparts="chart:sparkline-chart,cursor:sparkline-cursor,tooltip:sparkline-tooltip"
            .data=${series}></peru-export-sparkline>`
          : html`<span class="spark previous"><span>${m.previous ? `${m.previous.period}: ${m.previous.formattedValue}` : ''}</span></span>`
      }
      <div part="source" class="source">
        ${t.source}:
        <!-- Only web links: a URL from the API never becomes a javascript: link in the host page. -->
        ${/^https?:/.test(url) ? html`<a href=${url} target="_blank" rel="noopener">${m.source.publisher}</a>` : m.source.publisher},
        ${m.source.title}
      </div>`;
  }
}
