/**
 * The press release's figures as published (levels, growth rates, counts, shares, statements),
 * with the year before where it is implied by level and growth (marked derived).
 */
import { highlights } from '../../data/index';
import { PRESS_RELEASE_SOURCE } from '../../data/press-release';
import type { Highlight, Lang } from '../../data/types';
import type { CsvTable } from '../csv';
import { formatChangePct } from '../render/format';
import type { HighlightItemBody, ProvenanceBody } from '../schemas';
import { formatValue } from './format';
import { provenance } from './provenance';

/** The year before a press-release figure, derived from its level and growth, formatted; or null. */
export function highlightPrevious(
  h: Highlight,
  lang: Lang,
): { period: string; value: number; formattedValue: string; derived: true } | null {
  if (!h.previous) return null;
  const { period, value } = h.previous;
  return { period, value, formattedValue: formatValue(value, h.unit, lang) ?? String(value), derived: true };
}

export function highlightItems(lang: Lang): { source: ProvenanceBody; count: number; items: HighlightItemBody[] } {
  const items = highlights.map((h): HighlightItemBody => ({
    id: h.id,
    label: h.label[lang],
    unit: h.unit,
    period: h.period,
    value: h.value,
    formattedValue: formatValue(h.value, h.unit, lang),
    growthPct: h.growthPct,
    formattedGrowth: h.growthPct === null ? null : formatChangePct(h.growthPct, lang),
    previous: highlightPrevious(h, lang),
    quote: h.quote,
    related: h.related ?? null,
    source: h.source,
  }));
  return { source: provenance(PRESS_RELEASE_SOURCE, lang), count: items.length, items };
}

export function highlightsTable(items: readonly HighlightItemBody[]): CsvTable {
  return {
    columns: [
      'id',
      'label',
      'unit',
      'period',
      'value',
      'growth_pct',
      'previous_period',
      'previous_value',
      'previous_derived',
      'related',
      'source',
      'quote',
    ],
    rows: items.map((h) => [
      h.id,
      h.label,
      h.unit,
      h.period,
      h.value,
      h.growthPct,
      h.previous?.period,
      h.previous?.value,
      h.previous ? true : null,
      h.related,
      h.source,
      h.quote,
    ]),
  };
}
