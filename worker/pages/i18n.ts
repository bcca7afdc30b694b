/**
 * The pages' words in Spanish and English. Figures and labels come from the dataset (already
 * in both languages); this holds only the pages' own text.
 */
import type { Lang, Theme } from '@peru-exports/widgets/render';
import type { EmbedKind, Frequency, RankingKind, SnippetForm } from './snippets';

export type { Lang };

/** The figures compared in the sources section, formatted for the language. */
export interface DifferFigures {
  year: string;
  /** The press release's total and growth (MINCETUR's reckoning). */
  release: string;
  releaseGrowth: string;
  /** SUNAT G6's total for the same year (sum of destinations). */
  g6: string;
}

export interface Strings {
  htmlLang: string;
  ogLocale: string;
  siteName: string;
  tagline: string;
  /** The alt text of a social preview image (og:image:alt): what it shows. */
  socialAlt: (label: string) => string;
  skipToContent: string;
  nav: { highlights: string; builder: string; sources: string; api: string };
  languageSwitch: string;
  otherLanguage: { lang: Lang; name: string };
  intro: string[];
  /** The front page's lead: the freshest official figures (pages/latest.ts). */
  latest: {
    title: string;
    lede: string;
    asOf: string;
    against: string;
    previous12: string;
    last12: string;
    ytd: string;
    ytdSpan: (from: string, to: string) => string;
    provisional: (from: string, note: string) => string;
    status: string;
  };
  highlights: { title: string; lede: string; sourceNote: string };
  builder: {
    title: string;
    lede: string;
    kind: string;
    kinds: Record<EmbedKind, string>;
    metric: string;
    metricHint: string;
    ranking: string;
    rankingOf: string;
    rankings: Record<RankingKind, string>;
    year: string;
    yearLatest: string;
    limit: string;
    period: string;
    from: string;
    to: string;
    freq: string;
    freqs: Record<Frequency | 'default', string>;
    theme: string;
    themes: Record<Theme, string>;
    language: string;
    size: string;
    width: string;
    height: string;
    sizeHint: string;
    update: string;
    preview: string;
    previewNote: string;
    updated: string;
    updateFailed: string;
    snippets: string;
    forms: Record<SnippetForm, { title: string; hint: string }>;
    copy: string;
    copied: string;
    copyFailed: string;
    share: string;
    issues: string;
  };
  sources: {
    title: string;
    lede: string;
    definition: string;
    unit: string;
    coverage: string;
    licence: string;
    notes: string;
    differTitle: string;
    differ: (figures: DifferFigures) => string[];
    preliminaryTitle: string;
    preliminary: string;
  };
  api: { title: string; lede: string; reference: string; openapi: string; catalogue: string };
  metric: {
    home: string;
    latest: string;
    change: string;
    previous: string;
    share: string;
    chart: string;
    table: string;
    tableCaption: (label: string) => string;
    monthsCaption: (label: string) => string;
    allMonths: string;
    period: string;
    value: string;
    growth: string;
    /** A partial year's note: the months its change compares ("ene–abr 2025 frente a ene–abr 2024"). */
    partialChange: (range: string, against: string) => string;
    preliminary: string;
    derived: string;
    embed: string;
    customise: string;
    source: string;
    description: (label: string, value: string, period: string) => string;
    notFound: string;
  };
  footer: string;
}

