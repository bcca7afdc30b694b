import { formatChangePct, formatCompact, formatPeriod, type Lang } from '../render/format';

export type { Lang };

/**
 * The language an element speaks: the nearest `lang` attribute on it or its ancestors (through
 * shadow roots), `en…` giving English and anything else Spanish; Spanish when there is none.
 */
export function pageLang(element: Element): Lang {
  for (let node: Node | null = element; node; node = node.parentNode ?? (node as ShadowRoot).host ?? null) {
    const lang = (node as Element).getAttribute?.('lang');
    if (lang) return /^en\b/i.test(lang) ? 'en' : 'es';
  }
  return 'es';
}

export const STRINGS = {
  es: {
    error: 'No se pudieron cargar los datos.',
    retry: 'Reintentar',
    loading: 'Cargando…',
    source: 'Fuente',
    preliminary: 'preliminar',
    period: 'Periodo',
    value: 'Valor',
    total: 'Total',
    destinations: 'Principales destinos de exportación',
    sectors: 'Exportaciones por sector',
    keys: 'Use las flechas para recorrer los valores.',
    months: 'meses',
  },
  en: {
    error: 'Could not load the data.',
    retry: 'Retry',
    loading: 'Loading…',
    source: 'Source',
    preliminary: 'preliminary',
    period: 'Period',
    value: 'Value',
    total: 'Total',
    destinations: 'Top export destinations',
    sectors: 'Exports by sector',
    keys: 'Use the arrow keys to go through the values.',
    months: 'months',
  },
} satisfies Record<Lang, Record<string, string>>;

export type Strings = (typeof STRINGS)[Lang];

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
