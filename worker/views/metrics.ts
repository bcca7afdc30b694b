/**
 * The metric catalogue and one metric's headline figures, computed from the dataset with
 * data/derive.ts. Pure: no HTTP here, so the image routes' cards reuse `metricDetail`.
 */
import { coverage, latestPeriod, revisionWindowStart, share, valueAt, yoyGrowth } from '../../data/derive';
import { getMetric, getSource, metrics } from '../../data/index';
import type { Highlight, Lang, MetricKind, SeriesMetric } from '../../data/types';
import type { CsvTable } from '../csv';
import { formatChangePct, formatUsd, periodLabel, spokenChange } from '../render/format';
import type { MetricDetailBody, MetricSummaryBody } from '../schemas';
import { annualValueOf, comparedWith, periodRange, yearEarlier, yearRange } from './annual';
import { highlightPrevious } from './highlights';
import { formatShare, formatValue, spokenValue, type ValueUnit } from './format';
import type { FoundMetric } from './lookup';
import { provenance } from './provenance';

type Body<T> = Omit<T, 'apiVersion' | 'datasetVersion' | 'lang'>;

/** Is `period` at or after `since` (both of the series' own format)? */
function isPreliminary(metric: SeriesMetric, period: string | null): boolean {
  return metric.preliminaryFrom !== undefined && period !== null && period >= metric.preliminaryFrom;
}

/** Short enough to sit beside a month on a 360 px card; `note` says the rest (it will be revised, and which way). */
const PROVISIONAL_LABEL: Record<'incomplete' | 'estimate', Record<Lang, string>> = {
  incomplete: { es: 'incompleto', en: 'incomplete' },
  estimate: { es: 'preliminar', en: 'preliminary' },
};

/**
 * Whether `period` lies inside the revision window of the metric's source, counted back from the
 * series' last month: then its figure, and any change resting on it, is provisional.
 */
function provisionalOf(metric: SeriesMetric, period: string | null, lang: Lang): MetricDetailBody['provisional'] {
  const revision = getSource(metric.source)?.revision;
  const from = revision ? revisionWindowStart(coverage(metric).last, revision.months) : null;
  if (!revision || from === null || period === null || period < from) return null;
  return {
    kind: revision.kind,
    from,
    label: PROVISIONAL_LABEL[revision.kind][lang],
    note: revision.note[lang],
  };
}

/** A latest figure (MaybePeriodValue): the period in words, the figure written and as spoken. */
function latestFigure(period: string, value: number | null, unit: ValueUnit, lang: Lang): MetricSummaryBody['latest'] {
  return {
    period,
    periodLabel: periodLabel(period, lang),
    value,
    formattedValue: formatValue(value, unit, lang),
    spokenValue: spokenValue(value, unit, lang),
  };
}

export function metricSummary(metric: SeriesMetric, lang: Lang): MetricSummaryBody {
  const { first, last } = coverage(metric);
  const latest = latestPeriod(metric);
  const value = latest === null ? null : valueAt(metric, latest);
  return {
    id: metric.id,
    label: metric.label[lang],
    kind: metric.kind,
    unit: metric.unit,
    frequency: metric.frequency,
    source: metric.source,
    parent: metric.parent,
    iso2: metric.iso2 ?? null,
    first,
    last,
    preliminaryFrom: metric.preliminaryFrom ?? null,
    latest: latestFigure(latest ?? last, value, metric.unit, lang),
  };
}

export function metricCatalogue(lang: Lang, kind?: MetricKind): { count: number; metrics: MetricSummaryBody[] } {
  const list = metrics.filter((m) => kind === undefined || m.kind === kind).map((m) => metricSummary(m, lang));
  return { count: list.length, metrics: list };
}

export function catalogueTable(list: readonly MetricSummaryBody[]): CsvTable {
  return {
    columns: ['id', 'label', 'kind', 'unit', 'frequency', 'source', 'parent', 'iso2', 'first', 'last', 'latest_period', 'latest_value'],
    rows: list.map((m) => [
      m.id,
      m.label,
      m.kind,
      m.unit,
      m.frequency,
      m.source,
      m.parent,
      m.iso2,
      m.first,
      m.last,
      m.latest.period,
      m.latest.value,
    ]),
  };
}

