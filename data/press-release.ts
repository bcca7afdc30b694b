/**
 * Every figure of PROMPERÚ's press release on 2024 exports ("Peru's Historic Export Growth
 * Expands its Global Reach"), as published: levels in US dollars (the release rounds them to
 * USD 0.1 billion), growth rates in percent. The 2023 levels (`previous`) are not in the
 * release; they are derived here from level and growth, and marked as derived.
 *
 * The release follows MINCETUR's reckoning, so its figures differ from SUNAT's tables; the
 * `related` SUNAT series are for comparison only and are never mixed into these figures.
 */
import type { Highlight, Text } from './types';

export const PRESS_RELEASE_SOURCE = 'promperu-2024';
const PERIOD = '2024';
const PREVIOUS_PERIOD = '2023';

/** Published "USD 74.7 billion" → 74 700 000 000 US$. */
const billions = (amount: number): number => Math.round(amount * 1e9);

/** The level a year earlier implied by a level and its growth rate, in whole dollars. */
export function impliedPrevious(value: number, growthPct: number): number {
  return Math.round(value / (1 + growthPct / 100));
}

const QUOTES = {
  total: 'Peruvian exports in 2024 marked a 15.6% increase compared to the previous year, reaching a total of USD 74.7 billion.',
  markets:
    'Among the top destination markets, China led with USD 25 billion in exports, reflecting a 9.2% increase, followed by the United States with USD 9.5 billion (+3.6%) and the European Union with USD 8.2 billion (+19.1%).',
  otherMarkets: 'Other key markets included India, Canada, and Japan, which also saw remarkable expansion',
  nonTraditional: 'This sector increased by 11.3%, reaching USD 20.6 billion—significantly higher than the 1.6% growth recorded in 2023.',
  nonTraditionalUs:
    'The United States remained the top destination for non-traditional exports, totaling USD 6.6 billion, a 15.9% increase.',
  nonTraditionalOthers: 'The European Union followed with USD 4.1 billion (+21.7%), while Chile recorded USD 1.2 billion (+3.8%).',
  agreements: 'Currently, 22 trade agreements allow Peruvian products to access strategic markets with preferential conditions.',
  agreementExports: 'In 2024, exports under these agreements totaled USD 64.99 billion, representing 87% of total exports.',
  agribusiness:
    'Agribusiness led with USD 11.6 billion in exports, a 21.6% increase, driven by high-value products such as blueberries (+36%), avocados (+29.5%), and cocoa (+257.5%).',
  topExporter:
    'As the world’s top exporter of blueberries, asparagus, grapes, quinoa, and fishmeal, Peru continues to strengthen its global presence.',
} as const;

interface Common {
  id: string;
  label: Text;
  quote: string;
  related?: string;
}

function withRelated(h: Omit<Highlight, 'related'>, related: string | undefined): Highlight {
  return related === undefined ? h : { ...h, related };
}

/** A level in US dollars with its growth rate; the 2023 level is derived. */
function level({ id, label, quote, related }: Common, value: number, growthPct: number | null): Highlight {
  return withRelated(
    {
      id,
      label,
      source: PRESS_RELEASE_SOURCE,
      period: PERIOD,
      unit: 'USD',
      value,
      growthPct,
      previous: growthPct === null ? null : { period: PREVIOUS_PERIOD, value: impliedPrevious(value, growthPct), derived: true },
      quote,
    },
    related,
  );
}

/** Only a growth rate was published. */
function growthOnly({ id, label, quote, related }: Common, growthPct: number, period = PERIOD): Highlight {
  return withRelated(
    { id, label, source: PRESS_RELEASE_SOURCE, period, unit: 'percent', value: null, growthPct, previous: null, quote },
    related,
  );
}

/** A figure without growth: a count or a share. */
function plain({ id, label, quote, related }: Common, unit: 'count' | 'share', value: number): Highlight {
  return withRelated(
    { id, label, source: PRESS_RELEASE_SOURCE, period: PERIOD, unit, value, growthPct: null, previous: null, quote },
    related,
  );
}

/** Named without a figure, or a statement. */
function statement({ id, label, quote, related }: Common, unit: 'named' | 'fact'): Highlight {
  return withRelated(
    { id, label, source: PRESS_RELEASE_SOURCE, period: PERIOD, unit, value: null, growthPct: null, previous: null, quote },
    related,
  );
}

