import type { PropertyDeclarations } from 'lit';
import { SPARKLINE_POINTS } from '../render/sparkline';
import type { MetricResponse, SeriesResponse } from './api-types';
import { invalidAttribute, PeruExportElement, type Get } from './peru-export-element';

/** Metric ids as the API spells them: one or two segments (`total`, `destination/CN`). */
const METRIC_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/i;

export interface MetricData {
  metric: MetricResponse;
  /** Null for press-release highlights, which are single figures. */
  series: SeriesResponse | null;
}

/**
 * An element that shows one metric: the `metric`, `from`, `to` and `freq` attributes and the
 * loading of `/v1/metrics/{id}` with its `/series`, side by side. The API checks the periods and
 * says what is wrong with them (the error event carries its message).
 */
export abstract class MetricElement<T> extends PeruExportElement<T> {
  static override properties: PropertyDeclarations = { metric: {}, from: {}, to: {}, freq: {} };

  /**
   * Metric id: `total`, `sector/agro`, `destination/CN`, `highlight/total`…
   * @attr
   */
  metric = 'total';

  /**
   * First period of the series (`YYYY` or `YYYY-MM`); default: the last 24 points (two years of months).
   * @attr
   */
  from?: string;

  /**
   * Last period of the series (`YYYY` or `YYYY-MM`); default: the latest.
   * @attr
   */
  to?: string;

  /**
   * `monthly` or `annual` points; default: the metric's own frequency.
   * @attr
   */
  freq?: 'monthly' | 'annual';

  protected override subject(): string {
    return this.metric;
  }

  protected override inputs(): unknown[] {
    return [this.metric, this.from, this.to, this.freq];
  }

  /** The metric and its series; press-release highlights are single figures without a series. */
  protected async loadMetric(get: Get): Promise<MetricData> {
    const { metric: id, from, to, freq } = this;
    // The id is part of the path: checked here, so no attribute can point a request elsewhere.
    if (!METRIC_ID.test(id)) throw invalidAttribute('metric', id, 'a metric id such as total, sector/agro or destination/CN');
    const path = `metrics/${id}`;
    const metric = get<MetricResponse>(path);
    const series = id.startsWith('highlight/')
      ? null
      : get<SeriesResponse>(`${path}/series`, { from, to, freq, last: from ? '' : `${SPARKLINE_POINTS}` });
    // Both settle before an error shows, so a retry never joins a request of the failed attempt.
    await Promise.allSettled([metric, series]);
    return { metric: await metric, series: await series };
  }
}
