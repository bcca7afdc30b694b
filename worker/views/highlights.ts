/**
 * The press release's figures as published (levels, growth rates, counts, shares, statements),
 * with the year before where it is implied by level and growth (marked derived).
 */
import { highlights } from '../../data/index';
import { PRESS_RELEASE_SOURCE } from '../../data/press-release';
import type { Lang } from '../../data/types';
import type { CsvTable } from '../csv';
import { formatChangePct } from '../render/format';
import type { HighlightItemBody, ProvenanceBody } from '../schemas';
import { formatValue } from './format';
import { provenance } from './provenance';

export function highlightItems(lang: Lang): { source: ProvenanceBody; count: number; items: HighlightItemBody[] } {
  const items = highlights.map(
    (h): HighlightItemBody => ({
      id: h.id,
      label: h.label[lang],
      unit: h.unit,
      period: h.period,
      value: h.value,
      formattedValue: formatValue(h.value, h.unit, lang),
      growthPct: h.growthPct,
      formattedGrowth: h.growthPct === null ? null : formatChangePct(h.growthPct, lang),
      previous: h.previous
        ? {
            period: h.previous.period,
            value: h.previous.value,
            formattedValue: formatValue(h.previous.value, h.unit, lang) ?? String(h.previous.value),
            derived: true,
          }
        : null,
      quote: h.quote,
      related: h.related ?? null,
      source: h.source,
    }),
  );
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