export const HIGHLIGHTS: readonly Highlight[] = [
  level(
    {
      id: 'highlight/total',
      label: { es: 'Exportaciones totales', en: 'Total exports' },
      quote: QUOTES.total,
      related: 'total',
    },
    billions(74.7),
    15.6,
  ),
  level(
    {
      id: 'highlight/china',
      label: { es: 'Exportaciones a China', en: 'Exports to China' },
      quote: QUOTES.markets,
      related: 'destination/CN',
    },
    billions(25),
    9.2,
  ),
  level(
    {
      id: 'highlight/united-states',
      label: { es: 'Exportaciones a Estados Unidos', en: 'Exports to the United States' },
      quote: QUOTES.markets,
      related: 'destination/US',
    },
    billions(9.5),
    3.6,
  ),
  level(
    {
      id: 'highlight/eu',
      label: { es: 'Exportaciones a la Unión Europea', en: 'Exports to the European Union' },
      quote: QUOTES.markets,
      related: 'destination/EU',
    },
    billions(8.2),
    19.1,
  ),
  statement(
    {
      id: 'highlight/india',
      label: { es: 'India, mercado destacado', en: 'India, a key market' },
      quote: QUOTES.otherMarkets,
      related: 'destination/IN',
    },
    'named',
  ),
  statement(
    {
      id: 'highlight/canada',
      label: { es: 'Canadá, mercado destacado', en: 'Canada, a key market' },
      quote: QUOTES.otherMarkets,
      related: 'destination/CA',
    },
    'named',
  ),
  statement(
    {
      id: 'highlight/japan',
      label: { es: 'Japón, mercado destacado', en: 'Japan, a key market' },
      quote: QUOTES.otherMarkets,
      related: 'destination/JP',
    },
    'named',
  ),
  level(
    {
      id: 'highlight/non-traditional',
      label: { es: 'Exportaciones no tradicionales', en: 'Non-traditional exports' },
      quote: QUOTES.nonTraditional,
      related: 'non-traditional',
    },
    billions(20.6),
    11.3,
  ),
  growthOnly(
    {
      id: 'highlight/non-traditional-2023',
      label: { es: 'Crecimiento de las exportaciones no tradicionales en 2023', en: 'Growth of non-traditional exports in 2023' },
      quote: QUOTES.nonTraditional,
      related: 'non-traditional',
    },
    1.6,
    '2023',
  ),
  level(
    {
      id: 'highlight/non-traditional-united-states',
      label: { es: 'Exportaciones no tradicionales a Estados Unidos', en: 'Non-traditional exports to the United States' },
      quote: QUOTES.nonTraditionalUs,
    },
    billions(6.6),
    15.9,
  ),
  level(
    {
      id: 'highlight/non-traditional-eu',
      label: { es: 'Exportaciones no tradicionales a la Unión Europea', en: 'Non-traditional exports to the European Union' },
      quote: QUOTES.nonTraditionalOthers,
    },
    billions(4.1),
    21.7,
  ),
  level(
    {
      id: 'highlight/non-traditional-chile',
      label: { es: 'Exportaciones no tradicionales a Chile', en: 'Non-traditional exports to Chile' },
      quote: QUOTES.nonTraditionalOthers,
    },
    billions(1.2),
    3.8,
  ),
  plain(
    {
      id: 'highlight/trade-agreements',
      label: { es: 'Acuerdos comerciales vigentes', en: 'Trade agreements in force' },
      quote: QUOTES.agreements,
    },
    'count',
    22,
  ),
  level(
    {
      id: 'highlight/trade-agreements-exports',
      label: { es: 'Exportaciones bajo acuerdos comerciales', en: 'Exports under trade agreements' },
      quote: QUOTES.agreementExports,
    },
    billions(64.99),
    null,
  ),
  plain(
    {
      id: 'highlight/trade-agreements-share',
      label: {
        es: 'Participación de las exportaciones bajo acuerdos comerciales',
        en: 'Share of exports under trade agreements',
      },
      quote: QUOTES.agreementExports,
    },
    'share',
    87,
  ),
  level(
    {
      id: 'highlight/agribusiness',
      label: { es: 'Agroexportaciones no tradicionales', en: 'Agribusiness exports' },
      quote: QUOTES.agribusiness,
      related: 'sector/agro',
    },
    billions(11.6),
    21.6,
  ),
  growthOnly({ id: 'highlight/blueberries', label: { es: 'Arándanos', en: 'Blueberries' }, quote: QUOTES.agribusiness }, 36),
  growthOnly({ id: 'highlight/avocados', label: { es: 'Paltas', en: 'Avocados' }, quote: QUOTES.agribusiness }, 29.5),
  growthOnly({ id: 'highlight/cocoa', label: { es: 'Cacao', en: 'Cocoa' }, quote: QUOTES.agribusiness }, 257.5),
  statement(
    {
      id: 'highlight/top-exporter-blueberries',
      label: { es: 'Primer exportador mundial de arándanos', en: 'World’s top exporter of blueberries' },
      quote: QUOTES.topExporter,
    },
    'fact',
  ),
  statement(
    {
      id: 'highlight/top-exporter-asparagus',
      label: { es: 'Primer exportador mundial de espárragos', en: 'World’s top exporter of asparagus' },
      quote: QUOTES.topExporter,
    },
    'fact',
  ),
  statement(
    {
      id: 'highlight/top-exporter-grapes',
      label: { es: 'Primer exportador mundial de uvas', en: 'World’s top exporter of grapes' },
      quote: QUOTES.topExporter,
    },
    'fact',
  ),
  statement(
    {
      id: 'highlight/top-exporter-quinoa',
      label: { es: 'Primer exportador mundial de quinua', en: 'World’s top exporter of quinoa' },
      quote: QUOTES.topExporter,
    },
    'fact',
  ),
  statement(
    {
      id: 'highlight/top-exporter-fishmeal',
      label: { es: 'Primer exportador mundial de harina de pescado', en: 'World’s top exporter of fishmeal' },
      quote: QUOTES.topExporter,
      related: 'product/fishmeal',
    },
    'fact',
  ),
];
