/**
 * API responses in exactly the shape of the contract (worker/schemas.ts) and of the
 * worker's zod schemas (worker/schemas.ts; test/scripts/widget-fixtures.test.ts checks these
 * fixtures against them). Figures are SUNAT's, formatted with the same helpers the API uses.
 * Pure data and functions: no DOM, so Node tests can import it too.
 */
import { describeSeries, formatChangePct, formatUsd, periodLabel, spokenChange, spokenUsd, type Lang } from '@peru-exports/widgets/render';

const envelope = (lang: Lang) => ({ apiVersion: '1', datasetVersion: 'fixture0001', lang });
const usd = (value: number | null, lang: Lang) => (value === null ? null : formatUsd(value, lang));
const pct = (value: number, lang: Lang) => formatChangePct(value, lang);
/** A latest figure in US dollars, as the API writes it (MaybePeriodValue). */
const figure = (period: string, value: number, lang: Lang) => ({
  period,
  periodLabel: periodLabel(period, lang),
  value,
  formattedValue: usd(value, lang)!,
  spokenValue: spokenUsd(value, lang),
});

/** `count` consecutive months ending with `last` (YYYY-MM). */
export function monthsEnding(last: string, count: number): string[] {
  const [year, month] = last.split('-').map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const n = year * 12 + month - 1 - (count - 1 - i);
    return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
  });
}

const LAST = '2025-04';

interface MonthlySeries {
  id: string;
  label: Record<Lang, string>;
  kind: string;
  source: 'sunat-g1' | 'sunat-g6';
  parent: string | null;
  iso2: string | null;
  /** The 24 months to 2025-04, then the same month a year earlier is 12 back. */
  values: number[];
  /** Annual sums, from 2016. */
  annual: number[];
}

/** SUNAT Cuadro G1 total and Cuadro G6 China, May 2023 – April 2025. */
export const SERIES: Record<string, MonthlySeries> = {
  total: {
    id: 'total',
    label: { es: 'Exportaciones totales', en: 'Total exports' },
    kind: 'total',
    source: 'sunat-g1',
    parent: null,
    iso2: null,
    values: [
      4785657210, 5391514227, 4979919560, 5290892880, 5671996867, 5703476934, 5750851563, 6172987356, 5290227592, 5348783682, 5535855631,
      4987336301, 6079552745, 6018956321, 6703387622, 6762254538, 6716840924, 6274834901, 7531632480, 6344280580, 6429674715, 5560748635,
      5894052110, 4601631294,
    ],
    annual: [
      36321219727, 44376403264, 49184450319, 46456705379, 41782767016, 60882080061, 63483634317, 64288654931, 73593943317, 22486106754,
    ],
  },
  'destination/CN': {
    id: 'destination/CN',
    label: { es: 'China', en: 'China' },
    kind: 'destination',
    source: 'sunat-g6',
    parent: 'destination-total',
    iso2: 'CN',
    values: [
      1727068066, 2194428233, 1844440890, 1893205401, 2081584188, 1875636595, 1923686109, 2194077485, 1765253222, 1997838428, 2104537828,
      1557786752, 1946079241, 2364313021, 2415801468, 2405711196, 2017464661, 1743566388, 2595738496, 1650883775, 2211670832, 1651677546,
      2023320671, 1162999751,
    ],
    annual: [],
  },
};

const SOURCES = {
  'sunat-g1': {
    title: {
      es: 'Nota Tributaria y Aduanera, Cuadro G1: Exportación definitiva según sector económico',
      en: 'Nota Tributaria y Aduanera, Table G1: Definitive exports by economic sector',
    },
  },
  'sunat-g6': {
    title: {
      es: 'Nota Tributaria y Aduanera, Cuadro G6: ranking de principales países de destino',
      en: 'Nota Tributaria y Aduanera, Table G6: ranking of main destination countries',
    },
  },
} as const;

const SUNAT = 'SUNAT (Superintendencia Nacional de Aduanas y de Administración Tributaria, Perú)';

