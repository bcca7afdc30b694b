import type { Lang } from '../render/format';

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
    omitted: 'periodos anteriores omitidos',
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
    omitted: 'earlier periods left out',
  },
} satisfies Record<Lang, Record<string, string>>;

export type Strings = (typeof STRINGS)[Lang];
