/**
 * Top destinations (SUNAT G6) and top sectors (SUNAT G1) for a calendar year or the latest 12
 * months, with value, share of the table's own total and growth against a year earlier. Each
 * ranking stays inside its table: shares are of that table's total, never the other's. The
 * request is checked before (checks/ranking.ts): a year here is one the table covers.
 */
import { last12Months, last12MonthsGrowth, latestPeriod, monthFromNumber, monthNumber, yoyGrowth } from '../../data/derive';
import { metrics } from '../../data/index';
import type { Lang, SeriesMetric } from '../../data/types';
import type { CsvTable } from '../csv';
import { formatChangePct, formatUsd, spokenUsd } from '../render/format';
import type { RankingBody } from '../schemas';
import { annualValueOf, comparedWith, periodRange } from './annual';
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

/** A year the table covers, with the calendar months (1–12) it holds of it: January–April for a partial year. */
export interface CoveredYear {
  year: number;
  months: { from: number; to: number };
}

/**
 * What a ranking ranks, from a request that passed its checks (checks/ranking.ts): the table's
 * total series, a year it covers (null: the latest 12 months), and how many items to list.
 */
export interface RankingSelection {
  kind: RankingKind;
  total: SeriesMetric;
  year: CoveredYear | null;
  limit: number;
}

function yearWindow({ year, months }: CoveredYear): Window {
  const pad = (m: number) => String(m).padStart(2, '0');
  return {
    from: `${year}-${pad(months.from)}`,
    to: `${year}-${pad(months.to)}`,
    year,
    months: months.to - months.from + 1,
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

export function ranking({ kind, total, year, limit }: RankingSelection, lang: Lang): Body {
  const spec = RANKINGS[kind];
  const w = year === null ? trailingWindow(total) : yearWindow(year);
  const totalValue = w.value(total) ?? 0;

  const ranked = metrics
    .filter((m) => m.source === total.source && spec.kinds.includes(m.kind))
    .map((m) => ({ metric: m, value: w.value(m) }))
    .filter((r): r is { metric: SeriesMetric; value: number } => r.value !== null && r.value > 0)
    .sort((a, b) => b.value - a.value || (a.metric.id < b.metric.id ? -1 : 1));

  const items = ranked.slice(0, limit).map(({ metric, value }, i) => {
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
