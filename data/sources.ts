/**
 * Where every figure comes from and what it means. Each series and highlight names one of
 * these sources by id; figures of different sources are never mixed.
 */
import { BCRP_SOURCE_ID } from './bcrp/series';
import { EU27_MEMBERS } from './eu-members';
import type { Source, Text } from './types';

const SUNAT_URL = 'https://www.sunat.gob.pe/estadisticasestudios/exportaciones.html';
const SUNAT_PUBLISHER = 'SUNAT (Superintendencia Nacional de Aduanas y de Administración Tributaria, Perú)';
const SUNAT_COVERAGE = '2005-01 to 2025-04, monthly';
const SUNAT_UNIT: Text = { es: 'US$ FOB (dólares corrientes)', en: 'US$ FOB (current dollars)' };
const SUNAT_TERMS = 'No licence stated; public statistics of the Peruvian State, reused with attribution ("Fuente: SUNAT")';

/**
 * SUNAT's latest months run low until mineral-concentrate declarations are regularised, up to
 * seven months later: against BCRP's figures for the same months its total is 2–4 % lower
 * through November 2024, then 10 % (December 2024, January 2025), 15 % (February), 18 % (March)
 * and 25 % lower (April 2025). It publishes the workbooks monthly, about a month after the month.
 */
const SUNAT_REVISION: Source['revision'] = {
  months: 7,
  kind: 'incomplete',
  note: {
    es:
      'Los últimos 7 meses están incompletos: las exportaciones de concentrados de minerales se regularizan hasta siete ' +
      'meses después, por lo que esas cifras suelen subir al revisarse (hasta un 25 % en el último mes).',
    en:
      'The latest 7 months are incomplete: mineral-concentrate exports are regularised up to seven months later, so ' +
      'those figures usually rise when revised (by up to 25% in the latest month).',
  },
};
const SUNAT_CADENCE: Source['cadence'] = { every: 'month', lagMonths: 2 };

/** Caveats shared by both SUNAT tables. */
const SUNAT_NOTES: Text[] = [
  {
    es:
      'Cifras de 2024 y 2025 preliminares: la regularización de las exportaciones de concentrados de minerales metalíferos ' +
      'puede tardar hasta siete meses (Decreto Supremo N.º 367-2019-EF, art. 83; procedimiento DESPA-PG.02), por lo que ' +
      'SUNAT las actualizará. Las cifras se fechan por mes de embarque e incluyen las exportaciones regularizadas.',
    en:
      'Figures for 2024 and 2025 are preliminary: exports of metal-ore concentrates may be regularised for up to seven ' +
      'months (Supreme Decree 367-2019-EF, art. 83; procedure DESPA-PG.02), so SUNAT will revise them. Figures are dated ' +
      'by shipment month and include regularised exports.',
  },
  {
    es:
      'Corrección de unidad: las hojas dicen «(Miles de US$ FOB)», pero las celdas contienen dólares: el total de enero ' +
      'de 2025 es 6 429 674 714,79, es decir, 6430 millones de US$, y los totales anuales concuerdan con los del Banco ' +
      'Mundial (2005–2019) solo leídos en dólares. Se guardan en dólares enteros (redondeados).',
    en:
      'Unit correction: the sheets say "(Miles de US$ FOB)" (thousands of US$), but the cells hold US dollars: the ' +
      'January 2025 total is 6,429,674,714.79, i.e. USD 6.43 billion, and the annual totals agree with the World Bank’s ' +
      '(2005–2019) only when read as dollars. Stored as whole dollars (rounded).',
  },
  {
    es:
      'Los totales de los cuadros G1 (por sector) y G6 (por destino) difieren en algunos años (2018: 49 180 frente a ' +
      '48 020 millones de US$). Las cifras de cada cuadro se quedan en su cuadro: ninguna serie mezcla ambos.',
    en:
      'The totals of tables G1 (by sector) and G6 (by destination) differ in some years (2018: USD 49.18 vs 48.02 ' +
      'billion). Each table’s figures stay that table’s: no series mixes the two.',
  },
];

