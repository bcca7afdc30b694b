/**
 * The `formatted…` strings beside each headline number, built on the renderers' formatters
 * (worker/render/format.ts) so a card, a widget and the API write a figure the same way.
 * Added here: shares (a percentage without sign) and counts, which the renderers do not draw.
 */
import type { Highlight, Lang } from '../../data/types';
import { formatChangePct, formatUsd, spokenUsd } from '../render/format';

const shareFormat: Record<Lang, Intl.NumberFormat> = {
  es: new Intl.NumberFormat('es', { style: 'percent', maximumFractionDigits: 1 }),
  en: new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 }),
};
const countFormat: Record<Lang, Intl.NumberFormat> = {
  es: new Intl.NumberFormat('es', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en', { maximumFractionDigits: 0 }),
};

/** A share of a total in percent (87.1 means 87.1 %): es "87,1 %", en "87.1%". */
export function formatShare(pct: number, lang: Lang): string {
  return shareFormat[lang].format(pct / 100);
}

export type ValueUnit = 'USD' | Highlight['unit'];

/** A figure in its unit; null where the unit carries no number (named, fact, percent-only). */
export function formatValue(value: number | null, unit: ValueUnit, lang: Lang): string | null {
  if (value === null || !Number.isFinite(value)) return null;
  switch (unit) {
    case 'USD':
      return formatUsd(value, lang);
    case 'share':
      return formatShare(value, lang);
    case 'count':
      return countFormat[lang].format(value);
    case 'percent':
      return formatChangePct(value, lang);
    case 'named':
    case 'fact':
      return null;
  }
}

/** A figure as a screen reader should say it: US dollars in words, another unit as formatValue writes it. */
export function spokenValue(value: number | null, unit: ValueUnit, lang: Lang): string | null {
  if (unit === 'USD') return value === null || !Number.isFinite(value) ? null : spokenUsd(value, lang);
  return formatValue(value, unit, lang);
}