/** `GET /v1/metrics/{id}` for a monthly SUNAT series. */
export function metricResponse(id: string, lang: Lang) {
  if (id.startsWith('highlight/')) return highlightResponse(lang);
  const s = SERIES[id];
  if (!s) return undefined;
  const months = monthsEnding(LAST, s.values.length);
  const latest = s.values.at(-1)!;
  const previous = s.values.at(-13)!;
  const change = Math.round(((latest - previous) / previous) * 1000) / 10;
  return {
    ...envelope(lang),
    id: s.id,
    label: s.label[lang],
    kind: s.kind,
    unit: 'USD',
    frequency: 'monthly',
    parent: s.parent,
    iso2: s.iso2,
    latest: figure(LAST, latest, lang),
    previous: { period: months.at(-13)!, value: previous, formattedValue: usd(previous, lang)!, derived: false },
    changePct: change,
    formattedChange: pct(change, lang),
    spokenChange: spokenChange(change, months.at(-13)!, lang),
    share: s.parent
      ? { of: s.parent, ofLabel: lang === 'es' ? 'Total general' : 'Total', pct: 25.3, formattedPct: lang === 'es' ? '25,3 %' : '25.3%' }
      : null,
    annual: {
      year: 2025,
      value: 22486106754,
      formattedValue: usd(22486106754, lang)!,
      periodLabel: periodLabel('2025', lang, 4),
      partial: true,
      months: 4,
      changePct: 4.6,
      formattedChange: pct(4.6, lang),
      comparedWith: { from: '2024-01', to: '2024-04', label: lang === 'es' ? 'ene–abr 2024' : 'Jan–Apr 2024' },
    },
    preliminary: true,
    provisional: {
      kind: 'incomplete',
      from: months.at(-7)!,
      label: lang === 'es' ? 'incompleto' : 'incomplete',
      note: lang === 'es' ? 'Los últimos 7 meses están incompletos.' : 'The latest 7 months are incomplete.',
    },
    source: {
      id: s.source,
      publisher: SUNAT,
      title: SOURCES[s.source].title[lang],
      url: 'https://www.sunat.gob.pe/estadisticasestudios/exportaciones.html',
      notes: [lang === 'es' ? 'Cifras de 2024 y 2025 preliminares.' : 'Figures for 2024 and 2025 are preliminary.'],
    },
    quote: null,
    related: null,
  };
}

/** `GET /v1/metrics/highlight/total`: the press release's 2024 total (a single published figure). */
export function highlightResponse(lang: Lang) {
  const value = 74_700_000_000;
  const previous = Math.round(value / 1.156);
  return {
    ...envelope(lang),
    id: 'highlight/total',
    label: lang === 'es' ? 'Exportaciones peruanas en 2024 (MINCETUR)' : 'Peruvian exports in 2024 (MINCETUR)',
    kind: 'highlight',
    unit: 'USD',
    frequency: 'annual',
    parent: null,
    iso2: null,
    latest: figure('2024', value, lang),
    previous: { period: '2023', value: previous, formattedValue: usd(previous, lang)!, derived: true },
    changePct: 15.6,
    formattedChange: pct(15.6, lang),
    spokenChange: spokenChange(15.6, '2023', lang),
    share: null,
    annual: null,
    preliminary: false,
    provisional: null,
    source: {
      id: 'promperu-2024',
      publisher: 'PROMPERÚ',
      title:
        lang === 'es' ? 'Crecimiento histórico de las exportaciones del Perú' : 'Peru’s Historic Export Growth Expands its Global Reach',
      url: 'https://newsdirect.com/news/perus-historic-export-growth-expands-its-global-reach-321549447',
      notes: [],
    },
    quote: 'Peruvian exports in 2024 marked a 15.6% increase compared to the previous year, reaching a total of USD 74.7 billion.',
    related: 'total',
  };
}

export interface SeriesQuery {
  from?: string | null;
  to?: string | null;
  freq?: string | null;
  /** The last N points, ending at `to` (a whole number as text, like the query string). */
  last?: string | null;
}

