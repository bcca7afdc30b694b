import { RenderOptionError } from './errors';

/** The languages the renderers write (the same as the dataset's `Lang`). */
export type Lang = 'es' | 'en';
export const LANGS = ['es', 'en'] as const satisfies readonly Lang[];

export function parseLang(value: unknown): Lang {
  if (value === undefined) return 'en';
  if (typeof value === 'string' && (LANGS as readonly string[]).includes(value)) return value as Lang;
  throw new RenderOptionError('lang', 'es or en', String(value));
}

// Intl formatters are costly to build and immutable: one per language and kind.
const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let formatter = cache.get(key);
  if (formatter === undefined) cache.set(key, (formatter = make()));
  return formatter as T;
}

/**
 * A number in words with three significant digits: es "74,7 mil millones", en "74.7 billion".
 * (Intl's compact *currency* ignores `compactDisplay: 'long'`, hence number plus prefix below.)
 */
export function formatCompact(value: number, lang: Lang): string {
  // Past trillions the words stop ("1.000.000 billones"): scientific keeps it short.
  if (Math.abs(value) >= 1e15) {
    return cached(`e${lang}`, () => new Intl.NumberFormat(lang, { notation: 'scientific', maximumSignificantDigits: 3 })).format(value);
  }
  return cached(
    `c${lang}`,
    () => new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumSignificantDigits: 3 }),
  ).format(value);
}

/** US dollars in words: es "US$ 74,7 mil millones" (Peruvian usage, no-break space), en "US$74.7 billion". */
export function formatUsd(value: number, lang: Lang): string {
  const sign = value < 0 ? '-' : '';
  return `${sign}US$${lang === 'es' ? '\u00a0' : ''}${formatCompact(Math.abs(value), lang)}`;
}

/** A change in percent (15.6 means +15.6 %): es "+15,6 %" (no-break space), en "+15.6%", "0%" for none. */
export function formatChangePct(pct: number, lang: Lang): string {
  return cached(
    `p${lang}`,
    () => new Intl.NumberFormat(lang, { style: 'percent', signDisplay: 'exceptZero', maximumFractionDigits: 1 }),
  ).format(pct / 100);
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * A dataset period in words: `2024-01` → es "enero de 2024", en "January 2024" (or with
 * `short`: "ene 2024", "Jan 2024"); a year or any other text is returned unchanged.
 */
export function formatPeriod(period: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const month = MONTH.exec(period);
  if (!month) return period;
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return cached(`d${lang}${style}`, () => new Intl.DateTimeFormat(lang, { month: style, year: 'numeric', timeZone: 'UTC' })).format(date);
}

/**
 * A dollar amount as a screen reader should say it: "74,7 mil millones de dólares",
 * "74.7 billion US dollars" (the shown "US$ 74,7 mil mill." reads badly aloud).
 */
export function spokenUsd(value: number, lang: Lang): string {
  const amount = formatCompact(value, lang);
  if (lang === 'en') return `${amount} US dollars`;
  return `${amount}${/(llones|llón)$/.test(amount) ? ' de' : ''} dólares`;
}

/** A change as words: "15,6 % más que en abril de 2024", "down 3% from 2023", "unchanged from 2023". */
export function spokenChange(pct: number, previousPeriod: string | null, lang: Lang): string {
  const amount = formatChangePct(Math.abs(pct), lang).replace('+', '');
  const since = previousPeriod === null ? '' : formatPeriod(previousPeriod, lang);
  if (lang === 'en') {
    const direction = pct > 0 ? `up ${amount}` : pct < 0 ? `down ${amount}` : 'unchanged';
    return since ? `${direction} from ${since}` : direction;
  }
  const direction = pct > 0 ? `${amount} más` : pct < 0 ? `${amount} menos` : 'sin variación';
  return since ? `${direction}${pct === 0 ? ' frente a' : ' que en'} ${since}` : direction;
}

const MONTHS_WORD: Record<Lang, [one: string, many: string]> = { es: ['mes', 'meses'], en: ['month', 'months'] };

/**
 * A period as the API labels it (`periodLabel`): {@link formatPeriod}'s long form ("abril de
 * 2025", "April 2025", "2024"), and for a year the data hold only in part, how many months it
 * holds: `partialMonths` 4 gives "2025 (4 meses)", "2025 (4 months)".
 */
export function periodLabel(period: string, lang: Lang, partialMonths: number | null = null): string {
  const label = formatPeriod(period, lang);
  if (partialMonths === null) return label;
  const [one, many] = MONTHS_WORD[lang];
  return `${label} (${partialMonths} ${partialMonths === 1 ? one : many})`;
}
