/**
 * SUNAT's destination names (upper-case Spanish, no code) → stable metric ids.
 *
 * Countries and territories get `destination/XX`, XX their ISO 3166-1 alpha-2 code, found by
 * i18n-iso-countries from its Spanish and English names and aliases after normalising accents,
 * case and punctuation, also trying SUNAT's inverted forms ("CAIMAN,ISLAS" → "Islas Caimán",
 * "CAMERUN, REPUBLICA UNIDA" → "Camerún"). Spellings the library cannot know (truncations,
 * old names, typos) are in SUNAT_SPELLINGS. Entries that are not a current country or
 * territory get `destination/other-…` (SPECIAL_DESTINATIONS). Anything else is unknown, and
 * the importer stops.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import type { Lang, Text } from '../types';
import { normaliseLabel } from './labels';

countries.registerLocale(es);
countries.registerLocale(en);

/** SUNAT spellings that the library's names do not cover, with the code they stand for. */
export const SUNAT_SPELLINGS: Readonly<Record<string, string>> = {
  ESPAÐA: 'ES', // ESPAÑA with a broken Ñ (2017–2018 sheets)
  BIELORUSIA: 'BY',
  'BONAIRE,SAN EUSTAQUIO Y SABA': 'BQ',
  'BOSNIA-HERZEGOVINA': 'BA',
  'COREA (NORTE),REPUBLICA': 'KP',
  'COREA (NORTE), REPUBLICA POPULAR DEMOCRATICA DE': 'KP',
  'COREA (SUR), REPUBLICA DE': 'KR',
  'FRANCE, METROPOLITAN': 'FR', // 2014 only, next to FRANCIA: merged into FR (see MERGED_INTO_COUNTRY)
  IRAK: 'IQ',
  'IRLANDA (EIRE)': 'IE',
  'ISLA SAN BARTOLOM+': 'BL',
  'SAN BARTOLOME': 'BL',
  // SUNAT does not say which part of the island; "SAN MARTIN" appears from 2013, when Sint
  // Maarten (and Curaçao) replaced the Netherlands Antilles, so the Dutch part is assumed.
  'ISLA SAN MARTIN': 'SX',
  'SAN MARTIN': 'SX',
  KAZAJSTAN: 'KZ',
  KIRGUIZISTAN: 'KG',
  'LAOS,REPUBLICA POPULAR': 'LA',
  'LAOS, REPUBLICA POPULAR DEMOCRATICA DE': 'LA',
  MACEDONIA: 'MK',
  'MACEDONIA F.Y.R.': 'MK',
  'MICRONESIA, ESTADOS FEDER': 'FM',
  'MICRONESIA, ESTADOS FEDERADOS DE': 'FM',
  'MONTSERRAT, ISLA': 'MS',
  'NAVIDAD (CHRISTMAS), ISLA': 'CX',
  'PALAU, ISLAS': 'PW',
  'PAPUASIA NUEVA GUINEA': 'PG',
  'REP. DEMOCRATICA DEL CONG': 'CD',
  'REPUBLICA DEMOCRATICA CON': 'CD',
  'REPUBLICA DEMOCRATICA DEL': 'CD',
  'REPUBLICA DEMOCRATICA DEL CONGO': 'CD',
  'REPUBLICA DEL CONGO': 'CG',
  'SAMOA NORTEAMERICANA': 'AS',
  'SAN CRISTOBAL Y NIEVES': 'KN',
  'SAN VICENTE Y LAS GRANADI': 'VC',
  'SANTA ELENA': 'SH',
  SAWSILANDIA: 'SZ',
  SUASILANDIA: 'SZ',
  'SIRIA, REPUBLICA ARABE DE': 'SY',
  SURINAM: 'SR',
  'SVALBARD AND JAN MAYEN IS': 'SJ',
  'SVALBARD AND JAN MAYEN ISLANDS': 'SJ',
  'TAIWAN (FORMOSA)': 'TW',
  // The British Antarctic Territory has no code of its own: ISO 3166-3 merged it into AQ.
  'TERRITORIO ANTARTICO BRIT': 'AQ',
  'TERRITORIO ANTARTICO BRITANICO': 'AQ',
  'TERRITORIO BRITANICO DEL': 'IO', // "… del Océano Índico", truncated
  'TIMOR DEL ESTE': 'TL',
  'TIMOR ORIENTAL': 'TL',
  TUNICIA: 'TN',
  'UNITED STATES MINOR OUTLY': 'UM',
  'VIET NAM': 'VN',
  'VIRGENES ISLAS (NORTEAMER': 'VI',
  'VIRGENES, ISLAS (NORTEAMERICANAS)': 'VI',
  'VIRGENES,ISLAS BRITANICAS': 'VG',
  'VIRGENES, ISLAS (BRITANICAS)': 'VG',
};

/**
 * Names that are part of a country that SUNAT lists separately in the same year; their
 * figures are added to that country instead of being an error as a duplicate.
 */
export const MERGED_INTO_COUNTRY: ReadonlySet<string> = new Set(['FRANCE, METROPOLITAN'].map(normaliseLabel));

