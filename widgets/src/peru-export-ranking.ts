import { html, type PropertyDeclarations } from 'lit';
import { RANKING, type Shape } from './lib/api-shapes';
import type { RankingResponse } from './lib/api-types';
import { frameStyles } from './lib/base.styles';
import type { Lang, Strings } from './lib/i18n';
import { numberAttribute } from './lib/number-attribute';
import { invalidAttribute, PeruExportElement, type Get } from './lib/peru-export-element';
import { rankingStyles } from './peru-export-ranking.styles';

export type RankingKind = 'destinations' | 'sectors';

/**
 * The top export destinations or sectors of a year (or of the latest 12 months) as a bar list,
 * with values and shares of the total.
 *
 * @tagname peru-export-ranking
 * @summary `<peru-export-ranking kind="destinations" year="2024" limit="5">`
 * @csspart title - The heading (what is ranked, and the period).
 * @csspart list - The `<ol>` of rows.
 * @csspart item - One row.
 * @csspart bar - A row's bar (an SVG; its length is the value relative to the first row's).
 * @csspart source - The source and total line.
 */
export class PeruExportRanking extends PeruExportElement<RankingResponse> {
  static override styles = [...PeruExportElement.styles, frameStyles, rankingStyles];
  static override properties: PropertyDeclarations = { kind: {}, year: {}, limit: { type: Number } };

  /**
   * `destinations` or `sectors`.
   * @attr
   */
  kind: RankingKind = 'destinations';

  /**
   * A year `YYYY`; default: the latest 12 months.
   * @attr
   */
  year?: string;

  /**
   * Number of rows, 1–50 (the API's bounds); anything else that is not a positive number gives 10.
   * @attr
   */
  limit = 10;

  protected override readonly shape: Shape = RANKING;

  protected override subject(): string {
    return `rankings/${this.kind}`;
  }

  protected override inputs(): unknown[] {
    return [this.kind, this.year, this._rows()];
  }

  protected override load(get: Get): Promise<RankingResponse> {
    const { kind, year } = this;
    // The kind is part of the path: checked here. The API checks the year and says what is wrong.
    if (kind !== 'destinations' && kind !== 'sectors') throw invalidAttribute('kind', kind, 'destinations or sectors');
    return get(`rankings/${kind}`, { year, limit: `${this._rows()}` });
  }

  protected override renderSkeleton(): unknown {
    return html`<div class="head"><span class="sk"></span></div>
      <ol>
        ${Array.from({ length: this._rows() }, () => html`<li><span class="sk"></span><span class="bar"></span></li>`)}
      </ol>
      <div class="source"><span class="sk"></span></div>`;
  }

  protected override renderData({ items, period, total }: RankingResponse, _lang: Lang, t: Strings): unknown {
    const max = Math.max(...items.map((item) => item.value), 1);
    return html`<div part="title" class="head">${t[this.kind]} <span class="muted">· ${period.label}</span></div>
      <ol part="list">
        ${items.slice(0, this._rows()).map(
          (item) => html`<li part="item">
            <span class="muted" aria-hidden="true">${item.rank}</span>
            <span class="name">${item.label}</span>
            <span class="value"><span aria-hidden="true">${item.formattedValue}</span><span class="sr">${item.spokenValue}</span></span>
            <span class="muted share">${item.formattedShare}</span>
            <svg part="bar" class="bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
              <rect width=${(item.value / max) * 100} height="1"></rect>
            </svg>
          </li>`,
        )}
      </ol>
      <div part="source" class="source muted">${t.source}: SUNAT · ${t.total} ${total.formattedValue}</div>`;
  }

  private _rows(): number {
    return Math.round(numberAttribute(this.limit, 1, 50, 10));
  }
}
