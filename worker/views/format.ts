/**
 * The `formatted…` strings beside each headline number, built on the renderers' formatters
 * (worker/render/format.ts) so a card, a widget and the API write a figure the same way.
 * Added here: shares (a percentage without sign) and counts, which the renderers do not draw.
 */
import type { Highlight, Lang } from '../../data/types';
import { formatChangePct, formatPeriod, formatUsd, spokenUsd } from '../render/format';

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

const monthFormat: Record<Lang, Intl.DateTimeFormat> = {
  es: new Intl.DateTimeFormat('es', { month: 'short', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en', { month: 'short', timeZone: 'UTC' }),
};
const MONTH = /^(\d{4})-(\d{2})$/;

/**
 * Periods `from`..`to` in words, short: a whole year as "2024", months of one year as
 * "ene–abr 2025" / "Jan–Apr 2025" (one month: "abr 2025"), other ranges as "may 2024 – abr 2025".
 * Years (`YYYY`) as "2019" or "2010–2019".
 */
export function rangeLabel(from: string, to: string, lang: Lang): string {
  const a = MONTH.exec(from);
  const b = MONTH.exec(to);
  if (!a || !b) return from === to ? from : `${from}\u2013${to}`;
  if (from === to) return formatPeriod(from, lang, 'short');
  if (a[1] !== b[1]) return `${formatPeriod(from, lang, 'short')} \u2013 ${formatPeriod(to, lang, 'short')}`;
  if (a[2] === '01' && b[2] === '12') return a[1]!;
  const month = (m: string) => monthFormat[lang].format(new Date(Date.UTC(2000, Number(m) - 1, 1)));
  return `${month(a[2]!)}\u2013${month(b[2]!)} ${a[1]}`;
}