export const STRINGS: Record<Lang, Strings> = {
  es: {
    htmlLang: 'es',
    ogLocale: 'es_PE',
    siteName: 'Exportaciones del Perú',
    tagline: 'Las cifras de exportación del Perú, listas para su sitio',
    socialAlt: (label) => `${label}: último valor, variación anual y gráfico de los últimos cinco años, con su fuente`,
    skipToContent: 'Ir al contenido',
    nav: { highlights: 'Cifras', builder: 'Insertar', sources: 'Fuentes', api: 'API' },
    languageSwitch: 'Idioma',
    otherLanguage: { lang: 'en', name: 'English' },
    intro: [
      'Las exportaciones del Perú mes a mes, por sector y por país de destino, con la fuente de cada cifra. Para redacciones, blogs y desarrolladores: tarjetas y minigráficos que se actualizan solos, imágenes SVG para enlazar y una API JSON y CSV.',
      'Copie una línea de HTML y su artículo mostrará la cifra más reciente, en español o en inglés, en tema claro u oscuro.',
    ],
    latest: {
      title: 'Las cifras más recientes',
      lede: 'Exportaciones del Perú según el BCRP, mes a mes: se actualizan solas cuando el BCRP publica un nuevo mes.',
      asOf: 'Datos al',
      against: 'frente a',
      previous12: 'los 12 meses anteriores',
      last12: 'Últimos 12 meses',
      ytd: 'En lo que va del año',
      ytdSpan: (from, to) => `${from} – ${to}`,
      provisional: (from, note) => `Cifras preliminares desde ${from}. ${note}`,
      status: 'Cuándo se actualizó cada fuente',
    },
    highlights: {
      title: 'El 2024 en cifras',
      lede: 'Las cifras destacadas del año, en vivo. Cada tarjeta es un componente que usted puede insertar.',
      sourceNote: 'Cifras de la nota de prensa de PROMPERÚ, que sigue el cálculo del MINCETUR.',
    },
    builder: {
      title: 'Inserte una cifra en su sitio',
      lede: 'Elija qué mostrar y cómo; la vista previa y el código se actualizan al instante.',
      kind: 'Tipo',
      kinds: {
        card: 'Tarjeta (en vivo)',
        sparkline: 'Minigráfico (en vivo)',
        ranking: 'Ranking (en vivo)',
        'card-image': 'Imagen de la tarjeta (SVG, sin script)',
        'sparkline-image': 'Imagen del minigráfico (SVG, sin script)',
        'chart-image': 'Gráfico con ejes (SVG, sin script)',
      },
      metric: 'Serie',
      metricHint: 'Escriba para buscar: un sector, un producto o un país (por ejemplo, «China»); se usa el código de la lista.',
      ranking: 'Ranking',
      rankingOf: 'Qué se ordena',
      rankings: { destinations: 'Países de destino', sectors: 'Sectores' },
      year: 'Año',
      yearLatest: 'Últimos 12 meses',
      limit: 'Filas',
      period: 'Periodo',
      from: 'Desde',
      to: 'Hasta',
      freq: 'Frecuencia',
      freqs: { default: 'La de la serie', monthly: 'Mensual', annual: 'Anual' },
      theme: 'Tema',
      themes: { light: 'Claro', dark: 'Oscuro', auto: 'Según el lector' },
      language: 'Idioma',
      size: 'Tamaño',
      width: 'Ancho (px)',
      height: 'Alto (px)',
      sizeHint: 'Vacío: el tamaño por defecto.',
      update: 'Actualizar vista previa',
      preview: 'Vista previa',
      previewNote: 'Así se verá en su página.',
      updated: 'Vista previa y código actualizados.',
      updateFailed: 'No se pudo actualizar la vista previa; use el botón «Actualizar vista previa».',
      snippets: 'Código para copiar',
      forms: {
        html: { title: 'HTML: script y elemento', hint: 'Una línea. Se actualiza sola; si el script no corre, muestra la imagen.' },
        pinned: {
          title: 'HTML con versión fija (SRI)',
          hint: 'El script de esta versión con su hash: el navegador no ejecuta otro código. Esta versión se sigue sirviendo tras las siguientes: copia de nuevo este código para recibir sus correcciones.',
        },
        image: { title: 'Imagen <img>', hint: 'Sin JavaScript: una imagen SVG que se regenera con cada dato nuevo.' },
        newsletter: {
          title: 'Imagen PNG para boletines',
          hint: 'Para correos y boletines, que no muestran SVG: la misma imagen en PNG, nítida en pantallas de alta densidad.',
        },
        markdown: { title: 'Markdown', hint: 'Para GitHub, foros y blogs en Markdown; enlaza a la página de la serie.' },
        json: { title: 'Datos en JSON', hint: 'Los mismos datos que muestra el componente.' },
        csv: { title: 'Datos en CSV', hint: 'Para hojas de cálculo.' },
      },
      copy: 'Copiar',
      copied: 'Copiado',
      copyFailed: 'No se pudo copiar: seleccione el código y cópielo a mano.',
      share: 'Enlace a esta configuración',
      issues: 'Algunas opciones no son válidas y se usó el valor por defecto:',
    },
    sources: {
      title: 'De dónde vienen los datos',
      lede: 'Cada cifra lleva su fuente, y las series de fuentes distintas nunca se mezclan.',
      definition: 'Qué mide',
      unit: 'Unidad',
      coverage: 'Cobertura',
      licence: 'Licencia',
      notes: 'Notas',
      differTitle: '¿Por qué la nota de prensa y SUNAT no coinciden?',
      differ: (f) => [
        `La nota de prensa de PROMPERÚ sigue el cálculo del MINCETUR: exportaciones totales de ${f.year} por ${f.release} (${f.releaseGrowth}).`,
        `El cuadro G6 de SUNAT (exportación definitiva por país de destino) suma ${f.g6} para el mismo año; y el cuadro G1 (por sector) puede diferir a su vez del G6.`,
        'Todas parten de datos de aduanas, pero se calculan de manera distinta; la serie del Banco Mundial sigue la balanza de pagos (como el BCRP) y queda por encima de las de aduanas. Por eso cada cifra indica su fuente y ninguna serie mezcla fuentes.',
      ],
      preliminaryTitle: 'Cifras preliminares',
      preliminary:
        'Las cifras de 2024 y 2025 son preliminares: las declaraciones de concentrados de minerales pueden regularizarse hasta siete meses después del embarque (Decreto Supremo 367-2019-EF). Las cifras se fechan por mes de embarque.',
    },
    api: {
      title: 'API para desarrolladores',
      lede: 'Todo lo que muestran estas páginas está en la API, en JSON y CSV, con CORS abierto.',
      reference: 'Referencia de la API',
      openapi: 'Documento OpenAPI',
      catalogue: 'Catálogo de series',
    },
    metric: {
      home: 'Inicio',
      latest: 'Último dato',
      change: 'Variación anual',
      previous: 'Un año antes',
      share: 'Participación',
      chart: 'Evolución',
      table: 'Datos',
      tableCaption: (label) => `${label}: valores anuales`,
      monthsCaption: (label) => `${label}: valores mensuales`,
      allMonths: 'Ver todos los meses',
      period: 'Periodo',
      value: 'Valor',
      growth: 'Variación',
      partialChange: (range, against) => `año parcial: variación de ${range} frente a ${against}`,
      preliminary: 'preliminar',
      derived: 'derivado del valor y la variación publicados',
      embed: 'Insertar esta serie',
      customise: 'Personalizar en el constructor',
      source: 'Fuente',
      description: (label, value, period) => `${label}: ${value} (${period}). Datos abiertos con su fuente, para insertar en su sitio.`,
      notFound: 'No existe esa serie.',
    },
    footer: 'Datos: BCRP, SUNAT, PROMPERÚ y Banco Mundial. Código abierto bajo licencia MIT.',
  },
  en: {
    htmlLang: 'en',
    ogLocale: 'en_US',
    siteName: "Peru's exports",
    tagline: "Peru's export figures, ready for your site",
    socialAlt: (label) => `${label}: latest value, change on a year earlier and a chart of the last five years, with its source`,
    skipToContent: 'Skip to content',
    nav: { highlights: 'Figures', builder: 'Embed', sources: 'Sources', api: 'API' },
    languageSwitch: 'Language',
    otherLanguage: { lang: 'es', name: 'Español' },
    intro: [
      "Peru's exports month by month, by sector and by destination country, each figure with its source. For newsrooms, blogs and developers: cards and sparklines that keep themselves up to date, SVG images to hotlink, and a JSON and CSV API.",
      'Copy one line of HTML and your story shows the latest figure, in Spanish or English, in a light or dark theme.',
    ],
    latest: {
      title: 'The latest figures',
      lede: "Peru's exports as the BCRP reports them, month by month: they update on their own when the BCRP publishes a new month.",
      asOf: 'As of',
      against: 'against',
      previous12: 'the 12 months before',
      last12: 'Last 12 months',
      ytd: 'Year to date',
      ytdSpan: (from, to) => `${from} – ${to}`,
      provisional: (from, note) => `Preliminary from ${from} on. ${note}`,
      status: 'When each source was last updated',
    },
    highlights: {
      title: '2024 at a glance',
      lede: "The year's headline figures, live. Each card is a component you can embed.",
      sourceNote: "Figures from PROMPERÚ's press release, which follows MINCETUR's reckoning.",
    },
    builder: {
      title: 'Embed a figure in your site',
      lede: 'Choose what to show and how; the preview and the code update as you go.',
      kind: 'Kind',
      kinds: {
        card: 'Card (live)',
        sparkline: 'Sparkline (live)',
        ranking: 'Ranking (live)',
        'card-image': 'Card image (SVG, no script)',
        'sparkline-image': 'Sparkline image (SVG, no script)',
        'chart-image': 'Chart with axes (SVG, no script)',
      },
      metric: 'Series',
      metricHint: 'Type to search: a sector, a product or a country (e.g. “China”); the id from the list is used.',
      ranking: 'Ranking',
      rankingOf: 'What to rank',
      rankings: { destinations: 'Destination countries', sectors: 'Sectors' },
      year: 'Year',
      yearLatest: 'Latest 12 months',
      limit: 'Rows',
      period: 'Period',
      from: 'From',
      to: 'To',
      freq: 'Frequency',
      freqs: { default: "The series' own", monthly: 'Monthly', annual: 'Annual' },
      theme: 'Theme',
      themes: { light: 'Light', dark: 'Dark', auto: "Follow the reader's setting" },
      language: 'Language',
      size: 'Size',
      width: 'Width (px)',
      height: 'Height (px)',
      sizeHint: 'Empty: the default size.',
      update: 'Update preview',
      preview: 'Preview',
      previewNote: 'This is how it will look on your page.',
      updated: 'Preview and code updated.',
      updateFailed: 'Could not update the preview; use the “Update preview” button.',
      snippets: 'Code to copy',
      forms: {
        html: { title: 'HTML: script and element', hint: 'One line. Updates itself; shows the image where the script cannot run.' },
        pinned: {
          title: 'HTML pinned to this version (SRI)',
          hint: "This release's script with its hash: the browser runs no other code. It stays served after later releases: copy this again to get their fixes.",
        },
        image: { title: '<img> image', hint: 'No JavaScript: an SVG image redrawn with every new figure.' },
        newsletter: {
          title: 'PNG image for newsletters',
          hint: 'For e-mail and newsletters, which show no SVG: the same image as a PNG, sharp on high-density screens.',
        },
        markdown: { title: 'Markdown', hint: "For GitHub, forums and Markdown blogs; links to the series' page." },
        json: { title: 'Data as JSON', hint: 'The same data the component shows.' },
        csv: { title: 'Data as CSV', hint: 'For spreadsheets.' },
      },
      copy: 'Copy',
      copied: 'Copied',
      copyFailed: 'Could not copy: select the code and copy it by hand.',
      share: 'Link to these settings',
      issues: 'Some options are not valid; their defaults were used:',
    },
    sources: {
      title: 'Where the data come from',
      lede: 'Every figure carries its source, and series from different sources are never mixed.',
      definition: 'What it measures',
      unit: 'Unit',
      coverage: 'Coverage',
      licence: 'Licence',
      notes: 'Notes',
      differTitle: "Why don't the press release and SUNAT agree?",
      differ: (f) => [
        `PROMPERÚ's press release follows MINCETUR's reckoning: total ${f.year} exports of ${f.release} (${f.releaseGrowth}).`,
        `SUNAT's table G6 (definitive exports by destination country) adds up to ${f.g6} for the same year; table G1 (by sector) can differ from G6 in turn.`,
        'All start from customs data but are computed differently; the World Bank series follows the balance of payments (as the central bank, BCRP, does) and runs above the customs totals. That is why every figure names its source and no series mixes sources.',
      ],
      preliminaryTitle: 'Preliminary figures',
      preliminary:
        'Figures for 2024 and 2025 are preliminary: declarations of mineral concentrates can be regularised for up to seven months after shipment (Supreme Decree 367-2019-EF). Figures are dated by month of shipment.',
    },
    api: {
      title: 'API for developers',
      lede: 'Everything these pages show is in the API, as JSON and CSV, with open CORS.',
      reference: 'API reference',
      openapi: 'OpenAPI document',
      catalogue: 'Series catalogue',
    },
    metric: {
      home: 'Home',
      latest: 'Latest',
      change: 'Year-on-year change',
      previous: 'A year earlier',
      share: 'Share',
      chart: 'Over time',
      table: 'Data',
      tableCaption: (label) => `${label}: annual values`,
      monthsCaption: (label) => `${label}: monthly values`,
      allMonths: 'Show every month',
      period: 'Period',
      value: 'Value',
      growth: 'Change',
      partialChange: (range, against) => `partial year: change ${range} vs ${against}`,
      preliminary: 'preliminary',
      derived: 'derived from the published level and growth',
      embed: 'Embed this series',
      customise: 'Customise in the builder',
      source: 'Source',
      description: (label, value, period) => `${label}: ${value} (${period}). Open data with its source, ready to embed.`,
      notFound: 'There is no such series.',
    },
    footer: 'Data: BCRP, SUNAT, PROMPERÚ and the World Bank. Open source under the MIT licence.',
  },
};