/**
 * `GET /v1/metrics/{id}/series`, clipped to `from`/`to` like the API, or the `last` N points
 * ending at `to`; `freq=annual` for the total. (A bad `last`, or `last` with `from`, is the
 * 400 of {@link seriesProblem}.)
 */
export function seriesResponse(id: string, lang: Lang, query: SeriesQuery = {}) {
  const s = SERIES[id];
  if (!s) return undefined;
  const annual = query.freq === 'annual';
  const all = annual
    ? s.annual.map((value, i) => {
        const partial = i === s.annual.length - 1;
        const months = partial ? 4 : 12;
        const period = String(2016 + i);
        return {
          period,
          periodLabel: periodLabel(period, lang, partial ? months : null),
          value,
          formattedValue: usd(value, lang),
          partial,
          months,
        };
      })
    : monthsEnding(LAST, s.values.length).map((period, i) => ({
        period,
        periodLabel: periodLabel(period, lang),
        value: s.values[i]!,
        formattedValue: usd(s.values[i]!, lang),
      }));
  // A year as `to` of monthly points ends in December, as in the API.
  const to = query.to && !annual && query.to.length === 4 ? `${query.to}-12` : query.to;
  const inRange = all.filter((p) => (!query.from || p.period >= query.from) && (!to || p.period <= to));
  const points = query.last ? inRange.slice(-Number(query.last)) : inRange;
  return {
    ...envelope(lang),
    id: s.id,
    label: s.label[lang],
    unit: 'USD',
    frequency: annual ? 'annual' : 'monthly',
    source: s.source,
    from: points[0]?.period ?? '',
    to: points.at(-1)?.period ?? '',
    preliminaryFrom: '2024-01',
    description: describeSeries(points, lang, formatUsd),
    points,
  };
}

const DESTINATIONS: [string, Record<Lang, string>, string, number, number][] = [
  ['destination/CN', { es: 'China', en: 'China' }, 'CN', 24564974476, 23007828054],
  ['destination/US', { es: 'Estados Unidos', en: 'United States' }, 'US', 9501867318, 9132875628],
  ['destination/IN', { es: 'India', en: 'India' }, 'IN', 4693256113, 2531011259],
  ['destination/CA', { es: 'Canadá', en: 'Canada' }, 'CA', 3840249200, 2970483232],
  ['destination/JP', { es: 'Japón', en: 'Japan' }, 'JP', 3311397606, 2310518543],
  ['destination/CH', { es: 'Suiza', en: 'Switzerland' }, 'CH', 2642307358, 1656198313],
];

const SECTORS: [string, Record<Lang, string>, null, number, number][] = [
  ['sector/mining', { es: 'Minero', en: 'Mining' }, null, 45571152799, 39597016891],
  ['sector/agro', { es: 'Agropecuario', en: 'Agriculture and livestock' }, null, 11120645474, 9167035163],
  ['sector/oil-gas', { es: 'Petróleo y gas natural', en: 'Oil and natural gas' }, null, 3832375679, 3934730901],
  ['sector/fishing-traditional', { es: 'Pesquero tradicional', en: 'Traditional fishing' }, null, 2287925260, 1141969290],
  ['sector/chemical', { es: 'Químico', en: 'Chemicals' }, null, 2192503946, 1996971561],
  ['sector/steel-metallurgy', { es: 'Sidero-metalúrgico', en: 'Iron, steel and metallurgy' }, null, 1799903852, 1451378519],
];

