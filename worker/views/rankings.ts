/**
 * Top destinations (SUNAT G6) and top sectors (SUNAT G1) for a calendar year or the latest 12
 * months, with value, share of the table's own total and growth against a year earlier. Each
 * ranking stays inside its table: shares are of that table's total, never the other's.
 */
import {
  last12Months,
  last12MonthsGrowth,
  latestPeriod,
  monthFromNumber,
  monthNumber,
  monthsCovered,
  yoyGrowth,
} from '../../data/derive';
import { getMetric, metrics } from '../../data/index';
import type { Lang, SeriesMetric } from '../../data/types';
import type { CsvTable } from '../csv';
import { invalidParams } from '../problem';
import { formatChangePct, formatUsd, spokenUsd } from '../render/format';
import type { RankingBody } from '../schemas';
import { annualOf, annualValueOf, comparedWith, periodRange } from './annual';
import { formatShare } from './format';

export type RankingKind = RankingBody['kind'];

interface RankingSpec {
  totalId: string;
  kinds: readonly SeriesMetric['kind'][];
  /** Items returned without `limit`. */
  defaultLimit: number;
  /** Largest `limit` allowed. */
  maxLimit: number;
}

export const RANKINGS: Record<RankingKind, RankingSpec> = {
  // Countries and G6's other rows (free-trade zones, ship supplies…); not the EU aggregate, which would count its members twice.
  destinations: { totalId: 'destination-total', kinds: ['destination'], defaultLimit: 10, maxLimit: 250 },
  // The sectors of both groups (traditional and non-traditional), whose shares add up with "other" to the total.
  sectors: { totalId: 'total', kinds: ['sector'], defaultLimit: 50, maxLimit: 50 },
};

type Body = Omit<RankingBody, 'apiVersion' | 'datasetVersion' | 'lang'>;

interface Window {
  from: string;
  to: string;
  year: number | null;
  months: number;
  value: (m: SeriesMetric) => number | null;
  growth: (m: SeriesMetric) => number | null;
}

function yearWindow(total: SeriesMetric, year: number): Window {
  const covered = monthsCovered(total, year);
  if (!covered) {
    const years = annualOf(total);
    const range = `${years[0]?.year} to ${years[years.length - 1]?.year}`;
    throw invalidParams([
      { param: 'year', message: `the table has no data for ${year}; it covers ${range}`, allowed: `a year from ${range}` },
    ]);
  }
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    from: `${year}-${pad(covered.from)}`,
    to: `${year}-${pad(covered.to)}`,
    year,
    months: covered.to - covered.from + 1,
    value: (m) => annualValueOf(m, year)?.value ?? null,
    growth: (m) => yoyGrowth(m, String(year)),
  };
}

function trailingWindow(total: SeriesMetric): Window {
  const end = latestPeriod(total) ?? total.start;
  const n = monthNumber(end) ?? 0;
  return {
    from: monthFromNumber(n - 11),
    to: end,
    year: null,
    months: 12,
    value: (m) => last12Months(m, end)?.value ?? null,
    growth: (m) => last12MonthsGrowth(m, end),
  };
}

export function ranking(kind: RankingKind, query: { year?: number | undefined; limit?: number | undefined }, lang: Lang): Body {
  const spec = RANKINGS[kind];
  const total = getMetric(spec.totalId);
  if (!total) throw new Error(`dataset has no ${spec.totalId}`);
  const w = query.year === undefined ? trailingWindow(total) : yearWindow(total, query.year);
  const totalValue = w.value(total) ?? 0;

  const ranked = metrics
    .filter((m) => m.source === total.source && spec.kinds.includes(m.kind))
    .map((m) => ({ metric: m, value: w.value(m) }))
    .filter((r): r is { metric: SeriesMetric; value: number } => r.value !== null && r.value > 0)
    .sort((a, b) => b.value - a.value || (a.metric.id < b.metric.id ? -1 : 1));

  const items = ranked.slice(0, query.limit ?? spec.defaultLimit).map(({ metric, value }, i) => {
    const sharePct = totalValue > 0 ? (value / totalValue) * 100 : 0;
    const growthPct = w.growth(metric);
    return {
      rank: i + 1,
      id: metric.id,
      label: metric.label[lang],
      iso2: metric.iso2 ?? null,
      parent: metric.parent,
      value,
      formattedValue: formatUsd(value, lang),
      spokenValue: spokenUsd(value, lang),
      sharePct,
      formattedShare: formatShare(sharePct, lang),
      growthPct,
      formattedGrowth: growthPct === null ? null : formatChangePct(growthPct, lang),
    };
  });

  return {
    kind,
    source: total.source,
    // A partial year is ranked by its months, labelled so ("Jan–Apr 2025"), and its growth is
    // against the same months a year earlier (yoyGrowth), which `comparedWith` names.
    period: {
      ...periodRange(w.from, w.to, lang),
      year: w.year,
      partial: w.months < 12,
      months: w.months,
      comparedWith: comparedWith(w, lang),
    },
    total: { id: total.id, label: total.label[lang], value: totalValue, formattedValue: formatUsd(totalValue, lang) },
    count: ranked.length,
    items,
  };
}

export function rankingTable(body: Body): CsvTable {
  return {
    columns: ['rank', 'id', 'label', 'iso2', 'value_usd', 'share_pct', 'growth_pct', 'period_from', 'period_to'],
    rows: body.items.map((item) => [
      item.rank,
      item.id,
      item.label,
      item.iso2,
      item.value,
      item.sharePct,
      item.growthPct,
      body.period.from,
      body.period.to,
    ]),
  };
}