function change(pct: number | null, lang: Lang): { changePct: number | null; formattedChange: string | null } {
  return { changePct: pct, formattedChange: pct === null ? null : formatChangePct(pct, lang) };
}

/** The change of the latest figure in words, against the same period a year earlier (`previous`). */
function spokenChangeOf(pct: number | null, latest: string, lang: Lang): string | null {
  return pct === null ? null : spokenChange(pct, yearEarlier(latest), lang);
}

function seriesDetail(metric: SeriesMetric, lang: Lang): Body<MetricDetailBody> {
  const latest = latestPeriod(metric);
  const value = latest === null ? null : valueAt(metric, latest);
  const previousPeriod = latest === null ? null : yearEarlier(latest);
  const previousValue = previousPeriod === null ? null : valueAt(metric, previousPeriod);

  const parent = metric.parent === null ? undefined : getMetric(metric.parent);
  let sharePct: number | null = null;
  if (parent && latest !== null) {
    try {
      sharePct = share(metric, parent, latest);
    } catch {
      sharePct = null; // a parent of another source or frequency: never mixed
    }
  }

  const year = latest === null ? null : Number(latest.slice(0, 4));
  const annual = year === null ? null : annualValueOf(metric, year);
  const changePct = latest === null ? null : yoyGrowth(metric, latest);
  const period = latest ?? coverage(metric).last;

  return {
    id: metric.id,
    label: metric.label[lang],
    kind: metric.kind,
    unit: metric.unit,
    frequency: metric.frequency,
    parent: metric.parent,
    iso2: metric.iso2 ?? null,
    latest: latestFigure(period, value, metric.unit, lang),
    previous:
      previousPeriod !== null && previousValue !== null
        ? { period: previousPeriod, value: previousValue, formattedValue: formatUsd(previousValue, lang), derived: false }
        : null,
    ...change(changePct, lang),
    spokenChange: spokenChangeOf(changePct, period, lang),
    share:
      parent && sharePct !== null
        ? { of: parent.id, ofLabel: parent.label[lang], pct: sharePct, formattedPct: formatShare(sharePct, lang) }
        : null,
    annual:
      annual && annual.value !== null
        ? {
            year: annual.year,
            value: annual.value,
            formattedValue: formatUsd(annual.value, lang),
            periodLabel: periodLabel(String(annual.year), lang, annual.partial ? annual.months : null),
            partial: annual.partial,
            months: annual.months,
            ...change(yoyGrowth(metric, String(annual.year)), lang),
            comparedWith: comparedWith(yearRange(metric, annual.year, lang), lang),
          }
        : null,
    preliminary: isPreliminary(metric, latest),
    provisional: provisionalOf(metric, latest, lang),
    source: provenance(metric.source, lang),
    quote: null,
    related: null,
  };
}

/** A press-release figure in the same shape: one annual figure, its published growth, the derived year before. */
function highlightDetail(h: Highlight, lang: Lang): Body<MetricDetailBody> {
  const growth = change(h.growthPct, lang);
  return {
    id: h.id,
    label: h.label[lang],
    kind: 'highlight',
    unit: h.unit,
    frequency: 'annual',
    parent: null,
    iso2: null,
    latest: latestFigure(h.period, h.value, h.unit, lang),
    previous: highlightPrevious(h, lang),
    ...growth,
    spokenChange: spokenChangeOf(h.growthPct, h.period, lang),
    share: null,
    annual:
      h.unit === 'USD' && h.value !== null
        ? {
            year: Number(h.period),
            value: h.value,
            formattedValue: formatUsd(h.value, lang),
            periodLabel: periodLabel(h.period, lang),
            partial: false,
            months: 12,
            ...growth,
            comparedWith: periodRange(yearEarlier(h.period), yearEarlier(h.period), lang),
          }
        : null,
    preliminary: false,
    provisional: null,
    source: provenance(h.source, lang),
    quote: h.quote,
    related: h.related ?? null,
  };
}

export function metricDetail(found: FoundMetric, lang: Lang): Body<MetricDetailBody> {
  return found.type === 'series' ? seriesDetail(found.metric, lang) : highlightDetail(found.highlight, lang);
}