export const SOURCES: readonly Source[] = [
  {
    id: 'sunat-g1',
    publisher: SUNAT_PUBLISHER,
    title: {
      es: 'Nota Tributaria y Aduanera, Cuadro G1: Exportación definitiva según sector económico',
      en: 'Nota Tributaria y Aduanera, Table G1: Definitive exports by economic sector',
    },
    url: SUNAT_URL,
    definition: {
      es:
        'Exportaciones bajo el régimen aduanero de exportación definitiva, valor FOB, por sector económico: productos ' +
        'tradicionales (minero, pesquero, petróleo y gas natural, agrícola, con sus principales productos), productos no ' +
        'tradicionales (agropecuario, textil, pesquero, químico, metal-mecánico, sidero-metalúrgico, minería no metálica, ' +
        'resto) y otros (abastecimiento de alimentos y combustibles a naves extranjeras).',
      en:
        'Exports under the definitive export customs regime, FOB value, by economic sector: traditional products (mining, ' +
        'fishing, oil and natural gas, agriculture, with their main products), non-traditional products (agriculture and ' +
        'livestock, textiles, fishing, chemicals, metalworking, iron and steel, non-metallic mining, other) and other ' +
        '(food and fuel supplied to foreign ships).',
    },
    unit: SUNAT_UNIT,
    coverage: SUNAT_COVERAGE,
    licence: SUNAT_TERMS,
    revision: SUNAT_REVISION,
    cadence: SUNAT_CADENCE,
    notes: [
      ...SUNAT_NOTES,
      {
        es:
          'En 2015, 2016 y 2017 el «Total (I+II+III)» publicado supera la suma de I + II + III en 310,0, 317,3 y 3,5 ' +
          'millones de US$ (y en 56 y 37,50 US$ en 2018 y 2019); todas las demás filas suman exactamente. El total se ' +
          'conserva tal como se publicó, por lo que en esos años las participaciones de los grupos suman algo menos de 100 %.',
        en:
          'In 2015, 2016 and 2017 the published "Total (I+II+III)" exceeds the sum of I + II + III by USD 310.0, 317.3 and ' +
          '3.5 million (and by US$56 and US$37.50 in 2018 and 2019); every other row adds up exactly. The total is kept as ' +
          'published, so in those years the groups’ shares add up to slightly less than 100%.',
      },
      {
        es:
          'Notas de SUNAT: Plomo incluye contenidos de plata; Estaño no incluye las exportaciones temporales de Minsur S.A. ' +
          '(ventas en consignación); Resto minero incluye principalmente molibdeno, bismuto y tungsteno; Resto agrícola ' +
          'incluye hoja de coca y derivados, melazas, lanas y pieles; Otros incluye abastecimiento de alimentos y ' +
          'combustibles a naves extranjeras. Hasta 2019 la fila de plata se llama «Plata refinada».',
        en:
          'SUNAT’s footnotes: lead includes silver content; tin excludes temporary exports by Minsur S.A. (consignment ' +
          'sales); other mining is mainly molybdenum, bismuth and tungsten; other agricultural includes coca leaf and ' +
          'derivatives, molasses, wool and hides; other (III) is food and fuel supplied to foreign ships. Until 2019 the ' +
          'silver row reads "Plata refinada" (refined silver).',
      },
    ],
  },
  {
    id: 'sunat-g6',
    publisher: SUNAT_PUBLISHER,
    title: {
      es: 'Nota Tributaria y Aduanera, Cuadro G6: Régimen aduanero de exportación definitiva: ranking de principales países de destino',
      en: 'Nota Tributaria y Aduanera, Table G6: Definitive export customs regime, ranking of main destination countries',
    },
    url: SUNAT_URL,
    definition: {
      es: 'Exportaciones bajo el régimen aduanero de exportación definitiva, valor FOB, por país de destino.',
      en: 'Exports under the definitive export customs regime, FOB value, by country of destination.',
    },
    unit: SUNAT_UNIT,
    coverage: SUNAT_COVERAGE,
    licence: SUNAT_TERMS,
    revision: SUNAT_REVISION,
    cadence: SUNAT_CADENCE,
    notes: [
      ...SUNAT_NOTES,
      {
        es:
          'SUNAT nombra los países sin código; este proyecto asigna el código ISO 3166-1 alfa-2 a cada nombre ' +
          '(destination/XX). Las entradas que no son un país ni territorio actual (aguas internacionales, zonas francas ' +
          'del Perú, no declarados, antiguas Antillas Neerlandesas, Yugoslavia, Serbia y Montenegro…) tienen un id ' +
          'destination/other-…. «FRANCE, METROPOLITAN» (2014) se suma a Francia; «SAN MARTIN» se asume Sint Maarten (SX).',
        en:
          'SUNAT names countries without a code; this project assigns each name its ISO 3166-1 alpha-2 code ' +
          '(destination/XX). Entries that are not a current country or territory (international waters, free-trade zones ' +
          'in Peru, not declared, the former Netherlands Antilles, Yugoslavia, Serbia and Montenegro…) have an id ' +
          'destination/other-…. "FRANCE, METROPOLITAN" (2014) is added to France; "SAN MARTIN" is taken to be Sint Maarten (SX).',
      },
      {
        es:
          `Unión Europea (destination/EU): suma de los 27 miembros actuales (${EU27_MEMBERS.join(', ')}) en todos los ` +
          'años, también antes de la entrada de Croacia (2013) y sin el Reino Unido en ningún año; sin los territorios ' +
          'que SUNAT lista aparte (Guadalupe, Martinica, Reunión, Guayana Francesa…).',
        en:
          `European Union (destination/EU): the sum of the 27 current members (${EU27_MEMBERS.join(', ')}) in every ` +
          'year, also before Croatia joined (2013) and without the United Kingdom in any year; excluding territories that ' +
          'SUNAT lists separately (Guadeloupe, Martinique, Réunion, French Guiana…).',
      },
      {
        es:
          'Cada año lista solo los destinos de ese año: un destino ausente de la hoja de un año no tiene valor (null), a ' +
          'diferencia de uno listado con 0.',
        en:
          'Each year lists only that year’s destinations: a destination absent from a year’s sheet has no value (null), ' +
          'unlike one listed with 0.',
      },
    ],
  },
  {
    id: 'worldbank-wdi',
    publisher: 'World Bank',
    title: {
      es: 'Indicadores del Desarrollo Mundial: Exportaciones de mercancías (US$ a precios actuales), TX.VAL.MRCH.CD.WT',
      en: 'World Development Indicators: Merchandise exports (current US$), TX.VAL.MRCH.CD.WT',
    },
    url: 'https://github.com/open-numbers/ddf--world_bank--world_development_indicators',
    definition: {
      es:
        'Exportaciones de mercancías del Perú, valor FOB en dólares corrientes, según la definición de balanza de pagos ' +
        '(como la del Banco Central de Reserva del Perú).',
      en:
        'Peru’s merchandise exports, FOB value in current US dollars, following the balance-of-payments definition (as ' +
        'the Central Reserve Bank of Peru, BCRP, does).',
    },
    unit: {
      es: 'US$ (publicado en millones de US$, guardado en dólares)',
      en: 'US$ (published in US$ million, stored in dollars)',
    },
    coverage: '1960 to 2019, annual',
    licence: 'CC BY 4.0',
    revision: null,
    // An archived extract (1960–2019): it is not refreshed, so it is never "stale".
    cadence: null,
    notes: [
      {
        es:
          'Definición de balanza de pagos: sus totales no coinciden con los totales aduaneros de SUNAT (suelen ser ' +
          'mayores) y nunca se mezclan con ellos.',
        en:
          'Balance-of-payments definition: its totals do not match SUNAT’s customs totals (they usually run above them) ' +
          'and are never mixed with them.',
      },
      {
        es:
          'Leído de la copia DDF de open-numbers (datapoints/ddf--datapoints--tx_val_mrch_cd_wt--by--economy--year.csv), ' +
          'en millones de US$ redondeados: multiplicado por 1 000 000, su precisión es de un millón.',
        en:
          'Read from the open-numbers DDF copy (datapoints/ddf--datapoints--tx_val_mrch_cd_wt--by--economy--year.csv), in ' +
          'whole US$ million: multiplied by 1,000,000, so its precision is one million.',
      },
    ],
  },
  {
    id: 'promperu-2024',
    publisher: 'PROMPERÚ (Comisión de Promoción del Perú para la Exportación y el Turismo)',
    title: {
      es: 'El crecimiento histórico de las exportaciones peruanas amplía su alcance global (nota de prensa)',
      en: 'Peru’s Historic Export Growth Expands its Global Reach (press release)',
    },
    url: 'https://newsdirect.com/news/perus-historic-export-growth-expands-its-global-reach-321549447',
    definition: {
      es:
        'Cifras de las exportaciones peruanas de 2024 según el cálculo del MINCETUR (Ministerio de Comercio Exterior y ' +
        'Turismo), basado en datos aduaneros, difundidas por PROMPERÚ a través de News Direct.',
      en:
        'Figures on Peru’s 2024 exports as reckoned by MINCETUR (Ministry of Foreign Trade and Tourism), built on customs ' +
        'data, released by PROMPERÚ through News Direct.',
    },
    unit: {
      es: 'US$ (redondeados a 100 millones, como se publicaron), porcentajes',
      en: 'US$ (rounded to 0.1 billion, as published), percent',
    },
    coverage: '2024, annual (growth against 2023)',
    licence: 'Press release; no licence stated, quoted with attribution',
    revision: null,
    cadence: null,
    notes: [
      {
        es:
          'Sigue el cálculo del MINCETUR: su total de 2024 (74 700 millones de US$, +15,6 %) difiere del total del ' +
          'cuadro G6 de SUNAT (73 590 millones) y del total de balanza de pagos del BCRP. Cada cifra se muestra con su ' +
          'propia fuente; las series de SUNAT relacionadas solo sirven de comparación.',
        en:
          'Follows MINCETUR’s reckoning: its 2024 total (USD 74.7 billion, +15.6%) differs from SUNAT’s table G6 total ' +
          '(USD 73.59 billion) and from the BCRP’s balance-of-payments total. Each figure is shown with its own source; ' +
          'the related SUNAT series are for comparison only.',
      },
      {
        es:
          'Los niveles de 2023 no figuran en la nota: se derivan del nivel de 2024 y su tasa de crecimiento ' +
          '(nivel / (1 + tasa/100)) y se marcan como derivados.',
        en:
          'The 2023 levels are not in the release: they are derived from the 2024 level and its growth rate ' +
          '(level / (1 + rate/100)) and marked as derived.',
      },
    ],
  },
  {
    id: BCRP_SOURCE_ID,
    publisher: 'BCRP (Banco Central de Reserva del Perú)',
    title: {
      es: 'BCRPData, series mensuales: Exportaciones (millones de US$ FOB), PN38714BM a PN38717BM',
      en: 'BCRPData, monthly series: Exports (US$ million FOB), PN38714BM to PN38717BM',
    },
    url: 'https://estadisticas.bcrp.gob.pe/estadisticas/series/',
    definition: {
      es:
        'Exportaciones de bienes del Perú según la balanza de pagos, valor FOB: total, productos tradicionales, no ' +
        'tradicionales y otros, en millones de US$ por mes, leídas de la API de estadísticas del BCRP.',
      en:
        'Peru’s goods exports on a balance-of-payments basis, FOB value: total, traditional, non-traditional and other ' +
        'products, in US$ million a month, read from the BCRP’s statistics API.',
    },
    unit: {
      es: 'US$ FOB (publicado en millones de US$, guardado en dólares enteros)',
      en: 'US$ FOB (published in US$ million, stored in whole dollars)',
    },
    coverage: 'monthly, refreshed from the BCRP’s API (see /v1/status for the latest month)',
    licence: 'No licence stated; public statistics of the Peruvian central bank, reused with attribution ("Fuente: BCRP")',
    revision: {
      months: 6,
      kind: 'estimate',
      note: {
        es:
          'El BCRP revisa sus cifras de los meses recientes (de julio a noviembre de 2025 cambiaron en unos 1700 millones ' +
          'de US$ entre dos publicaciones): los últimos 6 meses son preliminares.',
        en:
          'The BCRP revises its figures for recent months (July to November 2025 moved by about USD 1.7 billion between ' +
          'two releases): the latest 6 months are preliminary.',
      },
    },
    cadence: { every: 'month', lagMonths: 2 },
    notes: [
      {
        es:
          'Cálculo de balanza de pagos del BCRP: difiere de los cuadros aduaneros de SUNAT (en 2024 suma unos 76 400 ' +
          'millones de US$ frente a 73 590 millones de SUNAT). Las series del BCRP (bcrp/…) nunca se mezclan con las de SUNAT.',
        en:
          'The BCRP’s balance-of-payments reckoning: it differs from SUNAT’s customs tables (2024 sums to about USD 76.4 ' +
          'billion against SUNAT’s 73.59 billion). BCRP series (bcrp/…) are never mixed with SUNAT’s.',
      },
      {
        es:
          'Se actualiza sola: una tarea programada consulta la API del BCRP, comprueba el resultado completo y publica una ' +
          'nueva versión solo si es válido; hasta entonces se sirve la última versión buena (la incluida: BCRP, mediados de febrero de 2026).',
        en:
          'Refreshed on its own: a scheduled task reads the BCRP’s API, checks the whole result and publishes a new version ' +
          'only when it is sound; until then the last good version is served (the bundled one: BCRP, about mid-February 2026).',
      },
    ],
  },
];
