import type { PropertyDeclarations } from 'lit';
import { asMetric, asSeries } from './api-guards';
import type { MetricResponse, SeriesResponse } from './api-types';
import { invalidAttribute, PeruExportElement, type Loader } from './peru-export-element';

/** Metric ids as the API spells them: one or two segments (`total`, `destination/CN`). */
const METRIC_ID = /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)?$/i;
const PERIOD = /^\d{4}(-(0[1-9]|1[0-2]))?$/;
const PERIOD_ALLOWED = 'a year YYYY or a month YYYY-MM';

/** Months shown by default for a monthly series: the last two years. */
const DEFAULT_MONTHS = 24;

export interface MetricData {
  metric: MetricResponse;
  /** Null for press-release highlights, which are single figures. */
  series: SeriesResponse | null;
}

/**
 * An element that shows one metric: the `metric`, `from`, `to` and `freq` attributes and the
 * loading of `/v1/metrics/{id}` with its `/series`.
 */
export abstract class MetricElement<T> extends PeruExportElement<T> {
  static override properties: PropertyDeclarations = { metric: {}, from: {}, to: {}, freq: {} };

  /** Metric id: `total`, `sector/agro`, `destination/CN`, `highlight/total`… */
  metric = 'total';

  /** First period of the series (`YYYY` or `YYYY-MM`); default: the last 24 months, or every year for annual series. */
  from?: string;

  /** Last period of the series (`YYYY` or `YYYY-MM`); default: the latest. */
  to?: string;

  /** `monthly` or `annual` points; default: the metric's own frequency. */
  freq?: 'monthly' | 'annual';

  protected override subject(): string {
    return this.metric;
  }

  protected override inputs(): string {
    return [this.metric, this.from, this.to, this.freq].join(' ');
  }

  /**
   * The metric and its series. Without `from`/`to` the series range follows from the metric's
   * latest period, so the two requests run one after the other; with them, side by side.
   * Press-release highlights are single figures: they have no series.
   */
  protected async loadMetric({ get }: Loader): Promise<MetricData> {
    const { metric: id, from, to, freq } = this;
    if (!METRIC_ID.test(id)) throw invalidAttribute('metric', id, 'a metric id such as total, sector/agro or destination/CN');
    if (from && !PERIOD.test(from)) throw invalidAttribute('from', from, PERIOD_ALLOWED);
    if (to && !PERIOD.test(to)) throw invalidAttribute('to', to, PERIOD_ALLOWED);
    if (freq && freq !== 'monthly' && freq !== 'annual') throw invalidAttribute('freq', freq, 'monthly or annual');
    const path = `metrics/${id}`;
    const metric = get(path, {}, asMetric);
    const series = id.startsWith('highlight/')
      ? null
      : (from || to ? Promise.resolve({ from, to, freq }) : metric.then((m) => defaultRange(m, freq))).then((query) =>
          get(`${path}/series`, query, asSeries),
        );
    const [metricData, seriesData] = await Promise.all([metric, series]);
    return { metric: metricData, series: seriesData };
  }
}

function defaultRange(metric: MetricResponse, freq: string | undefined): Record<string, string | undefined> {
  const last = metric.latest.period;
  const month = /^(\d{4})-(\d{2})$/.exec(last);
  if ((freq ?? metric.frequency) !== 'monthly' || !month) return { freq };
  // Months counted from January of year 0 (zero-based): the month DEFAULT_MONTHS - 1 before the last.
  const index = Number(month[1]) * 12 + Number(month[2]) - DEFAULT_MONTHS;
  const from = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return { from, to: last, freq };
}