export interface SpecialDestination {
  /** Id suffix: the metric id is `destination/other-…`. */
  slug: string;
  label: Text;
  /** SUNAT's spellings. */
  sunat: readonly string[];
}

/** Entries of G6 that are not a current country or territory. */
export const SPECIAL_DESTINATIONS: readonly SpecialDestination[] = [
  {
    slug: 'other-international-waters',
    label: { es: 'Aguas internacionales (abastecimiento a naves)', en: 'International waters (ship supplies)' },
    sunat: ['AGUAS INTERNACIONALES'],
  },
  {
    slug: 'other-peru-free-zones',
    label: { es: 'Zonas francas del Perú', en: 'Free-trade zones in Peru' },
    sunat: ['ZONAS FRANCAS DEL PERU'],
  },
  {
    slug: 'other-not-declared',
    label: { es: 'No declarados', en: 'Not declared' },
    sunat: ['NO DECLARADOS'],
  },
  {
    slug: 'other-unspecified-supplies',
    label: {
      es: 'País no precisado en operaciones de abastecimiento',
      en: 'Country not specified (ship-supply operations)',
    },
    sunat: ['PAIS NO PREC. EN OP. ABAS'],
  },
  {
    slug: 'other-netherlands-antilles',
    label: { es: 'Antillas Neerlandesas (antiguas)', en: 'Netherlands Antilles (former)' },
    sunat: ['ANTILLAS HOLANDESAS'],
  },
  {
    slug: 'other-serbia-montenegro',
    label: { es: 'Serbia y Montenegro (antigua)', en: 'Serbia and Montenegro (former)' },
    sunat: ['SERVIA Y MONTENEGRO'],
  },
  {
    slug: 'other-yugoslavia',
    label: { es: 'Yugoslavia (antigua)', en: 'Yugoslavia (former)' },
    sunat: ['YUGOSLAVIA'],
  },
  {
    slug: 'other-neutral-zone',
    label: { es: 'Zona neutral', en: 'Neutral zone' },
    sunat: ['ZONA NEUTRAL (PALESTINA)'],
  },
];

export type Destination = { type: 'country'; id: string; iso2: string; label: Text } | { type: 'special'; id: string; label: Text };

const spellings = new Map(Object.entries(SUNAT_SPELLINGS).map(([name, code]) => [normaliseLabel(name), code]));
const specials = new Map(SPECIAL_DESTINATIONS.flatMap((d) => d.sunat.map((name) => [normaliseLabel(name), d] as const)));

/**
 * Every Spanish and English name and alias of the library, normalised. Spanish wins over
 * English (SUNAT writes Spanish: "Congo" is CG in Spanish but either Congo in English); a
 * name shared by two codes within one language is dropped as ambiguous.
 */
const libraryNames: Map<string, string> = (() => {
  const index = new Map<string, string>();
  for (const lang of ['es', 'en'] as const) {
    const own = new Map<string, string | null>();
    for (const [code, names] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      for (const name of names) {
        const key = normaliseLabel(name);
        const known = own.get(key);
        own.set(key, known === undefined || known === code ? code : null);
      }
    }
    for (const [key, code] of own) if (code !== null && !index.has(key)) index.set(key, code);
  }
  return index;
})();

/** SUNAT's forms tried against the library: as written, and inverted around its comma. */
function candidateNames(name: string): string[] {
  const out = [normaliseLabel(name)];
  const [head, tail, ...rest] = name.split(',').map((s) => s.trim());
  if (head && tail && rest.length === 0) {
    out.push(normaliseLabel(`${tail} ${head}`), normaliseLabel(`${tail} de ${head}`));
    // "CAMERUN, REPUBLICA UNIDA", "TANZANIA, REPUBLICA UNIDA DE": the country's short name.
    if (/^rep(ublica)?\b/.test(normaliseLabel(tail))) out.push(normaliseLabel(head));
  }
  return out;
}

/** The destination a SUNAT name stands for, or null when it is unknown. */
export function resolveDestination(name: string): Destination | null {
  const key = normaliseLabel(name);
  const special = specials.get(key);
  if (special) return { type: 'special', id: `destination/${special.slug}`, label: special.label };
  let code = spellings.get(key);
  for (const candidate of code ? [] : candidateNames(name)) {
    code = libraryNames.get(candidate);
    if (code) break;
  }
  if (!code) return null;
  return { type: 'country', id: `destination/${code}`, iso2: code, label: countryLabel(code) };
}

/**
 * Codes whose official English name in i18n-iso-countries is not the one newsrooms write
 * ("People's Republic of China", "Taiwan, Province of China"): for these we take the
 * library's own alias ("China", "Taiwan", "United States") instead.
 */
const ENGLISH_ALIAS_PREFERRED = new Set(['CN', 'TW', 'US']);

/** Country names in both languages, from i18n-iso-countries (its official name, or its alias). */
export function countryLabel(code: string): Text {
  const name = (lang: Lang): string => {
    const select = lang === 'en' && ENGLISH_ALIAS_PREFERRED.has(code) ? 'alias' : 'official';
    const n = countries.getName(code, lang, { select });
    if (!n) throw new Error(`i18n-iso-countries has no ${lang} name for ${code}`);
    return n;
  };
  return { es: name('es'), en: name('en') };
}