/** `GET /v1/rankings/{kind}?year=&limit=`: 2024, or the latest 12 months without a year. */
export function rankingResponse(kind: string, lang: Lang, query: { year?: string | null; limit?: string | null } = {}) {
  const rows = kind === 'destinations' ? DESTINATIONS : kind === 'sectors' ? SECTORS : undefined;
  if (!rows) return undefined;
  const total = 73593943317;
  const year = query.year ? Number(query.year) : null;
  const label = year ? String(year) : lang === 'es' ? 'may. 2024 – abr. 2025' : 'May 2024 – Apr 2025';
  const items = rows.slice(0, Number(query.limit ?? 10)).map(([id, names, iso2, value, before], i) => {
    const share = Math.round((value / total) * 1000) / 10;
    const growth = Math.round(((value - before) / before) * 1000) / 10;
    return {
      rank: i + 1,
      id,
      label: names[lang],
      iso2,
      parent: kind === 'destinations' ? 'destination-total' : null,
      value,
      formattedValue: usd(value, lang)!,
      spokenValue: spokenUsd(value, lang),
      sharePct: share,
      formattedShare: lang === 'es' ? `${String(share).replace('.', ',')} %` : `${share}%`,
      growthPct: growth,
      formattedGrowth: pct(growth, lang),
    };
  });
  return {
    ...envelope(lang),
    kind,
    source: kind === 'destinations' ? 'sunat-g6' : 'sunat-g1',
    period: {
      from: year ? `${year}-01` : '2024-05',
      to: year ? `${year}-12` : LAST,
      label,
      year,
      partial: false,
      months: 12,
      comparedWith: year
        ? { from: `${year - 1}-01`, to: `${year - 1}-12`, label: String(year - 1) }
        : { from: '2023-05', to: '2024-04', label: lang === 'es' ? 'may. 2023 – abr. 2024' : 'May 2023 – Apr 2024' },
    },
    total: {
      id: kind === 'destinations' ? 'destination-total' : 'total',
      label: lang === 'es' ? 'Total' : 'Total',
      value: total,
      formattedValue: usd(total, lang)!,
    },
    count: rows.length,
    items,
  };
}

/** An RFC 9457 problem as the API sends it. */
export function problemResponse(status: number, title: string, detail: string) {
  return { type: `https://peru-exports.example/problems/${status}`, title, status, detail };
}

/** The API's 400 for a bad `last` on a series request, or null when `last` is fine. */
export function seriesProblem(query: SeriesQuery) {
  if (query.last == null) return null;
  if (query.from != null) {
    return problemResponse(
      400,
      'Invalid request parameter',
      'from and last cannot be used together: use one of them (from for a first period, last for the last N points)',
    );
  }
  if (!/^\d{1,4}$/.test(query.last) || Number(query.last) < 1 || Number(query.last) > 1000) {
    return problemResponse(
      400,
      'Invalid request parameter',
      `last must be a whole number from 1 to 1000; got ${JSON.stringify(query.last)}`,
    );
  }
  return null;
}

/**
 * Answers an API URL the way the API would (200 with a body, or a 400 or 404 problem), for mocks.
 * Returns the status and the JSON body.
 */
export function answer(url: URL): { status: number; body: unknown } {
  const lang: Lang = url.searchParams.get('lang') === 'en' ? 'en' : 'es';
  const path = url.pathname.replace(/^.*?\/v1\//, '');
  const query = Object.fromEntries(url.searchParams);
  let body: unknown;
  let match: RegExpExecArray | null;
  if ((match = /^metrics\/(.+)\/series$/.exec(path))) {
    const problem = seriesProblem(query);
    if (problem) return { status: 400, body: problem };
    body = seriesResponse(match[1]!, lang, query);
  } else if ((match = /^metrics\/(.+)$/.exec(path))) body = metricResponse(match[1]!, lang);
  else if ((match = /^rankings\/([^/]+)$/.exec(path))) {
    if (query.year !== undefined && !/^\d{4}$/.test(query.year)) {
      const detail = `year must be a year YYYY (e.g. 2024); got ${JSON.stringify(query.year)}`;
      return { status: 400, body: problemResponse(400, 'Invalid request parameter', detail) };
    }
    body = rankingResponse(match[1]!, lang, query);
  }
  return body === undefined
    ? { status: 404, body: problemResponse(404, 'Not Found', `No such resource: /v1/${path}`) }
    : { status: 200, body };
}
